"""``motcua index rebuild`` and ``motcua index status``: the search indexes against the store.

Why a command of its own: the indexes rebuild themselves when they fall behind the store, but
an official who restores a backup, or suspects a damaged disk, needs to see the state and to
force a rebuild; the hints of every index error name these two commands.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import typer
from rich.table import Table

from motcua._settings import get_settings
from motcua.cli._apps import index_app
from motcua.cli._output import console, print_json
from motcua.search.live import IndexStatus
from motcua.store.db import Database

_STATE_VI = {"fresh": "khớp kho dữ liệu", "stale": "cũ hơn kho dữ liệu",
             "missing": "chưa có", "broken": "hỏng"}


def _statuses(catalog: bool, documents: bool) -> list[IndexStatus]:
    from motcua.catalog.indexing import index_status
    from motcua.store.db import open_database

    settings = get_settings()
    db = open_database(settings.db_url)
    out = []
    if catalog:
        out.append(index_status(db, settings.index_dir))
    if documents:
        from motcua.documents.service import DocumentService

        status = DocumentService(db).status()
        if status.freshness == "missing" and not _has_documents(db):
            status = replace(status, problem=_NOTHING_IMPORTED)  # nothing to index: not a fault
        out.append(status)
    return out


_NOTHING_IMPORTED = "chưa nhập văn bản nào"


def _has_documents(db: Database) -> bool:
    from motcua.documents.store import count_documents

    with db.session() as session:
        return count_documents(session) > 0


def _ok(status: IndexStatus) -> bool:
    return status.freshness == "fresh" or status.problem == _NOTHING_IMPORTED


def _which(catalog: bool, documents: bool) -> tuple[bool, bool]:
    """Neither flag: both indexes."""
    return (True, True) if not (catalog or documents) else (catalog, documents)


CatalogOpt = Annotated[bool, typer.Option("--catalog", help="chỉ mục thủ tục")]
DocumentsOpt = Annotated[bool, typer.Option("--documents", help="chỉ mục văn bản")]


@index_app.command("rebuild")
def rebuild(catalog: CatalogOpt = False, documents: DocumentsOpt = False) -> None:
    """Xây dựng lại chỉ mục tìm kiếm từ kho dữ liệu (mặc định: cả hai chỉ mục)."""
    from motcua.catalog.indexing import build_index, index_path
    from motcua.store.db import open_database

    catalog, documents = _which(catalog, documents)
    settings = get_settings()
    db = open_database(settings.db_url)
    if catalog:
        n = len(build_index(db, index_path(settings.index_dir)))
        console.print(f"Chỉ mục thủ tục: {n} thủ tục.")
    if documents:
        from motcua.documents.service import DocumentService

        n = DocumentService(db).reindex()
        console.print(f"Chỉ mục văn bản: {n} đoạn văn bản.")


@index_app.command("status")
def status(catalog: CatalogOpt = False, documents: DocumentsOpt = False,
           as_json: Annotated[bool, typer.Option("--json", help="in kết quả dạng JSON")] = False,
           ) -> None:
    """Tình trạng chỉ mục: thế hệ dữ liệu của kho và của chỉ mục, số mục, khớp hay cũ.

    Mã thoát 1 khi có chỉ mục cũ, chưa có hoặc hỏng (chạy 'motcua index rebuild')."""
    statuses = _statuses(*_which(catalog, documents))
    if as_json:
        print_json([{"kind": s.kind, "state": s.freshness.value,
                     "fresh": s.freshness == "fresh", "ok": _ok(s),
                     "store_generation": s.store_generation,
                     "index_generation": s.index_generation, "count": s.count,
                     "problem": s.problem} for s in statuses])
    else:
        table = Table(title="Chỉ mục tìm kiếm")
        for column in ("chỉ mục", "thế hệ kho", "thế hệ chỉ mục", "số mục", "tình trạng"):
            table.add_column(column)
        for s in statuses:
            name = "thủ tục" if s.kind == "procedures" else "văn bản"
            table.add_row(name, str(s.store_generation), str(s.index_generation or "-"),
                          str(s.count if s.count is not None else "-"),
                          _STATE_VI[s.freshness.value] + (f" ({s.problem})" if s.problem else ""))
        console.print(table)
        if not all(_ok(s) for s in statuses):
            console.print("Gợi ý: chạy 'motcua index rebuild' (các lệnh hỏi đáp và dịch vụ cũng "
                          "tự xây dựng lại khi cần).")
    if not all(_ok(s) for s in statuses):
        raise typer.Exit(1)
