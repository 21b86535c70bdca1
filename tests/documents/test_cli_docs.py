from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from motcua.cli import app
from tests.documents._samples import DECISION, RESOLUTION_MD

runner = CliRunner()


def test_cli_docs_import_search_ask_summarize(tmp_path: Path) -> None:
    (tmp_path / "nq.md").write_text(RESOLUTION_MD, "utf-8")
    (tmp_path / "qd.txt").write_text(DECISION, "utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF broken")
    out = runner.invoke(app, ["docs", "import", str(tmp_path), "--json"])
    assert out.exit_code == 1, out.output  # one file failed (the others are imported)
    data = json.loads(out.stdout)
    assert (data["imported"], data["failed"]) == (2, 1)
    out = runner.invoke(app, ["docs", "search", "na mau", "--json"])
    assert json.loads(out.stdout)[0]["citation"]["path"] == "Điều 1, khoản 1"
    out = runner.invoke(app, ["docs", "ask", "Thị trấn Na Mẫu nhập vào xã nào?"])
    assert "xã Na Mẫu" in out.stdout and "Điều 1, khoản 1" in out.stdout
    out = runner.invoke(app, ["docs", "summarize", "12/QĐ-UBND", "--length", "long", "--json"])
    assert json.loads(out.stdout)["signer"] == "Nguyễn Văn An"
    out = runner.invoke(app, ["docs", "show", "12/QĐ-UBND", "--json"])
    paths = [p["path"] for p in json.loads(out.stdout)["passages"]]
    assert "Điều 1, khoản 2, điểm a" in paths
    out = runner.invoke(app, ["docs", "list"])
    assert "12/QĐ-UBND" in out.stdout


def test_cli_docs_errors_exit_nonzero(tmp_path: Path) -> None:
    out = runner.invoke(app, ["docs", "import", str(tmp_path / "missing")])
    assert out.exit_code != 0
    out = runner.invoke(app, ["docs", "search", "xã"])
    assert out.exit_code != 0


def test_cli_docs_import_reports_each_bad_file_and_goes_on(tmp_path: Path) -> None:
    from tests.documents._hostile import blank_pages_pdf, zip_bomb_docx

    (tmp_path / "qd.txt").write_text(DECISION, "utf-8")
    for name, data in (blank_pages_pdf(), zip_bomb_docx()):
        (tmp_path / name).write_bytes(data)
    out = runner.invoke(app, ["docs", "import", str(tmp_path)])
    assert out.exit_code == 1
    text = " ".join(out.output.split())
    assert "blank.pdf: tệp có 2000 trang, vượt giới hạn 500 trang" in text
    assert "bomb.docx" in text and "bom nén" in text
    assert "Đã nhập 1 văn bản mới" in text and "2 lỗi" in text
    out = runner.invoke(app, ["docs", "import", str(tmp_path / "qd.txt")])
    assert out.exit_code == 0, out.output  # nothing failed: "unchanged"


def test_cli_docs_import_same_number_needs_replace(tmp_path: Path) -> None:
    (tmp_path / "qd.txt").write_text(DECISION, "utf-8")
    (tmp_path / "v2").mkdir()
    (tmp_path / "v2" / "qd2.txt").write_text(DECISION.replace("Nguyễn Văn An", "Lê Văn Cường"),
                                             "utf-8")
    assert runner.invoke(app, ["docs", "import", str(tmp_path / "qd.txt")]).exit_code == 0
    out = runner.invoke(app, ["docs", "import", str(tmp_path / "v2"), "--json"])
    assert out.exit_code == 1
    failed = json.loads(out.stdout)["files"][0]
    assert failed["code"] == "conflict" and "--replace" in failed["hint"]
    out = runner.invoke(app, ["docs", "import", str(tmp_path / "v2"), "--replace", "--json"])
    assert out.exit_code == 0, out.output
    out = runner.invoke(app, ["docs", "summarize", "12/QĐ-UBND", "--json"])
    assert json.loads(out.stdout)["signer"] == "Lê Văn Cường"


def test_cli_docs_summarize_file_path_and_plain_snippet(tmp_path: Path) -> None:
    (tmp_path / "qd.txt").write_text(DECISION, "utf-8")
    out = runner.invoke(app, ["docs", "summarize", str(tmp_path / "qd.txt"), "--json"])
    assert out.exit_code == 0, out.output  # a file of this machine, not imported
    assert json.loads(out.stdout)["number"] == "12/QĐ-UBND"
    hostile = DECISION.replace("gồm 7 người", "<script>alert(1)</script> <b>nhóm</b> & 7")
    (tmp_path / "qd.txt").write_text(hostile, "utf-8")
    assert runner.invoke(app, ["docs", "import", str(tmp_path / "qd.txt")]).exit_code == 0
    out = runner.invoke(app, ["docs", "search", "alert nhóm", "--limit", "1"])
    text = " ".join(out.stdout.split())  # the terminal shows the text as written
    assert "<script>alert(1)</script> <b>nhóm</b> & 7" in text and "&lt;" not in text
