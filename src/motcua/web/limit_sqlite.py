"""A ``limits`` storage on SQLite: one rate-limit state for every worker of one machine.

Why this exists: ``limits`` ships memory (one process), Redis, Memcached and MongoDB storages;
none is shared between the worker processes of ``motcua serve --workers N`` without running a
server, and a commune's service-centre machine has none. A small SQLite file in the data home is
shared by all workers through SQLite's own locking, and needs no setup.

How it holds: every acquire is one ``BEGIN IMMEDIATE`` transaction (count the live entries of
the key, insert if under the limit), so two workers can never both take the last slot. The file
is separate from the application database (``limits.db``), so limit writes never wait on the
application's writes; it runs ``synchronous=OFF``: after a power cut the limits may forget the
last minute, which is harmless. Calls run on a small dedicated thread pool, so a worker's event
loop never sleeps in SQLite's busy handler and never competes with handler threads.
bench/rate_limits.py measures the overhead and that two workers admit no more than the limit.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ClassVar, TypeVar
from urllib.parse import unquote, urlsplit

from limits.aio.storage import MovingWindowSupport, Storage

__all__ = ["SQLiteStorage"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS hits (key TEXT NOT NULL, expires REAL NOT NULL);
CREATE INDEX IF NOT EXISTS hits_key ON hits (key, expires);
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL,
                                     expires REAL NOT NULL);
"""
_SWEEP_EVERY = 1000  # acquisitions between sweeps of every expired entry


class SQLiteStorage(Storage, MovingWindowSupport):
    """``async+sqlite:///absolute/path/limits.db`` (moving and fixed window strategies)."""

    STORAGE_SCHEME: ClassVar[list[str]] = ["async+sqlite"]  # type: ignore[misc]

    def __init__(self, uri: str = "async+sqlite:///limits.db", wrap_exceptions: bool = False,
                 busy_timeout_ms: int = 2000, **options: float | str | bool) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = Path(unquote(urlsplit(uri).path))
        self.busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="motcua-limits")
        # An app that is dropped (tests build many) lets its threads, and their connections, go.
        weakref.finalize(self, self._pool.shutdown, wait=False)
        self._calls = 0
        self._ready = False
        self._ready_lock = threading.Lock()

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return (sqlite3.Error, OSError)

    # -- plumbing ---------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000,
                                   isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            with self._ready_lock:
                if not self._ready:
                    conn.executescript(_SCHEMA)
                    self._ready = True
            self._local.conn = conn
        return conn

    def _write(self, fn: Callable[[sqlite3.Connection, float], T]) -> T:
        """Run ``fn`` in one write transaction; the lock is taken at BEGIN, not at first write."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn(conn, time.time())
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return result

    async def _run(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn)

    # -- moving window ----------------------------------------------------------------------
    def _acquire(self, key: str, limit: int, expiry: int, amount: int) -> bool:
        def tx(conn: sqlite3.Connection, now: float) -> bool:
            conn.execute("DELETE FROM hits WHERE key = ? AND expires <= ?", (key, now))
            (count,) = conn.execute("SELECT COUNT(*) FROM hits WHERE key = ?",
                                    (key,)).fetchone()
            if count + amount > limit:
                return False
            conn.executemany("INSERT INTO hits (key, expires) VALUES (?, ?)",
                             [(key, now + expiry)] * amount)
            return True

        if amount > limit:
            return False
        admitted = self._write(tx)
        self._calls += 1
        if self._calls % _SWEEP_EVERY == 0:
            self._write(lambda conn, now: conn.execute("DELETE FROM hits WHERE expires <= ?",
                                                       (now,)))
        return admitted

    async def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        return await self._run(lambda: self._acquire(key, limit, expiry, amount))

    def _window(self, key: str, expiry: int) -> tuple[float, int]:
        now = time.time()
        first, count = self._conn().execute(
            "SELECT MIN(expires), COUNT(*) FROM hits WHERE key = ? AND expires > ?",
            (key, now)).fetchone()
        return (float(first) - expiry, int(count)) if count else (now, 0)

    async def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        return await self._run(lambda: self._window(key, expiry))

    # -- fixed window and the rest of the Storage interface -------------------------------
    def _incr(self, key: str, expiry: int, amount: int) -> int:
        def tx(conn: sqlite3.Connection, now: float) -> int:
            conn.execute("DELETE FROM counters WHERE key = ? AND expires <= ?", (key, now))
            conn.execute("INSERT INTO counters (key, value, expires) VALUES (?, ?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = value + excluded.value",
                         (key, amount, now + expiry))
            (value,) = conn.execute("SELECT value FROM counters WHERE key = ?",
                                    (key,)).fetchone()
            return int(value)

        return self._write(tx)

    async def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        return await self._run(lambda: self._incr(key, expiry, amount))

    def _counter(self, key: str) -> tuple[int, float]:
        now = time.time()
        row = self._conn().execute("SELECT value, expires FROM counters WHERE key = ? AND "
                                   "expires > ?", (key, now)).fetchone()
        return (int(row[0]), float(row[1])) if row else (0, now)

    async def get(self, key: str) -> int:
        return (await self._run(lambda: self._counter(key)))[0]

    async def get_expiry(self, key: str) -> float:
        return (await self._run(lambda: self._counter(key)))[1]

    async def check(self) -> bool:
        await self._run(lambda: self._conn().execute("SELECT 1").fetchone())
        return True

    async def reset(self) -> int | None:
        def tx(conn: sqlite3.Connection, _now: float) -> int:
            n = conn.execute("DELETE FROM hits").rowcount
            return n + conn.execute("DELETE FROM counters").rowcount

        return await self._run(lambda: self._write(tx))

    async def clear(self, key: str) -> None:
        def tx(conn: sqlite3.Connection, _now: float) -> None:
            conn.execute("DELETE FROM hits WHERE key = ?", (key,))
            conn.execute("DELETE FROM counters WHERE key = ?", (key,))

        await self._run(lambda: self._write(tx))
