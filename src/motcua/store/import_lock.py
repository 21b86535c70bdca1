"""The catalog import's lock, kept with the store: other machines' rebuilds wait for its end.

Why: an import commits its records in batches, and each batch raises the catalog generation.
On the importer's machine the index folder's file lock (``search/live.py``) makes workers
keep their index until the import ends; a worker on another machine has its own folder and
its own file lock, so without this it would rebuild after the first batch and serve half a
catalog for a while. The import holds this lock from its first batch to its index build;
a worker's rebuild holds it shared, so it waits for a running import and holds off the next.

On PostgreSQL it is a transaction-level advisory lock, released when the transaction ends,
and by the server when the importer dies (``kill -9`` included). On SQLite the store is a
file on this machine: a file lock beside it does the same (kernel-released on death); an
in-memory database needs none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from motcua._errors import IndexError_
from motcua.store.db import Database

__all__ = ["catalog_import", "catalog_read"]

_KEY = 0x6D6F74637561  # "motcua": one advisory lock key for the catalog import
_BUSY = "một lần nhập danh mục khác đang chạy (có thể trên máy khác)"
_HINT = "đợi lần nhập kết thúc rồi thử lại; chỉ mục đang dùng vẫn được phục vụ"


def _file_lock(db: Database) -> FileLock | None:
    path = db.engine.url.database
    if db.engine.dialect.name != "sqlite" or not path or path == ":memory:":
        return None
    return FileLock(Path(path).with_name(f".{Path(path).name}.catalog.lock"), is_singleton=True)


@contextmanager
def catalog_import(db: Database) -> Iterator[None]:
    """Held by an import (or removal) of catalog records until its index is saved."""
    yield from _held(db, shared=False, seconds=-1)


@contextmanager
def catalog_read(db: Database, seconds: float) -> Iterator[None]:
    """Held by a worker rebuilding its index from the store: waits up to ``seconds`` for a
    running import (``IndexError_`` after that; the worker keeps serving what it has)."""
    yield from _held(db, shared=True, seconds=seconds)


def _held(db: Database, *, shared: bool, seconds: float) -> Iterator[None]:
    if db.engine.dialect.name == "postgresql":
        fn = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        with db.engine.begin() as conn:
            if seconds >= 0:
                # 0 would mean no timeout at all to PostgreSQL
                conn.execute(text(f"SET LOCAL lock_timeout = '{max(1, int(seconds * 1000))}ms'"))
            try:
                conn.execute(text(f"SELECT {fn}(:key)"), {"key": _KEY})
            except OperationalError as exc:
                raise IndexError_(_BUSY, hint=_HINT) from exc
            yield
        return
    lock = _file_lock(db)
    if lock is None:
        yield
        return
    try:
        lock.acquire(timeout=seconds)
    except Timeout:
        raise IndexError_(_BUSY, hint=_HINT) from None
    try:
        yield
    finally:
        lock.release()
