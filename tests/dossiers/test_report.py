"""The monthly commune report: the same figures as the questions, HTML escaped, XLSX whole."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from motcua._errors import InputError, NotFound
from motcua.dossiers.generate import Dossier
from motcua.dossiers.query import ask
from motcua.dossiers.report import build_report, write_report
from tests.dossiers.conftest import TODAY


def test_report_figures_equal_the_answers(store: Path) -> None:
    report = build_report("huu lung", "2026-05", path=store, today=TODAY)
    assert report.commune == "Xã Hữu Lũng"
    figures = {i["label"]: i["commune"] for i in report.indicators}
    for label in ("số hồ sơ", "số hồ sơ trễ hạn", "tỷ lệ giải quyết đúng hạn",
                  "tỷ lệ nộp trực tuyến", "tỷ lệ số hóa kết quả"):
        answer = ask(f"{label} của xã Hữu Lũng tháng 5/2026", path=store, today=TODAY)
        assert answer["value"] == figures[label], label
    assert len(report.late) == figures["số hồ sơ trễ hạn"]


def test_report_late_list_matches_rows(rows: list[Dossier], store: Path) -> None:
    report = build_report("Phường Kỳ Lừa", "03/2026", path=store, today=TODAY)
    late = sorted(d.code for d in rows if d.commune == "Phường Kỳ Lừa"
                  and (d.received_at.year, d.received_at.month) == (2026, 3)
                  and d.result_at is not None and d.result_at > d.due_at)
    assert sorted(d["code"] for d in report.late) == late


def test_report_html_and_xlsx_are_written(store: Path, tmp_path: Path) -> None:
    report = build_report("Xã Hữu Lũng", "2026-05", path=store, today=TODAY)
    report.by_field[0]["field"] = "<script>x</script>"
    page = write_report(report, tmp_path / "r.html").read_text("utf-8")
    assert "Quyết định 766/QĐ-TTg" in page and "<script>x" not in page and "&lt;script&gt;" in page
    book = openpyxl.load_workbook(write_report(report, tmp_path / "r.xlsx"))
    assert book.sheetnames == ["Chỉ số", "Theo lĩnh vực", "Hồ sơ trễ hạn"]
    assert book["Chỉ số"].cell(3, 1).value == "số hồ sơ"
    assert list(tmp_path.glob(".*tmp*")) == []


@pytest.mark.parametrize(("commune", "month", "error"), [
    ("Xã Không Có", "2026-05", NotFound), ("Hữu Lũng", "2026-13", InputError),
    ("Hữu Lũng", "tháng năm", InputError),
])
def test_report_bad_request_is_refused(store: Path, commune: str, month: str,
                                       error: type[Exception]) -> None:
    with pytest.raises(error):
        build_report(commune, month, path=store, today=TODAY)


def test_report_bad_suffix_is_refused(store: Path, tmp_path: Path) -> None:
    report = build_report("Xã Hữu Lũng", "2026-05", path=store, today=TODAY)
    with pytest.raises(InputError, match=r"html hoặc \.xlsx"):
        write_report(report, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
