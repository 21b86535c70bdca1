"""The monthly report of one commune's service indicators, as HTML or XLSX to send upward.

Why from the same measure definitions as the questions: a figure in the report and the answer
to "tỷ lệ đúng hạn của xã X tháng 5/2026" must be the same number, computed by the same SQL
(``spec.MeasureDef.sql``); the report adds the province's figure for the same month beside
each one, the breakdown by field, and the list of late dossiers (the ones that owe the
citizen an apology letter under the one-stop rules).
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from motcua._errors import InputError, NotFound
from motcua.dossiers.schema import TABLE
from motcua.dossiers.spec import MEASURES, Measure, late_sql
from motcua.dossiers.store import connect, dossier_path
from motcua.text import fold

__all__ = ["CommuneReport", "build_report", "write_report"]

log = logging.getLogger(__name__)
_INDICATORS = (Measure.COUNT, Measure.ON_TIME, Measure.LATE, Measure.ON_TIME_RATE,
               Measure.LATE_RATE, Measure.ONLINE_RATE, Measure.PAID_ONLINE_RATE,
               Measure.DIGITISED_RATE)
_LATE_LISTED = 500


@dataclass
class CommuneReport:
    commune: str
    month: str  # "05/2026"
    indicators: list[dict[str, Any]]  # label, unit, commune, province
    by_field: list[dict[str, Any]]
    late: list[dict[str, Any]]
    generated: str


def _month(text: str) -> tuple[dt.datetime, dt.datetime]:
    try:
        start = dt.datetime.strptime(text.strip(), "%Y-%m")
    except ValueError:
        try:
            start = dt.datetime.strptime(text.strip(), "%m/%Y")
        except ValueError:
            raise InputError(f"tháng {text!r} không đúng dạng",
                             hint="ghi tháng dạng 2026-05 hoặc 05/2026") from None
    end = dt.datetime(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, end


def build_report(commune: str, month: str, *, path: Path | None = None,
                 today: dt.date | None = None) -> CommuneReport:
    start, end = _month(month)
    as_of = dt.datetime.combine(today or dt.date.today(), dt.time())
    con = connect(path or dossier_path())
    try:
        names = [r[0] for r in con.execute(f"SELECT DISTINCT commune FROM {TABLE}").fetchall()]
        wanted = [n for n in names if fold(n).lower() == fold(commune).lower() or
                  fold(n).lower().split(" ", 1)[-1] == fold(commune).lower()]
        if len(wanted) != 1:
            raise NotFound(f"không có hồ sơ của {commune!r} trong dữ liệu đã nhập",
                           hint="ghi tên xã như trong dữ liệu, ví dụ 'Xã Hữu Lũng'")
        name = wanted[0]
        period = ("received_at >= ? AND received_at < ?", [start, end])
        cols = ", ".join(f"{MEASURES[m].sql(m, as_of)} AS {m.value}" for m in _INDICATORS)
        own = con.execute(f"SELECT {cols} FROM {TABLE} WHERE commune = ? AND {period[0]}",
                          [name, *period[1]]).fetchone()
        whole = con.execute(f"SELECT {cols} FROM {TABLE} WHERE {period[0]}",
                            period[1]).fetchone()
        fields = con.execute(
            f"SELECT coalesce(field, 'Không rõ'), {cols} FROM {TABLE} WHERE commune = ? AND "
            f"{period[0]} GROUP BY 1 ORDER BY 2 DESC, 1", [name, *period[1]]).fetchall()
        late = con.execute(
            f"SELECT code, coalesce(procedure_name, procedure_code), received_at, due_at, "
            f"result_at FROM {TABLE} WHERE commune = ? AND {period[0]} AND {late_sql(as_of)} "
            f"ORDER BY due_at, code LIMIT {_LATE_LISTED}", [name, *period[1]]).fetchall()
    finally:
        con.close()
    indicators = [{"label": MEASURES[m].label, "unit": MEASURES[m].unit,
                   "commune": own[i] if own else None, "province": whole[i] if whole else None}
                  for i, m in enumerate(_INDICATORS)]
    by_field = [{"field": r[0], **{m.value: r[i + 1] for i, m in enumerate(_INDICATORS)}}
                for r in fields]
    late_rows = [{"code": r[0], "procedure": r[1], "received_at": r[2], "due_at": r[3],
                  "result_at": r[4]} for r in late]
    return CommuneReport(name, f"{start:%m/%Y}", indicators, by_field, late_rows,
                         dt.datetime.now().strftime("%d/%m/%Y %H:%M"))


def _cell(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",") + ("%" if unit == "%" else "")
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def _html(r: CommuneReport) -> str:
    e = html.escape
    rows = "".join(f"<tr><td>{e(i['label'])}</td><td>{e(_cell(i['commune'], i['unit']))}</td>"
                   f"<td>{e(_cell(i['province'], i['unit']))}</td></tr>" for i in r.indicators)
    heads = "".join(f"<th>{e(MEASURES[m].label)}</th>" for m in _INDICATORS)
    fields = "".join("<tr><td>" + e(f["field"]) + "</td>" + "".join(
        f"<td>{e(_cell(f[m.value], MEASURES[m].unit))}</td>" for m in _INDICATORS) + "</tr>"
        for f in r.by_field)
    late = "".join("<tr>" + "".join(f"<td>{e(_cell(v))}</td>" for v in d.values()) + "</tr>"
                   for d in r.late)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Báo cáo chỉ số phục vụ {e(r.commune)} tháng {e(r.month)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #999;padding:4px 8px;text-align:right}}td:first-child{{text-align:left}}
</style></head><body>
<h1>Báo cáo chỉ số phục vụ người dân — {e(r.commune)}, tháng {e(r.month)}</h1>
<p>Theo nhóm chỉ số của Quyết định 766/QĐ-TTg, tính từ dữ liệu hồ sơ một cửa đã nhập
(công thức: docs/dossiers.md). Lập lúc {e(r.generated)}.</p>
<table><tr><th>Chỉ số</th><th>{e(r.commune)}</th><th>Toàn tỉnh</th></tr>{rows}</table>
<h2>Theo lĩnh vực</h2>
<table><tr><th>Lĩnh vực</th>{heads}</tr>{fields}</table>
<h2>Hồ sơ trễ hạn ({len(r.late)})</h2>
<table><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Tiếp nhận</th><th>Hẹn trả</th>
<th>Có kết quả</th></tr>{late}</table>
</body></html>
"""


def _xlsx(r: CommuneReport, out: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chỉ số"
    sheet.append([f"Báo cáo chỉ số phục vụ — {r.commune}, tháng {r.month}"])
    sheet.append(["Chỉ số", r.commune, "Toàn tỉnh", "Đơn vị"])
    for i in r.indicators:
        sheet.append([i["label"], i["commune"], i["province"], i["unit"]])
    fields = book.create_sheet("Theo lĩnh vực")
    fields.append(["Lĩnh vực", *(MEASURES[m].label for m in _INDICATORS)])
    for f in r.by_field:
        fields.append([f["field"], *(f[m.value] for m in _INDICATORS)])
    late = book.create_sheet("Hồ sơ trễ hạn")
    late.append(["Mã hồ sơ", "Thủ tục", "Tiếp nhận", "Hẹn trả", "Có kết quả"])
    for d in r.late:
        late.append(list(d.values()))
    book.save(out)


def write_report(report: CommuneReport, out: Path) -> Path:
    """HTML or XLSX by the file's suffix, written whole or not at all."""
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".xlsx"):
        raise InputError(f"{out.name}: báo cáo ghi được dạng .html hoặc .xlsx",
                         hint="đổi đuôi tệp thành .html hoặc .xlsx")
    tmp = out.with_name(f".{out.name}.tmp{suffix}")
    try:
        if suffix == ".xlsx":
            _xlsx(report, tmp)
        else:
            tmp.write_text(_html(report), encoding="utf-8")
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    log.info("commune report written", extra={"commune": report.commune, "file": out.name})
    return out
