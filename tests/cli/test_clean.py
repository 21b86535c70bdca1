"""``motcua clean addresses|records`` and ``motcua eval addresses`` through the real CLI app."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from motcua.cli import app, main

runner = CliRunner()
ROWS = [
    ["Họ tên", "Ngày sinh", "Số CCCD", "Địa chỉ"],
    ["NGUYỄN văn  a", "05/07/1990", "001090012345", "P. Phuc Xa, Q. Ba Dinh, TP. Ha Noi"],
    ["Nguyễn Văn A", "05/07/1990", "", "Xã Tân Xã, Huyện Thạch Thất, Thành phố Hà Nội"],
]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_clean_addresses_command_writes_output_and_json_report(tmp_path: Path) -> None:
    src = _csv(tmp_path / "in.csv", ROWS)
    res = runner.invoke(app, ["clean", "addresses", str(src), "--column", "Địa chỉ",
                              "-o", str(tmp_path / "out.csv"),
                              "--json-report", str(tmp_path / "r.json")])
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["rows"] == 2
    assert report["statuses"]["address"] == {"converted": 1, "ambiguous": 1}
    assert "Kết quả" in res.output
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as fh:
        assert [r["address_status"] for r in csv.DictReader(fh)] == ["converted", "ambiguous"]


def test_clean_records_command_default_output_and_report(tmp_path: Path) -> None:
    src = _csv(tmp_path / "in.csv", ROWS)
    res = runner.invoke(app, ["clean", "records", str(src), "--map",
                              "name=Họ tên,dob=Ngày sinh,id=Số CCCD,address=Địa chỉ",
                              "--report", str(tmp_path / "rep.xlsx")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "in.cleaned.csv").is_file()
    assert (tmp_path / "rep.xlsx").is_file()
    report = json.loads((tmp_path / "rep.json").read_text(encoding="utf-8"))
    assert report["duplicate_count"] == 1 and report["issues"].endswith("rep.xlsx")


@pytest.mark.parametrize(("args", "message"), [
    (["clean", "addresses", "missing.csv", "--column", "x"], "Không tìm thấy tệp"),
    (["clean", "addresses", "{src}", "--column", "Address"], "Không có cột 'Address'"),
    (["clean", "records", "{src}", "--map", "colour=Màu"], "Mục --map không hợp lệ"),
    (["clean", "addresses", "{src}", "--column", "Địa chỉ", "--json-report", "/nonexistent/r.json"],
     "Thư mục báo cáo không tồn tại"),
])
def test_clean_commands_bad_input_exit_nonzero(tmp_path: Path, args: list[str], message: str,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = _csv(tmp_path / "in.csv", ROWS)
    argv = [a.replace("{src}", str(src)) for a in args]
    monkeypatch.setattr(sys, "argv", ["motcua", *argv])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Lỗi:" in err and message in err and "Gợi ý:" in err
    assert not (tmp_path / "in.cleaned.csv").exists()


def test_eval_addresses_command_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    _csv(gold, [["id", "address", "style", "new_ward_code"],
                ["1", "Phường Phúc Xá, Quận Ba Đình, Hà Nội", "full", "00097"],
                ["2", "Xã Tân Xã, Huyện Thạch Thất, Hà Nội", "divided", "09982|09988"]])
    res = runner.invoke(app, ["eval", "addresses", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["accuracy"], data["divided_correct"], data["divided_confident_wrong"]) == (
        1.0, 1, 0)
    assert data["addresses_per_second"] > 0 and data["n"] == 2
