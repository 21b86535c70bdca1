"""``motcua status import``: every bad row reported, nothing written unless all are good."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text
from typer.testing import CliRunner

from motcua._errors import FileFormatError, InputError
from motcua._settings import get_settings
from motcua.cli import app
from motcua.store.db import Database, open_database
from motcua.tracking.importer import import_file
from motcua.tracking.store import StoredSource, TrackedDossier
from motcua.tracking.testing import ITEMS, DossierSourceContract
from tests.tracking.test_sources import write_csv

FKEY = DossierSourceContract.fkey
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(f"sqlite:///{tmp_path / 'i.db'}")


def _with(**changes: Any) -> list[dict[str, Any]]:
    return [{**ITEMS[0], **changes}, ITEMS[1]]


BAD_ROWS = [
    ({"code": "000.00.20.H35-250701-001"}, "dòng 4, cột 'Mã hồ sơ'"),
    ({"code": ""}, "dòng 4, cột 'Mã hồ sơ'"),
    ({"code": "000.00.20.H35-251301-0001"}, "dòng 4, cột 'Mã hồ sơ'"),
    ({"status": "đang đợi"}, "dòng 4, cột 'Trạng thái'"),
    ({"status": ""}, "dòng 4, cột 'Trạng thái'"),
    ({"status": "11"}, "dòng 4, cột 'Trạng thái'"),
    ({"due_at": "31/02/2025"}, "dòng 4, cột 'Ngày hẹn trả'"),
    ({"received_at": "hôm qua"}, "dòng 4, cột 'Ngày tiếp nhận'"),
    ({"id_number": "", "phone": ""}, "dòng 4, cột 'Số CCCD'"),
    ({"id_number": "12", "phone": "x"}, "dòng 4, cột 'Số CCCD'"),
    ({"code": ITEMS[1]["code"]}, "dòng 5, cột 'Mã hồ sơ': 000.00.20.H35-250701-0002 đã có ở "
                                 "dòng 4"),
]


@pytest.mark.parametrize(("changes", "where"), BAD_ROWS)
def test_import_bad_row_reported_nothing_written(db: Database, tmp_path: Path,
                                                 changes: dict[str, Any], where: str) -> None:
    import_file(db, write_csv(tmp_path / "old.csv", [ITEMS[1]]), FKEY)
    before = StoredSource(db).get(ITEMS[1]["code"])
    with pytest.raises(InputError) as info:
        import_file(db, write_csv(tmp_path / "e.csv", _with(**changes)), FKEY)
    assert where in info.value.message and "chưa nhập hồ sơ nào" in info.value.message
    assert info.value.hint
    assert StoredSource(db).get(ITEMS[0]["code"]) is None  # the good row was not written
    assert StoredSource(db).get(ITEMS[1]["code"]) == before  # nor the stored one replaced


def test_import_many_bad_rows_each_listed_then_counted(db: Database, tmp_path: Path) -> None:
    items = [{**ITEMS[0], "code": f"000.00.20.H35-250701-{i:04d}", "status": "?"}
             for i in range(1, 31)]
    with pytest.raises(InputError) as info:
        import_file(db, write_csv(tmp_path / "e.csv", items), FKEY)
    assert info.value.message.count("\ndòng ") == 20 and "... và 10 lỗi khác" in \
        info.value.message
    assert info.value.context["errors"] == 30


@pytest.mark.parametrize(("name", "content", "error"), [
    ("x.pdf", b"%PDF", FileFormatError),
    ("x.json", b"{not json", FileFormatError),
    ("x.json", b'{"dossiers": 3}', FileFormatError),
    ("x.json", b"[1, 2]", FileFormatError),
    ("x.csv", b"a,b,c\n1,2,3\n", InputError),  # no header
    ("x.csv", "Mã hồ sơ,Trạng thái\n000.00.20.H35-250701-0001,4\n".encode(), InputError),
    ("x.csv", "Mã hồ sơ,Mã HS,Trạng thái,SĐT\n".encode(), InputError),  # two code columns
    ("x.csv", "Mã hồ sơ,Trạng thái,SĐT\n".encode(), InputError),  # header only
    ("x.csv", b"\xff\xfe\x00\x81\x8d", FileFormatError),
    ("x.xlsx", b"not a workbook", FileFormatError),
])
def test_import_bad_file_refused(db: Database, tmp_path: Path, name: str, content: bytes,
                                 error: type[Exception]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        import_file(db, path, FKEY)
    assert getattr(info.value, "hint", None)


def test_import_missing_file_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không có tệp"):
        import_file(db, tmp_path / "none.csv", FKEY)


def test_import_keeps_no_number_and_no_other_column(db: Database, tmp_path: Path) -> None:
    result = import_file(db, write_csv(tmp_path / "e.csv", ITEMS), FKEY)
    assert result.rows == 2 and result.ignored_headers == ["Họ tên người nộp"]
    columns = {c["name"] for c in inspect(db.engine).get_columns("tracked_dossiers")}
    assert not columns & {"id_number", "phone", "name"}
    with db.engine.connect() as conn:
        dump = " ".join(str(v) for row in conn.execute(text("SELECT * FROM tracked_dossiers"))
                        for v in row)
    for secret in ("035099001234", "0912", "345 678", "Nguyễn"):
        assert secret not in dump


def test_import_again_replaces_by_code(db: Database, tmp_path: Path) -> None:
    import_file(db, write_csv(tmp_path / "a.csv", ITEMS), FKEY)
    import_file(db, write_csv(tmp_path / "b.csv", _with(status="Đã xử lý xong")), FKEY)
    with db.session() as s:
        rows = s.scalars(select(TrackedDossier).order_by(TrackedDossier.code)).all()
        assert [r.status for r in rows] == ["9", "10"]


def test_import_xlsx_export(db: Database, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO HỒ SƠ"])
    sheet.append(["Mã hồ sơ", "Tên TTHC", "Tình trạng", "Ngày hẹn trả", "Điện thoại"])
    sheet.append(["000.00.20.H35-250701-0003", "Đăng ký kết hôn", 4, "05/07/2025",
                  912345678])
    book.save(tmp_path / "e.xlsx")
    import_file(db, tmp_path / "e.xlsx", FKEY)
    record = StoredSource(db).get("000.00.20.H35-250701-0003")
    assert record is not None and record.matches(FKEY, "5678")


def test_cli_status_import_then_bad_file(tmp_path: Path) -> None:
    good = write_csv(tmp_path / "e.csv", ITEMS)
    r = runner.invoke(app, ["status", "import", str(good), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == {"file": "e.csv", "rows": 2, "ignored": ["Họ tên người nộp"]}
    r = runner.invoke(app, ["status", "import", str(good)])
    assert r.exit_code == 0 and "Đã nhập 2 hồ sơ" in r.output
    bad = write_csv(tmp_path / "bad.csv", _with(status="?"))
    r = runner.invoke(app, ["status", "import", str(bad)])
    assert isinstance(r.exception, InputError) and "dòng 4" in r.exception.message
    db = open_database(get_settings().db_url)
    assert StoredSource(db).count() == 2


def test_cli_status_purge_keeps_recent_audit(tmp_path: Path) -> None:
    import datetime as dt

    from motcua.store.models import utcnow
    from motcua.tracking import audit

    db = open_database(get_settings().db_url)
    for age in (400, 10, 0):
        audit.record(db, channel="web", code_digest="d", asker_digest=None,
                     outcome=audit.Outcome.ASKED, now=utcnow() - dt.timedelta(days=age))
    r = runner.invoke(app, ["status", "purge", "--days", "30"])
    assert r.exit_code == 0 and "Đã xóa 1 dòng" in r.output
    with pytest.raises(InputError):
        audit.purge(db, older_than_days=0)
    with db.session() as s:
        assert len(s.scalars(select(audit.LookupRow)).all()) == 2
