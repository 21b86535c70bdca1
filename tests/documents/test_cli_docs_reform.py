"""The CLI as an official uses it on reform texts: --province, when questions, summaries."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from motcua.cli import app

runner = CliRunner()

_DOC = """# NGHỊ QUYẾT
Số: {n}/NQ-CLI

Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh {province}

Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh {province}

{clauses}

{last}. Sau khi sắp xếp, tỉnh {province} có {last_minus} đơn vị hành chính cấp xã.

Điều 2. Hiệu lực thi hành

1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.

2. Chính quyền địa phương ở các đơn vị hành chính cấp xã hình thành sau sắp xếp chính thức \
hoạt động từ ngày 0{n} tháng 7 năm 2026.
"""


def _write(tmp_path: Path, n: int, province: str, name: str) -> None:
    clauses = [f"1. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã {name} và xã Bó "
               f"Tờ thành xã mới có tên gọi là xã Bó Tờ."]
    clauses += [f"{i}. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Nà {i} và xã "
                f"Khau {i} thành xã mới có tên gọi là xã Khau {i}." for i in range(2, 7)]
    text = _DOC.format(n=n, province=province, clauses="\n\n".join(clauses), last=7,
                       last_minus=6)
    (tmp_path / f"nq{n}.md").write_text(text, "utf-8")


def test_cli_docs_reform_province_when_and_summary(tmp_path: Path) -> None:
    _write(tmp_path, 1, "Bắc Mẫu", "Hoàng Đồng")
    _write(tmp_path, 2, "Nam Mẫu", "Hoằng Đông")
    out = runner.invoke(app, ["docs", "import", str(tmp_path), "--no-ocr", "--json"])
    assert out.exit_code == 0, out.output
    search = ["docs", "search", "xa Hoang Dong", "--json", "--limit", "3"]
    south = runner.invoke(app, [*search, "--province", "nam mau"])
    assert {h["citation"]["number"] for h in json.loads(south.stdout)} == {"2/NQ-CLI"}
    accented = runner.invoke(app, ["docs", "search", "xã Hoàng Đồng", "--json"])
    assert json.loads(accented.stdout)[0]["citation"]["number"] == "1/NQ-CLI"
    ask = runner.invoke(app, ["docs", "ask", "Chính quyền xã mới hoạt động từ ngày nào?",
                              "--province", "Nam Mẫu", "--json"])
    result = json.loads(ask.stdout)
    assert result["value"] == "02/7/2026"
    assert result["citations"][0]["path"] == "Điều 2, khoản 2"
    summary = runner.invoke(app, ["docs", "summarize", "1/NQ-CLI"])
    text = " ".join(summary.stdout.split())
    assert "Cấu trúc" in text and "7 khoản, lập 6 đơn vị hành chính mới (6 xã)" in text
    assert "Sau khi sắp xếp, tỉnh Bắc Mẫu có 6 đơn vị hành chính cấp xã" in text
