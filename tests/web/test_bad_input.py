"""Bad input: every case gets a clear 4xx in the stable error shape and nothing is stored."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from motcua.store.db import Database
from motcua.store.service import Conversation, Feedback, Handover, Message
from tests.web.fake import FakeAssistant, make_client

Client = tuple[TestClient, FakeAssistant]
JSON = {"content-type": "application/json"}
CONV = "0" * 32


def _counts(db: Database) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0
                     for t in (Conversation, Message, Feedback, Handover))


@pytest.mark.parametrize(("path", "body", "status", "code"), [
    ("/api/v1/ask", b'{"question": ""}', 422, "invalid_question"),
    ("/api/v1/ask", b'{"question": "   "}', 422, "invalid_question"),
    ("/api/v1/ask", ('{"question": "' + "a" * 501 + '"}').encode(), 422, "invalid_question"),
    ("/api/v1/ask", b'{"question": 123}', 422, "invalid_input"),
    ("/api/v1/ask", b'{"question": ["khai sinh"]}', 422, "invalid_input"),
    ("/api/v1/ask", b'{}', 422, "invalid_input"),
    ("/api/v1/ask", b'[]', 422, "invalid_input"),
    ("/api/v1/ask", b'not json', 422, "invalid_input"),
    ("/api/v1/ask", b'{"question": "\xff\xfe khai sinh"}', 400, "invalid_input"),
    ("/api/v1/ask", b'{"question": "khai sinh \\ud800"}', 422, "invalid_input"),
    ("/api/v1/ask", b'{"question": "khai sinh \\udfff x"}', 422, "invalid_input"),
    ("/api/v1/ask", b'{"question": "khai sinh", "commune": "\\uDBFF"}', 422, "invalid_input"),
    ("/api/v1/handover", ('{"conversation_id": "' + CONV + '", "note": "\\ud83d"}').encode(),
     422, "invalid_input"),
    ("/api/v1/ask", '{"question": "khai sinh", "commune": "Xã Không Có"}'.encode(), 422,
     "unknown_commune"),
    ("/api/v1/ask", b'{"question": "khai sinh", "commune": 6187}', 422, "invalid_input"),
    ("/api/v1/ask", b'{"question": "khai sinh", "conversation_id": "../../etc"}', 422,
     "invalid_input"),
    ("/api/v1/ask", ('{"question": "khai sinh", "conversation_id": "' + CONV + '"}').encode(),
     404, "not_found"),
    ("/api/v1/ask", b'{"question": "khai sinh", "extra": 1}', 422, "invalid_input"),
    ("/api/v1/ask", b'{"question": "' + b"a" * 20_000 + b'"}', 413, "payload_too_large"),
    ("/api/v1/feedback", ('{"conversation_id": "' + CONV + '", "message_id": 1, '
                          '"helpful": true}').encode(), 404, "not_found"),
    ("/api/v1/feedback", ('{"conversation_id": "' + CONV + '", "message_id": 1, '
                          '"helpful": "yes"}').encode(), 422, "invalid_input"),
    ("/api/v1/feedback", ('{"conversation_id": "' + CONV + '", "message_id": 0, '
                          '"helpful": true}').encode(), 422, "invalid_input"),
    ("/api/v1/handover", ('{"conversation_id": "' + CONV + '"}').encode(), 404, "not_found"),
    ("/api/v1/handover", ('{"conversation_id": "' + CONV + '", "note": "'
                          + "x" * 1001 + '"}').encode(), 422, "invalid_input"),
])
def test_bad_input_clear_4xx_and_nothing_stored(client: Client, db: Database, path: str,
                                                body: bytes, status: int, code: str) -> None:
    c, _ = client
    before = _counts(db)
    r = c.post(path, content=body, headers=JSON)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == code
    assert error["message"]
    assert _counts(db) == before


@pytest.mark.parametrize(("path", "params", "status"), [
    ("/api/v1/procedures", {}, 422),
    ("/api/v1/procedures", {"q": "khai sinh", "level": "huyen"}, 422),
    ("/api/v1/procedures", {"q": "khai sinh", "limit": 1000}, 422),
    ("/api/v1/procedures", {"q": "khai sinh", "commune": "Atlantis"}, 422),
    ("/api/v1/procedures/<script>", {}, 422),
    ("/api/v1/conversations/xyz/messages", {}, 422),
    (f"/api/v1/conversations/{CONV}/messages", {}, 404),
    (f"/api/v1/conversations/{CONV}/messages", {"after": -1}, 422),
])
def test_bad_query_clear_4xx(client: Client, path: str, params: dict[str, object],
                             status: int) -> None:
    c, _ = client
    r = c.get(path, params=params)
    assert r.status_code == status
    assert set(r.json()["error"]) >= {"code", "message"}


def test_oversized_body_without_content_length_is_refused(db: Database) -> None:
    c, _ = make_client(db, max_body_bytes=1000)

    def chunks():
        yield b'{"question": "'
        for _ in range(20):
            yield b"a" * 100
        yield b'"}'

    r = c.post("/api/v1/ask", content=chunks(), headers=JSON)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


def test_question_with_html_is_stored_as_text_and_page_escapes(client: Client,
                                                               db: Database) -> None:
    c, _ = client
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)> khai sinh'
    r = c.post("/api/v1/ask", json={"question": evil})
    assert r.status_code == 200
    with db.session() as s:
        assert s.scalars(select(Message.text).where(Message.role == "citizen")).one() == evil
    page = c.get("/", params={"commune": '"><script>alert(3)</script>'})
    assert "<script>alert(3)" not in page.text
    js = c.get("/static/app.js").text + c.get("/static/card.js").text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js


def test_assistant_error_stores_nothing(client: Client, db: Database,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from motcua._errors import IndexError_

    c, fake = client

    def broken(*_a: object, **_k: object) -> None:
        raise IndexError_("index missing", hint="run motcua catalog import")

    monkeypatch.setattr(fake, "ask", broken)
    r = c.post("/api/v1/ask", json={"question": "khai sinh"})
    assert r.status_code == 503
    assert r.json()["error"] == {"code": "index_unavailable", "message": "index missing",
                                 "hint": "run motcua catalog import"}
    assert _counts(db) == (0, 0, 0, 0)
