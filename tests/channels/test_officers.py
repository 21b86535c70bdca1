"""A Telegram conversation handed over: the console shows its channel, the officer's reply
goes back to the chat."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from motcua.channels.base import HANDOVER_DATA
from motcua.channels.delivery import OFFICER_PREFIX
from motcua.service.accounts import create_user
from motcua.store.db import Database
from tests.channels._standin import StandIn, stand_in, telegram_ok
from tests.channels.test_routes import TG_HEADERS, db, settle
from tests.channels.test_telegram import SECRET, TOKEN, press_update, text_update
from tests.web.fake import make_client

__all__ = ["db"]  # the fixture, shared with test_routes
PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def handed_over(db: Database) -> Iterator[tuple[TestClient, StandIn]]:
    """A citizen the assistant could not help presses 'Gặp cán bộ'; an admin is logged in."""
    with stand_in(telegram_ok) as server:
        bot, _ = make_client(db, telegram_bot_token=SecretStr(TOKEN),
                             telegram_secret=SecretStr(SECRET), telegram_api_base=server.url)
        bot.post("/channels/telegram/webhook", content=text_update(1, text="xin giấy phép bay"),
                 headers=TG_HEADERS)
        settle(db)
        keyboard = server.bodies("/sendMessage")[0]["reply_markup"]["inline_keyboard"]
        assert [row[0]["callback_data"] for row in keyboard] == [HANDOVER_DATA]
        bot.post("/channels/telegram/webhook", content=press_update(2, HANDOVER_DATA),
                 headers=TG_HEADERS)
        settle(db)
        assert "Đã chuyển câu hỏi" in server.bodies("/sendMessage")[1]["text"]
        create_user(db, username="quantri", password=PASSWORD, role="admin")
        r = bot.post("/console/login", data={"username": "quantri", "password": PASSWORD},
                     follow_redirects=False)
        assert r.status_code == 303
        yield bot, server


def test_officers_inbox_shows_telegram_channel(handed_over: tuple[TestClient, StandIn]) -> None:
    console, _ = handed_over
    page = console.get("/console").text
    assert "<td>Telegram</td>" in page and "xin giấy phép bay" in page


def test_officers_reply_delivered_back_to_the_chat(handed_over: tuple[TestClient, StandIn],
                                                   db: Database) -> None:
    console, server = handed_over
    cid = re.search(r'href="/console/c/([^"]+)"', console.get("/console").text)
    assert cid
    page = console.get(f"/console/c/{cid.group(1)}").text
    assert "Kênh: Telegram" in page
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    r = console.post(f"/console/c/{cid.group(1)}/reply", follow_redirects=False,
                     data={"text": "Anh chị mang CCCD đến bộ phận một cửa.",
                           "csrf": csrf.group(1)})
    assert r.status_code == 303
    settle(db)
    last = server.bodies("/sendMessage")[-1]
    assert last["chat_id"] == "42"
    assert last["text"] == OFFICER_PREFIX + "Anh chị mang CCCD đến bộ phận một cửa."


def test_officers_handover_before_any_question_asks_for_one(db: Database) -> None:
    with stand_in(telegram_ok) as server:
        bot, _ = make_client(db, telegram_bot_token=SecretStr(TOKEN),
                             telegram_secret=SecretStr(SECRET), telegram_api_base=server.url)
        bot.post("/channels/telegram/webhook", content=text_update(1, text="Gặp cán bộ"),
                 headers=TG_HEADERS)
        settle(db)
        assert "gửi câu hỏi trước" in server.bodies("/sendMessage")[0]["text"]


def test_officers_taking_tells_the_citizen_once(handed_over: tuple[TestClient, StandIn],
                                                db: Database) -> None:
    from motcua.service.conversations import TAKEN_NOTICE, messages_after

    console, server = handed_over
    cid = re.search(r'href="/console/c/([^"]+)"', console.get("/console").text)
    assert cid
    page = console.get(f"/console/c/{cid.group(1)}").text
    assert "Nhận xử lý" in page
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf
    sent = len(server.bodies("/sendMessage"))
    for _ in range(2):  # a second press (or a second officer) tells nobody again
        r = console.post(f"/console/c/{cid.group(1)}/take", data={"csrf": csrf.group(1)},
                         follow_redirects=False)
        assert r.status_code == 303
        settle(db)
    bodies = server.bodies("/sendMessage")
    assert len(bodies) == sent + 1
    assert bodies[-1]["chat_id"] == "42" and bodies[-1]["text"] == TAKEN_NOTICE
    page = console.get(f"/console/c/{cid.group(1)}").text
    assert "Cán bộ đang xử lý" in page and "Nhận xử lý (báo" not in page
    assert "Cán bộ đang xử lý" in console.get("/console").text  # still in the open inbox
    officer = [m for m in messages_after(db, cid.group(1))["messages"] if m["role"] == "officer"]
    assert [m["text"] for m in officer] == [TAKEN_NOTICE]


def test_officers_take_needs_csrf(handed_over: tuple[TestClient, StandIn]) -> None:
    console, _ = handed_over
    cid = re.search(r'href="/console/c/([^"]+)"', console.get("/console").text)
    assert cid
    r = console.post(f"/console/c/{cid.group(1)}/take", data={"csrf": "sai"},
                     follow_redirects=False)
    assert r.status_code in (400, 403)
