"""The interface every benchmarked engine implements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

__all__ = ["Engine", "SavedIndexEngine", "dir_size", "word_tokens"]

_WORD = re.compile(r"\w+", re.UNICODE)


def word_tokens(text: str) -> list[str]:
    """Lower-cased runs of word characters: what "split on white space" means once the
    punctuation glued to words ("sinh," "con?") is dropped. Used to make query strings safe for
    engines with a query syntax, never to normalise diacritics."""
    return _WORD.findall(text.lower())


def dir_size(path: Path) -> int:
    """Bytes of every file under ``path`` (or of ``path`` itself when it is a file)."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class Engine(Protocol):
    name: str
    note: str  # how it is configured, printed under the report's tables

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        """Index (doc_id, text) pairs in memory."""

    def query(self, q: str, k: int) -> list[str]:
        """Ids of the best ``k`` documents, best first; only documents that match."""

    def save(self, path: Path) -> None:
        """Write the index to the folder ``path`` (created)."""

    @classmethod
    def load(cls, path: Path) -> Engine:
        """Open an index written by ``save``, ready to serve queries."""
        ...

    def size_on_disk(self) -> int:
        """Bytes the saved index takes (0 before ``save``/``load``)."""


class SavedIndexEngine:
    """An engine over one of motcua's own index objects (``search``/``save``): the parts the
    bare engine and the documents index share; subclasses say how to build and load."""

    def __init__(self, index: Any, path: Path | None = None) -> None:
        self.index = index
        self.path = path

    def query(self, q: str, k: int) -> list[str]:
        return [hit.doc_id for hit in self.index.search(q, k)]

    def save(self, path: Path) -> None:
        self.index.save(path)
        self.path = Path(path)

    def size_on_disk(self) -> int:
        return dir_size(self.path) if self.path else 0
