"""``motcua data import|ask|generate`` through the real command (Typer runner)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from motcua.cli import app

runner = CliRunner()


def test_cli_generate_import_ask_json(tmp_path: Path) -> None:
    export = tmp_path / "xuat.csv"
    assert runner.invoke(app, ["data", "generate", str(export), "--rows", "500"]).exit_code == 0
    r = runner.invoke(app, ["data", "import", str(export)])
    assert r.exit_code == 0, r.output
    assert "Đã nhập 500 hồ sơ" in r.output
    r = runner.invoke(app, ["data", "ask", "tháng nào đông nhất?", "--json",
                            "--today", "2026-06-30"])
    assert r.exit_code == 0, r.output
    answer = json.loads(r.output)
    assert list(answer) == ["status", "value", "unit", "table", "sql", "rows", "message"]
    assert answer["status"] == "answer" and answer["rows"] == 500
    r = runner.invoke(app, ["data", "ask", "tỷ lệ đúng hạn theo quý", "--today", "2026-06-30"])
    assert r.exit_code == 0 and "Quý 3/2025" in r.output and "SELECT" in r.output


def test_cli_import_bad_row_exits_2_and_names_it(tmp_path: Path) -> None:
    export = tmp_path / "xuat.csv"
    export.write_text("Mã hồ sơ,Đơn vị tiếp nhận,Ngày tiếp nhận\nHS-1,Xã Hữu Lũng,31/02/2026\n",
                      encoding="utf-8")
    r = runner.invoke(app, ["data", "import", str(export)])
    assert r.exit_code != 0
    assert isinstance(r.exception, Exception) and "dòng 2" in str(r.exception)


def test_cli_bad_map_is_refused(tmp_path: Path) -> None:
    r = runner.invoke(app, ["data", "import", str(tmp_path / "a.csv"), "--map", "nocolumn"])
    assert r.exit_code != 0 and "--map" in str(r.exception)
