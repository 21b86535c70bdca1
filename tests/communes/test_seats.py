"""Commune seats from the official list of the new units (``motcua communes import-seats``).

The rows here are our own, in the list's shape; the real list is read in place when present."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from motcua._errors import FileFormatError
from motcua._settings import get_settings
from motcua.catalog.model import ParsedProcedure
from motcua.cli import app
from motcua.communes import CommuneProfile, load_profiles, save_profiles
from motcua.communes.registry import where_facts
from motcua.communes.seats import read_seats
from motcua.store.db import open_database

HEADER = "id,matinh,ma,tentinh,loai,tenhc,trungtamhc,kinhdo\n"
ROWS = (
    '1,11,1,tỉnh Lạng Sơn,phường,Kỳ Lừa,"Số 9 đường Thử, phường Kỳ Lừa",106.7\n'
    '2,11,2,tỉnh Lạng Sơn,xã,Hữu Lũng,"Trụ sở UBND thị trấn cũ",106.3\n'
    '3,11,3,tỉnh Lạng Sơn,xã,Atlantis,"Nơi nào đó",106.0\n'
    '4,11,4,tỉnh Lạng Sơn,xã,Ba Sơn,,107.0\n'
    '5,1,5,Thủ đô Hà Nội,phường,Ba Đình,"Số 1 phố Thử",105.8\n'
)
BIRTH = ParsedProcedure(code="1.001193", name="Thủ tục đăng ký khai sinh", levels=["xa"])
runner = CliRunner()


def _list(tmp_path: Path, text: str = HEADER + ROWS) -> Path:
    path = tmp_path / "donvi.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_seats_read_one_province_with_reasons_for_skips(tmp_path: Path) -> None:
    seats, skipped = read_seats(_list(tmp_path), province="Lạng Sơn")
    assert [(s.name, s.seat) for s in seats] == [
        ("Phường Kỳ Lừa", "Số 9 đường Thử, phường Kỳ Lừa"),
        ("Xã Hữu Lũng", "Trụ sở UBND thị trấn cũ")]
    assert len(skipped) == 2 and "dòng 4" in skipped[0] and "dòng 5" in skipped[1]


@pytest.mark.parametrize(("content", "message"), [
    ("id,tenhc\n1,Kỳ Lừa\n", "thiếu cột"),
    ("", "thiếu cột"),
    ("tentinh;loai;tenhc;trungtamhc\n", "thiếu cột"),  # not comma-separated
])
def test_seats_bad_list_says_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message):
        read_seats(_list(tmp_path, content), province="Lạng Sơn")


def test_seats_not_utf8_or_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"tentinh,loai\n\xc2\xb0\xff\xfe,x\n")
    with pytest.raises(FileFormatError, match="UTF-8"):
        read_seats(path)
    with pytest.raises(FileFormatError, match="không có tệp"):
        read_seats(tmp_path / "none.csv")


def test_seats_shown_only_without_an_address() -> None:
    seat_only = CommuneProfile(code="06187", seat="Số 9 đường Thử").canonical()
    [fact] = where_facts(seat_only, BIRTH)
    assert fact.text.startswith("Trụ sở phường Kỳ Lừa: Số 9 đường Thử (theo danh mục")
    both = seat_only.model_copy(update={"address": "Bộ phận một cửa, số 2 đường Khác"})
    assert [f.text for f in where_facts(both, BIRTH)] == [
        "Nộp hồ sơ tại: Bộ phận một cửa, số 2 đường Khác"]


def test_cli_import_seats_keeps_an_officials_address(tmp_path: Path) -> None:
    db = open_database(get_settings().db_url)
    save_profiles(db, [CommuneProfile(code="06187", address="Số 2 đường Khác",
                                      phone="0205 000").canonical()])
    r = runner.invoke(app, ["communes", "import-seats", str(_list(tmp_path)),
                            "--province", "Lạng Sơn"])
    assert r.exit_code == 0, r.output
    assert "Đã nhập trụ sở của 2 xã/phường" in r.stdout
    by_code = {p.code: p for p in load_profiles(db)}
    assert by_code["06187"].address == "Số 2 đường Khác" and by_code["06187"].phone == "0205 000"
    assert by_code["06187"].seat == "Số 9 đường Thử, phường Kỳ Lừa"
    assert len(by_code) == 2


@pytest.mark.shared
def test_seats_real_list_has_every_lang_son_unit(shared: Path) -> None:
    [path] = sorted((shared / "data/adminunits").glob("sapnhap.bando.com.vn_ward_*.csv"))
    seats, skipped = read_seats(path, province="Lạng Sơn")
    assert len(seats) == 65 and not skipped
    assert all(s.seat for s in seats)
