"""Each worker follows the store's index versions: PostgreSQL LISTEN/NOTIFY plus a poll.

Why both: the builder's NOTIFY (``store/index_versions.py``) brings a new catalog to every
worker within a fraction of a second, but NOTIFY is best-effort: a worker whose listening
connection dropped, or that was starting, misses it. The poll (``MOTCUA_INDEX_POLL_SECONDS``)
bounds how stale a worker can be whatever happened; on SQLite it is the only way. A check is
``ServiceState.follow_store``: one small SELECT when nothing changed, else the new index is
loaded or rebuilt in this thread while requests keep the old one.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from sqlalchemy.engine import make_url

from motcua._errors import MotcuaError
from motcua.store.index_versions import CHANNEL
from motcua.web.state import ServiceState

__all__ = ["IndexWatcher", "application_name"]

log = logging.getLogger(__name__)
_SLICE = 1.0  # seconds between looks at the stop flag while waiting for a NOTIFY


def application_name() -> str:
    """How this worker's listening connection shows in ``pg_stat_activity``."""
    return f"motcua index watch {os.getpid()}"


class IndexWatcher:
    """A daemon thread that calls ``state.follow_store()`` on each NOTIFY and poll."""

    def __init__(self, state: ServiceState, *, poll_seconds: float) -> None:
        self.state, self.poll_seconds = state, poll_seconds
        url = make_url(state.db.url)
        # The listening connection is libpq's own (no pool): it stays idle in LISTEN for hours.
        self._conninfo = (url.set(drivername="postgresql").render_as_string(hide_password=False)
                          if url.get_backend_name() == "postgresql" else None)
        self._conn: object | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-watch", daemon=True)
        self.checks = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=_SLICE + 5)
        self._close()

    # -- internals --------------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            self._listen()  # before the check: a NOTIFY during the check is not lost
            try:
                self.state.follow_store()
            except MotcuaError as exc:  # no catalog yet, store down: /readyz says so; retry
                log.warning("index check failed", extra={"error": exc.message})
            self.checks += 1
            self._wait()

    def _listen(self) -> None:
        if self._conninfo is None or self._conn is not None:
            return
        import psycopg

        try:
            conn = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5,
                                   application_name=application_name())
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            log.warning("index LISTEN unavailable; polling only",
                        extra={"error": exc.__class__.__name__})
            return
        self._conn = conn

    def _wait(self) -> None:
        """Until a NOTIFY, the poll interval or the stop flag, whichever comes first."""
        deadline = time.monotonic() + self.poll_seconds
        while not self._stop.is_set() and (left := deadline - time.monotonic()) > 0:
            if self._conn is None:
                self._stop.wait(min(left, _SLICE))
                continue
            if self._notified(min(left, _SLICE)):
                return

    def _notified(self, seconds: float) -> bool:
        import psycopg

        conn = self._conn
        assert isinstance(conn, psycopg.Connection)
        try:
            for note in conn.notifies(timeout=seconds, stop_after=1):
                log.info("index notification", extra={"kind": note.payload})
                return True
        except psycopg.Error as exc:  # the connection dropped: reconnect on the next round
            log.warning("index LISTEN connection lost", extra={"error": exc.__class__.__name__})
            self._close()
            return True  # check now: a NOTIFY may have been lost with the connection
        return False

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            import psycopg

            assert isinstance(conn, psycopg.Connection)
            try:
                conn.close()
            except psycopg.Error as exc:
                log.info("index LISTEN close failed", extra={"error": exc.__class__.__name__})
