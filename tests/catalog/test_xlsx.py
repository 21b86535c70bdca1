"""The portal's xlsx procedure list reader, on workbooks written by the test."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from motcua._errors import FileFormatError
from motcua.catalog.parse import parse_record
from motcua.catalog.xlsx import read_procedure_list

HEADER = ["Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"]


def write_xlsx(path: Path, rows: list[list[object]], title_rows: int = 1) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for _ in range(title_rows):
        ws.append(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nDANH SÁCH THỦ TỤC HÀNH CHÍNH"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("title_rows", [0, 1, 4])
def test_read_procedure_list_finds_header_by_labels(tmp_path, title_rows):
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [HEADER, ["9.000001", "Thủ tục mẫu một", "Bộ Mẫu", "Sở Mẫu\nPhòng Mẫu\n", "Thử nghiệm"],
         [None, None, None, None, None],
         ["9.000002", "Thủ tục mẫu hai", "Bộ Mẫu", "Sở Mẫu", "Thử nghiệm"]],
        title_rows=title_rows,
    )
    records = read_procedure_list(path)
    assert [r["ma_thu_tuc"] for r in records] == ["9.000001", "9.000002"]
    assert records[0]["ten_thu_tuc"] == "Thủ tục mẫu một"
    assert records[0]["co_quan_thuc_hien"] == "Sở Mẫu\nPhòng Mẫu"
    assert records[0]["linh_vuc"] == "Thử nghiệm"
    assert records[0]["co_quan_ban_hanh"] == "Bộ Mẫu"


def test_read_procedure_list_rows_parse_with_gaps(tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [HEADER, ["9.000001", "Thủ tục mẫu", "B", "S", "L"]])
    (raw,) = read_procedure_list(path)
    p = parse_record(raw, source=str(path))
    assert p.code == "9.000001" and p.agencies == ["S"] and p.field == "L"
    assert {"cach_thuc_thuc_hien", "thanh_phan_ho_so", "can_cu_phap_ly"} <= set(p.gaps)


def test_read_procedure_list_numeric_code_keeps_its_zeros(tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [HEADER, [1.00008, "Thủ tục mẫu", "B", "S", "L"]])
    assert read_procedure_list(path)[0]["ma_thu_tuc"] == "1.000080"


def test_read_procedure_list_columns_in_another_order(tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [["Lĩnh vực", "Tên thủ tục", "Mã thủ tục"],
                                               ["L", "Thủ tục mẫu", "9.000003"]])
    assert read_procedure_list(path) == [
        {"linh_vuc": "L", "ten_thu_tuc": "Thủ tục mẫu", "ma_thu_tuc": "9.000003"}
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a readable xlsx"),
        (b"this is plain text, not a workbook", "not a readable xlsx"),
        (b"PK\x03\x04broken zip", "not a readable xlsx"),
    ],
)
def test_read_procedure_list_broken_file_raises(tmp_path, content, message):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as info:
        read_procedure_list(path)
    assert message in info.value.message and info.value.hint


def test_read_procedure_list_without_header_raises(tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [["Cột A", "Cột B"], ["1", "2"]])
    with pytest.raises(FileFormatError) as info:
        read_procedure_list(path)
    assert "header" in info.value.message


def test_read_procedure_list_missing_file_raises(tmp_path):
    with pytest.raises(FileFormatError):
        read_procedure_list(tmp_path / "absent.xlsx")


def test_read_procedure_list_real_export(shared):
    files = sorted((shared / "data" / "catalog" / "dichvucong-2026-lists").glob("*.xlsx"))
    if not files:
        pytest.skip("no xlsx list in the shared data")
    for path in files:
        records = read_procedure_list(path)
        assert records, path
        for raw in records:
            p = parse_record(raw, source=str(path))
            assert p.code and p.name
