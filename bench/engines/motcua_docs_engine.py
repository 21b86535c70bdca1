"""motcua's document search: the documents room's ``PassageIndex`` (BM25 over several fields)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.engines._base import SavedIndexEngine
from motcua.documents.index import IndexedPassage, PassageIndex

__all__ = ["MotcuaDocsEngine"]


class MotcuaDocsEngine(SavedIndexEngine):
    name = "motcua-docs"
    note = ("motcua.documents.index.PassageIndex with its default field weights (folded body, "
            "accented body, heading; dis-max across fields), abbreviation expansion and legal "
            "stopwords on queries; passages given as body only (no heading or document title); "
            "what 'motcua docs search' serves")

    def __init__(self, index: PassageIndex | None = None, path: Path | None = None) -> None:
        super().__init__(index if index is not None else PassageIndex(), path)

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        self.index.build([IndexedPassage(id=doc_id, body=text) for doc_id, text in docs])

    @classmethod
    def load(cls, path: Path) -> MotcuaDocsEngine:
        return cls(PassageIndex.load(path), Path(path))
