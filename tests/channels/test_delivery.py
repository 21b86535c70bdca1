"""The outbox: restarts, kills mid-send, order per person, and the Redis queue for real."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from motcua._settings import get_settings
from motcua.channels import store
from motcua.channels.base import InboundEvent, Provider
from motcua.channels.delivery import _DELIVERIES, ChannelDelivery
from motcua.channels.store import ChannelEventRow, EventStatus
from motcua.channels.telegram import TelegramChannel
from motcua.channels.webhook import SignedWebhookChannel
from motcua.store.db import Database, open_database
from tests._net import REDIS_URL, redis_up
from tests.channels._standin import StandIn, stand_in, telegram_ok, webhook_ok
from tests.channels.test_routes import TG_HEADERS, settle
from tests.channels.test_telegram import SECRET, TOKEN, text_update
from tests.channels.test_webhook import SECRET as WH_SECRET
from tests.web.fake import FakeAssistant, make_client

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'outbox.db'}")
    yield database
    delivery = _DELIVERIES.pop(id(database), None)
    if delivery is not None:
        delivery.stop()
    database.dispose()


def _event(n: int, provider: Provider = Provider.TELEGRAM) -> InboundEvent:
    return InboundEvent(provider, f"e{n}", "42", f"làm khai sinh {n}")


def _status(db: Database, row_id: int) -> str:
    row = store.load(db, row_id)
    assert row is not None
    return row.status


def test_delivery_recover_queues_received_and_answered_once(db: Database) -> None:
    with stand_in(telegram_ok) as server:
        channels = {Provider.TELEGRAM: TelegramChannel(TOKEN, SECRET, server.url)}
        first, second = store.claim(db, _event(1)), store.claim(db, _event(2))
        assert first and second
        store.set_status(db, second, EventStatus.ANSWERED,
                         reply={"text": "đã soạn", "options": []})
        delivery = ChannelDelivery(get_settings(), db, channels, FakeAssistant)
        delivery.ensure_consumer()  # the restart: both pending events are queued again
        settle(db)
        delivery.stop()
        texts = [b["text"] for b in server.bodies("/sendMessage")]
        assert len(texts) == 2 and texts[1] == "đã soạn"  # in order, the stored reply as is


def test_delivery_replies_in_order_per_person(db: Database) -> None:
    with stand_in(telegram_ok) as server:
        channels = {Provider.TELEGRAM: TelegramChannel(TOKEN, SECRET, server.url)}
        rows = [store.claim(db, _event(n)) for n in range(1, 4)]
        for n, row_id in enumerate(rows, start=1):
            assert row_id
            store.set_status(db, row_id, EventStatus.ANSWERED,
                             reply={"text": f"trả lời {n}", "options": []})
        delivery = ChannelDelivery(get_settings(), db, channels, FakeAssistant)
        for row_id in reversed(rows):  # queued backwards: each waits for the older ones
            assert row_id
            delivery.submit(row_id)
        delivery.ensure_consumer()
        settle(db)
        delivery.stop()
        texts = [b["text"] for b in server.bodies("/sendMessage")]
        assert texts == ["trả lời 1", "trả lời 2", "trả lời 3"]


def _kill_mid_send(db: Database, server: StandIn, row_id: int, tmp: Path) -> None:
    """Run the delivery in a child process and SIGKILL it while the stand-in holds the send."""
    server.hold = threading.Event()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.channels._kill_worker", db.url, str(tmp), server.url,
         str(row_id)], cwd=ROOT, env={**os.environ, "MOTCUA_HOME": str(tmp)})
    deadline = time.monotonic() + 60
    while not server.received:
        assert child.poll() is None and time.monotonic() < deadline, "child never sent"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    server.hold.set()
    server.hold = None


def test_delivery_killed_mid_send_telegram_marked_unknown_not_resent(
        db: Database, tmp_path: Path) -> None:
    with stand_in(telegram_ok) as server:
        row_id = store.claim(db, _event(1))
        assert row_id
        _kill_mid_send(db, server, row_id, tmp_path)
        assert _status(db, row_id) == EventStatus.SENDING
        channels = {Provider.TELEGRAM: TelegramChannel(TOKEN, SECRET, server.url)}
        ChannelDelivery(get_settings(), db, channels, FakeAssistant).recover()
        assert _status(db, row_id) == EventStatus.UNKNOWN
        assert len(server.bodies("/sendMessage")) == 1  # never re-sent blindly


def test_delivery_killed_before_send_delivered_after_restart_once(
        db: Database, tmp_path: Path) -> None:
    """Killed after the answer was stored, before its send: the restart sends it once."""
    with stand_in(telegram_ok) as server:
        row_id = store.claim(db, _event(1))
        assert row_id
        _kill_mid_send(db, server, row_id, tmp_path)  # the kill lands in the first send ...
        store.set_status(db, row_id, EventStatus.ANSWERED)  # ... as if just before it
        channels = {Provider.TELEGRAM: TelegramChannel(TOKEN, SECRET, server.url)}
        delivery = ChannelDelivery(get_settings(), db, channels, FakeAssistant)
        delivery.ensure_consumer()
        settle(db)
        delivery.stop()
        assert _status(db, row_id) == EventStatus.SENT
        assert len(server.bodies("/sendMessage")) == 2  # the killed try, the one delivery


def test_delivery_killed_mid_send_webhook_resent_with_same_key(db: Database) -> None:
    with stand_in(webhook_ok) as server:
        row_id = store.claim(db, _event(1, Provider.WEBHOOK))
        assert row_id
        store.set_status(db, row_id, EventStatus.SENDING,
                         reply={"text": "đã soạn", "options": []})
        channels = {Provider.WEBHOOK: SignedWebhookChannel(WH_SECRET, f"{server.url}/cb")}
        delivery = ChannelDelivery(get_settings(), db, channels, FakeAssistant)
        delivery.ensure_consumer()
        settle(db)
        delivery.stop()
        [(_path, body, headers)] = server.received
        assert body["text"] == "đã soạn"
        assert {k.lower(): v for k, v in headers.items()}["idempotency-key"] == "webhook:e1"
        assert _status(db, row_id) == EventStatus.SENT


@pytest.mark.skipif(not redis_up(), reason="Redis is not running on 127.0.0.1:6379")
def test_delivery_on_redis_same_update_three_times_one_reply(db: Database) -> None:
    with stand_in(telegram_ok) as server:
        client, _ = make_client(db, redis_url=REDIS_URL, telegram_bot_token=SecretStr(TOKEN),
                                telegram_secret=SecretStr(SECRET), telegram_api_base=server.url)
        delivery = None
        for _ in range(3):
            r = client.post("/channels/telegram/webhook", content=text_update(9),
                            headers=TG_HEADERS)
            assert r.status_code == 200
            delivery = _DELIVERIES[id(db)]
        assert delivery is not None and type(delivery.huey).__name__ == "RedisHuey"
        settle(db)
        assert len(server.bodies("/sendMessage")) == 1
        with db.session() as s:
            assert s.scalar(select(ChannelEventRow.status)) == "sent"
