"""Write transactions that do not fight over SQLite's single write lock.

Why: SQLite lets one writer at a time and makes the others retry with growing sleeps (up to
100 ms each); with tens of server threads writing at once, most of a request's time went into
those sleeps and lock hand-overs (bench/load.py, 200 users: 50 requests/s at 0.35 of a core).
Two remedies, SQLite only (PostgreSQL has row locks and gets neither):

- ``write_session``: a process lock queues the threads, so each waits only for those before it.
- ``submit_write``: the hot writes (a question with its answer, a rating) go to one writer
  thread per database that commits whatever has queued up in one transaction (group commit):
  one lock hand-over and one WAL sync for many answers. If a batch fails, its items are retried
  one by one, so one bad item fails alone and nothing is half-written.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any, TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the process lock alone
    fcntl = None  # type: ignore[assignment]

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from motcua._errors import MotcuaError, StoreError
from motcua.store.db import Database

__all__ = ["submit_write", "write_session"]

T = TypeVar("T")
_SQLITE_WRITE = threading.Lock()
_MAX_BATCH = 64
_EXPECTED = (MotcuaError, SQLAlchemyError, ValueError)


_lock_files: dict[str, Any] = {}


@contextmanager
def _sqlite_write_lock(db: Database) -> Iterator[None]:
    """This process's threads queue on a lock; processes (server workers) queue on an
    ``flock`` of a file beside the database. Both wake the next writer at once, where SQLite's
    own busy handler would poll with sleeps of up to 100 ms (measured with 2 workers at 200
    users: ask p50 346 ms vs 61 ms for a read-only request)."""
    path = db.engine.url.database or ""
    with _SQLITE_WRITE:
        if not path or path == ":memory:" or fcntl is None:
            yield
            return
        fh = _lock_files.get(path)
        if fh is None:
            fh = _lock_files[path] = open(f"{path}.write-lock", "a+b")  # noqa: SIM115 - kept open
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


@contextmanager
def write_session(db: Database) -> Iterator[Session]:
    """``db.session()`` for a transaction that writes; commits before the lock is released."""
    if db.engine.dialect.name != "sqlite":
        with db.session() as session:
            yield session
        return
    with _sqlite_write_lock(db), db.session() as session:
        yield session


class _GroupWriter:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.queue: queue.SimpleQueue[tuple[Callable[[Session], Any], Future[Any]]] = (
            queue.SimpleQueue())
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()

    def submit(self, fn: Callable[[Session], T]) -> T:
        fut: Future[T] = Future()
        self.queue.put((fn, fut))
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._loop, name="motcua-writer",
                                               daemon=True)
                self.thread.start()
        return fut.result(timeout=60)

    def _loop(self) -> None:
        while True:
            batch = [self.queue.get()]
            while len(batch) < _MAX_BATCH:
                try:
                    batch.append(self.queue.get_nowait())
                except queue.Empty:
                    break
            try:
                self._commit(batch)
            finally:
                for _, fut in batch:  # an unexpected error must not leave a caller waiting
                    if not fut.done():
                        fut.set_exception(StoreError("the write could not be completed",
                                                     hint="try again"))

    def _commit(self, batch: list[tuple[Callable[[Session], Any], Future[Any]]]) -> None:
        try:
            with _sqlite_write_lock(self.db), self.db.session() as session:
                results = [fn(session) for fn, _ in batch]
        except _EXPECTED as exc:
            if len(batch) == 1:
                batch[0][1].set_exception(exc)
                return
            for item in batch:
                self._commit([item])
            return
        for (_, fut), result in zip(batch, results, strict=True):
            fut.set_result(result)


_writers: dict[int, _GroupWriter] = {}
_writers_lock = threading.Lock()


def submit_write(db: Database, fn: Callable[[Session], T]) -> T:
    """Run ``fn(session)`` in a committed transaction and return its result (plain values,
    not ORM objects). On SQLite it joins the process's group commit."""
    if db.engine.dialect.name != "sqlite":
        with db.session() as session:
            return fn(session)
    with _writers_lock:
        writer = _writers.get(id(db.engine))
        if writer is None:
            writer = _writers[id(db.engine)] = _GroupWriter(db)
    return writer.submit(fn)
