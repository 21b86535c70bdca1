"""One-pass pipelines on small registers written here: nothing lost, everything reported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from motcua._errors import InputError
from motcua.cleaning import records as records_mod
from motcua.cleaning.records import (
    ADDRESS_COLUMNS,
    clean_addresses_file,
    clean_records_file,
    parse_mapping,
)

ROWS = [
    ["Mã", "Họ tên", "Ngày sinh", "Số CCCD", "Địa chỉ", "SĐT"],
    ["1", "NGUYỄN văn  a", "05/07/1990", "001090012345",
     "Số 7 Hàng Bún, Phường Phúc Xá, Quận Ba Đình, Hà Nội", "01688123456"],
    ["2", "Nguyễn Văn A", "5-7-90", "001090012345", "Phường Hồng Hà, Thành phố Hà Nội",
     "0912345678"],
    ["3", "Lê Thị Hoà", "31/02/2000", "123456789",
     "Xã Tân Xã, Huyện Thạch Thất, Thành phố Hà Nội", "+84 912 345 678"],
    ["4", "Trần B", "01/01/1985", "", "không rõ", ""],
]


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_records_addresses_keep_rows_and_add_columns(tmp_path: Path) -> None:
    src = _write_csv(tmp_path / "in.csv", ROWS)
    summary = clean_addresses_file(src, "Địa chỉ", tmp_path / "out.csv")
    out = _read_csv(tmp_path / "out.csv")
    assert list(out[0]) == ROWS[0] + ADDRESS_COLUMNS
    assert [[r[c] for c in ROWS[0]] for r in out] == ROWS[1:]  # input cells unchanged
    assert [r["address_status"] for r in out] == ["converted", "ok", "ambiguous", "not_found"]
    assert out[0]["new_ward_code"] == out[1]["new_ward_code"] == "00097"
    assert "(09982)" in out[2]["address_candidates"] and "(09988)" in out[2]["address_candidates"]
    assert summary.rows == 4
    assert summary.statuses["address"] == {"converted": 1, "ok": 1, "ambiguous": 1,
                                           "not_found": 1}
    assert sum(summary.patterns.values()) == 2


def test_records_addresses_xlsx_in_and_out(tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    wb = Workbook()
    for row in ROWS:
        wb.active.append(row)
    wb.save(src)
    clean_addresses_file(src, "dia chi", tmp_path / "out.xlsx")
    rows = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 5 and rows[0][-5:] == tuple(ADDRESS_COLUMNS)
    assert rows[1][:6] == tuple(ROWS[1]) and rows[1][-2] == "converted"


def test_records_malformed_row_reported_and_run_continues(tmp_path: Path) -> None:
    src = _write_csv(tmp_path / "in.csv", [*ROWS[:2], ["9", "x", "y", "z", "Hà Nội", "1", "extra"],
                                           ROWS[2]])
    summary = clean_addresses_file(src, "Địa chỉ", tmp_path / "out.csv")
    assert summary.malformed_count == 1 and summary.malformed[0]["line"] == 3
    assert summary.rows == 3 and len(_read_csv(tmp_path / "out.csv")) == 3


def test_records_unknown_column_is_input_error(tmp_path: Path) -> None:
    src = _write_csv(tmp_path / "in.csv", ROWS)
    with pytest.raises(InputError) as err:
        clean_addresses_file(src, "Address", tmp_path / "out.csv")
    assert "Địa chỉ" in (err.value.hint or "")
    assert not (tmp_path / "out.csv").exists()


def test_records_interrupted_run_leaves_no_output(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    src = _write_csv(tmp_path / "in.csv", ROWS)
    calls = {"n": 0}
    real = records_mod._address_cells

    def flaky(value: object, summary: records_mod.RunSummary):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(value, summary)

    monkeypatch.setattr(records_mod, "_address_cells", flaky)
    with pytest.raises(KeyboardInterrupt):
        clean_addresses_file(src, "Địa chỉ", tmp_path / "out.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_records_full_pass_with_issues_and_duplicates(tmp_path: Path) -> None:
    src = _write_csv(tmp_path / "in.csv", ROWS)
    mapping = parse_mapping("name=Họ tên,dob=Ngày sinh,id=Số CCCD,address=Địa chỉ,phone=SĐT")
    summary = clean_records_file(src, mapping, tmp_path / "out.csv",
                                 issues_path=tmp_path / "issues.csv")
    out = _read_csv(tmp_path / "out.csv")
    assert [r["name_clean"] for r in out][:3] == ["Nguyễn Văn A", "Nguyễn Văn A", "Lê Thị Hòa"]
    assert [r["dob_status"] for r in out] == ["ok", "changed", "impossible", "ok"]
    assert [r["id_status"] for r in out] == ["ok", "ok", "old_id", "empty"]
    assert [r["phone_clean"] for r in out][:3] == ["0388123456", "0912345678", "0912345678"]
    assert out[1]["duplicate_of"] == "dòng 2 (same_id)"
    assert summary.duplicate_count == 1 and summary.duplicates[0]["duplicate_of"] == 2
    issues = _read_csv(tmp_path / "issues.csv")
    assert {(i["line"], i["field"]) for i in issues} >= {("3", "duplicate"), ("4", "dob"),
                                                        ("4", "address"), ("5", "address")}
    assert summary.to_dict()["statuses"]["phone"]["converted"] == 1


@pytest.mark.parametrize("text", ["", "name", "name=", "colour=Màu", "=Họ tên"])
def test_records_parse_mapping_rejects(text: str) -> None:
    with pytest.raises(InputError):
        parse_mapping(text)


def test_records_parse_mapping_reads_pairs() -> None:
    assert parse_mapping(" name = Họ tên , dob=Ngày sinh") == {"name": "Họ tên",
                                                              "dob": "Ngày sinh"}


def test_records_never_overwrite_the_input(tmp_path: Path) -> None:
    src = _write_csv(tmp_path / "in.csv", ROWS)
    before = src.read_bytes()
    with pytest.raises(InputError):
        clean_addresses_file(src, "Địa chỉ", src)
    with pytest.raises(InputError):
        clean_records_file(src, {"name": "Họ tên"}, tmp_path / "out.csv", issues_path=src)
    assert src.read_bytes() == before
