"""Questions -> answers on a generated export; the SQL validator; what is asked back or refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from motcua._errors import EmptyIndex, InvalidQuestion
from motcua.dossiers.generate import Dossier
from motcua.dossiers.query import UnsafeSQL, ask, validate_sql
from motcua.text import fold
from tests.dossiers.conftest import TODAY

KEYS = ["status", "value", "unit", "table", "sql", "rows", "message"]
ISSUE = ["Xã nào trễ hạn nhiều nhất quý 3?",
         "tỷ lệ nộp trực tuyến của phường Đông Kinh theo tháng",
         "10 thủ tục nhiều hồ sơ nhất năm nay", "tháng nào đông nhất?"]


@pytest.mark.parametrize("question", ISSUE)
def test_ask_issue_examples_answer_the_same_without_diacritics(store: Path,
                                                               question: str) -> None:
    a = ask(question, path=store, today=TODAY)
    b = ask(fold(question), path=store, today=TODAY)
    assert list(a) == KEYS
    assert a["status"] == "answer" and a == b
    assert a["table"] and a["rows"] > 0 and a["sql"].startswith("SELECT")


def test_ask_sql_in_the_answer_is_the_sql_that_ran(store: Path) -> None:
    a = ask("Xã nào trễ hạn nhiều nhất quý 3?", path=store, today=TODAY)
    con = duckdb.connect(str(store), read_only=True)
    first = con.execute(a["sql"]).fetchone()
    con.close()
    assert first is not None and first[0] == a["value"] == a["table"][0]["label"]


def test_ask_which_commune_is_late_most_matches_rows(rows: list[Dossier], store: Path) -> None:
    late: dict[str, int] = {}
    for d in rows:
        if dt.date(2025, 7, 1) <= d.received_at.date() < dt.date(2025, 10, 1):
            overdue = d.result_at is None and d.status == "dang_xu_ly" and \
                d.due_at < dt.datetime(2026, 6, 30)
            is_late = (d.result_at is not None and d.result_at > d.due_at) or overdue
            late[d.commune] = late.get(d.commune, 0) + int(is_late)
    best = sorted(late.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    a = ask("xa nao tre han nhieu nhat quy 3", path=store, today=TODAY)
    assert (a["value"], a["table"][0]["value"]) == best
    assert a["unit"] == "hồ sơ"


def test_ask_compare_named_communes_groups_by_commune(store: Path) -> None:
    a = ask("so sánh tỷ lệ đúng hạn giữa xã Hữu Lũng và phường Kỳ Lừa", path=store, today=TODAY)
    assert a["status"] == "answer" and a["unit"] == "%"
    assert [t["label"] for t in a["table"]] == ["Phường Kỳ Lừa", "Xã Hữu Lũng"]


@pytest.mark.parametrize(("question", "status", "words"), [
    ("so sánh tỷ lệ đúng hạn giữa các xã biên giới", "clarify", "nêu tên các xã"),
    ("tỷ lệ của xã Hữu Lũng", "clarify", "Tỷ lệ nào"),
    ("xã nào có hồ sơ trễ hạn", "clarify", "nhiều nhất"),
    ("cao nhất", "clarify", "theo gì"),
    ("hồ sơ tháng 7 và tháng 8", "clarify", "một khoảng thời gian"),
    ("hồ sơ không đúng hạn", "clarify", "khong"),
    ("xã Hoa Mai có bao nhiêu hồ sơ", "clarify", "hoa mai"),
    ("số hồ sơ theo xã và theo tháng", "clarify", "nhóm theo một thứ"),
    ("tháng 13 có bao nhiêu hồ sơ", "clarify", "Tháng 13"),
    ("ngày 31/02/2026 có bao nhiêu hồ sơ", "clarify", "không tồn tại"),
    ("SELECT * FROM dossiers; DROP TABLE dossiers", "refuse", "không sửa"),
    ("tỷ lệ đúng hạn dưới 80%", "clarify", "Lọc theo ngưỡng cần nhóm"),
    ("xã nào có tỷ lệ đúng hạn từ 80%", "clarify", "Ngưỡng nào"),
    ("xã nào cao hơn", "clarify", "so sánh giữa những xã nào"),
    ("dự báo số hồ sơ tháng sau", "refuse", "dự báo"),
    ("hồ sơ của ông Nguyễn Văn An", "refuse", "từng người"),
    ("vì sao xã Hữu Lũng trễ hạn", "refuse", "lý do"),
    ("lệ phí thu được năm nay", "refuse", "phí"),
    ("viết một bài thơ", "refuse", "thống kê hồ sơ"),
])
def test_ask_unsupported_is_asked_back_or_refused(store: Path, question: str, status: str,
                                                  words: str) -> None:
    a = ask(question, path=store, today=TODAY)
    assert (a["status"], a["value"], a["sql"], a["table"]) == (status, None, "", [])
    assert words in a["message"], a["message"]


@pytest.mark.parametrize("question", ["", "   ", "x" * 501])
def test_ask_empty_or_too_long_is_invalid(store: Path, question: str) -> None:
    with pytest.raises(InvalidQuestion):
        ask(question, path=store, today=TODAY)


def test_ask_before_any_import_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(EmptyIndex) as info:
        ask("có bao nhiêu hồ sơ", path=tmp_path / "none.duckdb")
    assert "motcua data import" in (info.value.hint or "")


@pytest.mark.parametrize("sql", [
    "DELETE FROM dossiers",
    "DROP TABLE dossiers",
    "SELECT * FROM dossiers; DROP TABLE dossiers",
    "SELECT * FROM dossiers",  # no LIMIT
    "SELECT * FROM dossiers LIMIT 100000",
    "SELECT * FROM dossier_imports LIMIT 5",
    "SELECT * FROM read_csv('/etc/passwd') LIMIT 5",
    "SELECT * FROM 'x.parquet' LIMIT 5",
    "SELECT * FROM main.other LIMIT 5",
    "SELECT * FROM dossiers d JOIN secrets s ON true LIMIT 5",
    "WITH x AS (SELECT 1) INSERT INTO dossiers SELECT * FROM x",
    "COPY dossiers TO '/tmp/x.csv'",
    "ATTACH '/tmp/other.db'",
    "PRAGMA show_tables",
    "SELECT * FROM (SELECT * FROM read_parquet('x')) LIMIT 1",
    "SELEC nothing",
])
def test_validate_sql_refuses_anything_but_a_bounded_select(sql: str) -> None:
    with pytest.raises(UnsafeSQL):
        validate_sql(sql)


def test_validate_sql_accepts_a_bounded_select() -> None:
    validate_sql("SELECT commune, count(*) FROM dossiers GROUP BY 1 ORDER BY 2 DESC LIMIT 10")


@pytest.mark.parametrize(("said", "canonical"), [
    ("xã hữu lũng tháng 5 nhận bao nhiêu hồ sơ?", "số hồ sơ của xã Hữu Lũng tháng 5/2026"),
    ("ngày thứ mấy trong tuần đông nhất", "thứ mấy đông nhất"),
    ("ngay nao trong tuan dong nhat", "thứ mấy đông nhất"),
    ("tỷ lệ đúng hạn từng xã quý 1", "tỷ lệ giải quyết đúng hạn theo xã quý 1/2026"),
    ("Phường Kỳ Lừa tháng 6/2026 tỷ lệ nộp trực tuyến bao nhiêu phần trăm",
     "tỷ lệ nộp trực tuyến của phường Kỳ Lừa tháng 6 năm 2026"),
    ("top 5 xã có tỷ lệ trực tuyến cao nhất", "5 xã có tỷ lệ nộp trực tuyến cao nhất"),
    ("Mấy hồ sơ bị từ chối?", "số hồ sơ bị từ chối"),
    ("ti le so hoa ket qua cua UBND xa Huu Lung", "tỷ lệ số hóa của xã Hữu Lũng"),
    ("tháng trước có bao nhiêu hồ sơ trễ hạn", "số hồ sơ trễ hạn tháng 5/2026"),
    ("6 tháng đầu năm", "từ tháng 1 đến tháng 6 năm 2026"),
    ("tỉ lệ giải quyết hồ sơ đúng hạn toàn tỉnh theo quý", "tỷ lệ đúng hạn theo quý"),
    ("Hồ sơ trễ hạn tập trung vào lĩnh vực nào?", "lĩnh vực nào trễ hạn nhiều nhất"),
    ("Kênh nộp nào phổ biến nhất?", "kênh nộp nào nhiều hồ sơ nhất"),
    ("Tháng cao điểm là tháng nào?", "tháng nào đông nhất"),
    ("Số hồ sơ còn tồn đọng hiện nay", "bao nhiêu hồ sơ đang xử lý"),
    ("xã Hữu Lũng và phường Kỳ Lừa, xã nào có tỷ lệ trực tuyến cao hơn?",
     "xã nào có tỷ lệ nộp trực tuyến cao nhất giữa xã Hữu Lũng và phường Kỳ Lừa"),
    ("Tỷ lệ số hóa kết quả giải quyết TTHC của các xã trong quý 2",
     "tỷ lệ số hóa theo xã quý 2/2026"),
])
def test_ask_paraphrases_give_the_same_query(store: Path, said: str, canonical: str) -> None:
    a, b = ask(said, path=store, today=TODAY), ask(canonical, path=store, today=TODAY)
    assert a["status"] == "answer", a["message"]
    assert (a["value"], a["table"], a["sql"]) == (b["value"], b["table"], b["sql"])


def test_ask_threshold_lists_groups_past_it(rows: list[Dossier], store: Path) -> None:
    online: dict[str, list[int]] = {}
    for d in rows:
        online.setdefault(d.commune, []).append(d.channel == "truc_tuyen")
    rates = {c: (2000 * sum(v) + len(v)) // (2 * len(v)) / 10 for c, v in online.items()}
    gold = sorted(((c, r) for c, r in rates.items() if r > 45), key=lambda cr: (-cr[1], cr[0]))
    a = ask("những xã nào có tỷ lệ nộp trực tuyến trên 45%", path=store, today=TODAY)
    assert [(t["label"], t["value"]) for t in a["table"]] == gold
    assert "HAVING value > 45" in a["sql"] and a["value"] is None
