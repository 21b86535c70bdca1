"""Optional abstractive summaries through an OpenAI-compatible chat API.

Why behind a protocol with an injectable transport (the client is shared with the answer
room's phrasing: ``motcua._llm``): no model is required or available here; the structured
extractive summary always works, and this client is tested against a local stand-in
(``httpx.MockTransport``). The model sees numbered sentences with their locations and must
cite them as [n]; sentences it cites are mapped back to locations, and an answer that
cites nothing is refused rather than shown uncited.
"""

from __future__ import annotations

import re

from motcua._errors import ExternalServiceError
from motcua._llm import ChatClient, OpenAICompatibleClient, client_from_settings
from motcua.documents.summarize import Summary

__all__ = ["ChatClient", "OpenAICompatibleClient", "abstractive_summary", "client_from_settings"]

_CITE = re.compile(r"\[(\d{1,3})\]")
_SYSTEM = (
    "Bạn tóm tắt văn bản hành chính tiếng Việt. Chỉ dùng các câu được đánh số bên dưới. "
    "Sau mỗi câu tóm tắt, ghi số câu nguồn trong ngoặc vuông, ví dụ [2]. Không thêm thông tin."
)


def abstractive_summary(client: ChatClient, summary: Summary) -> str:
    """A short prose summary whose sentences cite the numbered source sentences' locations."""
    sources = [*summary.structure, *summary.key_points, *summary.deadlines, *summary.figures]
    if not sources:
        return ""
    numbered = "\n".join(f"[{i}] ({s.location}) {s.text}" for i, s in enumerate(sources, 1))
    head = " ".join(x for x in (summary.doc_type, summary.number, summary.subject) if x)
    text = client.complete([
        {"role": "system", "content": _SYSTEM},
        {"role": "user", "content": f"Văn bản: {head}\n\n{numbered}"},
    ])
    cited = [int(n) for n in _CITE.findall(text) if 1 <= int(n) <= len(sources)]
    if not cited:
        raise ExternalServiceError("the LLM summary cites no source sentence",
                                   hint="use the extractive summary")
    return _CITE.sub(lambda m: f"[{sources[int(m.group(1)) - 1].location}]"
                     if 1 <= int(m.group(1)) <= len(sources) else "", text).strip()
