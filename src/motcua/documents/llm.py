"""Optional abstractive summaries through an OpenAI-compatible chat API.

Why behind a protocol with an injectable transport: no model is required or available here;
the structured extractive summary always works, and this client is tested against a local
stand-in (``httpx.MockTransport``). The model sees numbered sentences with their locations and
must cite them as [n]; sentences it cites are mapped back to locations, and an answer that
cites nothing is refused rather than shown uncited.
"""

from __future__ import annotations

import re
from typing import Protocol

import httpx

from motcua._errors import ConfigError, ExternalServiceError
from motcua._settings import get_settings
from motcua.documents.summarize import Summary

__all__ = ["ChatClient", "OpenAICompatibleClient", "abstractive_summary", "client_from_settings"]

_CITE = re.compile(r"\[(\d{1,3})\]")
_SYSTEM = (
    "Bạn tóm tắt văn bản hành chính tiếng Việt. Chỉ dùng các câu được đánh số bên dưới. "
    "Sau mỗi câu tóm tắt, ghi số câu nguồn trong ngoặc vuông, ví dụ [2]. Không thêm thông tin."
)


class ChatClient(Protocol):
    def complete(self, messages: list[dict[str, str]]) -> str: ...


class OpenAICompatibleClient:
    def __init__(self, base_url: str, model: str, api_key: str | None = None, *,
                 transport: httpx.BaseTransport | None = None, timeout: float = 60.0) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.model = model
        self.http = httpx.Client(base_url=base_url.rstrip("/"), headers=headers,
                                 transport=transport, timeout=timeout)

    def complete(self, messages: list[dict[str, str]]) -> str:
        try:
            resp = self.http.post("/chat/completions", json={
                "model": self.model, "messages": messages, "temperature": 0})
            resp.raise_for_status()
            return str(resp.json()["choices"][0]["message"]["content"])
        except (httpx.HTTPError, KeyError, IndexError, ValueError, TypeError) as exc:
            raise ExternalServiceError(f"LLM request failed: {exc.__class__.__name__}",
                                       hint="check MOTCUA_LLM_BASE_URL and the model") from exc


def client_from_settings() -> OpenAICompatibleClient:
    s = get_settings()
    if not s.llm_base_url or not s.llm_model:
        raise ConfigError("no LLM configured",
                          hint="set MOTCUA_LLM_BASE_URL and MOTCUA_LLM_MODEL, or omit --llm")
    key = s.llm_api_key.get_secret_value() if s.llm_api_key else None
    return OpenAICompatibleClient(s.llm_base_url, s.llm_model, key)


def abstractive_summary(client: ChatClient, summary: Summary) -> str:
    """A short prose summary whose sentences cite the numbered source sentences' locations."""
    sources = [*summary.key_points, *summary.deadlines, *summary.figures]
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
