"""SQLite FTS5 with the unicode61 tokenizer folding diacritics (remove_diacritics 2)."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Sequence
from pathlib import Path

from bench.engines._base import dir_size, word_tokens

__all__ = ["Fts5Engine"]

_DB = "fts.sqlite"
_CREATE = ("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, body, "
           "tokenize='unicode61 remove_diacritics 2')")


class Fts5Engine:
    name = "sqlite-fts5"
    note = ("SQLite FTS5, tokenize='unicode61 remove_diacritics 2' (folds tone marks and vowel "
            "marks, but not đ, which has no decomposition), ranked by the built-in bm25(); "
            "queries are the question's words, quoted and OR-ed (FTS5's default AND finds "
            "nothing for full questions); one transaction, then 'optimize'")

    def __init__(self, conn: sqlite3.Connection | None = None, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        tmp = Path(tempfile.mkdtemp(prefix="bench-fts5-"))
        weakref.finalize(self, shutil.rmtree, tmp, True)
        conn = sqlite3.connect(tmp / _DB)
        with conn:
            conn.execute(_CREATE)
            conn.executemany("INSERT INTO p(id, body) VALUES (?, ?)", docs)
            conn.execute("INSERT INTO p(p) VALUES ('optimize')")
        self.conn, self.path = conn, tmp

    def query(self, q: str, k: int) -> list[str]:
        words = word_tokens(q)
        if self.conn is None or not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        rows = self.conn.execute(
            "SELECT id FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?", (match, k)).fetchall()
        return [r[0] for r in rows]

    def save(self, path: Path) -> None:
        if self.conn is None or self.path is None:
            raise ValueError("build() before save()")
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.conn.close()
        shutil.copy2(self.path / _DB, path / _DB)
        self.conn, self.path = sqlite3.connect(path / _DB), path

    @classmethod
    def load(cls, path: Path) -> Fts5Engine:
        db = Path(path) / _DB
        if not db.is_file():
            raise FileNotFoundError(f"no FTS5 index at {db}")
        return cls(sqlite3.connect(f"file:{db}?mode=ro", uri=True), Path(path))

    def size_on_disk(self) -> int:
        return dir_size(self.path) if self.path else 0
