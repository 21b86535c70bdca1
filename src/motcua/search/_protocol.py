"""The one extension point for search engines.

Why a protocol, and why only ``search`` and ``len``: that is what callers use (document
search with its filters, the evaluations, the benchmarks). How an index is built and kept is
each engine's own: a folder of arrays swapped in whole (``BM25Index``, ``PassageIndex``), a
PostgreSQL table swapped by renames (``documents.pg_index.PgPassageIndex``). Every
implementation passes the contract shipped in ``motcua.search.testing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

__all__ = ["Hit", "SearchBackend"]


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: str
    score: float


@runtime_checkable
class SearchBackend(Protocol):
    def search(self, query: str, limit: int = 10, **filters: Any) -> list[Hit]:
        """The best ``limit`` documents for ``query``, best first, each with a positive score;
        [] when nothing matches. ``filters`` narrow to documents whose value matches (a
        backend without filters refuses them with ``InputError``)."""

    def __len__(self) -> int:
        """How many documents are searched."""
