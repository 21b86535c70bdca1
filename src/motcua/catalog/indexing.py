"""From stored procedures to the search index, and the repository the answers read.

Why here: the catalog room knows which parts of a procedure describe it (name, field,
results, papers); the search room only sees text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from motcua._errors import NotFound
from motcua.catalog.model import ParsedProcedure
from motcua.search.procedures import ProcedureDoc, ProcedureIndex
from motcua.store.db import Database
from motcua.store.models import Procedure

__all__ = ["ProcedureRepository", "StoredProcedure", "build_index", "index_path", "search_doc"]

_BODY_PAPERS = 8


def index_path(index_dir: Path) -> Path:
    return index_dir / "procedures"


def search_doc(p: ParsedProcedure) -> ProcedureDoc:
    body = " ".join([
        " ".join(p.results),
        " ".join(d.name[:200] for d in p.dossier[:_BODY_PAPERS]),
        p.subjects,
    ])
    return ProcedureDoc(code=p.code, name=p.name, field=p.field, levels=list(p.levels), body=body,
                        subjects=p.subjects)


def build_index(db: Database, dest: Path | None = None) -> ProcedureIndex:
    """Build the procedure index from every stored procedure; save it when ``dest`` is given."""
    docs = []
    with db.session() as session:
        for (data,) in session.execute(select(Procedure.data).order_by(Procedure.code)):
            docs.append(search_doc(ParsedProcedure.from_dict(data)))
    index = ProcedureIndex()
    index.build(docs)
    if dest is not None:
        index.save(dest)
    return index


class StoredProcedure:
    """A procedure as stored: parsed data, the raw source record and its version."""

    __slots__ = ("parsed", "raw", "version")

    def __init__(self, parsed: ParsedProcedure, raw: dict[str, Any], version: int) -> None:
        self.parsed = parsed
        self.raw = raw
        self.version = version


class ProcedureRepository:
    """Reads procedures by code, with a small cache (answers repeat the same few codes)."""

    def __init__(self, db: Database, cache_size: int = 512) -> None:
        self.db = db
        self._get = lru_cache(maxsize=cache_size)(self._load)

    def get(self, code: str) -> StoredProcedure:
        return self._get(code)

    def clear(self) -> None:
        self._get.cache_clear()

    def count(self) -> int:
        from sqlalchemy import func

        with self.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(Procedure)) or 0)

    def _load(self, code: str) -> StoredProcedure:
        with self.db.session() as session:
            row = session.get(Procedure, code)
            if row is None:
                raise NotFound(f"không có thủ tục mã {code}", hint="check the procedure code",
                               code_=code)
            return StoredProcedure(ParsedProcedure.from_dict(row.data), row.raw, row.version)
