"""motcua's PostgreSQL full-text passage backend (``documents.pg_index.PgPassageIndex``).

The index lives in PostgreSQL, not in the folder: ``save`` writes where it is (URL and table),
``load`` opens it in the serving process, and the process that holds it last drops its tables
at exit (the speed run builds in one process and serves in another). The database is
``MOTCUA_BENCH_PG_URL`` (default: the test server on loopback).
"""

from __future__ import annotations

import json
import os
import uuid
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from motcua.documents.index import IndexedPassage
from motcua.documents.pg_index import PgPassageIndex

__all__ = ["PG_URL", "PostgresDocsEngine"]

PG_URL = os.environ.get("MOTCUA_BENCH_PG_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_SAVED = "postgres-index.json"


def _drop(index: PgPassageIndex) -> None:
    index.drop()
    index.engine.dispose()


class PostgresDocsEngine:
    name = "postgres-docs"
    note = ("motcua.documents.pg_index.PgPassageIndex: PostgreSQL full text with motcua's "
            "folded syllables and syllable pairs as tsvector lexemes, GIN index, idf-weighted "
            "ts_rank (idf from a term table written at build), terms in more than 20% of the "
            "passages pruned; queried through SQLAlchemy on loopback (the round trip is in the "
            "times); size is the tables and indexes PostgreSQL reports")

    def __init__(self, index: PgPassageIndex | None = None) -> None:
        self.index = index
        self._finalizer: Any = None  # weakref.finalize: drops the tables with this object

    def _own(self, index: PgPassageIndex) -> None:
        self.index = index
        self._finalizer = weakref.finalize(self, _drop, index)

    def build(self, docs: Sequence[tuple[str, str]]) -> None:
        index = PgPassageIndex(create_engine(PG_URL), f"bench_{uuid.uuid4().hex[:10]}")
        index.build([IndexedPassage(id=doc_id, body=body) for doc_id, body in docs])
        self._own(index)

    def query(self, q: str, k: int) -> list[str]:
        return [h.doc_id for h in self.index.search(q, k)] if self.index is not None else []

    def save(self, path: Path) -> None:
        if self.index is None:
            raise ValueError("build() before save()")
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / _SAVED).write_text(json.dumps({"table": self.index.table}), "utf-8")
        if self._finalizer is not None:
            self._finalizer.detach()  # the serving process drops it

    @classmethod
    def load(cls, path: Path) -> PostgresDocsEngine:
        saved = json.loads((Path(path) / _SAVED).read_text("utf-8"))
        engine = cls()
        engine._own(PgPassageIndex(create_engine(PG_URL), saved["table"]))
        return engine

    def size_on_disk(self) -> int:
        if self.index is None:
            return 0
        with self.index.engine.connect() as conn:
            return int(conn.execute(text(
                "SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM "
                "(SELECT relid FROM pg_partition_tree(CAST(:t AS regclass)) "
                " UNION ALL SELECT CAST(:terms AS regclass)) r"),
                {"t": self.index.table, "terms": f"{self.index.table}_terms"}).scalar() or 0)
