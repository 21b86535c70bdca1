"""motcua's embedded engine: ``BM25Index`` over folded syllables and bigrams."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.engines._base import dir_size
from motcua.search import BM25Index
from motcua.text import tokenize

__all__ = ["MotcuaEngine"]


class MotcuaEngine:
    name = "motcua"
    note = ("motcua.search.BM25Index (k1=1.2, b=0.75) with motcua.text.tokenize: NFC, tone "
            "placement, folded syllables + syllable bigrams, edit-distance-1 correction of "
            "unknown query syllables; saved as .npy arrays + JSON, loaded memory-mapped")

    def __init__(self, index: BM25Index | None = None, path: Path | None = None) -> None:
        self.index = index if index is not None else BM25Index(tokenize)
        self.path = path

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        self.index.build(docs)

    def query(self, q: str, k: int) -> list[str]:
        return [hit.doc_id for hit in self.index.search(q, k)]

    def save(self, path: Path) -> None:
        self.index.save(path)
        self.path = Path(path)

    @classmethod
    def load(cls, path: Path) -> MotcuaEngine:
        return cls(BM25Index.load(path, tokenize), Path(path))

    def size_on_disk(self) -> int:
        return dir_size(self.path) if self.path else 0
