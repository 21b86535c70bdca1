"""tantivy (Lucene-like engine in Rust) with its default tokenizer."""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Sequence
from pathlib import Path

import tantivy

from bench.engines._base import dir_size, word_tokens

__all__ = ["TantivyEngine"]

_HEAP = 256 * 1024 * 1024


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("body", stored=False, tokenizer_name="default")
    return builder.build()


class TantivyEngine:
    name = "tantivy"
    note = ("tantivy-py, field 'body' with the 'default' tokenizer (split on non-alphanumerics, "
            "lower case, no diacritic folding), BM25 defaults; one writer thread, 256 MB heap, "
            "one commit; queries are the question's words OR-ed (query syntax characters "
            "removed); ids read back from a stored field")

    def __init__(self, index: tantivy.Index | None = None, path: Path | None = None) -> None:
        self.index = index
        self.path = path
        self._searcher: tantivy.Searcher | None = None

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        # tantivy writes segments while it indexes, so it builds straight into a folder that
        # save() moves into place; the folder goes away with the engine unless saved.
        tmp = Path(tempfile.mkdtemp(prefix="bench-tantivy-"))
        weakref.finalize(self, shutil.rmtree, tmp, True)
        index = tantivy.Index(_schema(), path=str(tmp))
        writer = index.writer(_HEAP, 1)
        for doc_id, text in docs:
            writer.add_document(tantivy.Document(id=doc_id, body=text))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        self.index, self.path, self._searcher = index, tmp, None

    def query(self, q: str, k: int) -> list[str]:
        words = word_tokens(q)
        if self.index is None or not words:
            return []
        if self._searcher is None:
            self._searcher = self.index.searcher()
        parsed = self.index.parse_query(" ".join(words), ["body"])
        hits = self._searcher.search(parsed, k).hits
        return [self._searcher.doc(addr)["id"][0] for _, addr in hits]

    def save(self, path: Path) -> None:
        if self.path is None:
            raise ValueError("build() before save()")
        path = Path(path)
        shutil.copytree(self.path, path, dirs_exist_ok=True)
        self.index, self.path, self._searcher = tantivy.Index.open(str(path)), path, None

    @classmethod
    def load(cls, path: Path) -> TantivyEngine:
        return cls(tantivy.Index.open(str(path)), Path(path))

    def size_on_disk(self) -> int:
        return dir_size(self.path) if self.path else 0
