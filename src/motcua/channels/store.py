"""Channel events stored once and the conversation each channel user continues.

Why a unique (provider, event id): providers re-send an event whenever our acknowledgement is
late or lost; the insert that collides is the proof it was seen, so an event is answered once
however often it comes (across workers too: the database decides, not a process's memory).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from motcua.channels.base import EventKind, InboundEvent, Provider
from motcua.store.db import Database
from motcua.store.models import Base, utcnow

__all__ = ["PENDING", "ChannelEventRow", "ChannelUserRow", "EventStatus", "claim",
           "conversation_of", "earlier_pending", "event_of", "load", "pending",
           "queue_officer_reply", "remember_conversation", "set_status", "user_of"]


class EventStatus(StrEnum):
    """The outbox states of one event's reply, in order."""

    RECEIVED = "received"  # stored and acknowledged to the provider, not answered yet
    ANSWERED = "answered"  # the reply is computed and stored, waiting to be sent
    SENDING = "sending"  # a send is in flight: after a crash here the outcome is unknown
    SENT = "sent"
    FAILED = "failed"  # refused for good or out of attempts
    UNKNOWN = "unknown"  # may or may not have arrived; never re-sent blindly (no idempotency)


PENDING = (EventStatus.RECEIVED, EventStatus.ANSWERED, EventStatus.SENDING)


class ChannelEventRow(Base):
    __tablename__ = "channel_events"
    __table_args__ = (UniqueConstraint("provider", "event_id", name="uq_channel_event"),
                      Index("ix_channel_events_pending", "provider", "user_id", "status"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    provider: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str] = mapped_column(String(128))
    user_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    callback_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    reply: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default=EventStatus.RECEIVED)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ChannelUserRow(Base):
    __tablename__ = "channel_users"

    provider: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def claim(db: Database, event: InboundEvent) -> int | None:
    """Store the event; its row id when new, None when it was seen before."""
    try:
        with db.session() as s:
            row = ChannelEventRow(provider=event.provider, event_id=event.event_id,
                                  user_id=event.user_id, kind=event.kind, text=event.text,
                                  callback_id=event.callback_id)
            s.add(row)
            s.flush()
            return row.id
    except IntegrityError:
        return None


def queue_officer_reply(db: Database, provider: str, user_id: str, message_id: int,
                        text: str) -> int:
    """An officer's reply as an outbox row of its own, answered already, behind the
    citizen's pending replies (order per person holds for it too)."""
    with db.session() as s:
        row = ChannelEventRow(provider=provider, event_id=f"officer-{message_id}",
                              user_id=user_id, kind=EventKind.OFFICER, text=text,
                              status=EventStatus.ANSWERED, reply={"text": text, "options": []})
        s.add(row)
        s.flush()
        return row.id


def user_of(db: Database, conversation_id: str) -> ChannelUserRow | None:
    with db.session() as s:
        return s.scalars(select(ChannelUserRow).where(
            ChannelUserRow.conversation_id == conversation_id)).first()


def event_of(row: ChannelEventRow) -> InboundEvent:
    return InboundEvent(Provider(row.provider), row.event_id, row.user_id, row.text,
                        kind=EventKind(row.kind), callback_id=row.callback_id)


def set_status(db: Database, row_id: int, status: EventStatus, **values: Any) -> None:
    """Move one event on; committed at once, so that a crash after it sees the new state.

    A final state forgets what the person wrote and what was answered: the outbox only needs
    them to deliver, the conversation keeps the exchange under its own retention, and a
    message may carry a dossier lookup's digits. The row stays, so a re-sent event is still
    recognised as a duplicate."""
    if status not in PENDING:
        values = {"text": "", "reply": None, **values}
    with db.session() as s:
        s.execute(update(ChannelEventRow).where(ChannelEventRow.id == row_id)
                  .values(status=status, updated_at=utcnow(), **values))


def earlier_pending(db: Database, row: ChannelEventRow) -> bool:
    """Whether an older event of the same person still waits: replies go out in order."""
    with db.session() as s:
        return s.scalar(select(ChannelEventRow.id).where(
            ChannelEventRow.provider == row.provider, ChannelEventRow.user_id == row.user_id,
            ChannelEventRow.id < row.id, ChannelEventRow.status.in_(PENDING)).limit(1)) is not None


def pending(db: Database) -> list[ChannelEventRow]:
    with db.session() as s:
        return list(s.scalars(select(ChannelEventRow).where(
            ChannelEventRow.status.in_(PENDING)).order_by(ChannelEventRow.id)))


def load(db: Database, row_id: int) -> ChannelEventRow | None:
    with db.session() as s:
        return s.get(ChannelEventRow, row_id)


def conversation_of(db: Database, provider: str, user_id: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(ChannelUserRow.conversation_id).where(
            ChannelUserRow.provider == provider, ChannelUserRow.user_id == user_id))


def remember_conversation(db: Database, provider: str, user_id: str,
                          conversation_id: str) -> None:
    with db.session() as s:
        row = s.get(ChannelUserRow, (provider, user_id))
        if row is None:
            s.add(ChannelUserRow(provider=provider, user_id=user_id,
                                 conversation_id=conversation_id))
        else:
            row.conversation_id, row.last_seen = conversation_id, utcnow()
