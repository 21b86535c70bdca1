"""``motcua catalog import-index``: report in Vietnamese or JSON, re-import changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from motcua.cli import app

runner = CliRunner()
URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1"


def test_catalog_import_index_reports_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    path.write_text(json.dumps([
        {"ma_so": "2.000620", "ten": "Cấp Giấy phép bán lẻ rượu", "co_quan_ban_hanh": "Bộ Công "
         "thương", "co_quan_thuc_hien": "Phòng Kinh tế", "linh_vuc": "Lưu thông", "url": URL},
        {"ma_so": "1.012676", "ten": "Bỏ", "url": URL},
    ], ensure_ascii=False), "utf-8")
    first = runner.invoke(app, ["catalog", "import-index", str(path)])
    assert first.exit_code == 0, first.output
    assert "mới" in first.stdout and "bỏ qua: missing name" in first.stdout
    again = runner.invoke(app, ["catalog", "import-index", "--json", str(path)])
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert (report["imported"], report["unchanged"], report["skipped"]) == (0, 1, 1)
