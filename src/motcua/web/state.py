"""What every request handler shares: settings, database, assistant, profiles, signer.

Why the assistant loads lazily and is retried: a server started before ``motcua catalog
import`` finished must still answer ``/healthz`` and report ``/readyz`` as not ready, then pick
the index up without a restart.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from motcua._errors import MotcuaError
from motcua._settings import Settings
from motcua.answer._protocol import AssistantProtocol
from motcua.communes.registry import ProfileRegistry
from motcua.communes.units import AdminUnit, list_units
from motcua.store.db import Database
from motcua.web.sessions import SessionSigner

__all__ = ["ServiceState"]

log = logging.getLogger(__name__)


@dataclass
class ServiceState:
    settings: Settings
    db: Database
    registry: ProfileRegistry
    signer: SessionSigner
    _assistant: AssistantProtocol | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    last_error: str | None = None
    _units: list[AdminUnit] | None = None

    @property
    def assistant(self) -> AssistantProtocol:
        if self._assistant is not None:
            return self._assistant
        with self._lock:
            if self._assistant is None:
                try:
                    self._assistant = self._load_assistant()
                    self.last_error = None
                except MotcuaError as exc:
                    self.last_error = exc.message
                    raise
        return self._assistant

    def _load_assistant(self) -> AssistantProtocol:
        from motcua.answer.assistant import load_assistant

        return load_assistant(self.settings, where_provider=self.registry, db=self.db)

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

    def readiness(self) -> dict[str, Any]:
        checks: dict[str, Any] = {}
        try:
            with self.db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except SQLAlchemyError as exc:
            checks["database"] = f"error: {exc.__class__.__name__}"
        try:
            _ = self.assistant
            checks["index"] = "ok"
        except (MotcuaError, OSError) as exc:
            checks["index"] = f"error: {getattr(exc, 'message', exc.__class__.__name__)}"
        return checks
