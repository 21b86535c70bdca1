"""What every request handler shares: settings, database, assistant, profiles, signer.

Why the indexes load lazily and are checked on use: a server started before ``motcua catalog
import`` finished must still answer ``/healthz`` and report ``/readyz`` as not ready, then
pick the index up without a restart; and after any later import (or a killed one) it must
serve what the store holds. Each index is a ``LiveIndex``: at most once every
``index_check_seconds`` a request compares the served index's generation with the store's
(one ``stat``, one small SELECT); a change is loaded or rebuilt in a thread while requests
keep the old index. The index watcher (``web/index_watch.py``) calls ``follow_store`` on a
NOTIFY or a poll, so that a new version (built here or on another machine) is loaded, and its
assistant made, before a request needs it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from motcua._errors import MotcuaError
from motcua._settings import Settings
from motcua.answer._protocol import AssistantProtocol
from motcua.communes.registry import ProfileRegistry
from motcua.communes.units import AdminUnit, list_units
from motcua.store import generation, index_versions
from motcua.store.db import Database
from motcua.web.sessions import SessionSigner

if TYPE_CHECKING:
    from motcua.documents.service import DocumentService
    from motcua.search.live import IndexStatus, LiveIndex
    from motcua.search.procedures import ProcedureIndex

__all__ = ["ServiceState"]

log = logging.getLogger(__name__)


@dataclass
class ServiceState:
    settings: Settings
    db: Database
    registry: ProfileRegistry
    signer: SessionSigner
    _assistant: AssistantProtocol | None = None  # given (tests): served as it is
    _lock: threading.Lock = field(default_factory=threading.Lock)
    last_error: str | None = None
    _units: list[AdminUnit] | None = None
    _procedures: LiveIndex[ProcedureIndex] | None = None
    # index, national-names generation, the assistant over both: replaced as one reference
    _served: tuple[ProcedureIndex, int, AssistantProtocol] | None = None
    _documents: DocumentService | None = None
    _documents_missing: bool = False

    @property
    def assistant(self) -> AssistantProtocol:
        """The assistant over the procedure index at the store's generation.

        A new ``Assistant`` (with a fresh repository cache) is made when the live index hands
        back another index object, so an answer never mixes two catalogs.
        """
        if self._assistant is not None:
            return self._assistant
        try:
            index = self.procedure_index().get()
            self.last_error = None
        except MotcuaError as exc:
            self.last_error = exc.message
            raise
        served = self._served
        if served is None or served[0] is not index:
            with self._lock:
                served = self._served
                if served is None or served[0] is not index:
                    national = generation.read(self.db.engine, generation.NATIONAL)
                    served = self._served = (index, national, self._make_assistant(index))
        return served[2]

    def follow_store(self) -> bool:
        """Serve what the store holds now: load or rebuild the procedure index in this thread
        if the catalog moved on, and make a new assistant when the index or the national names
        (``motcua catalog import-index``) changed. True when something new is served.

        The watcher's call; requests meanwhile keep the old assistant, then take the new one
        (one reference replaced), so an answer never mixes two catalogs."""
        if self._assistant is not None:
            return False
        live = self.procedure_index()
        live.refresh()
        index = live.get()
        national = generation.read(self.db.engine, generation.NATIONAL)
        served = self._served
        if served is not None and served[0] is index and served[1] == national:
            return False
        assistant = self._make_assistant(index)  # outside the lock: requests go on meanwhile
        with self._lock:
            served = self._served
            if served is not None and served[0] is index and served[1] == national:
                return False  # a request made the same one meanwhile: keep that
            self._served = (index, national, assistant)
        log.info("serving procedure index version",
                 extra={"version": live.status().version, "national": national})
        return True

    def procedure_index(self) -> LiveIndex[ProcedureIndex]:
        if self._procedures is None:
            from motcua.catalog.indexing import live_index

            with self._lock:
                if self._procedures is None:
                    self._procedures = live_index(
                        self.db, self.settings.index_dir, background=True,
                        check_seconds=self.settings.index_check_seconds)
        return self._procedures

    def _make_assistant(self, index: ProcedureIndex) -> AssistantProtocol:
        from motcua.answer.assistant import assistant_for

        return assistant_for(index, self.db, self.settings, where_provider=self.registry)

    def documents(self) -> DocumentService | None:
        """This worker's one documents service (one cached index), None without the room."""
        if self._documents is None and not self._documents_missing:
            with self._lock:
                if self._documents is None and not self._documents_missing:
                    try:
                        from motcua.documents.service import DocumentService
                    except ImportError as exc:  # the room's optional dependencies are missing
                        log.info("documents room unavailable", extra={"error": str(exc)})
                        self._documents_missing = True
                        return None
                    self._documents = DocumentService(self.db, background=True)
        return self._documents

    def units(self) -> list[AdminUnit]:
        """The default province's units, sorted as a Vietnamese reader expects (cached)."""
        if self._units is None:
            from motcua.text import fold

            units = list_units(self.settings.default_province)
            self._units = sorted(units, key=lambda u: (fold(u.short).lower(), u.kind))
        return self._units

    def warm_up(self) -> None:
        """Load the index, the unit list and the profiles before the first citizen waits."""
        self.units()
        self.registry.refresh()
        try:
            _ = self.assistant
        except MotcuaError as exc:
            log.warning("assistant not ready at start", extra={"error": exc.message})

    def readiness(self) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
        """The checks (``database``, ``index``: "ok" or "error: ...") and, per index served,
        its state: the generation it was built from, the store's, and whether they agree."""
        checks: dict[str, str] = {}
        try:
            with self.db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except SQLAlchemyError as exc:
            checks["database"] = f"error: {exc.__class__.__name__}"
        problems: list[str] = []
        indexes: dict[str, dict[str, Any]] = {}
        if self._assistant is None:
            indexes["procedures"] = self._check(self.procedure_index(), problems)
        docs = self.documents()
        if docs is not None:
            indexes["documents"] = self._check(docs.live, problems)
        checks["index"] = "ok" if not problems else "error: " + "; ".join(problems)
        return checks, indexes

    def _check(self, live: LiveIndex[Any], problems: list[str]) -> dict[str, Any]:
        """One index for ``/readyz``: loaded (or rebuilt) now if it is not yet."""
        try:
            live.get()
        except MotcuaError as exc:
            if exc.context.get("empty") and live.kind == "documents":
                return {"state": "empty", "fresh": True}  # nothing imported: nothing to serve
            problems.append(f"{live.kind}: {exc.message}")
            return {"state": "unavailable", "error": exc.message}
        status: IndexStatus = live.status()
        entry = {"state": status.freshness.value, "fresh": status.freshness == "fresh",
                 "generation": status.index_generation,
                 "store_generation": status.store_generation, "count": status.count,
                 "rebuilding": live.rebuilding, "version": status.version}
        if live.kind == "procedures":  # the newest build any worker recorded in the store
            try:
                latest = index_versions.latest(self.db.engine, "procedures")
            except MotcuaError as exc:
                problems.append(f"{live.kind}: {exc.message}")
                latest = None
            entry["latest_version"] = latest.version if latest else None
        return entry
