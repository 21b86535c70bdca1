"""Zalo OA: the channel contract against a stand-in OA API and OAuth server, token refresh
single-flight, the 7-day window, and the route end to end."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import func, select

from motcua._errors import ExternalServiceError
from motcua.channels.base import EventKind, Outgoing
from motcua.channels.store import ChannelEventRow
from motcua.channels.testing import ChannelContract
from motcua.channels.zalo import ZaloChannel, sign
from motcua.channels.zalo_tokens import TokenKeeper, ZaloTokenRow
from motcua.store.db import Database
from tests.channels._standin import StandIn, stand_in
from tests.channels.test_routes import db, settle
from tests.web.fake import make_client

__all__ = ["db"]
APP_ID, SECRET_KEY, APP_SECRET = "4310000000000000001", "oa-secret-key", "app-secret"


class FakeZalo:
    """The OA's documented answers: error 0 with the valid token, -216 with any other; the
    OAuth endpoint hands out a new pair once per refresh token (a reused one is refused)."""

    def __init__(self) -> None:
        self.valid, self.refresh_ok, self.refreshes = "at-1", "rt-1", 0
        self.window_closed: set[str] = set()

    def __call__(self, path: str, body: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
        if path.endswith("/v4/oa/access_token"):
            if body.get("refresh_token") != self.refresh_ok or headers.get("secret_key") != \
                    APP_SECRET:
                return {"error": -14014, "error_name": "Invalid refresh token"}
            self.refreshes += 1
            self.valid, self.refresh_ok = f"at-{self.refreshes + 1}", f"rt-{self.refreshes + 1}"
            return {"access_token": self.valid, "refresh_token": self.refresh_ok,
                    "expires_in": "90000"}
        if headers.get("access_token") != self.valid:
            return {"error": -216, "message": "Access token is invalid"}
        if body["recipient"]["user_id"] in self.window_closed:
            return {"error": -230, "message": "User has not interacted with the OA in 7 days"}
        return {"error": 0, "message": "Success", "data": {"message_id": "m-1",
                                                           "user_id": body["recipient"]["user_id"]}}


def text_event(msg_id: str = "msg-1", text: str = "làm khai sinh", stamp: str = "1764000000000"
               ) -> bytes:
    """A ``user_send_text`` event as Zalo OA documents it."""
    return json.dumps({"app_id": APP_ID, "user_id_by_app": "552177279717587730",
                       "event_name": "user_send_text", "timestamp": stamp,
                       "sender": {"id": "246845883529197922"}, "recipient": {"id": "oa-1"},
                       "message": {"text": text, "msg_id": msg_id}},
                      ensure_ascii=False).encode()


def zalo_headers(body: bytes) -> dict[str, str]:
    stamp = str(json.loads(body)["timestamp"])
    return {"x-zevent-signature": sign(APP_ID, body, stamp, SECRET_KEY)}


@pytest.fixture
def zalo() -> Iterator[tuple[StandIn, FakeZalo]]:
    fake = FakeZalo()
    with stand_in(fake) as server:
        yield server, fake


def _keeper(db: Database, server: StandIn, tmp: Path, access: str = "at-1") -> TokenKeeper:
    return TokenKeeper(db, app_id=APP_ID, app_secret=APP_SECRET, access_token=access,
                       refresh_token="rt-1", oauth_base=server.url, lock_dir=tmp)


class TestZaloContract(ChannelContract):
    @pytest.fixture(autouse=True)
    def _server(self, zalo: tuple[StandIn, FakeZalo], db: Database, tmp_path: Path) -> None:
        self.server, self.fake = zalo
        self.db, self.tmp = db, tmp_path

    def make_channel(self) -> ZaloChannel:
        return ZaloChannel(APP_ID, SECRET_KEY, _keeper(self.db, self.server, self.tmp),
                           self.server.url)

    def request_body(self) -> bytes:
        return text_event()

    def signed_headers(self, body: bytes) -> Mapping[str, str]:
        return zalo_headers(body)

    def received(self) -> list[dict[str, Any]]:
        return self.server.bodies()

    def test_parse_follow_gives_a_greeting_event(self) -> None:
        body = json.dumps({"app_id": APP_ID, "event_name": "follow", "timestamp": "17",
                           "follower": {"id": "u-9"}, "oa_id": "oa-1"}).encode()
        [event] = self.make_channel().parse(body)
        assert event.kind is EventKind.FOLLOW and event.user_id == "u-9"

    def test_send_expired_token_refreshed_once_and_stored(self) -> None:
        channel = ZaloChannel(APP_ID, SECRET_KEY,
                              _keeper(self.db, self.server, self.tmp, access="old"),
                              self.server.url)
        channel.send("u-1", Outgoing(text="Chào"), idempotency_key="k")
        assert self.fake.refreshes == 1
        with self.db.session() as s:
            row = s.get(ZaloTokenRow, APP_ID)
            assert row is not None and (row.access_token, row.refresh_token) == ("at-2", "rt-2")

    def test_refresh_two_workers_at_once_one_exchange(self) -> None:
        keepers = [_keeper(self.db, self.server, self.tmp, access="old") for _ in range(2)]
        tokens: list[str] = []
        threads = [threading.Thread(target=lambda k=k: tokens.append(k.refresh("old")))
                   for k in keepers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert tokens == ["at-2", "at-2"] and self.fake.refreshes == 1

    def test_send_outside_7_day_window_is_final(self) -> None:
        self.fake.window_closed.add("u-old")
        with pytest.raises(ExternalServiceError) as info:
            self.make_channel().send("u-old", Outgoing(text="Chào"), idempotency_key="k")
        assert info.value.context["status"] == 403 and "7 ngày" in info.value.message

    def test_render_clarify_buttons_come_back_as_presses(self) -> None:
        from motcua.channels.testing import clarify_response
        from motcua.channels.zalo import PRESS_PREFIX

        channel = self.make_channel()
        out = channel.render(clarify_response())
        assert out.options and "1." in out.text  # buttons, and the numbers for old clients
        channel.send("u-1", out, idempotency_key="k")
        buttons = self.server.bodies()[-1]["message"]["attachment"]["payload"]["buttons"]
        assert [b["type"] for b in buttons] == ["oa.query.hide"] * len(out.options)
        assert all(len(b["title"]) <= 100 and b["payload"].startswith(PRESS_PREFIX)
                   for b in buttons)
        named = ZaloChannel(APP_ID, SECRET_KEY, _keeper(self.db, self.server, self.tmp),
                            self.server.url, name_of={"1.001193": "Đăng ký khai sinh"}.get)
        [press] = named.parse(text_event("msg-2", buttons[0]["payload"]))
        assert press.kind is EventKind.PRESS
        assert press.text == ("Đăng ký khai sinh" if buttons[0]["payload"].endswith("1.001193")
                              else buttons[0]["payload"][len(PRESS_PREFIX):])

    def test_send_plain_answer_has_no_buttons(self) -> None:
        self.make_channel().send("u-1", Outgoing(text="Chào"), idempotency_key="k")
        assert "attachment" not in self.server.bodies()[-1]["message"]

    def test_render_within_2000_chars(self) -> None:
        from motcua.channels.testing import long_response
        assert len(self.make_channel().render(long_response()).text) <= 2000


def test_zalo_route_signed_event_answered_once(zalo: tuple[StandIn, FakeZalo],
                                               db: Database) -> None:
    server, _fake = zalo
    client, _ = make_client(db, zalo_app_id=APP_ID, zalo_secret_key=SecretStr(SECRET_KEY),
                            zalo_app_secret=SecretStr(APP_SECRET),
                            zalo_access_token=SecretStr("at-1"),
                            zalo_refresh_token=SecretStr("rt-1"), zalo_api_base=server.url,
                            zalo_oauth_base=server.url)
    body = text_event()
    bad = client.post("/channels/zalo/webhook", content=body,
                      headers={"x-zevent-signature": "mac=00"})
    assert bad.status_code == 401 and _count(db) == 0
    for _ in range(3):
        r = client.post("/channels/zalo/webhook", content=body, headers=zalo_headers(body))
        assert r.status_code == 200
    settle(db)
    [sent] = server.bodies("/v3.0/oa/message/cs")
    assert sent["recipient"] == {"user_id": "246845883529197922"}
    assert "ma_thu_tuc=1.001193" in sent["message"]["text"]


def test_zalo_route_off_without_settings(db: Database) -> None:
    client: TestClient = make_client(db)[0]
    assert client.post("/channels/zalo/webhook", content=text_event()).status_code == 404


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ChannelEventRow)) or 0)


def test_zalo_route_outside_window_hands_over(zalo: tuple[StandIn, FakeZalo],
                                              db: Database) -> None:
    from motcua.store.service import Handover

    server, fake = zalo
    fake.window_closed.add("246845883529197922")
    client, _ = make_client(db, zalo_app_id=APP_ID, zalo_secret_key=SecretStr(SECRET_KEY),
                            zalo_app_secret=SecretStr(APP_SECRET),
                            zalo_access_token=SecretStr("at-1"),
                            zalo_refresh_token=SecretStr("rt-1"), zalo_api_base=server.url,
                            zalo_oauth_base=server.url)
    body = text_event()
    client.post("/channels/zalo/webhook", content=body, headers=zalo_headers(body))
    settle(db)
    assert len(server.bodies("/v3.0/oa/message/cs")) == 1  # final: not retried
    with db.session() as s:
        row = s.scalars(select(ChannelEventRow)).one()
        assert row.status == "failed" and "7 ngày" in (row.error or "")
        handover = s.scalars(select(Handover)).one()
        assert handover.status == "waiting" and "7 ngày" in handover.note


def test_zalo_route_press_answers_that_procedure(zalo: tuple[StandIn, FakeZalo],
                                                 db: Database) -> None:
    from motcua.channels.zalo import PRESS_PREFIX

    server, _fake = zalo
    client, assistant = make_client(db, zalo_app_id=APP_ID, zalo_secret_key=SecretStr(SECRET_KEY),
                                    zalo_app_secret=SecretStr(APP_SECRET),
                                    zalo_access_token=SecretStr("at-1"),
                                    zalo_refresh_token=SecretStr("rt-1"),
                                    zalo_api_base=server.url, zalo_oauth_base=server.url)
    body = text_event("msg-1", "hỏi về đất")
    client.post("/channels/zalo/webhook", content=body, headers=zalo_headers(body))
    settle(db)
    [asked] = server.bodies("/v3.0/oa/message/cs")
    buttons = asked["message"]["attachment"]["payload"]["buttons"]
    assert [b["payload"] for b in buttons] == [f"{PRESS_PREFIX}1.001193",
                                               f"{PRESS_PREFIX}1.004227"]
    press = text_event("msg-2", buttons[1]["payload"], stamp="1764000000100")
    client.post("/channels/zalo/webhook", content=press, headers=zalo_headers(press))
    settle(db)
    # the press reached the assistant as the procedure (its code: the fake catalog has no
    # names in the store), in the same conversation, never as the raw payload
    question, _commune, history = assistant.calls[-1]
    assert question == "1.004227" and history == ("hỏi về đất",)
    assert len(server.bodies("/v3.0/oa/message/cs")) == 2
