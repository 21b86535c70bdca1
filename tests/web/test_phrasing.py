"""Plain-language phrasing through the web service: POST /api/v1/ask, the SSE stream, the page.

The language model is a real stand-in server on loopback (tests/_llm_standin.py); the
assistant is the web tests' fake, whose short card is joined into ``answer.short`` as the
short-card builder does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient

from motcua._settings import get_settings
from motcua.answer.schema import AskResponse
from motcua.store.db import Database
from motcua.web.app import create_app
from tests._llm_standin import LlmStandIn, llm_stand_in
from tests.web.fake import FakeAssistant

PLAIN = """Thủ tục đăng ký khai sinh: bạn có thể nộp trực tuyến trên dichvucong.gov.vn.
Không mất tiền: miễn phí.
Mang theo:
☐ Tờ khai đăng ký khai sinh — 1 bản chính
☐ Giấy chứng sinh <b>bản gốc</b>"""
INVENTED_FEE = PLAIN.replace("Không mất tiền: miễn phí.", "Lệ phí 50.000 đồng.")


class ShortCardAssistant(FakeAssistant):
    def ask(self, question: str, *, commune: str | None = None,
            history: Sequence[str] = ()) -> AskResponse:
        response = super().ask(question, commune=commune, history=history)
        if response.answer is not None:
            response.answer.short = "\n".join(f.text for f in response.answer.short_facts)
        return response


def _client(db: Database, llm: LlmStandIn | None, **config: Any) -> TestClient:
    settings = get_settings().model_copy(update={"rate_limit_per_minute": 1000, **config})
    if llm is not None:
        settings = settings.model_copy(update={
            "phrasing": "on", "llm_base_url": llm.url, "llm_model": "qwen-test",
            "phrasing_timeout_seconds": 3.0})
    return TestClient(create_app(settings, ShortCardAssistant(), db=db))


@pytest.fixture
def llm() -> Iterator[LlmStandIn]:
    with llm_stand_in(PLAIN) as server:
        yield server


def _events(resp: Any) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for block in resp.text.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            out.append((lines["event"], json.loads(lines["data"])))
    return out


def test_ask_phrasing_off_by_default_no_plain(db: Database) -> None:
    body = _client(db, None).post("/api/v1/ask", json={"question": "khai sinh"}).json()
    assert body["answer"]["short"] and body["answer"]["plain"] is None


def test_ask_phrasing_on_good_rewording_in_answer_plain(db: Database, llm: LlmStandIn) -> None:
    resp = _client(db, llm).post("/api/v1/ask", json={"question": "khai sinh"})
    assert resp.status_code == 200 and resp.json()["answer"]["plain"] == PLAIN
    assert llm.received[0]["messages"][1]["content"] == resp.json()["answer"]["short"]


def test_ask_phrasing_invented_fee_card_as_is(db: Database, llm: LlmStandIn) -> None:
    llm.reply = INVENTED_FEE
    resp = _client(db, llm).post("/api/v1/ask", json={"question": "khai sinh"})
    assert resp.status_code == 200
    answer = resp.json()["answer"]
    assert answer["plain"] is None and "Lệ phí: miễn phí" in answer["short"]


@pytest.mark.parametrize("status", [500, 503])
def test_ask_phrasing_server_error_card_as_is(db: Database, llm: LlmStandIn,
                                              status: int) -> None:
    llm.status = status
    resp = _client(db, llm).post("/api/v1/ask", json={"question": "khai sinh"})
    assert resp.status_code == 200 and resp.json()["answer"]["plain"] is None


def test_ask_phrasing_not_asked_without_answer(db: Database, llm: LlmStandIn) -> None:
    client = _client(db, llm)
    for question in ("đất", "thời tiết hôm nay"):  # asks back, abstains
        assert client.post("/api/v1/ask", json={"question": question}).status_code == 200
    assert llm.received == []


def test_ask_stream_card_then_checked_plain(db: Database, llm: LlmStandIn) -> None:
    resp = _client(db, llm).post("/api/v1/ask/stream", json={"question": "khai sinh"})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/event-stream")
    events = _events(resp)
    names = [n for n, _d in events if n != "progress"]
    assert names == ["answer", "phrasing", "plain", "done"]
    answer = events[0][1]
    assert answer["response"]["status"] == "answer"
    assert answer["response"]["answer"]["plain"] is None  # sent before the rewording
    assert answer["conversation_id"] == resp.headers["X-Conversation-Id"]
    assert answer["message_id"] == int(resp.headers["X-Message-Id"])
    assert dict(events)["plain"] == {"text": PLAIN}


@pytest.mark.parametrize(("setup", "reason"), [
    (lambda s: setattr(s, "reply", INVENTED_FEE), "verifier"),
    (lambda s: setattr(s, "status", 500), "HTTP 500"),
    (lambda s: setattr(s, "delay", 5.0), "timeout"),
])
def test_ask_stream_refused_rewording_never_sent(db: Database, llm: LlmStandIn, setup: Any,
                                                 reason: str) -> None:
    setup(llm)
    resp = _client(db, llm).post("/api/v1/ask/stream", json={"question": "khai sinh"})
    events = _events(resp)
    assert [n for n, _d in events] == ["answer", "phrasing", "plain_unavailable", "done"]
    assert events[2][1] == {"reason": reason}
    assert "50.000" not in resp.text


def test_ask_stream_phrasing_off_answer_and_done(db: Database) -> None:
    resp = _client(db, None).post("/api/v1/ask/stream", json={"question": "khai sinh"})
    assert [n for n, _d in _events(resp)] == ["answer", "done"]


def test_ask_stream_clarify_not_phrased(db: Database, llm: LlmStandIn) -> None:
    resp = _client(db, llm).post("/api/v1/ask/stream", json={"question": "đất"})
    events = _events(resp)
    assert [n for n, _d in events] == ["answer", "done"]
    assert events[0][1]["response"]["status"] == "clarify" and llm.received == []


@pytest.mark.parametrize("body", [
    {}, {"question": 5}, {"question": "x" * 6000}, {"question": "khai sinh", "extra": 1},
    {"question": "khai sinh", "conversation_id": "not-an-id"},
])
def test_ask_stream_bad_request_json_error(db: Database, llm: LlmStandIn,
                                           body: dict[str, Any]) -> None:
    resp = _client(db, llm).post("/api/v1/ask/stream", json=body)
    assert resp.status_code == 422 and resp.headers["content-type"] == "application/json"
    assert resp.json()["error"]["message"] and llm.received == []


def test_ask_stream_unknown_conversation_404(db: Database, llm: LlmStandIn) -> None:
    resp = _client(db, llm).post("/api/v1/ask/stream", json={
        "question": "khai sinh", "conversation_id": "0" * 32})
    assert resp.status_code == 404 and resp.json()["error"]["message"]


def test_index_page_says_whether_phrasing_is_on(db: Database, llm: LlmStandIn) -> None:
    assert 'data-phrasing="off"' in _client(db, None).get("/").text
    assert 'data-phrasing="on"' in _client(db, llm).get("/").text
    half = _client(db, None, phrasing="on")  # on, but no LLM configured: off
    assert 'data-phrasing="off"' in half.get("/").text
