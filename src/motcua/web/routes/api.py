"""The citizen-facing JSON API: ask, procedures, feedback, handover, polling, communes.

``POST /api/v1/ask`` returns exactly ``AskResponse`` (the same schema as ``motcua ask
--json``); the conversation and answer ids travel in the ``X-Conversation-Id`` and
``X-Message-Id`` headers so that the body contract stays identical to the CLI's.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from motcua._errors import NotFound
from motcua._settings import QUESTION_CHARS_CEILING
from motcua.answer.schema import AskResponse, ProcedureRef
from motcua.communes.registry import counter_for, where_facts
from motcua.communes.units import resolve_unit
from motcua.service import conversations as conv
from motcua.service.citizens import CitizenService, Inbound, resolve_commune
from motcua.web.deps import AssistantDep, DbDep, PhraserDep, StateDep
from motcua.web.phrase_stream import EVENT_STREAM, answer_events, with_plain

__all__ = ["router"]

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["citizen"])
_CONV_ID = r"^[0-9a-f]{32}$"


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(max_length=QUESTION_CHARS_CEILING,
                          description="Vietnamese, with or without diacritics")
    commune: str | None = Field(default=None, max_length=120,
                                description="commune code (e.g. 06187) or name")
    conversation_id: str | None = Field(default=None, pattern=_CONV_ID,
                                        description="continue this conversation")


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conversation_id: str = Field(pattern=_CONV_ID)
    message_id: int = Field(ge=1)
    helpful: StrictBool
    comment: str = Field(default="", max_length=1000)


class HandoverRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conversation_id: str = Field(pattern=_CONV_ID)
    note: str = Field(default="", max_length=1000)


@router.post("/ask", response_model=AskResponse, responses={
    422: {"description": "invalid question or unknown commune"},
    404: {"description": "unknown conversation_id"}, 429: {"description": "rate limited"}})
def ask(body: AskRequest, state: StateDep, assistant: AssistantDep, db: DbDep,
        phraser: PhraserDep) -> JSONResponse:
    reply = CitizenService(state.settings, assistant, db).handle(Inbound(
        text=body.question, channel="web", commune=body.commune,
        conversation_id=body.conversation_id))
    response = with_plain(reply.response, phraser)  # answer.plain: MOTCUA_PHRASING=on only
    return JSONResponse(response.model_dump(mode="json"), headers={
        "X-Conversation-Id": reply.conversation_id or "", "X-Message-Id": str(reply.message_id)})


@router.post("/ask/stream", response_class=StreamingResponse, responses={
    200: {"content": {EVENT_STREAM: {}}, "description": "server-sent events: answer (the "
          "AskResponse), then with MOTCUA_PHRASING=on phrasing, progress, plain or "
          "plain_unavailable; done last (web/phrase_stream.py)"},
    422: {"description": "invalid question or unknown commune"},
    404: {"description": "unknown conversation_id"}, 429: {"description": "rate limited"}})
def ask_stream(body: AskRequest, state: StateDep, assistant: AssistantDep, db: DbDep,
               phraser: PhraserDep) -> StreamingResponse:
    """``POST /ask`` for the web page: the card at once, its checked rewording when ready."""
    reply = CitizenService(state.settings, assistant, db).handle(Inbound(
        text=body.question, channel="web", commune=body.commune,
        conversation_id=body.conversation_id))
    events = answer_events(reply.response, conversation_id=reply.conversation_id or "",
                           message_id=reply.message_id, phraser=phraser)
    return StreamingResponse(events, media_type=EVENT_STREAM, headers={
        "X-Conversation-Id": reply.conversation_id or "", "X-Message-Id": str(reply.message_id),
        "Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


class ProcedureItem(ProcedureRef):
    counter: str | None = Field(default=None, description='"quầy số" in the asker\'s commune')


class ProcedureList(BaseModel):
    items: list[ProcedureItem]
    commune: str | None = None


@router.get("/procedures", response_model=ProcedureList)
def procedures(
    state: StateDep, assistant: AssistantDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    level: Annotated[str | None, Query(pattern="^(xa|tinh|bo|khac)$")] = None,
    field: Annotated[str | None, Query(max_length=200)] = None,
    commune: Annotated[str | None, Query(max_length=120)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> ProcedureList:
    unit = resolve_commune(state.settings, commune)
    refs = assistant.search(q, level=level, field=field, limit=limit)
    profile = state.registry.get(unit.code) if unit else None
    items = []
    for ref in refs:
        counter = None
        if profile is not None:
            try:
                found = counter_for(profile, assistant.get(ref.code))
            except NotFound:  # index ahead of the store: list it without a counter
                found = None
            counter = found.number if found else None
        items.append(ProcedureItem(**ref.model_dump(), counter=counter))
    return ProcedureList(items=items, commune=unit.name if unit else None)


@router.get("/procedures/{code}")
def procedure(
    state: StateDep, assistant: AssistantDep,
    code: Annotated[str, Path(max_length=64, pattern=r"^[0-9A-Za-z.\-_]+$")],
    commune: Annotated[str | None, Query(max_length=120)] = None,
) -> dict[str, Any]:
    """The parsed procedure; with ``commune``, where to file it there (``where``)."""
    unit = resolve_commune(state.settings, commune)
    proc = assistant.get(code)
    out = proc.to_dict()
    profile = state.registry.get(unit.code) if unit else None
    out["where"] = [f.model_dump() for f in where_facts(profile, proc)] if profile else []
    return out


@router.post("/feedback")
def feedback(body: FeedbackRequest, db: DbDep) -> dict[str, Any]:
    conv.add_feedback(db, conversation_id=body.conversation_id, message_id=body.message_id,
                      helpful=body.helpful, comment=body.comment.strip())
    return {"ok": True}


@router.post("/handover")
def handover(body: HandoverRequest, db: DbDep) -> dict[str, Any]:
    status = conv.request_handover(db, conversation_id=body.conversation_id,
                                   note=body.note.strip())
    return {"ok": True, "status": status}


@router.get("/conversations/{conversation_id}/messages")
def messages(
    db: DbDep, conversation_id: Annotated[str, Path(pattern=_CONV_ID)],
    after: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """What the citizen's page polls for an officer's reply."""
    return conv.messages_after(db, conversation_id, after)


@router.get("/communes")
def communes(state: StateDep) -> dict[str, Any]:
    return {"province": state.settings.default_province, "items": [
        {"code": u.code, "name": u.name, "has_profile": state.registry.get(u.code) is not None}
        for u in state.units()]}


@router.get("/communes/{code}")
def commune(state: StateDep, code: Annotated[str, Path(max_length=120)]) -> dict[str, Any]:
    unit = resolve_unit(code, province=state.settings.default_province)
    profile = state.registry.get(unit.code)
    if profile is None:
        raise NotFound(f"no profile for {unit.name}",
                       hint="import one with: motcua communes import <file>")
    return profile.model_dump()
