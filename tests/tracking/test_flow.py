"""The lookup in the citizen flow: POST /api/v1/ask and the signed webhook, end to end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import select

from motcua._settings import get_settings
from motcua.answer.render import render_text
from motcua.answer.schema import AskResponse
from motcua.channels.delivery import _DELIVERIES
from motcua.store.db import Database, open_database
from motcua.store.models import utcnow
from motcua.store.service import Message
from motcua.tracking import audit
from motcua.tracking.audit import LookupRow
from motcua.tracking.flow import factor_key, find_factor
from motcua.tracking.importer import import_file
from motcua.tracking.testing import ITEMS
from tests.channels._standin import stand_in, webhook_ok
from tests.channels.test_routes import settle
from tests.channels.test_webhook import SECRET as WH_SECRET
from tests.channels.test_webhook import event_body, signed
from tests.tracking._standin import KEY, status_api
from tests.tracking.test_sources import write_csv
from tests.web.fake import FakeAssistant, make_client

CODE = ITEMS[0]["code"]
MAX = 3


@pytest.fixture
def db(database_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(database_url)
    import_file(database, write_csv(tmp_path / "e.csv", ITEMS), factor_key(get_settings()))
    yield database
    delivery = _DELIVERIES.pop(id(database), None)
    if delivery is not None:
        delivery.stop()
    database.dispose()


@pytest.fixture
def web(db: Database) -> tuple[TestClient, FakeAssistant]:
    return make_client(db, status_max_failures=MAX)


def ask(client: TestClient, question: str, conversation: str | None = None
        ) -> tuple[AskResponse, str]:
    r = client.post("/api/v1/ask", json={"question": question, "conversation_id": conversation})
    assert r.status_code == 200, r.text
    return AskResponse.model_validate(r.json()), r.headers["x-conversation-id"]


def outcomes(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(LookupRow.outcome).order_by(LookupRow.id)))


def test_flow_code_then_factor_shows_status(web: tuple[TestClient, FakeAssistant],
                                            db: Database) -> None:
    client, fake = web
    first, conv = ask(client, f"cho hỏi hồ sơ {CODE.lower()} đến đâu rồi")
    assert first.status == "clarify" and first.reason == "dossier_factor"
    assert "4 số cuối" in first.message and "khai sinh" not in first.message
    shown, same = ask(client, "1234", conv)
    assert same == conv and shown.status == "answer" and shown.reason == "dossier_status"
    for fact in ("Đăng ký khai sinh", "đang xử lý", "01/07/2025", "03/07/2025",
                 "Bộ phận một cửa UBND xã Tân Thanh"):
        assert fact in shown.message
    assert render_text(shown).startswith(f"Hồ sơ {CODE}")  # what every channel sends
    assert fake.calls == []  # the assistant was never asked
    assert outcomes(db) == ["asked", "shown"]


def test_flow_factor_in_the_same_message(web: tuple[TestClient, FakeAssistant],
                                         db: Database) -> None:
    shown, _ = ask(web[0], f"Hồ sơ {CODE}, 4 số cuối số điện thoại là 5678")
    assert shown.reason == "dossier_status" and "Đăng ký khai sinh" in shown.message


def test_flow_wrong_factor_shows_nothing_and_counts(web: tuple[TestClient, FakeAssistant],
                                                    db: Database) -> None:
    client, _ = web
    _, conv = ask(client, CODE)
    wrong, _ = ask(client, "4321", conv)
    assert wrong.status == "abstain" and wrong.reason == "dossier_unmatched"
    assert wrong.answer is None and "khai sinh" not in wrong.message.lower()
    assert "đang xử lý" not in wrong.message and "03/07" not in wrong.message
    unknown, _ = ask(client, "000.00.20.H35-250701-0999 1234", conv)
    assert unknown.message.replace("0999", "0001") == wrong.message  # same words: no oracle
    assert outcomes(db) == ["asked", "wrong_factor", "not_found"]
    digest = factor_key(get_settings()).code_digest(CODE)
    assert audit.failures(db, code_digest=digest, since=utcnow() - dt.timedelta(hours=1)) == 1


def test_flow_locks_code_after_max_wrong_factors(web: tuple[TestClient, FakeAssistant],
                                                 db: Database) -> None:
    client, _ = web
    for n in range(MAX):
        ask(client, f"{CODE} {n:04d}")  # a new asker each time: the code's own count locks
    locked, _ = ask(client, f"{CODE} 1234")  # the right factor, too late
    assert locked.reason == "dossier_locked" and "Đăng ký khai sinh" not in locked.message
    other, _ = ask(client, f"{ITEMS[1]['code']} 4321")  # another code is not locked
    assert other.reason == "dossier_status"
    assert outcomes(db) == ["wrong_factor"] * MAX + ["locked", "shown"]


def test_flow_lock_expires(web: tuple[TestClient, FakeAssistant], db: Database) -> None:
    digest = factor_key(get_settings()).code_digest(CODE)
    old = utcnow() - dt.timedelta(minutes=get_settings().status_lock_minutes + 1)
    for _ in range(MAX):
        audit.record(db, channel="web", code_digest=digest, asker_digest=None,
                     outcome=audit.Outcome.WRONG_FACTOR, now=old)
    shown, _ = ask(web[0], f"{CODE} 1234")
    assert shown.reason == "dossier_status"


def test_flow_stores_no_factor_digits(web: tuple[TestClient, FakeAssistant],
                                      db: Database) -> None:
    client, _ = web
    _, conv = ask(client, f"hồ sơ {CODE}")
    ask(client, "số cuối 1234", conv)
    ask(client, f"{CODE} cccd 035099001234", conv)
    with db.session() as s:
        texts = list(s.scalars(select(Message.text).where(Message.role == "citizen")))
        audit_rows = s.scalars(select(LookupRow)).all()
    assert texts == [f"Tra cứu hồ sơ {CODE}", f"Tra cứu hồ sơ {CODE} [4 số cuối]",
                     f"Tra cứu hồ sơ {CODE} [4 số cuối]"]
    assert all(r.channel == "web" and CODE not in r.code_digest for r in audit_rows)
    assert [bool(r.asker_digest) for r in audit_rows] == [False, True, True]  # by conversation


def test_flow_ordinary_question_goes_to_the_assistant(
        web: tuple[TestClient, FakeAssistant]) -> None:
    client, fake = web
    _, conv = ask(client, CODE)
    answer, _ = ask(client, "làm khai sinh cho con cần gì", conv)
    assert answer.status == "answer" and answer.reason is None and len(fake.calls) == 1


def test_flow_http_source_and_its_outage(db: Database) -> None:
    with status_api([{**ITEMS[0], "status": "Yêu cầu bổ sung"}]) as api:
        client, _ = make_client(db, status_source_url=api.url,
                                status_source_key=SecretStr(KEY))
        shown, _ = ask(client, f"{CODE} 5678")
        assert shown.reason == "dossier_status" and "bổ sung" in shown.message
        api.script.append((500, {"error": "down"}))
        down, _ = ask(client, f"{CODE} 5678")
        assert down.reason == "dossier_unavailable" and "thử lại" in down.message
    assert outcomes(db)[-2:] == ["shown", "unavailable"]


@pytest.mark.parametrize(("text", "four"), [
    ("1234", "1234"), ("4 số cuối là 5678", "5678"), ("cccd 035099001234", "1234"),
    ("sđt 0912 345 678", "5678"), ("+84 912 345 678", "5678"), ("12", None), ("123456", None),
    ("ngày 01/07", None), ("không nhớ", None)])
def test_find_factor_forms(text: str, four: str | None) -> None:
    assert find_factor(text) == four


def test_flow_through_the_signed_webhook(db: Database) -> None:
    with stand_in(webhook_ok) as server:
        client, fake = make_client(db, webhook_secret=SecretStr(WH_SECRET),
                                   webhook_callback_url=f"{server.url}/cb")
        for n, text in enumerate([f"Tra cứu hồ sơ {CODE}", "9999", "1234"], start=1):
            body = event_body(f"evt-{n}", text)
            assert client.post("/channels/webhook", content=body,
                               headers=signed(body)).status_code == 200
            settle(db)
        replies = [b["text"] for b in server.bodies("/cb")]
    assert len(replies) == 3 and "4 số cuối" in replies[0]
    assert "Không tìm thấy" in replies[1] and "khai sinh" not in replies[1]
    assert replies[2].startswith(f"Hồ sơ {CODE} (Đăng ký khai sinh): đang xử lý.")
    assert "03/07/2025" in replies[2] and fake.calls == []
    with db.session() as s:
        assert set(s.scalars(select(LookupRow.channel))) == {"webhook"}
    assert outcomes(db) == ["asked", "wrong_factor", "shown"]


def test_flow_without_a_store_refuses_shows_nothing() -> None:
    """The CLI's one-off question has no store: no audit, so no lookup."""
    from motcua.service.citizens import CitizenService, Inbound

    fake = FakeAssistant()
    reply = CitizenService(get_settings(), fake, None).handle(
        Inbound(text=f"{CODE} 1234", channel="cli"))
    assert reply.response.reason == "dossier_unavailable" and fake.calls == []
    assert "khai sinh" not in reply.response.message


@pytest.mark.parametrize(("text", "factor"), [
    ("1234", True), ("4 số cuối CCCD của em là 1234 ạ", True), ("SĐT: 0912 345 678", True),
    ("dạ 1234", True), ("khai sinh năm 2024 cần gì", False), ("lệ phí 2000 đồng à", False),
    ("xin chào", False)])
def test_flow_follow_up_only_the_factor(web: tuple[TestClient, FakeAssistant], db: Database,
                                        text: str, factor: bool) -> None:
    client, fake = web
    _, conv = ask(client, CODE)
    reply, _ = ask(client, text, conv)
    assert (reply.reason or "").startswith("dossier_") is factor
    assert (fake.calls == []) is factor


@pytest.mark.parametrize(("text", "shown"), [
    (f"{CODE} 1234", True), (f"hồ sơ {CODE} của em, cccd 035099001234", True),
    (f"tra cứu hồ sơ {CODE} giúp em 1234 ạ", True), (f"{CODE} sđt 0912345678", True),
    (f"hồ sơ {CODE} nộp năm 2025 đến đâu rồi", False)])
def test_flow_factor_beside_the_code(web: tuple[TestClient, FakeAssistant], db: Database,
                                     text: str, shown: bool) -> None:
    reply, _ = ask(web[0], text)
    assert reply.reason == ("dossier_status" if shown else "dossier_factor")


def test_flow_source_url_without_key_shows_nothing(db: Database) -> None:
    client, _ = make_client(db, status_source_url="http://127.0.0.1:9/api/dossiers")
    reply, _ = ask(client, f"{CODE} 1234")
    assert reply.reason == "dossier_unavailable" and "khai sinh" not in reply.message
