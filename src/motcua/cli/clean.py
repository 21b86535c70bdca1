"""``motcua clean addresses|records`` and ``motcua eval addresses``: arguments and printing only."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from motcua._errors import InputError
from motcua.cleaning.evaluate import evaluate_addresses
from motcua.cleaning.files import make_temp
from motcua.cleaning.records import (
    clean_addresses_file,
    clean_records_file,
    default_output,
    parse_mapping,
)
from motcua.cli._apps import clean_app, eval_app
from motcua.cli._output import console, err_console, print_json

_STATUS_VI = {"ok": "đúng địa chỉ mới", "converted": "đã chuyển sang địa chỉ mới",
              "ambiguous": "chưa quyết định được (xã cũ bị chia/trùng tên)",
              "not_found": "không tìm thấy", "invalid": "không hợp lệ"}

EncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", help="bảng mã CSV (utf-8, cp1258, cp1252); bỏ trống thì tự nhận")]
SheetOpt = Annotated[str | None, typer.Option("--sheet",
                                              help="trang tính XLSX (mặc định: trang đầu)")]


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    with Progress(TextColumn(label), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TimeElapsedColumn(), console=err_console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        yield update


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Atomically, like the tables: a report half written is worse than none."""
    tmp = make_temp(path)
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2, default=str)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _check_report_path(path: Path | None) -> None:
    """Before the run, not after it: an hour of cleaning must not end on a typo in a path."""
    if path is not None and not path.parent.is_dir():
        raise InputError(f"Thư mục báo cáo không tồn tại: {path.parent}",
                         hint="tạo thư mục hoặc chọn đường dẫn báo cáo khác")


def _print_summary(report: dict[str, Any], field_order: list[str]) -> None:
    table = Table(title=f"Kết quả: {report['rows']} dòng → {report['output']}")
    table.add_column("trường")
    table.add_column("trạng thái")
    table.add_column("số dòng", justify="right")
    for fld in field_order:
        for status, n in sorted(report["statuses"].get(fld, {}).items(), key=lambda x: -x[1]):
            label = _STATUS_VI.get(status, status) if fld == "address" else status
            table.add_row(fld, label, str(n))
    console.print(table)
    if report["top_unparsed_patterns"]:
        console.print("Mẫu địa chỉ chưa xử lý được nhiều nhất:")
        for p in report["top_unparsed_patterns"]:
            console.print(f"  {p['count']:>6}  {p['pattern']}")
    if report["malformed_count"]:
        lines = ", ".join(str(m["line"]) for m in report["malformed_rows"][:20])
        console.print(f"[yellow]{report['malformed_count']} dòng lỗi định dạng[/] (dòng {lines})")
    if report.get("duplicate_count"):
        console.print(f"[yellow]{report['duplicate_count']} dòng có thể trùng người[/] "
                      "(không gộp; xem cột duplicate_of)")
    console.print(f"Mã hóa: {report['encoding'] or 'xlsx'} · {report['rows_per_second']} dòng/giây"
                  f" · bộ nhớ đỉnh {report['peak_memory_mb']} MB")


@clean_app.command("addresses")
def addresses(
    file: Annotated[Path, typer.Argument(help="sổ dữ liệu .csv hoặc .xlsx")],
    column: Annotated[str, typer.Option("--column", "-c", help="tên cột địa chỉ")],
    out: Annotated[Path | None, typer.Option("-o", "--out", help="tệp kết quả .csv/.xlsx")] = None,
    json_report: Annotated[Path | None, typer.Option("--json-report")] = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
) -> None:
    """Thêm cột tỉnh mới, xã mới, mã xã mới, tình trạng địa chỉ và các phương án.

    Tên cột: new_province, new_ward, new_ward_code, address_status, address_candidates.
    """
    _check_report_path(json_report)
    with _progress("Đang chuẩn hóa địa chỉ") as update:
        summary = clean_addresses_file(file, column, out, encoding=encoding, sheet=sheet,
                                       progress=update)
    report = summary.to_dict()
    if json_report:
        _write_json(json_report, report)
    _print_summary(report, ["address"])


@clean_app.command("records")
def records(
    file: Annotated[Path, typer.Argument(help="sổ dữ liệu .csv hoặc .xlsx")],
    mapping: Annotated[str, typer.Option(
        "--map", help="cặp trường=Tên cột: name (họ tên), dob (ngày sinh), id (số định danh), "
                      "address (địa chỉ), phone (điện thoại), sex (giới tính)")],
    out: Annotated[Path | None, typer.Option("-o", "--out", help="tệp kết quả .csv/.xlsx")] = None,
    report_path: Annotated[Path | None, typer.Option(
        "--report", help="báo cáo: TỆP.json, hoặc TỆP.csv/.xlsx (các lỗi) kèm TỆP.json")] = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
) -> None:
    """Họ tên, ngày sinh, số định danh, điện thoại, địa chỉ và bản ghi nghi trùng, một lượt."""
    fields = parse_mapping(mapping)
    _check_report_path(report_path)
    target = out or default_output(file)
    report_path = report_path or target.with_name(f"{target.stem}.report.json")
    issues_path = None
    if report_path.suffix.lower() in (".csv", ".xlsx"):
        issues_path = report_path
        report_path = report_path.with_suffix(".json")
    with _progress("Đang làm sạch dữ liệu") as update:
        summary = clean_records_file(file, fields, target, issues_path=issues_path,
                                     encoding=encoding, sheet=sheet, progress=update)
    report = summary.to_dict()
    report["issues"] = str(issues_path) if issues_path else None
    _write_json(report_path, report)
    _print_summary(report, [f for f in ("name", "dob", "id", "phone", "address") if f in fields])
    console.print(f"Báo cáo: {report_path}" + (f" · {issues_path}" if issues_path else ""))


_EVAL_KEYS = ["n", "accuracy", "divided_correct", "divided_confident_wrong",
              "addresses_per_second"]


@eval_app.command("addresses")
def eval_addresses(
    file: Annotated[Path, typer.Argument(help="CSV: id,address,style,new_province,...")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    compare: Annotated[bool, typer.Option(
        "--compare", help="also run vietnamadminunits and underthesea on the same rows")] = False,
) -> None:
    """Exact new ward on unambiguous rows, divided communes, addresses per second."""
    result = evaluate_addresses(file, compare=compare)
    if as_json:
        print_json(result)
        return
    table = Table(title=f"motcua eval addresses — {file.name}")
    table.add_column("system")
    for k in _EVAL_KEYS:
        table.add_column(k.replace("_", " "), justify="right")
    systems = {"motcua": result, **result.get("packages", {})}
    for name, r in systems.items():
        table.add_row(name, *[str(r[k]) for k in _EVAL_KEYS])
    console.print(table)
    styles = Table(title="accuracy by style")
    styles.add_column("style")
    for name in systems:
        styles.add_column(name, justify="right")
    for style in result["by_style"]:
        styles.add_row(style, *[f"{r['by_style'][style]['correct']}/{r['by_style'][style]['n']}"
                                for r in systems.values()])
    console.print(styles)
