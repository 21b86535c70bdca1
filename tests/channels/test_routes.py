"""The channel routes end to end: the app, a fake assistant, stand-in providers on loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import func, select

from motcua.channels import store
from motcua.channels.delivery import _DELIVERIES
from motcua.channels.store import ChannelEventRow, ChannelUserRow
from motcua.store.db import Database, open_database
from motcua.store.service import Conversation
from tests.channels._standin import StandIn, stand_in, telegram_ok, webhook_ok
from tests.channels.test_telegram import SECRET as TG_SECRET
from tests.channels.test_telegram import TOKEN, press_update, text_update
from tests.channels.test_webhook import SECRET as WH_SECRET
from tests.channels.test_webhook import event_body, signed
from tests.web.fake import make_client

TG_HEADERS = {"x-telegram-bot-api-secret-token": TG_SECRET}


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """On SQLite and PostgreSQL: the unique (provider, event id) is the database's to keep."""
    database = open_database(database_url)
    yield database
    delivery = _DELIVERIES.pop(id(database), None)
    if delivery is not None:
        delivery.stop()
    database.dispose()


def settle(db: Database, seconds: float = 20) -> None:
    """Wait until the delivery worker has nothing pending (it runs on its own thread)."""
    deadline = time.monotonic() + seconds
    while store.pending(db):
        assert time.monotonic() < deadline, "deliveries still pending"
        time.sleep(0.05)


@pytest.fixture
def telegram(db: Database) -> Iterator[tuple[TestClient, StandIn]]:
    with stand_in(telegram_ok) as server:
        client, _fake = make_client(db, telegram_bot_token=SecretStr(TOKEN),
                                    telegram_secret=SecretStr(TG_SECRET),
                                    telegram_api_base=server.url)
        yield client, server


def _events(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ChannelEventRow)) or 0)


def test_routes_channel_without_settings_answers_404(db: Database) -> None:
    client, _ = make_client(db)
    assert client.post("/channels/telegram/webhook", content=text_update()).status_code == 404
    assert client.post("/channels/webhook", content=event_body()).status_code == 404


@pytest.mark.parametrize("headers", [{}, {"x-telegram-bot-api-secret-token": "wrong"},
                                     {"x-telegram-bot-api-secret-token": TG_SECRET + "x"}])
def test_routes_telegram_bad_secret_401_nothing_stored(
        telegram: tuple[TestClient, StandIn], db: Database, headers: dict[str, str]) -> None:
    client, server = telegram
    r = client.post("/channels/telegram/webhook", content=text_update(), headers=headers)
    assert r.status_code == 401
    assert _events(db) == 0 and server.received == []


def test_routes_telegram_text_answered_in_the_chat(telegram: tuple[TestClient, StandIn],
                                                   db: Database) -> None:
    client, server = telegram
    r = client.post("/channels/telegram/webhook", content=text_update(), headers=TG_HEADERS)
    assert r.status_code == 200 and r.json() == {"ok": True, "accepted": 1}
    settle(db)
    [sent] = server.bodies("/sendMessage")
    assert sent["chat_id"] == "42" and "ma_thu_tuc=1.001193" in sent["text"]
    with db.session() as s:
        assert s.scalar(select(Conversation.channel)) == "telegram"
        assert s.scalar(select(ChannelEventRow.status)) == "sent"


def test_routes_telegram_same_update_three_times_one_reply(
        telegram: tuple[TestClient, StandIn], db: Database) -> None:
    client, server = telegram
    answers = [client.post("/channels/telegram/webhook", content=text_update(),
                           headers=TG_HEADERS).json()["accepted"] for _ in range(3)]
    assert answers == [1, 0, 0]
    settle(db)
    assert len(server.bodies("/sendMessage")) == 1 and _events(db) == 1


def test_routes_telegram_press_continues_the_conversation(
        telegram: tuple[TestClient, StandIn], db: Database) -> None:
    client, server = telegram
    client.post("/channels/telegram/webhook", content=text_update(1, text="hỏi về đất"),
                headers=TG_HEADERS)
    settle(db)
    keyboard = server.bodies("/sendMessage")[0]["reply_markup"]["inline_keyboard"]
    data = [row[0]["callback_data"] for row in keyboard]
    assert data == ["1.001193", "1.004227"]
    client.post("/channels/telegram/webhook", content=press_update(2, data[0]),
                headers=TG_HEADERS)
    settle(db)
    assert server.bodies("/answerCallbackQuery") == [{"callback_query_id": "cbq-9"}]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Conversation)) == 1
        assert s.scalar(select(func.count()).select_from(ChannelUserRow)) == 1


def test_routes_telegram_429_then_delivered_once(telegram: tuple[TestClient, StandIn],
                                                 db: Database) -> None:
    client, server = telegram
    server.script.append((429, {"ok": False, "parameters": {"retry_after": 0}}))
    client.post("/channels/telegram/webhook", content=text_update(), headers=TG_HEADERS)
    settle(db)
    sends = server.bodies("/sendMessage")
    assert len(sends) == 2 and sends[0] == sends[1]  # one refused, one delivered


def test_routes_telegram_provider_500_retried_delivered_once(
        telegram: tuple[TestClient, StandIn], db: Database) -> None:
    client, server = telegram
    server.script.append((500, {"ok": False, "description": "Internal"}))
    r = client.post("/channels/telegram/webhook", content=text_update(), headers=TG_HEADERS)
    assert r.status_code == 200
    settle(db)
    assert len(server.bodies("/sendMessage")) == 2  # the refused try, then the one delivery
    with db.session() as s:
        row = s.scalars(select(ChannelEventRow)).one()
        assert row.status == "sent" and row.attempts == 1


def test_routes_telegram_bot_blocked_403_failed_not_retried(
        telegram: tuple[TestClient, StandIn], db: Database) -> None:
    client, server = telegram
    server.script.append((403, {"ok": False, "description": "Forbidden: bot was blocked"}))
    client.post("/channels/telegram/webhook", content=text_update(), headers=TG_HEADERS)
    settle(db)
    assert len(server.bodies("/sendMessage")) == 1
    with db.session() as s:
        row = s.scalars(select(ChannelEventRow)).one()
        assert row.status == "failed" and "HTTP 403" in (row.error or "")


def test_routes_telegram_empty_text_told_what_to_send(
        telegram: tuple[TestClient, StandIn], db: Database) -> None:
    client, server = telegram
    client.post("/channels/telegram/webhook", content=text_update(text="   "),
                headers=TG_HEADERS)
    settle(db)
    assert "câu hỏi trống" in server.bodies("/sendMessage")[0]["text"]


def test_routes_telegram_malformed_json_400(telegram: tuple[TestClient, StandIn]) -> None:
    client, _ = telegram
    r = client.post("/channels/telegram/webhook", content=b"{", headers=TG_HEADERS)
    assert r.status_code == 400 and "JSON" in r.json()["error"]["message"]


def test_routes_signed_webhook_reply_to_callback(db: Database) -> None:
    with stand_in(webhook_ok) as server:
        client, _ = make_client(db, webhook_secret=SecretStr(WH_SECRET),
                                webhook_callback_url=f"{server.url}/cb")
        body = event_body()
        bad = client.post("/channels/webhook", content=body, headers=signed(body, "other"))
        assert bad.status_code == 401 and _events(db) == 0
        for _ in range(3):
            assert client.post("/channels/webhook", content=body,
                               headers=signed(body)).status_code == 200
        settle(db)
        [reply] = server.bodies("/cb")
        assert reply["user_id"] == "u-77" and "ma_thu_tuc=1.001193" in reply["text"]
        assert json.dumps(reply)  # a plain JSON object


def test_routes_delivered_event_forgets_its_text(telegram: tuple[TestClient, StandIn],
                                                 db: Database) -> None:
    # the outbox keeps no citizen text once a reply is final (it may hold lookup digits);
    # the row itself stays, so a replay is still a duplicate
    client, server = telegram
    body = text_update(7, text="làm khai sinh cho con, số cuối 1234")
    client.post("/channels/telegram/webhook", content=body, headers=TG_HEADERS)
    settle(db)
    with db.session() as s:
        [row] = s.scalars(select(ChannelEventRow)).all()
        assert row.status == "sent" and row.text == "" and row.reply is None
    assert client.post("/channels/telegram/webhook", content=body,
                       headers=TG_HEADERS).json()["accepted"] == 0
    assert len(server.bodies("/sendMessage")) == 1
