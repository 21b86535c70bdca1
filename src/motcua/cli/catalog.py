"""``motcua catalog import | import-index | list | show | remove``.

Officials' commands: Vietnamese help.
"""

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


def _counts_table(title: str, imported: int, updated: tuple[str, int], unchanged: int) -> Table:
    """The table both imports print first: new, updated and unchanged records."""
    table = Table(title=title)
    table.add_column("kết quả")
    table.add_column("số lượng", justify="right")
    table.add_row("mới", str(imported))
    table.add_row(updated[0], str(updated[1]))
    table.add_row("không đổi", str(unchanged))
    return table


@catalog_app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="tệp JSON, danh sách xlsx hoặc thư mục")],
    as_json: Annotated[bool, typer.Option("--json", help="in báo cáo dạng JSON")] = False,
) -> None:
    """Nhập danh mục thủ tục (nhập lại không tạo bản trùng; bản ghi đổi được giữ bản cũ).

    Nhập danh mục chính thức sẽ gỡ toàn bộ dữ liệu mẫu (MAU.*) trong cùng giao dịch.
    """
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
    table = _counts_table("Kết quả nhập danh mục thủ tục", report.imported,
                          ("cập nhật (giữ bản cũ)", report.updated), report.unchanged)
    if report.retired:
        table.add_row("dữ liệu mẫu đã gỡ (MAU.*)", str(report.retired))
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


@catalog_app.command("import-index")
def import_index(
    path: Annotated[Path, typer.Argument(help="tệp JSON danh sách thủ tục quốc gia (ma_so, ten, "
                                         "co_quan_thuc_hien, linh_vuc, url)")],
    as_json: Annotated[bool, typer.Option("--json", help="in báo cáo dạng JSON")] = False,
) -> None:
    """Nhập danh sách tên thủ tục quốc gia (chỉ tên, cơ quan, lĩnh vực, đường dẫn).

    Dùng để nhận ra thủ tục có thật nhưng chưa có chi tiết trong kho: trợ lý nêu tên, đường
    dẫn Cổng dịch vụ công và chuyển cán bộ. Dòng lỗi được bỏ qua và đếm; nhập lại không tạo
    bản trùng. Khởi động lại motcua serve để trợ lý dùng danh sách mới.
    """
    from motcua.catalog.national import import_national_index
    from motcua.store.db import open_database

    report = import_national_index(open_database(get_settings().db_url), path)
    if as_json:
        print_json(report.to_dict())
        return
    table = _counts_table("Kết quả nhập danh sách thủ tục quốc gia", report.imported,
                          ("cập nhật", report.updated), report.unchanged)
    for reason, n in report.skipped.most_common():
        table.add_row(f"bỏ qua: {reason}", str(n))
    if report.no_url:
        table.add_row("giữ lại, bỏ đường dẫn không hợp lệ", str(report.no_url))
    console.print(table)


@catalog_app.command("list")
def list_(
    source: Annotated[str | None, typer.Option(
        "--source", help="chỉ các thủ tục nhập từ tệp/thư mục này (như cột 'nguồn')")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="in kết quả dạng JSON")] = False,
) -> None:
    """Liệt kê các thủ tục trong kho: mã, tên, nguồn, số lượng (mẫu / chính thức)."""
    from motcua.catalog.manage import catalog_counts, folder_counts, list_procedures
    from motcua.store.db import open_database

    db = open_database(get_settings().db_url)
    rows = list_procedures(db, source=source)
    with db.session() as session:
        counts = catalog_counts(session)
    if as_json:
        print_json({"state": counts.state, "total": counts.total, "sample": counts.sample,
                    "official": counts.official, "old_versions": counts.versions,
                    "listed": len(rows), "by_folder": folder_counts(rows),
                    "procedures": [r.to_dict() for r in rows]})
        return
    table = Table(title="Danh mục thủ tục trong kho")
    for name in ("mã", "tên thủ tục", "cấp", "phiên bản", "nguồn"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(r.code, r.name, ", ".join(r.levels), str(r.version), r.source)
    console.print(table)
    state = {"empty": "kho trống", "sample": "chỉ có DỮ LIỆU MẪU",
             "official": "danh mục chính thức", "mixed": "lẫn dữ liệu mẫu (chạy motcua ask "
             "hoặc nhập lại danh mục để gỡ mẫu)"}[counts.state]
    console.print(f"Tổng {counts.total} thủ tục ({counts.official} chính thức, {counts.sample} "
                  f"mẫu; {counts.versions} phiên bản cũ được giữ) — {state}. "
                  f"Đang liệt kê {len(rows)}.", markup=False)
    for folder, n in list(folder_counts(rows).items())[:30]:
        console.print(f"  {n:6}  {folder}", markup=False)


@catalog_app.command("show")
def show(
    code: Annotated[str, typer.Argument(help="mã thủ tục, ví dụ 1.001193")],
    as_json: Annotated[bool, typer.Option("--json", help="cả bản ghi gốc, dạng JSON")] = False,
) -> None:
    """Xem một thủ tục đã nhập: thông tin lưu trong kho và phiếu trả lời tương ứng."""
    from motcua.answer.card import CardBuilder
    from motcua.catalog.indexing import ProcedureRepository
    from motcua.catalog.manage import show_procedure
    from motcua.store.db import open_database

    db = open_database(get_settings().db_url)
    record = show_procedure(db, code)  # NotFound (exit 2) for an unknown code
    if as_json:
        print_json(record)
        return
    card = CardBuilder(ProcedureRepository(db).get(record["code"])).build([], None)
    olds = ", ".join(map(str, record["old_versions"])) or "không có"
    console.print(f"Mã: {record['code']}  phiên bản {record['version']} (bản cũ: {olds})\n"
                  f"Nguồn: {record['source']}\nCập nhật: {record['updated_at']}"
                  + ("\nDỮ LIỆU MẪU (không phải danh mục chính thức)" if record["sample"] else ""),
                  markup=False)
    console.print()
    console.print(card.text, markup=False)


@catalog_app.command("remove")
def remove(
    codes: Annotated[list[str] | None, typer.Argument(help="các mã thủ tục cần gỡ")] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="gỡ mọi thủ tục nhập từ tệp/thư mục này (như cột 'nguồn')")] = None,
    everything: Annotated[bool, typer.Option("--all", help="gỡ toàn bộ danh mục")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="không hỏi lại")] = False,
) -> None:
    """Gỡ thủ tục khỏi kho (kèm các phiên bản cũ), rồi xây dựng lại chỉ mục tìm kiếm."""
    from motcua.catalog.bootstrap import remove_catalog
    from motcua.catalog.manage import catalog_counts, select_codes
    from motcua.store.db import open_database

    settings = get_settings()
    db = open_database(settings.db_url)
    chosen = select_codes(db, codes=codes or [], source=source, everything=everything)
    if not chosen:
        console.print("Không có thủ tục nào khớp; không gỡ gì.")
        return
    shown = ", ".join(chosen[:10]) + (f" ... (+{len(chosen) - 10})" if len(chosen) > 10 else "")
    if not yes and not typer.confirm(f"Gỡ {len(chosen)} thủ tục ({shown})?", default=False):
        err_console.print("Đã hủy; không gỡ gì.")
        raise typer.Exit(1)
    removed = remove_catalog(settings, chosen, db=db)
    console.print(f"Đã gỡ {removed} thủ tục và xây dựng lại chỉ mục tìm kiếm.", markup=False)
    with db.session() as session:
        if not catalog_counts(session).total:
            console.print("Kho đã trống: motcua ask và motcua serve sẽ dùng dữ liệu mẫu cho đến "
                          "khi nhập danh mục (motcua catalog import).", markup=False)
