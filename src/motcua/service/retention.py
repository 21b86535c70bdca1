"""Retention: conversations untouched for longer than the retention period are deleted.

Why its own module: it is the one bulk delete across every conversation table, run by an
administrator's command or a timer, never by a request.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import delete, func, select

from motcua._errors import InputError
from motcua.service._tx import write_session
from motcua.service.accounts import audit
from motcua.store.db import Database
from motcua.store.models import utcnow
from motcua.store.service import Conversation, Feedback, Handover, Message

__all__ = ["purge_conversations"]

log = logging.getLogger(__name__)


def purge_conversations(db: Database, *, older_than_days: int, actor: str = "system") -> int:
    """Delete conversations untouched for longer than the retention period (with everything
    in them); returns how many were deleted."""
    if older_than_days < 1:
        raise InputError("retention must be at least 1 day",
                         hint="set MOTCUA_CONVERSATION_RETENTION_DAYS to 1 or more")
    cutoff = utcnow() - timedelta(days=older_than_days)
    with write_session(db) as s:
        old = select(Conversation.id).where(Conversation.updated_at < cutoff)
        count = s.scalar(select(func.count()).select_from(old.subquery())) or 0
        if count:
            for table in (Feedback, Handover, Message):
                s.execute(delete(table).where(table.conversation_id.in_(old)))
            s.execute(delete(Conversation).where(Conversation.id.in_(old)))
            audit(s, actor, "purge", f"{count} conversations", {"days": older_than_days})
    log.info("conversations purged", extra={"count": count, "days": older_than_days})
    return count
