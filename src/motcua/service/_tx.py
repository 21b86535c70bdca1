"""Write transactions that do not fight over SQLite's single write lock.

Why: SQLite lets one writer at a time and makes the others retry with growing sleeps (up to
100 ms each); with tens of server threads writing at once, most of a request's time went into
those sleeps (measured: 50 requests/s at 0.35 of a core, p50 1.8 s, bench/load.py). A process
lock queues the threads instead, so each write waits only for the ones before it.
PostgreSQL has row locks and gets no extra lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from motcua.store.db import Database

__all__ = ["write_session"]

_SQLITE_WRITE = threading.Lock()


@contextmanager
def write_session(db: Database) -> Iterator[Session]:
    """``db.session()`` for a transaction that writes; commits before the lock is released."""
    if db.engine.dialect.name != "sqlite":
        with db.session() as session:
            yield session
        return
    with _SQLITE_WRITE, db.session() as session:
        yield session
