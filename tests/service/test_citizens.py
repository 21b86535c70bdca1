"""CitizenService: one citizen flow for the web, the CLI and the channels."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from motcua._errors import InvalidQuestion, NotFound, UnknownCommune
from motcua._settings import get_settings
from motcua.service.citizens import CitizenService, Inbound
from motcua.store.db import Database
from motcua.store.service import Conversation, Message
from tests.web.fake import FakeAssistant


def test_citizens_records_with_channel_and_continues_conversation(db: Database) -> None:
    fake = FakeAssistant()
    service = CitizenService(get_settings(), fake, db)
    first = service.handle(Inbound(text="làm khai sinh cho con", channel="telegram",
                                   commune="06187"))
    assert first.conversation_id and first.message_id and first.commune.code == "06187"
    again = service.handle(Inbound(text="còn lệ phí?", channel="telegram",
                                   conversation_id=first.conversation_id))
    assert again.conversation_id == first.conversation_id
    assert again.history == ["làm khai sinh cho con"]
    assert again.commune.code == "06187"  # the conversation's commune when none is sent
    assert fake.calls[-1][1] == "Phường Kỳ Lừa, Lạng Sơn"
    with db.session() as s:
        conv = s.get(Conversation, first.conversation_id)
        assert conv.channel == "telegram"
        assert len(s.scalars(select(Message)).all()) == 4


def test_citizens_without_store_records_nothing(db: Database) -> None:
    reply = CitizenService(get_settings(), FakeAssistant()).handle(
        Inbound(text="khai sinh", channel="cli", commune="Kỳ Lừa"))
    assert reply.conversation_id is None and reply.message_id is None
    assert reply.response.status == "answer"


@pytest.mark.parametrize(("inbound", "error"), [
    (Inbound(text=""), InvalidQuestion),
    (Inbound(text=" \n\t "), InvalidQuestion),
    (Inbound(text="a" * 501), InvalidQuestion),
    (Inbound(text="khai sinh", commune="Atlantis"), UnknownCommune),
    (Inbound(text="khai sinh", conversation_id="0" * 32), NotFound),
])
def test_citizens_bad_input_clear_error_nothing_stored(db: Database, inbound: Inbound,
                                                       error: type[Exception]) -> None:
    fake = FakeAssistant()
    with pytest.raises(error) as info:
        CitizenService(get_settings(), fake, db).handle(inbound)
    assert info.value.hint  # type: ignore[attr-defined]
    assert fake.calls == []
    with db.session() as s:
        assert s.scalars(select(Conversation)).all() == []
