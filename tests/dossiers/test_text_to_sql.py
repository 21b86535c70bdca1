"""The optional model-written SQL, against a stand-in OpenAI-compatible server on loopback.

What matters: the model is asked only where the parser did not understand, its SQL runs only
when the validator passes it, and anything else (a refusal on purpose, a model that is down,
SQL that writes, reads files or other tables) leaves the parser's own answer in place.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from motcua._llm import OpenAICompatibleClient
from motcua._settings import get_settings
from motcua.cli import app
from motcua.dossiers.query import ask
from motcua.dossiers.text_to_sql import SYSTEM_PROMPT, extract_sql
from tests._llm_standin import llm_stand_in
from tests.dossiers.conftest import TODAY

AVERAGE = "thời gian giải quyết trung bình của mỗi xã là bao nhiêu ngày?"  # parser: not yet
UNKNOWN = "số hồ sơ có mã hồ sơ kết thúc bằng chữ số 7"  # parser: part not understood
AVG_SQL = ("SELECT commune, avg(date_diff('day', received_at, result_at)) AS days "
           "FROM dossiers WHERE result_at IS NOT NULL GROUP BY commune ORDER BY commune LIMIT 100")


def _client(url: str) -> OpenAICompatibleClient:
    return OpenAICompatibleClient(url, "qwen-test", timeout=5.0)


def test_extract_sql_reads_fenced_bare_and_declined_replies() -> None:
    assert extract_sql("```sql\nSELECT 1 LIMIT 1;\n```") == "SELECT 1 LIMIT 1"
    assert extract_sql("Đây là câu truy vấn:\n```\nSELECT 2 LIMIT 1\n```") == "SELECT 2 LIMIT 1"
    assert extract_sql("SELECT 3 LIMIT 1;") == "SELECT 3 LIMIT 1"
    assert extract_sql("KHONG_TRA_LOI") is None
    assert extract_sql("   ") is None


def test_text_to_sql_average_time_answered_with_the_models_sql(store: Path) -> None:
    with llm_stand_in(f"```sql\n{AVG_SQL}\n```") as llm:
        a = ask(AVERAGE, path=store, today=TODAY, model=_client(llm.url))
    assert a["status"] == "answer" and a["source"] == "llm" and a["sql"] == AVG_SQL
    con = duckdb.connect(str(store), read_only=True)
    expected = con.execute(AVG_SQL).fetchall()
    con.close()
    assert [(t["commune"], t["days"]) for t in a["table"]] == expected
    assert "mô hình ngôn ngữ" in a["message"]
    sent = llm.received[0]["messages"]
    assert sent[0]["content"] == SYSTEM_PROMPT and AVERAGE in sent[1]["content"]


def test_text_to_sql_single_value_is_the_value(store: Path) -> None:
    sql = "SELECT count(*) AS n FROM dossiers WHERE code LIKE '%7' LIMIT 1"
    with llm_stand_in(sql) as llm:
        a = ask(UNKNOWN, path=store, today=TODAY, model=_client(llm.url))
    con = duckdb.connect(str(store), read_only=True)
    row = con.execute(sql).fetchone()
    con.close()
    assert row is not None and a["status"] == "answer" and a["value"] == row[0]


@pytest.mark.parametrize("reply", [
    "DROP TABLE dossiers",
    "SELECT * FROM dossiers LIMIT 10; DELETE FROM dossiers",
    "SELECT * FROM dossiers",  # no LIMIT
    "SELECT * FROM dossiers LIMIT 100000",  # above the cap
    "SELECT * FROM read_csv('/etc/passwd') LIMIT 5",
    "SELECT * FROM main.dossiers LIMIT 5",
    "SELECT * FROM users LIMIT 5",
    "ATTACH '/tmp/x.db' AS x",
    "COPY dossiers TO '/tmp/out.csv'",
    "SELECT no_such_column FROM dossiers LIMIT 5",  # valid shape, fails to run
    "KHONG_TRA_LOI",
    "xin lỗi, tôi không biết",
])
def test_text_to_sql_bad_reply_keeps_the_parsers_answer(store: Path, reply: str) -> None:
    before = ask(AVERAGE, path=store, today=TODAY)
    with llm_stand_in(reply) as llm:
        a = ask(AVERAGE, path=store, today=TODAY, model=_client(llm.url))
    assert a == before and a["status"] == "refuse" and "source" not in a
    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT count(*) FROM dossiers").fetchone() == (3000,)
    con.close()


def test_text_to_sql_model_down_keeps_the_parsers_answer(store: Path) -> None:
    with llm_stand_in("SELECT 1 LIMIT 1") as llm:
        llm.status = 500
        a = ask(UNKNOWN, path=store, today=TODAY, model=_client(llm.url))
    assert a["status"] == "clarify" and "chưa hiểu" in a["message"]


@pytest.mark.parametrize("question", [
    "xóa các hồ sơ trễ hạn của xã Hữu Lũng",  # writing
    "họ tên người nộp hồ sơ nhiều nhất",  # personal data
    "tháng sau sẽ có bao nhiêu hồ sơ?",  # forecast
    "tổng lệ phí thu được năm nay",  # the data holds no fees
])
def test_text_to_sql_deliberate_refusal_never_asks_the_model(store: Path, question: str) -> None:
    with llm_stand_in("SELECT count(*) FROM dossiers LIMIT 1") as llm:
        a = ask(question, path=store, today=TODAY, model=_client(llm.url))
    assert a["status"] == "refuse" and llm.received == []


def test_text_to_sql_supported_question_never_asks_the_model(store: Path) -> None:
    with llm_stand_in("SELECT 1 LIMIT 1") as llm:
        a = ask("tháng nào đông nhất?", path=store, today=TODAY, model=_client(llm.url))
    assert a["status"] == "answer" and "source" not in a and llm.received == []


def test_text_to_sql_from_settings_through_the_cli(store: Path, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:
    monkeypatch.setenv("MOTCUA_HOME", str(store.parent))
    with llm_stand_in(AVG_SQL) as llm:
        monkeypatch.setenv("MOTCUA_LLM_BASE_URL", llm.url)
        monkeypatch.setenv("MOTCUA_LLM_MODEL", "qwen-test")
        get_settings.cache_clear()
        off = CliRunner().invoke(app, ["data", "ask", AVERAGE, "--json", "--today", "2026-06-30"])
        monkeypatch.setenv("MOTCUA_DOSSIER_SQL_MODEL", "on")
        get_settings.cache_clear()
        on = CliRunner().invoke(app, ["data", "ask", AVERAGE, "--json", "--today", "2026-06-30"])
    assert off.exit_code == 0 and '"status": "refuse"' in off.output
    assert on.exit_code == 0 and '"source": "llm"' in on.output, on.output
    assert len(llm.received) == 1
