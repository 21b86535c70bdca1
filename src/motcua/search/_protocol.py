"""The one extension point for search engines.

Why a protocol: procedure search, document search and the benchmarks must be able to swap the
embedded engine for another (tantivy, PostgreSQL full text) without touching their callers.
Every implementation passes ``tests/search/test_contract.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

__all__ = ["Hit", "SearchBackend"]


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: str
    score: float


@runtime_checkable
class SearchBackend(Protocol):
    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        """Index (doc_id, text) pairs, replacing whatever was indexed before."""

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """The best ``limit`` documents for ``query``, best first; [] when nothing matches."""

    def save(self, path: Path) -> None:
        """Persist to a folder, atomically: a reader never sees half an index."""

    def __len__(self) -> int: ...
