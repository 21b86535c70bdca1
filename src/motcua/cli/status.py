"""``motcua status import FILE``: the one-stop system's export for citizens' status lookups.

Arguments and printing only; the tracking room (``motcua.tracking``) does the work. A file
with any bad row is refused whole, every bad row listed (the shared error printer shows the
message, the ``--json`` shape carries it too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from motcua.cli._apps import app
from motcua.cli._output import console, print_json

status_app = typer.Typer(help="Tra cứu hồ sơ của người dân: nhập tệp xuất từ hệ thống một cửa.",
                         no_args_is_help=True)
app.add_typer(status_app, name="status")


@status_app.command("import")
def status_import(
    file: Annotated[Path, typer.Argument(help="tệp xuất .csv, .xlsx hoặc .json")],
    as_json: Annotated[bool, typer.Option("--json", help="in ra dạng JSON")] = False,
) -> None:
    """Nhập trạng thái hồ sơ: kiểm tra mọi dòng trước, lỗi một dòng thì không nhập gì.
    Số CCCD và số điện thoại chỉ được giữ dạng mã băm của 4 số cuối."""
    from motcua._settings import get_settings
    from motcua.store.db import open_database
    from motcua.tracking.flow import factor_key
    from motcua.tracking.importer import import_file

    settings = get_settings()
    db = open_database(settings.db_url)
    try:
        result = import_file(db, file, factor_key(settings))
    finally:
        db.dispose()
    if as_json:
        print_json({"file": file.name, "rows": result.rows, "ignored": result.ignored_headers})
        return
    console.print(f"Đã nhập {result.rows:,} hồ sơ từ {file.name}.".replace(",", "."),
                  markup=False)
    if result.ignored_headers:
        console.print("  bỏ qua cột (không lưu): " + ", ".join(result.ignored_headers),
                      markup=False)


@status_app.command("purge")
def status_purge(
    days: Annotated[int | None, typer.Option(help="mặc định: "
                                             "MOTCUA_CONVERSATION_RETENTION_DAYS")] = None,
) -> None:
    """Xóa nhật ký tra cứu hồ sơ cũ hơn thời hạn lưu trữ (motcua serve tự xóa khi chạy)."""
    from motcua._settings import get_settings
    from motcua.store.db import open_database
    from motcua.tracking.audit import purge

    settings = get_settings()
    db = open_database(settings.db_url)
    try:
        n = purge(db, older_than_days=days or settings.conversation_retention_days)
    finally:
        db.dispose()
    console.print(f"Đã xóa {n} dòng nhật ký tra cứu.", markup=False)
