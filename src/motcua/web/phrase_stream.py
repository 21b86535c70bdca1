"""The answer, then its plain-language rewording, as server-sent events for the citizen's page.

Why a stream: the card is ready in milliseconds, a local model may need seconds to reword it.
The page shows the card at once (event ``answer``) and the rewording when it arrives and has
passed the check (event ``plain``); a rewording that fails, or comes too late, is never sent
(event ``plain_unavailable`` with the reason's kind) and the card stays as it is. Nothing the
model writes is sent before it is checked: ``progress`` only counts characters.

Events, each ``data`` one JSON object:

- ``answer``: ``{"response": AskResponse, "conversation_id": str, "message_id": int}``
- ``phrasing``: ``{}``, a rewording is being written (only when phrasing is on and applies)
- ``progress``: ``{"chars": n}``, at most every half second while the model writes
- ``plain``: ``{"text": str}``, the checked rewording (``answer.plain`` of the JSON API)
- ``plain_unavailable``: ``{"reason": "verifier" | "timeout" | "HTTP 500" | ...}``
- ``done``: ``{}``, the last event
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from motcua.answer.phrasing import Drafting, Phraser
from motcua.answer.schema import AskResponse

__all__ = ["EVENT_STREAM", "answer_events", "with_plain"]

EVENT_STREAM = "text/event-stream"


def _event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def with_plain(response: AskResponse, phraser: Phraser | None) -> AskResponse:
    """``response`` with ``answer.plain`` set when phrasing is on and its result passed."""
    if phraser is not None and Phraser.applies(response) and response.answer is not None:
        outcome = phraser.run(response.answer)
        if outcome.ok:
            response.answer.plain = outcome.text
    return response


def answer_events(response: AskResponse, *, conversation_id: str, message_id: int | None,
                  phraser: Phraser | None) -> Iterator[str]:
    yield _event("answer", {"response": response.model_dump(mode="json"),
                            "conversation_id": conversation_id, "message_id": message_id})
    if phraser is not None and Phraser.applies(response) and response.answer is not None:
        yield _event("phrasing", {})
        for event in phraser.stream(response.answer):
            if isinstance(event, Drafting):
                yield _event("progress", {"chars": event.chars})
            elif event.ok:
                yield _event("plain", {"text": event.text})
            else:
                yield _event("plain_unavailable", {"reason": event.reason})
    yield _event("done", {})
