"""The assistant's question log asked about like the dossiers: copied, grouped, unanswered."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua._settings import get_settings
from motcua.answer.schema import AnswerCard, AskResponse, ProcedureRef
from motcua.dossiers.query import ask
from motcua.dossiers.questions import question_key, sync_questions
from motcua.service.conversations import record_exchange
from motcua.store.db import Database, open_database

ANSWER = AskResponse(status="answer", message="Thủ tục bạn cần:",
                     procedures=[ProcedureRef(code="1.001193", name="Khai sinh", score=2.0)],
                     answer=AnswerCard(code="1.001193", name="Khai sinh", text="..."))
MISSING = AskResponse(status="abstain", message="Chưa có trong danh mục.",
                      reason="not_in_catalog")
OFF = AskResponse(status="abstain", message="Xin lỗi.", reason="off_topic")


@pytest.fixture
def db() -> Database:
    database = open_database(get_settings().db_url)
    asked = [("Cấp phép nuôi chim yến thế nào?", MISSING, "06385"),
             ("cap phep nuoi chim yen the nao", MISSING, "06385"),
             ("Cấp phép nuôi chim yến thế nào", MISSING, "06187"),
             ("đăng ký khai thác cát sông", MISSING, "06187"),
             ("làm giấy khai sinh", ANSWER, "06187"),
             ("làm giấy khai sinh", ANSWER, "06385"),
             ("làm giấy khai sinh", ANSWER, "06385"),
             ("làm giấy khai sinh", ANSWER, "06385"),
             ("thời tiết hôm nay", OFF, "06385"),
             ("thời tiết hôm nay", OFF, "06385")]
    for text, response, code in asked:
        record_exchange(database, question=text, response=response, commune_code=code)
    return database


def test_question_key_folds_spelling() -> None:
    assert question_key("Cấp phép  nuôi chim yến?") == question_key("cap phep nuoi chim yen")


def test_unanswered_this_week_ranks_the_need(db: Database) -> None:
    path = get_settings().home / "dossiers.duckdb"
    a = ask("tuần này người dân hỏi gì nhiều nhất mà chưa có câu trả lời?", path=path)
    assert a["status"] == "answer", a["message"]
    assert question_key(a["value"]) == "cap phep nuoi chim yen the nao"
    assert [t["value"] for t in a["table"]] == [3, 1]
    assert a["rows"] == 4 and "FROM questions" in a["sql"]
    assert "thời tiết" not in str(a["table"])  # off-topic refusals are not needs


def test_question_log_by_commune_and_asked_most(db: Database) -> None:
    path = get_settings().home / "dossiers.duckdb"
    a = ask("nguoi dan hoi gi nhieu nhat", path=path)
    assert a["value"] == "làm giấy khai sinh" and a["table"][0]["value"] == 4
    b = ask("số câu hỏi chưa có câu trả lời theo xã", path=path)
    assert {t["label"]: t["value"] for t in b["table"]} == {"Phường Kỳ Lừa": 2,
                                                             "Xã Hữu Lũng": 2}
    c = ask("xã Hữu Lũng có bao nhiêu câu hỏi tuần này", path=path)
    assert c["value"] == 7  # 2 + 3 + 2 off-topic: every question counts


def test_question_log_refuses_dossier_filters(db: Database) -> None:
    path = get_settings().home / "dossiers.duckdb"
    a = ask("câu hỏi của người dân lĩnh vực hộ tịch", path=path)
    assert a["status"] == "clarify"


def test_sync_copies_every_exchange_once(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "d.duckdb"
    assert sync_questions(target) == 10
    assert sync_questions(target) == 10  # replaced, not appended
