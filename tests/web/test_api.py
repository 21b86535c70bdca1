"""The JSON API in process: the ask contract, multi-turn, procedures, feedback, handover."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from motcua.answer.schema import AskResponse
from motcua.store.db import Database
from motcua.store.service import Feedback, Message
from tests.web.fake import FakeAssistant

Client = tuple[TestClient, FakeAssistant]


def _ask(c: TestClient, **body: object):
    return c.post("/api/v1/ask", json=body)


def test_ask_returns_exactly_the_ask_response_schema(client: Client) -> None:
    c, _ = client
    r = _ask(c, question="làm giấy khai sinh cho con cần gì")
    assert r.status_code == 200
    body = r.json()
    assert AskResponse.model_validate(body).model_dump(mode="json") == body
    assert set(body) == set(AskResponse.model_fields)
    assert len(r.headers["X-Conversation-Id"]) == 32
    assert int(r.headers["X-Message-Id"]) > 0


def test_ask_commune_gives_counter_from_profile(client: Client) -> None:
    c, fake = client
    r = _ask(c, question="khai sinh", commune="Kỳ Lừa")
    where = r.json()["answer"]["where"]
    assert any(w["counter"] == "1" and w["text"].startswith("Quầy số 1") for w in where)
    assert fake.calls[-1][1] == "Phường Kỳ Lừa, Lạng Sơn"


def test_ask_commune_by_code_without_diacritics(client: Client) -> None:
    c, fake = client
    for commune in ("06187", "ky lua", "Phường Kỳ Lừa"):
        assert _ask(c, question="khai sinh", commune=commune).status_code == 200
        assert fake.calls[-1][1] == "Phường Kỳ Lừa, Lạng Sơn"


def test_ask_commune_without_profile_falls_back(client: Client) -> None:
    c, _ = client
    where = _ask(c, question="khai sinh", commune="Xã Mẫu Sơn").json()["answer"]["where"]
    assert where == [{"text": "Ủy ban nhân dân cấp xã", "commune": None, "counter": None,
                      "cite": None}]


def test_ask_multi_turn_passes_history_and_keeps_commune(client: Client) -> None:
    c, fake = client
    first = _ask(c, question="hỏi về đất", commune="06385")
    assert first.json()["status"] == "clarify"
    cid = first.headers["X-Conversation-Id"]
    second = _ask(c, question="khai sinh", conversation_id=cid)
    assert second.headers["X-Conversation-Id"] == cid
    assert fake.calls[-1] == ("khai sinh", "Xã Hữu Lũng, Lạng Sơn", ("hỏi về đất",))
    assert second.json()["status"] == "answer"


def test_ask_stores_redacted_question(client: Client, db: Database) -> None:
    c, fake = client
    _ask(c, question="khai sinh, CCCD 001099012345, gọi 0912345678")
    with db.session() as s:
        texts = s.scalars(select(Message.text).where(Message.role == "citizen")).all()
    assert texts == ["khai sinh, CCCD [số CCCD], gọi [số điện thoại]"]
    assert "001099012345" in fake.calls[-1][0]  # the assistant itself may see it (guardrail)


def test_procedures_search_with_commune_counter(client: Client) -> None:
    c, _ = client
    r = c.get("/api/v1/procedures", params={"q": "khai sinh", "commune": "06187"})
    assert r.status_code == 200
    items = {i["code"]: i for i in r.json()["items"]}
    assert items["1.001193"]["counter"] == "1"
    assert items["1.004227"]["counter"] == "2"
    assert r.json()["commune"] == "Phường Kỳ Lừa"


def test_procedure_detail_and_not_found(client: Client) -> None:
    c, _ = client
    r = c.get("/api/v1/procedures/1.001193", params={"commune": "06385"})
    assert r.status_code == 200
    assert r.json()["name"] == "Thủ tục đăng ký khai sinh"
    assert any(w["counter"] == "1" for w in r.json()["where"])
    missing = c.get("/api/v1/procedures/9.999999")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_feedback_rates_and_rerates_one_answer(client: Client, db: Database) -> None:
    c, _ = client
    r = _ask(c, question="khai sinh")
    body = {"conversation_id": r.headers["X-Conversation-Id"],
            "message_id": int(r.headers["X-Message-Id"]), "helpful": True}
    assert c.post("/api/v1/feedback", json=body).json() == {"ok": True}
    assert c.post("/api/v1/feedback", json={**body, "helpful": False,
                                            "comment": "thiếu giấy tờ"}).status_code == 200
    with db.session() as s:
        rows = s.scalars(select(Feedback)).all()
        assert [(f.helpful, f.comment) for f in rows] == [(False, "thiếu giấy tờ")]


def test_handover_then_officer_reply_is_polled(client: Client, db: Database) -> None:
    from motcua.service.conversations import officer_reply

    c, _ = client
    r = _ask(c, question="khai sinh", commune="06187")
    cid, mid = r.headers["X-Conversation-Id"], int(r.headers["X-Message-Id"])
    h = c.post("/api/v1/handover", json={"conversation_id": cid, "note": "cần hỏi thêm"})
    assert h.json() == {"ok": True, "status": "waiting"}
    officer_reply(db, conversation_id=cid, text="Anh mang <b>tờ khai</b> đến quầy 1",
                  actor="canbo", commune_code="06187")
    polled = c.get(f"/api/v1/conversations/{cid}/messages", params={"after": mid}).json()
    officer = [m for m in polled["messages"] if m["role"] == "officer"]
    assert officer[0]["text"] == "Anh mang <b>tờ khai</b> đến quầy 1"
    assert polled["handover"] == "answered"


def test_communes_lists_the_65_of_lang_son(client: Client) -> None:
    c, _ = client
    items = c.get("/api/v1/communes").json()["items"]
    assert len(items) == 65
    assert {i["code"] for i in items if i["has_profile"]} == {"06187", "05986", "06385", "06184"}
    assert c.get("/api/v1/communes/06187").json()["counters"][0]["number"] == "1"
    assert c.get("/api/v1/communes/Mẫu Sơn").status_code == 404


def test_health_and_ready(client: Client) -> None:
    c, _ = client
    assert c.get("/healthz").json() == {"status": "ok"}
    ready = c.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "index": "ok"}


def test_ready_reports_missing_index(db: Database, tmp_path) -> None:
    from motcua._settings import get_settings
    from motcua.web.app import create_app

    app = create_app(get_settings(), None, db=db)
    c = TestClient(app)
    r = c.get("/readyz")
    assert r.status_code == 503
    assert r.json()["checks"]["database"] == "ok"
    assert r.json()["checks"]["index"].startswith("error")
    assert c.get("/healthz").status_code == 200
    ask = c.post("/api/v1/ask", json={"question": "khai sinh"})
    assert ask.status_code == 503
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 0


def test_citizen_page_is_light_and_has_labels(client: Client) -> None:
    c, _ = client
    page = c.get("/")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="vi">' in html and 'for="commune"' in html and 'for="question"' in html
    assert html.count("<option value=") == 66
    assert "http://" not in html and "https://" not in html  # no CDN
    total = len(page.content) + sum(len(c.get(p).content)
                                    for p in ("/static/app.js", "/static/card.js",
                                              "/static/app.css"))
    assert total < 200_000


def test_openapi_documents_ask(client: Client) -> None:
    c, _ = client
    spec = c.get("/openapi.json").json()
    assert "/api/v1/ask" in spec["paths"]
    assert "AskResponse" in spec["components"]["schemas"]


def test_security_headers_on_page_and_api(client: Client) -> None:
    c, _ = client
    page = c.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    api = c.get("/api/v1/communes")
    assert api.headers["cache-control"] == "no-store"
    assert api.headers["x-content-type-options"] == "nosniff"


def test_api_docs_page_served_without_cdn(client) -> None:
    c, _ = client
    page = c.get("/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    assert c.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert c.get("/openapi.json").json()["info"]["title"] == "motcua"
