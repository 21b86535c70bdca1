"""Plain BM25 (bm25s, Lucene variant) over lower-cased whitespace tokens."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import bm25s

from bench.engines._base import dir_size, word_tokens

__all__ = ["Bm25sEngine"]


class Bm25sEngine:
    name = "bm25s"
    note = ("bm25s.BM25 defaults (Lucene BM25, k1=1.5, b=0.75), tokens = lower-cased text "
            "split on white space with punctuation dropped; no diacritic folding, no stemming "
            "or stopwords; numpy backend, n_threads=0 (one thread); saved with model.save, "
            "loaded with mmap=True")

    def __init__(self) -> None:
        self.model = bm25s.BM25()
        self.ids: list[str] = []
        self.path: Path | None = None

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        self.ids = [doc_id for doc_id, _ in docs]
        self.model.index([word_tokens(text) for _, text in docs], show_progress=False)

    def query(self, q: str, k: int) -> list[str]:
        tokens = [t for t in word_tokens(q) if t in self.model.vocab_dict]
        if not tokens or not self.ids:
            return []
        k = min(k, len(self.ids))
        docs, scores = self.model.retrieve([tokens], k=k, show_progress=False, n_threads=0)
        return [self.ids[int(d)] for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def save(self, path: Path) -> None:
        path = Path(path)
        self.model.save(str(path), show_progress=False)
        (path / "ids.json").write_text(json.dumps(self.ids, ensure_ascii=False), "utf-8")
        self.path = path

    @classmethod
    def load(cls, path: Path) -> Bm25sEngine:
        engine = cls()
        engine.model = bm25s.BM25.load(str(path), mmap=True, show_progress=False)
        engine.ids = json.loads((Path(path) / "ids.json").read_text("utf-8"))
        engine.path = Path(path)
        return engine

    def size_on_disk(self) -> int:
        return dir_size(self.path) if self.path else 0
