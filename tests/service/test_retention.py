"""Retention: old conversations go with everything in them; a period under a day is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from motcua._errors import InputError
from motcua.service import conversations as conv
from motcua.service import retention
from motcua.store.db import Database
from motcua.store.models import utcnow
from motcua.store.service import Conversation, Feedback, Handover, Message
from tests.service.test_conversations import ANSWER


def _count(db: Database, table: type) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def test_retention_purge_removes_old_with_everything(db: Database) -> None:
    old = conv.record_exchange(db, question="cũ", response=ANSWER)
    conv.add_feedback(db, conversation_id=old.conversation_id, message_id=old.message_id,
                      helpful=True)
    conv.request_handover(db, conversation_id=old.conversation_id)
    new = conv.record_exchange(db, question="mới", response=ANSWER)
    with db.session() as s:
        s.execute(update(Conversation).where(Conversation.id == old.conversation_id)
                  .values(updated_at=utcnow() - timedelta(days=200)))
    assert retention.purge_conversations(db, older_than_days=180) == 1
    assert conv.history(db, new.conversation_id) == ["mới"]
    assert _count(db, Feedback) == 0 and _count(db, Handover) == 0 and _count(db, Message) == 2
    with pytest.raises(InputError):
        retention.purge_conversations(db, older_than_days=0)
