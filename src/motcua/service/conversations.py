"""Conversations, messages, feedback and handovers: the service's repository functions.

Why each function is one transaction: a question and its answer, or a reply and the status
change it causes, are stored together or not at all; a failure never leaves a question without
its answer or a handover without its conversation. All texts arrive here unredacted and are
redacted here, the only door into the tables.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from motcua._errors import InputError, NotFound
from motcua.answer.schema import AskResponse
from motcua.privacy import redact
from motcua.service._tx import submit_write, write_session
from motcua.service.accounts import audit
from motcua.store.db import Database
from motcua.store.models import utcnow
from motcua.store.service import Conversation, Feedback, Handover, Message

__all__ = [
    "OPEN_STATES",
    "TAKEN_NOTICE",
    "ConversationView",
    "Exchange",
    "add_feedback",
    "close_handover",
    "context",
    "get_conversation",
    "history",
    "inbox",
    "messages_after",
    "officer_reply",
    "record_exchange",
    "request_handover",
    "take_handover",
]

# A handover an officer still has to finish: waiting, taken by an officer, or answered.
OPEN_STATES = ("waiting", "taken", "answered")
TAKEN_NOTICE = ("Cán bộ một cửa đã nhận câu hỏi của bạn và đang xem. Câu trả lời sẽ được gửi "
                "cho bạn tại đây.")

log = logging.getLogger(__name__)


@dataclass
class Exchange:
    conversation_id: str
    message_id: int


@dataclass
class ConversationView:
    id: str
    commune_code: str | None
    commune_name: str | None
    status: str
    handover_status: str | None
    created_at: datetime
    updated_at: datetime
    messages: list[dict[str, Any]]
    channel: str = "web"  # where the citizen wrote from, and where an officer's reply goes


def _msg_dict(m: Message) -> dict[str, Any]:
    return {"id": m.id, "role": m.role, "text": m.text, "status": m.status,
            "reason": m.reason, "procedure_code": m.procedure_code,
            "response": m.response, "author": m.author, "created_at": m.created_at.isoformat()}


def _conversation(s: Session, conversation_id: str) -> Conversation:
    conv = s.get(Conversation, conversation_id) if conversation_id else None
    if conv is None:
        raise NotFound("conversation not found",
                       hint="start a new conversation without conversation_id",
                       conversation_id=conversation_id[:40])
    return conv


def history(db: Database, conversation_id: str) -> list[str]:
    """Earlier citizen questions (redacted), oldest first; raises NotFound."""
    return context(db, conversation_id)[0]


def context(db: Database, conversation_id: str) -> tuple[list[str], str | None]:
    """Earlier citizen questions (oldest first) and the conversation's commune code, in one
    read; raises NotFound."""
    with db.session() as s:
        conv = _conversation(s, conversation_id)
        rows = s.scalars(select(Message.text).where(
            Message.conversation_id == conversation_id, Message.role == "citizen")
            .order_by(Message.id)).all()
        return list(rows), conv.commune_code


def _stored_response(response: AskResponse) -> dict[str, Any]:
    data = response.model_dump(mode="json")
    for key in ("message", "clarify_question"):
        if isinstance(data.get(key), str):
            data[key] = redact(data[key])
    return data


def record_exchange(db: Database, *, question: str, response: AskResponse,
                    conversation_id: str | None = None, commune_code: str | None = None,
                    commune_name: str | None = None, channel: str = "web") -> Exchange:
    """Store the citizen's question (redacted) and the assistant's answer in one transaction."""
    now = utcnow()
    stored = _stored_response(response)
    question_text, answer_text = redact(question), stored["message"]  # redacted once, above
    top = response.answer.code if response.answer else (
        response.procedures[0].code if response.procedures else None)

    def write(s: Session) -> Exchange:
        if conversation_id:
            conv = _conversation(s, conversation_id)
            if conv.status == "closed":
                conv.status = "open"
            if commune_code:
                conv.commune_code, conv.commune_name = commune_code, commune_name
        else:
            conv = Conversation(id=uuid.uuid4().hex, commune_code=commune_code,
                                commune_name=commune_name, channel=channel, status="open",
                                created_at=now, updated_at=now)
            s.add(conv)
        conv.updated_at = now
        s.add(Message(conversation_id=conv.id, role="citizen", text=question_text,
                      created_at=now))
        answer = Message(conversation_id=conv.id, role="assistant", text=answer_text,
                         status=response.status, reason=response.reason, procedure_code=top,
                         response=stored, created_at=now)
        s.add(answer)
        s.flush()
        return Exchange(conversation_id=conv.id, message_id=answer.id)

    return submit_write(db, write)


def add_feedback(db: Database, *, conversation_id: str, message_id: int, helpful: bool,
                 comment: str = "") -> None:
    """Rate one assistant answer; rating it again replaces the earlier rating."""
    text = redact(comment)

    def write(s: Session) -> None:
        _conversation(s, conversation_id)
        msg = s.get(Message, message_id)
        if msg is None or msg.conversation_id != conversation_id or msg.role != "assistant":
            raise NotFound("answer not found in this conversation",
                           hint="send the message_id returned with the answer (X-Message-Id)")
        row = s.scalars(select(Feedback).where(Feedback.message_id == message_id)).first()
        if row is None:
            s.add(Feedback(conversation_id=conversation_id, message_id=message_id,
                           helpful=helpful, comment=text))
        else:
            row.helpful, row.comment, row.created_at = helpful, text, utcnow()
        s.flush()

    submit_write(db, write)


def request_handover(db: Database, *, conversation_id: str, note: str = "") -> str:
    """Hand the conversation to the officers of its current commune; returns the handover
    status. Handing over again in the same commune reopens that handover; in another commune
    (the citizen picked one since) it adds that commune's own, the earlier one stays.

    Two requests at once (a double click; PostgreSQL runs them in parallel) may both find no
    row; the unique constraints let one insert, and the other is run again and reopens it."""
    try:
        return _handover(db, conversation_id, note)
    except IntegrityError:
        return _handover(db, conversation_id, note)


def _handover(db: Database, conversation_id: str, note: str) -> str:
    now, note = utcnow(), redact(note)
    with write_session(db) as s:
        conv = _conversation(s, conversation_id)
        row = s.scalars(select(Handover).where(
            Handover.conversation_id == conversation_id,
            Handover.commune_code == conv.commune_code)).first()
        if row is None:
            row = Handover(conversation_id=conversation_id, commune_code=conv.commune_code,
                           commune_name=conv.commune_name, status="waiting",
                           note=note, created_at=now, updated_at=now)
            s.add(row)
        else:
            row.status, row.updated_at = "waiting", now
            if note:
                row.note = note
        conv.status, conv.updated_at = "handover", now
        if note:
            s.add(Message(conversation_id=conversation_id, role="citizen", text=note,
                          created_at=now))
        return row.status


def messages_after(db: Database, conversation_id: str, after: int = 0) -> dict[str, Any]:
    """What the citizen's page polls: new messages and the handover state."""
    with db.session() as s:
        conv = _conversation(s, conversation_id)
        rows = s.scalars(select(Message).where(
            Message.conversation_id == conversation_id, Message.id > after)
            .order_by(Message.id)).all()
        ho = s.scalars(select(Handover.status).where(
            Handover.conversation_id == conversation_id)
            .order_by(Handover.updated_at.desc(), Handover.id.desc())).first()
        return {"conversation_id": conv.id, "status": conv.status, "handover": ho,
                "messages": [{"id": m.id, "role": m.role, "text": m.text,
                              "author": "Cán bộ" if m.role == "officer" else None,
                              "created_at": m.created_at.isoformat()} for m in rows]}


def _scoped(s: Session, conversation_id: str,
            commune_code: str | None) -> tuple[Conversation, Handover | None]:
    """The conversation and the handover an official acts on, or NotFound.

    Why the handover's commune and not the conversation's: the conversation's commune is the
    one the citizen selected last, and changes when they pick another; the handover keeps the
    commune it was handed to. An officer reaches a conversation through their commune's
    handover, or, when it was never handed over at all, through its current commune. An admin
    (``commune_code`` None) reaches every conversation, through its latest handover.
    """
    conv = _conversation(s, conversation_id)
    q = select(Handover).where(Handover.conversation_id == conversation_id)
    if commune_code is None:
        return conv, s.scalars(q.order_by(Handover.updated_at.desc(), Handover.id.desc())).first()
    ho = s.scalars(q.where(Handover.commune_code == commune_code)).first()
    if ho is None and (conv.commune_code != commune_code
                       or s.scalars(q.limit(1)).first() is not None):
        raise NotFound("conversation not found", hint="it belongs to another commune")
    return conv, ho


def get_conversation(db: Database, conversation_id: str, *,
                     commune_code: str | None = None) -> ConversationView:
    """One conversation for the console; an officer sees only their commune's (else NotFound)."""
    with db.session() as s:
        conv, ho = _scoped(s, conversation_id, commune_code)
        msgs = s.scalars(select(Message).where(Message.conversation_id == conversation_id)
                         .order_by(Message.id)).all()
        code, name = ((ho.commune_code, ho.commune_name or conv.commune_name) if ho is not None
                      else (conv.commune_code, conv.commune_name))
        return ConversationView(conv.id, code, name, conv.status,
                                ho.status if ho is not None else None,
                                conv.created_at, conv.updated_at, [_msg_dict(m) for m in msgs],
                                channel=conv.channel)


def inbox(db: Database, *, commune_code: str | None, status: str = "open",
          limit: int = 200) -> list[dict[str, Any]]:
    """Handed-over conversations; ``status`` open = waiting or answered, or closed."""
    wanted = OPEN_STATES if status == "open" else ("closed",)
    with db.session() as s:
        q = (select(Handover, Conversation).join(Conversation,
                                                 Conversation.id == Handover.conversation_id)
             .where(Handover.status.in_(wanted)).order_by(Handover.updated_at.desc()).limit(limit))
        if commune_code is not None:
            q = q.where(Handover.commune_code == commune_code)
        out = []
        for ho, conv in s.execute(q).all():
            first = s.scalars(select(Message.text).where(
                Message.conversation_id == conv.id, Message.role == "citizen")
                .order_by(Message.id)).first()
            out.append({"conversation_id": conv.id, "commune_code": ho.commune_code,
                        "commune_name": ho.commune_name or conv.commune_name,
                        "status": ho.status, "channel": conv.channel,
                        "note": ho.note, "question": first or "",
                        "updated_at": ho.updated_at})
        return out


def officer_reply(db: Database, *, conversation_id: str, text: str, actor: str,
                  commune_code: str | None) -> int:
    """Store an officer's reply; the handover of the officer's commune becomes answered."""
    body = (text or "").strip()
    if not body or len(body) > 4000:
        raise InputError("reply is empty or longer than 4000 characters",
                         hint="write a reply of 1 to 4000 characters")
    now = utcnow()
    with write_session(db) as s:
        conv, ho = _scoped(s, conversation_id, commune_code)
        # Not redacted: an officer gives the centre's phone or e-mail on purpose.
        msg = Message(conversation_id=conversation_id, role="officer", text=body,
                      author=actor, created_at=now)
        s.add(msg)
        if ho is not None:
            ho.status, ho.updated_at = "answered", now
        conv.updated_at = now
        s.flush()
        audit(s, actor, "reply", conversation_id, {"message_id": msg.id})
        return msg.id


def take_handover(db: Database, *, conversation_id: str, actor: str,
                  commune_code: str | None) -> int | None:
    """An officer takes a waiting handover: it becomes taken, and the citizen is told in the
    conversation (a stored officer message, pushed to their channel by the caller). Why: a
    person who pressed "Gặp cán bộ" otherwise waits without knowing anyone saw it. Returns the
    notice's message id, or None when the handover was already taken, answered or closed."""
    now = utcnow()
    with write_session(db) as s:
        conv, ho = _scoped(s, conversation_id, commune_code)
        if ho is None or ho.status != "waiting":
            return None
        ho.status, ho.updated_at = "taken", now
        msg = Message(conversation_id=conversation_id, role="officer", text=TAKEN_NOTICE,
                      author=actor, created_at=now)
        s.add(msg)
        conv.updated_at = now
        s.flush()
        audit(s, actor, "take", conversation_id, {"message_id": msg.id})
        return msg.id


def close_handover(db: Database, *, conversation_id: str, actor: str,
                   commune_code: str | None) -> None:
    """Close the handover of the officer's commune (an admin: the latest one)."""
    now = utcnow()
    with write_session(db) as s:
        conv, ho = _scoped(s, conversation_id, commune_code)
        if ho is not None:
            ho.status, ho.updated_at, ho.closed_by = "closed", now, actor
            s.flush()
        still_open = s.scalars(select(Handover.id).where(
            Handover.conversation_id == conversation_id,
            Handover.status.in_(OPEN_STATES)).limit(1)).first()
        # Another commune's handover of the same conversation stays open with it.
        conv.status, conv.updated_at = ("handover" if still_open else "closed"), now
        audit(s, actor, "close", conversation_id, {})

