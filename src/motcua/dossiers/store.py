"""The DuckDB file beside the main store that holds imported dossiers.

Why DuckDB and a separate file: the questions are scans and group-bys over up to millions of
rows, which a columnar engine answers in milliseconds, while the main store (SQLite or
PostgreSQL) stays the transactional store of the service. Questions open the file read-only
with external access off, so even a validated query cannot read other files.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from motcua._errors import EmptyIndex, StoreError
from motcua._settings import get_settings
from motcua.dossiers.schema import TABLE

if TYPE_CHECKING:
    import duckdb

__all__ = ["DDL", "Vocabulary", "connect", "dossier_path", "select_rows", "vocabulary",
           "writing"]

log = logging.getLogger(__name__)
_WAIT_SECONDS = 10.0

DDL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    code VARCHAR PRIMARY KEY,
    procedure_code VARCHAR,
    procedure_name VARCHAR,
    field VARCHAR,
    commune VARCHAR NOT NULL,
    commune_code VARCHAR NOT NULL,
    channel VARCHAR,
    received_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP,
    result_at TIMESTAMP,
    returned_at TIMESTAMP,
    status VARCHAR NOT NULL,
    paid_online BOOLEAN,
    digitised BOOLEAN,
    source VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS questions (
    asked_at TIMESTAMP NOT NULL,
    commune VARCHAR,
    commune_code VARCHAR,
    channel VARCHAR,
    question VARCHAR NOT NULL,
    question_key VARCHAR NOT NULL,
    status VARCHAR,
    reason VARCHAR,
    procedure_code VARCHAR
);
CREATE TABLE IF NOT EXISTS questions_sync (synced_at TIMESTAMP NOT NULL, rows BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS dossier_imports (
    imported_at TIMESTAMP NOT NULL,
    files VARCHAR NOT NULL,
    rows_new BIGINT NOT NULL,
    rows_replaced BIGINT NOT NULL
);
"""


def dossier_path(home: Path | None = None) -> Path:
    """``dossiers.duckdb`` in the data home (``MOTCUA_HOME``)."""
    return (home or get_settings().home) / "dossiers.duckdb"


def connect(path: Path, *, write: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection: read-only without external access for questions.

    DuckDB lets one process write or several read a file: a question waits for an import's
    transaction and an import for running questions, up to ``_WAIT_SECONDS``, then a clear
    503 (``StoreError``) instead of a lock error."""
    import duckdb

    if not write and not path.exists():
        raise EmptyIndex("chưa có dữ liệu hồ sơ nào để hỏi",
                         hint="nhập tệp xuất của hệ thống một cửa: motcua data import TỆP.csv")
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + _WAIT_SECONDS
    while True:
        try:
            if write:
                con = duckdb.connect(str(path))
                con.execute(DDL)
                return con
            return duckdb.connect(str(path), read_only=True,
                                  config={"enable_external_access": False})
        except duckdb.IOException as exc:
            if time.monotonic() > deadline:
                raise StoreError("kho số liệu hồ sơ đang được một tiến trình khác dùng",
                                 hint="đợi lần nhập hoặc câu hỏi đang chạy xong rồi thử lại"
                                 ) from exc
            time.sleep(0.05)


def select_rows(path: Path, sql: str) -> list[dict[str, Any]]:
    """The rows of a validated SELECT (``query.validate_sql``) as dicts keyed by column, read
    on the read-only connection, closed afterwards."""
    con = connect(path)
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    finally:
        con.close()


@contextmanager
def writing(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection inside one transaction: committed when the block ends, rolled back
    (nothing half-written) when it raises, closed either way."""
    con = connect(path, write=True)
    try:
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()


@dataclass(frozen=True)
class Vocabulary:
    """The names a question may use, as they are in the data (so filters match exactly)."""

    communes: tuple[str, ...]
    fields: tuple[str, ...]
    procedures: tuple[tuple[str, str], ...]  # (code, name)
    first: str | None  # earliest and latest receipt dates, ISO
    last: str | None


def _province_units() -> list[str]:
    """The deployment's province's units: a question may name one with no dossier yet."""
    from motcua.communes.units import list_units

    return [u.name for u in list_units(get_settings().default_province)]


def vocabulary(path: Path) -> Vocabulary:
    """Cached per state of the file (and its write-ahead log): a new import is seen at once."""
    if not path.exists():
        connect(path).close()  # raises EmptyIndex with what to do
    wal = path.with_name(path.name + ".wal")
    stamp = path.stat().st_mtime_ns + (wal.stat().st_mtime_ns if wal.exists() else 0)
    return _vocabulary(str(path), stamp, path.stat().st_size)


@lru_cache(maxsize=8)
def _vocabulary(path: str, _mtime: int, _size: int) -> Vocabulary:
    con = connect(Path(path))
    try:
        communes = [r[0] for r in con.execute(
            f"SELECT DISTINCT commune FROM {TABLE} ORDER BY 1").fetchall()]
        fields = [r[0] for r in con.execute(
            f"SELECT DISTINCT field FROM {TABLE} WHERE field IS NOT NULL ORDER BY 1").fetchall()]
        procedures = con.execute(
            f"SELECT procedure_code, any_value(procedure_name) FROM {TABLE} "
            "WHERE procedure_code IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()
        span = con.execute(f"SELECT min(received_at), max(received_at) FROM {TABLE}").fetchone()
    finally:
        con.close()
    first, last = span if span else (None, None)
    communes = sorted(set(communes) | set(_province_units()))
    log.debug("dossier vocabulary loaded", extra={"communes": len(communes)})
    return Vocabulary(tuple(communes), tuple(fields),
                      tuple((str(c), str(n or "")) for c, n in procedures),
                      first.date().isoformat() if first else None,
                      last.date().isoformat() if last else None)
