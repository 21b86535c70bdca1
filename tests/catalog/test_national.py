"""The national index import: messy rows skipped and counted, re-import idempotent, both
databases; the real crawled file (skips without ../shared) imports whole but its one bad row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from motcua._errors import FileFormatError, InputError
from motcua.catalog.national import NationalRow, import_national_index, validate_row
from motcua.store import open_database
from motcua.store.national import NationalProcedure

URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1"


def row(code: str = "2.000620", name: str = "Cấp Giấy phép bán lẻ rượu", **extra: object) -> dict:
    return {"ma_so": code, "ten": name, "co_quan_ban_hanh": "Bộ Công thương",
            "co_quan_thuc_hien": "Phòng Kinh tế", "linh_vuc": "Lưu thông hàng hóa", "url": URL,
            **extra}


def write(path: Path, rows: object) -> Path:
    path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(("raw", "reason"), [
    ("a string", "not an object"),
    (None, "not an object"),
    ({"ten": "Cấp Giấy phép bán lẻ rượu"}, "missing code"),
    (row(code="  "), "missing code"),
    (row(code=1.2), "missing code"),
    (row(code="abc"), "malformed code"),
    (row(code="1.013195; 1.2"), "malformed code"),
    (row(name="Bỏ"), "missing name"),
    (row(name=None), "missing name"),
    (row(name="x" * 2001), "name too long"),
])
def test_validate_row_bad_rows_give_a_reason(raw: object, reason: str) -> None:
    assert validate_row(raw) == reason


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://example.com/x", "", 3,
                                 "https://dichvucong.gov.vn/ a b"])
def test_validate_row_keeps_the_name_without_a_bad_link(url: object) -> None:
    got = validate_row(row(url=url))
    assert isinstance(got, NationalRow) and got.url == "" and got.name.startswith("Cấp")


def test_validate_row_cleans_whitespace() -> None:
    got = validate_row(row(name="  Cấp   Giấy phép\nbán lẻ rượu "))
    assert isinstance(got, NationalRow) and got.name == "Cấp Giấy phép bán lẻ rượu"


def test_import_national_index_skips_counts_and_is_idempotent(database_url: str,
                                                              tmp_path: Path) -> None:
    db = open_database(database_url)
    rows = [row(), row(code="2.000620"), row(code="1.000001", name="Cấp Giấy phép lao động"),
            {"ma_so": "1.000002"}, "junk"]
    first = import_national_index(db, write(tmp_path / "i.json", rows))
    assert (first.imported, first.updated, first.unchanged) == (2, 0, 0)
    assert dict(first.skipped) == {"duplicate code": 1, "missing name": 1, "not an object": 1}
    again = import_national_index(db, tmp_path / "i.json")
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    rows[2] = row(code="1.000001", name="Cấp giấy phép lao động cho người nước ngoài")
    third = import_national_index(db, write(tmp_path / "i.json", rows))
    assert (third.imported, third.updated, third.unchanged) == (0, 1, 1)
    with db.session() as s:
        names = {r.code: r.name for r in s.scalars(select(NationalProcedure))}
    assert names == {"2.000620": "Cấp Giấy phép bán lẻ rượu",
                     "1.000001": "Cấp giấy phép lao động cho người nước ngoài"}


@pytest.mark.parametrize(("content", "error"), [
    ("{not json", FileFormatError),
    ('{"ma_so": "1.000001"}', FileFormatError),
    (b"\xff\xfe\x00bad", FileFormatError),
])
def test_import_national_index_bad_file_is_refused(tmp_path: Path, content: str | bytes,
                                                   error: type[Exception]) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(error):
        import_national_index(db, path)


def test_import_national_index_missing_file(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(InputError):
        import_national_index(db, tmp_path / "absent.json")


def test_import_national_index_real_file(shared: Path, tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    report = import_national_index(db, shared / "data/catalog/procedure-index-2025-04.json")
    assert report.imported > 5900 and sum(report.skipped.values()) < 10 and not report.no_url
