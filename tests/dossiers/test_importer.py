"""Importing exports: exact round trip, header variants, and bad input that imports nothing."""

from __future__ import annotations

import csv
from dataclasses import astuple
from pathlib import Path

import duckdb
import pytest

from motcua._errors import FileFormatError, InputError
from motcua.dossiers.generate import Dossier
from motcua.dossiers.importer import import_exports
from motcua.dossiers.store import connect

HEADER = ["Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Đơn vị tiếp nhận", "Kênh nộp",
          "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", "Ngày trả kết quả", "Trạng thái",
          "Thanh toán trực tuyến", "Số hóa"]
GOOD = ["HS-1", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Xã Hữu Lũng", "Trực tuyến",
        "05/07/2026 08:30", "06/07/2026", "06/07/2026 10:00", "", "Đã giải quyết", "Có", "Có"]


def _csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


def _count(target: Path) -> int:
    if not target.exists():
        return 0
    con = connect(target)
    try:
        found = con.execute("SELECT count(*) FROM dossiers").fetchone()
    finally:
        con.close()
    return int(found[0]) if found else 0


def test_import_round_trip_is_exact(rows: list[Dossier], store: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    stored = {r[0]: r for r in con.execute(
        "SELECT code, procedure_code, procedure_name, field, commune, commune_code, channel, "
        "received_at, due_at, result_at, returned_at, status, paid_online, digitised "
        "FROM dossiers").fetchall()}
    con.close()
    assert len(stored) == len(rows)
    assert [d.code for d in rows if stored[d.code] != astuple(d)] == []


def test_import_good_row_normalises_commune_due_and_values(tmp_path: Path) -> None:
    row = list(GOOD)
    row[4] = "UBND xa huu lung"
    target = tmp_path / "d.duckdb"
    result = import_exports([_csv(tmp_path / "a.csv", [row])], target=target)
    assert (result.rows, result.new, result.replaced) == (1, 1, 0)
    con = connect(target)
    got = con.execute("SELECT commune, commune_code, channel, due_at, status, paid_online "
                      "FROM dossiers").fetchone()
    con.close()
    assert got is not None
    assert got[:3] == ("Xã Hữu Lũng", "06385", "truc_tuyen")
    assert str(got[3]) == "2026-07-06 23:59:59"  # a due date without time: end of that day
    assert got[4:] == ("da_giai_quyet", True)


def test_import_again_replaces_same_code(tmp_path: Path) -> None:
    target = tmp_path / "d.duckdb"
    import_exports([_csv(tmp_path / "a.csv", [GOOD])], target=target)
    newer = list(GOOD)
    newer[9], newer[10] = "07/07/2026 09:00", "Đã trả kết quả"
    result = import_exports([_csv(tmp_path / "b.csv", [newer])], target=target)
    assert (result.new, result.replaced, _count(target)) == (0, 1, 1)


@pytest.mark.parametrize(("column", "value", "expected"), [
    (0, "", "cột 'Mã hồ sơ': mã hồ sơ trống"),
    (4, "Xã Không Có", "không tìm thấy xã/phường"),
    (4, "", "Đơn vị tiếp nhận"),
    (5, "Fax", "'Fax' — không rõ kênh nộp"),
    (6, "31/02/2026 08:00", "'31/02/2026 08:00' — ngày 31/2/2026 không tồn tại"),
    (6, "", "ngày tiếp nhận trống"),
    (6, "hôm qua", "cột 'Ngày tiếp nhận': 'hôm qua'"),
    (7, "01/07/2026", "trước ngày tiếp nhận 05/07/2026"),
    (8, "25:00 06/07/2026", "giờ 25:00 không tồn tại"),
    (10, "Đang bay", "không rõ trạng thái"),
    (11, "có lẽ", "không phải có/không"),
    (12, "2", "không phải có/không"),
])
def test_import_bad_cell_names_row_column_value_and_imports_nothing(
        tmp_path: Path, column: int, value: str, expected: str) -> None:
    bad = list(GOOD)
    bad[0], bad[column] = "HS-2", value
    if column == 0:
        bad[0] = ""
    target = tmp_path / "d.duckdb"
    with pytest.raises(InputError) as info:
        import_exports([_csv(tmp_path / "a.csv", [GOOD, bad])], target=target)
    message = info.value.message
    assert "không nhập gì: 1 dòng có lỗi" in message
    assert "a.csv, dòng 3" in message and expected in message, message
    assert info.value.hint
    assert _count(target) == 0


def test_import_bad_row_in_second_file_imports_neither(tmp_path: Path) -> None:
    bad = list(GOOD)
    bad[0], bad[6] = "HS-9", "32/07/2026"
    target = tmp_path / "d.duckdb"
    with pytest.raises(InputError, match=r"b\.csv, dòng 2"):
        import_exports([_csv(tmp_path / "a.csv", [GOOD]), _csv(tmp_path / "b.csv", [bad])],
                       target=target)
    assert _count(target) == 0


def test_import_duplicate_code_names_both_rows(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"trùng mã hồ sơ ở a\.csv dòng 2"):
        import_exports([_csv(tmp_path / "a.csv", [GOOD, GOOD])], target=tmp_path / "d.duckdb")


def test_import_lists_many_errors_with_a_total(tmp_path: Path) -> None:
    bad = [[f"HS-{i}", *GOOD[1:6], "not a date", *GOOD[7:]] for i in range(50)]
    with pytest.raises(InputError) as info:
        import_exports([_csv(tmp_path / "a.csv", bad)], target=tmp_path / "d.duckdb")
    assert "50 dòng có lỗi" in info.value.message and "và 20 dòng lỗi khác" in info.value.message


@pytest.mark.parametrize(("header", "expected"), [
    (["Mã hồ sơ", "Tên", "Ngày"], "không thấy dòng tiêu đề"),
    (["Mã hồ sơ", "Đơn vị tiếp nhận", "Kênh nộp", "Trạng thái"], "'Ngày tiếp nhận'"),
    (["Mã hồ sơ", "Đơn vị tiếp nhận", "Ngày tiếp nhận", "Ngày nhận"],
     "nhiều cột cùng có thể là 'Ngày tiếp nhận'"),
])
def test_import_bad_header_asks_for_mapping(tmp_path: Path, header: list[str],
                                            expected: str) -> None:
    path = _csv(tmp_path / "a.csv", [["x"] * len(header)], header=header)
    with pytest.raises(InputError) as info:
        import_exports([path], target=tmp_path / "d.duckdb")
    assert expected in info.value.message
    if "không thấy" not in expected:
        assert "--map" in (info.value.hint or "")


def test_import_mapping_override_decides(tmp_path: Path) -> None:
    header = ["Số BN", "Nơi nhận hồ sơ", "Ngày tiếp nhận", "Ngày nhận"]
    path = _csv(tmp_path / "a.csv", [["HS-1", "Xã Hữu Lũng", "05/07/2026 08:00", "x"]],
                header=header)
    result = import_exports([path], target=tmp_path / "d.duckdb", overrides={
        "Số BN": "code", "Nơi nhận hồ sơ": "commune", "Ngày nhận": "-"})
    assert result.rows == 1
    assert result.mappings["a.csv"]["code"] == "Số BN"


def test_import_header_variants_semicolon_and_title_block(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("BÁO CÁO HỒ SƠ;;\nTừ ngày 01/07/2026;;\n\nSTT;MA HO SO;Xã/phường;"
                    "THỜI GIAN TIẾP NHẬN;ngay hen tra ket qua\n1;HS-1;Phường Kỳ Lừa;"
                    "2026-07-05 08:00:00;ngày 10 tháng 7 năm 2026\n", encoding="utf-8-sig")
    result = import_exports([path], target=tmp_path / "d.duckdb")
    assert result.rows == 1 and result.ignored["a.csv"] == ["STT"]


def test_import_windows_1258_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("Ma ho so,Don vi tiep nhan,Ngay tiep nhan\nHS-1,Xa Huu Lung,05/07/2026\n"
                     .encode("cp1258"))
    assert import_exports([path], target=tmp_path / "d.duckdb").rows == 1


@pytest.mark.parametrize(("name", "content", "error"), [
    ("a.pdf", b"%PDF-1.4", FileFormatError),
    ("a.xlsx", b"not a zip", FileFormatError),
    ("a.csv", b"\xff\xfe\x00\x00garbage", InputError),
])
def test_import_unreadable_file_is_refused(tmp_path: Path, name: str, content: bytes,
                                          error: type[Exception]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error):
        import_exports([path], target=tmp_path / "d.duckdb")


def test_import_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không có tệp"):
        import_exports([tmp_path / "nope.csv"], target=tmp_path / "d.duckdb")


def test_import_header_only_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không có dòng hồ sơ"):
        import_exports([_csv(tmp_path / "a.csv", [])], target=tmp_path / "d.duckdb")
