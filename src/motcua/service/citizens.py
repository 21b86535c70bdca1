"""The citizen flow, once, for every way in: the web API, the CLI and (next) each channel.

Why one service: checking the question, resolving the asker's commune, reading the
conversation's history, asking the assistant and recording the exchange used to live in the
HTTP route, so the CLI did its own (and resolved communes differently) and every stored
exchange said "web". Now each way in is a thin adapter that builds an ``Inbound`` and shows the
``Reply``; rate limits stay at each edge (HTTP middleware, a channel's own quotas).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

from motcua._errors import InvalidQuestion
from motcua._settings import Settings
from motcua.answer._protocol import AssistantProtocol
from motcua.answer.schema import AskResponse
from motcua.communes.units import AdminUnit, resolve_unit
from motcua.privacy import redact
from motcua.service import conversations as conv
from motcua.store.db import Database
from motcua.tracking.flow import StatusLookup

__all__ = ["Channel", "CitizenService", "Inbound", "Reply", "commune_label", "resolve_commune"]

log = logging.getLogger(__name__)
Channel = Literal["web", "cli", "telegram", "zalo", "webhook"]


@dataclass(frozen=True)
class Inbound:
    """One message from a citizen, whichever way it came."""

    text: str
    channel: Channel = "web"
    commune: str | None = None  # a code or a name, as the person or the page sent it
    conversation_id: str | None = None  # continue this conversation (its history and commune)


@dataclass(frozen=True)
class Reply:
    response: AskResponse
    commune: AdminUnit | None = None
    conversation_id: str | None = None  # None when the service does not record (the CLI)
    message_id: int | None = None
    history: list[str] = field(default_factory=list)


def resolve_commune(settings: Settings, commune: str | None) -> AdminUnit | None:
    """The asker's commune from a code or name (none when blank), in the deployment's province
    unless it names another; ``UnknownCommune`` says what to send."""
    if commune is None or not commune.strip():
        return None
    return resolve_unit(commune, province=settings.default_province)


def commune_label(unit: AdminUnit) -> str:
    """What the assistant and its WhereProvider receive: unambiguous across provinces."""
    return f"{unit.name}, {unit.province}"


class CitizenService:
    """Check, resolve, ask, record: ``handle(Inbound) -> Reply``.

    ``db`` None: nothing is recorded and ``conversation_id`` cannot be used (the CLI's one-off
    question); otherwise the question and the answer are stored in one transaction.
    """

    def __init__(self, settings: Settings, assistant: AssistantProtocol,
                 db: Database | None = None) -> None:
        self.settings, self.assistant, self.db = settings, assistant, db

    def _question(self, text: str) -> str:
        question = (text or "").strip()
        limit = self.settings.max_question_chars
        if not question:
            raise InvalidQuestion("câu hỏi trống", hint="viết câu hỏi của bạn bằng tiếng Việt")
        if len(question) > limit:
            raise InvalidQuestion(f"câu hỏi dài hơn {limit} ký tự",
                                  hint="rút gọn, chỉ giữ ý chính", length=len(question))
        return question

    def handle(self, inbound: Inbound) -> Reply:
        question = self._question(inbound.text)
        unit = resolve_commune(self.settings, inbound.commune)
        history: list[str] = []
        if inbound.conversation_id and self.db is not None:
            history, known = conv.context(self.db, inbound.conversation_id)
            if unit is None and known:
                unit = resolve_commune(self.settings, known)
        tracked = StatusLookup(self.settings, self.db).handle(  # a dossier code: its status
            question, history, channel=inbound.channel, conversation_id=inbound.conversation_id)
        if tracked is not None:  # stored without the second factor's digits
            response, question = tracked.response, tracked.stored_text
        else:
            response = self.assistant.ask(question, commune=commune_label(unit) if unit else None,
                                          history=history)
        if log.isEnabledFor(logging.INFO):  # redaction costs ~0.1 ms: only for a kept line
            log.info("ask", extra={"status": response.status, "channel": inbound.channel,
                                   "commune": unit.code if unit else None,
                                   "question": redact(question)[:200]})
        if self.db is None:
            return Reply(response=response, commune=unit, history=history)
        ex = conv.record_exchange(self.db, question=question, response=response,
                                  conversation_id=inbound.conversation_id,
                                  commune_code=unit.code if unit else None,
                                  commune_name=unit.name if unit else None,
                                  channel=inbound.channel)
        return Reply(response=response, commune=unit, conversation_id=ex.conversation_id,
                     message_id=ex.message_id, history=history)
