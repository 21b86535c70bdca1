"""The HTTP answer says when the catalog in use is the bundled sample, and stops saying it."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from motcua._settings import get_settings
from motcua.answer.assistant import load_assistant
from motcua.answer.messages import SAMPLE_NOTICE
from motcua.catalog.bootstrap import ensure_sample, import_catalog
from motcua.store.db import Database
from motcua.web.app import create_app
from tests.catalog.official import write_official

QUESTION = "con tôi mới sinh, làm giấy khai sinh ở xã cần mang gì"
STATIC = Path(__file__).resolve().parents[2] / "src" / "motcua" / "web" / "static"


def _client(db: Database) -> TestClient:
    settings = get_settings().model_copy(update={"rate_limit_per_minute": 1000})
    assistant = load_assistant(settings, db=db)
    return TestClient(create_app(settings, assistant, db=db))


def test_api_ask_on_sample_carries_flag_and_notice(db: Database) -> None:
    ensure_sample(get_settings(), db=db)
    c = _client(db)
    data = c.post("/api/v1/ask", json={"question": QUESTION}).json()
    assert data["status"] == "answer" and data["sample"] is True
    assert SAMPLE_NOTICE in data["answer"]["text"]
    refused = c.post("/api/v1/ask", json={"question": "kể cho tôi một câu chuyện cười"}).json()
    assert refused["status"] == "abstain" and refused["sample"] is True
    schema = c.get("/openapi.json").json()["components"]["schemas"]["AskResponse"]
    assert "sample" in schema["properties"]


def test_api_ask_after_official_import_has_no_flag(db: Database, tmp_path: Path) -> None:
    settings = get_settings()
    ensure_sample(settings, db=db)
    import_catalog(settings, [write_official(tmp_path / "chinh-thuc", 12)], db=db)
    data = _client(db).post("/api/v1/ask", json={"question": QUESTION}).json()
    assert data["status"] == "answer" and data["sample"] is False
    assert not data["answer"]["code"].startswith("MAU.")
    assert SAMPLE_NOTICE not in data["answer"]["text"]


def test_citizen_script_shows_the_same_sample_notice() -> None:
    js = (STATIC / "app.js").read_text("utf-8")
    assert f'"{SAMPLE_NOTICE}"' in js and "r.sample" in js


def test_assistant_logs_sample_in_use_once_per_index(db: Database) -> None:
    import logging

    ensure_sample(get_settings(), db=db)
    assistant = load_assistant(get_settings(), db=db)
    seen: list[str] = []

    class _Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    logger = logging.getLogger("motcua.answer.assistant")
    handler = _Keep(level=logging.WARNING)
    logger.addHandler(handler)
    try:
        for question in (QUESTION, "đổi thẻ căn cước hết hạn", "hôm nay ăn gì"):
            assert assistant.ask(question).sample is True
    finally:
        logger.removeHandler(handler)
    assert sum("sample catalog is in use" in m for m in seen) == 1


def test_app_from_env_empty_home_serves_sample_and_says_so(monkeypatch) -> None:
    """uvicorn started directly on the factory (not motcua serve): an empty data home
    answers from the bundled sample, flagged, instead of index_unavailable."""
    from motcua.web.app import app_from_env

    monkeypatch.setenv("MOTCUA_RATE_LIMIT_PER_MINUTE", "1000")
    get_settings.cache_clear()
    with TestClient(app_from_env()) as c:
        assert c.get("/readyz").status_code == 200
        data = c.post("/api/v1/ask", json={"question": QUESTION}).json()
    assert data["sample"] is True and data["procedures"][0]["code"].startswith("MAU.")


def test_served_assistant_names_national_procedure_not_held(db: Database) -> None:
    """The server builds its assistant like the CLI: with the imported national names."""
    from motcua.store.national import NationalProcedure

    ensure_sample(get_settings(), db=db)
    with db.session() as s:
        s.add(NationalProcedure(
            code="2.000620", name="Cấp Giấy phép bán lẻ rượu", issuer="Bộ Công thương",
            agency="Phòng Kinh tế", field="Lưu thông hàng hóa trong nước", source="t",
            url="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
                "?ma_thu_tuc=1889"))
    settings = get_settings().model_copy(update={"rate_limit_per_minute": 1000})
    c = TestClient(create_app(settings, db=db))  # no assistant given: the served one
    data = c.post("/api/v1/ask", json={"question": "xin giấy phép bán lẻ rượu ở đâu"}).json()
    assert (data["status"], data["reason"]) == ("abstain", "not_in_catalog")
    assert data["national"]["code"] == "2.000620"
