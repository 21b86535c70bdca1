"""What the service and channels need from the assistant, as one protocol.

Why: the web service, the CLI and future chat channels depend on this shape only, and tests
can hand them a fake. ``motcua.answer.Assistant`` is the real implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from motcua.answer.schema import AskResponse, ProcedureRef, WhereFact
from motcua.catalog.model import ParsedProcedure

__all__ = ["AssistantProtocol", "WhereProvider"]

# Given the asker's commune (or None) and the chosen procedure, the facts about where to go:
# the commune service centre's address, hours and counter ("quầy số N"). Supplied by the
# per-commune profiles of the service; the assistant falls back to the catalog's agencies.
WhereProvider = Callable[[str | None, ParsedProcedure], list[WhereFact]]


class AssistantProtocol(Protocol):
    def ask(
        self, question: str, *, commune: str | None = None, history: Sequence[str] = ()
    ) -> AskResponse:
        """Answer, ask back (status clarify) or abstain. ``history``: earlier questions of the
        same conversation, oldest first, so that a reply to a clarifying question is understood.
        Raises ``InvalidQuestion`` for non-text or over-long input."""

    def search(
        self, query: str, *, level: str | None = None, field: str | None = None, limit: int = 10
    ) -> list[ProcedureRef]:
        """Ranked procedures; ``level`` is xa | tinh | bo; ``field`` matches the catalog field."""

    def get(self, code: str) -> ParsedProcedure:
        """One procedure; raises ``NotFound``."""
