"""``motcua catalog import``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from motcua._settings import get_settings
from motcua.catalog.bootstrap import import_catalog
from motcua.cli._apps import catalog_app
from motcua.cli._output import console, err_console, print_json


@catalog_app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="JSON files, xlsx lists or folders")],
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Import procedure records (idempotent; changed records keep their old version)."""
    settings = get_settings()
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=err_console,
                  transient=True, disable=as_json) as progress:
        task = progress.add_task("Nhập danh mục", total=None)
        report = import_catalog(
            settings, paths,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    data = report.to_dict()
    if as_json:
        print_json(data)
        return
    table = Table(title="Kết quả nhập danh mục thủ tục")
    table.add_column("kết quả")
    table.add_column("số lượng", justify="right")
    table.add_row("mới", str(report.imported))
    table.add_row("cập nhật (giữ bản cũ)", str(report.updated))
    table.add_row("không đổi", str(report.unchanged))
    for reason, n in data["skipped_by_reason"].items():
        table.add_row(f"bỏ qua: {reason}", str(n))
    table.add_row("tệp lỗi", str(len(report.malformed)))
    console.print(table)
    if report.gaps:
        gaps = ", ".join(f"{field} {n}" for field, n in report.gaps.most_common())
        console.print(f"Bản ghi thiếu thông tin (theo trường nguồn): {gaps}")
    for path, reason in report.malformed[:20]:
        err_console.print(f"[red]lỗi[/] {path}: {reason}")
    if len(report.malformed) > 20:
        err_console.print(f"... và {len(report.malformed) - 20} tệp lỗi khác (xem --json)")
