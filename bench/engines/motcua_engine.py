"""motcua's embedded engine: ``BM25Index`` over folded syllables and bigrams."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.engines._base import SavedIndexEngine
from motcua.search import BM25Index
from motcua.text import tokenize

__all__ = ["MotcuaEngine"]


class MotcuaEngine(SavedIndexEngine):
    name = "motcua"
    note = ("motcua.search.BM25Index (k1=1.2, b=0.75) with motcua.text.tokenize: NFC, tone "
            "placement, folded syllables + syllable bigrams, edit-distance-1 correction of "
            "unknown query syllables; saved as .npy arrays + JSON, loaded memory-mapped")

    def __init__(self, index: BM25Index | None = None, path: Path | None = None) -> None:
        super().__init__(index if index is not None else BM25Index(tokenize), path)

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        self.index.build(docs)

    @classmethod
    def load(cls, path: Path) -> MotcuaEngine:
        return cls(BM25Index.load(path, tokenize), Path(path))
