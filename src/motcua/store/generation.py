"""Generation counters: one number per room that every committed change to its rows raises.

Why: a search index is a copy of store rows, built at some moment. Comparing "the generation
the index was built from" with "the store's generation now" is one tiny SELECT, and it is
exact where content hashes and file times are not: an import killed during the index rebuild
leaves every record "unchanged" on the next run, but the generation it committed is still
ahead of the index's stamp, so the index is rebuilt.

How it stays exact: the bump is part of the same transaction as the change. ORM changes to
the tracked tables bump automatically (an ``after_flush`` hook on every session), and so do
ORM bulk ``update()``/``delete()`` statements on them (a ``do_orm_execute`` hook); code that
changes rows with plain SQL text calls ``bump`` itself. Writers that must see each other's
committed state (the sample must never be seeded beside a real catalog being imported) call
``lock`` first: it takes the counter row's write lock, so they run one after another.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, String, event, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from motcua._errors import StoreError
from motcua.store.models import Base

__all__ = ["CATALOG", "DOCUMENTS", "NATIONAL", "StoreGeneration", "bump", "current", "lock", "read"]

CATALOG = "catalog"
DOCUMENTS = "documents"
NATIONAL = "national"  # the national names (motcua catalog import-index): the assistant reloads
# Table name -> the generation its changes raise.
_TRACKED = {"procedures": CATALOG, "documents": DOCUMENTS, "document_passages": DOCUMENTS,
            "national_procedures": NATIONAL}

# One statement on SQLite (>= 3.24) and PostgreSQL alike. Why an upsert rather than
# UPDATE-then-INSERT: it runs inside ``after_flush``, where a nested transaction (to survive
# a duplicate insert) cannot be opened; and a database whose row is missing (created from the
# models, or the row deleted) still counts.
_UPSERT = text(
    "INSERT INTO store_generations (name, value) VALUES (:name, :step) "
    "ON CONFLICT (name) DO UPDATE SET value = store_generations.value + :step"
)


class StoreGeneration(Base):
    __tablename__ = "store_generations"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


def current(conn: Connection | Session, name: str) -> int:
    """The generation ``name`` now (0 when never bumped)."""
    value = conn.execute(select(StoreGeneration.value).where(StoreGeneration.name == name))
    return int(value.scalar() or 0)


def read(engine: Engine, name: str) -> int:
    """The committed generation, read on a pooled connection of its own (a cheap check).

    ``StoreError`` (no URL, no path: ``/readyz`` shows it) when the store cannot answer."""
    try:
        with engine.connect() as conn:
            return current(conn, name)
    except SQLAlchemyError as exc:
        raise StoreError(f"không đọc được kho dữ liệu ({exc.__class__.__name__})",
                         hint="kiểm tra MOTCUA_DATABASE_URL và máy chủ cơ sở dữ liệu") from exc


def lock(session: Session, name: str) -> int:
    """Take the write lock of ``name``'s counter for the rest of the transaction.

    Returns the generation. Two transactions that lock the same name run one after the
    other, and the second sees what the first committed (PostgreSQL row lock; SQLite's
    single writer).
    """
    session.execute(_UPSERT, {"name": name, "step": 0})
    return current(session, name)


def bump(session: Session, name: str) -> None:
    """Raise ``name``'s generation by one, committed with the caller's transaction."""
    session.execute(_UPSERT, {"name": name, "step": 1})


@event.listens_for(Session, "after_flush")
def _bump_on_change(session: Session, _context: Any) -> None:
    """Bump the generations of the tracked tables this flush inserted, updated or deleted."""
    names: set[str] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(getattr(obj, "__table__", None), "name", None)
        if table in _TRACKED and (obj not in session.dirty or session.is_modified(obj)):
            names.add(_TRACKED[table])
    for name in sorted(names):  # a fixed order: two writers never wait on each other crosswise
        bump(session, name)


@event.listens_for(Session, "do_orm_execute")
def _bump_on_bulk(state: ORMExecuteState) -> None:
    """ORM bulk ``update(Procedure)`` / ``delete(DocumentRow)`` bypass the flush: bump here."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    table = getattr(getattr(mapper, "local_table", None), "name", None)
    if table in _TRACKED:
        bump(state.session, _TRACKED[table])
