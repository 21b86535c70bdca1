"""Search engines under one small interface, so every measurement treats them the same.

Why a separate interface from ``motcua.search.SearchBackend``: the benchmark must drive engines
motcua does not ship (bm25s, tantivy, SQLite FTS5) and must measure their size on disk and load
them in a fresh process; it returns plain ids, not scored hits, because only ranks are compared.
Adapters are imported lazily, so a serving process holds only its own engine's libraries and
its resident memory is that engine's.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from bench.engines._base import Engine, dir_size

__all__ = ["ENGINES", "Engine", "dir_size", "engine_class", "load_engine", "make_engine"]

# Order is the order of the report's rows: ours first, then the baselines a user would pick.
_ADAPTERS = {
    "motcua": "bench.engines.motcua_engine:MotcuaEngine",
    "motcua-docs": "bench.engines.motcua_docs_engine:MotcuaDocsEngine",
    "bm25s": "bench.engines.bm25s_engine:Bm25sEngine",
    "tantivy": "bench.engines.tantivy_engine:TantivyEngine",
    "sqlite-fts5": "bench.engines.fts5_engine:Fts5Engine",
    "postgres-docs": "bench.engines.postgres_engine:PostgresDocsEngine",
}


def _postgres_up() -> bool:
    """The PostgreSQL backend is measured when its server answers (MOTCUA_BENCH_PG_URL, or
    the test server on loopback): a TCP connect, so an absent server costs nothing."""
    import os
    import socket

    from sqlalchemy.engine import make_url

    url = make_url(os.environ.get("MOTCUA_BENCH_PG_URL",
                                  "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    try:
        socket.create_connection((url.host or "127.0.0.1", url.port or 5432), 0.3).close()
    except OSError:
        return False
    return importlib.util.find_spec("psycopg") is not None

# The documents room's index is measured when this checkout has it (what document search
# really serves); the bare engine row "motcua" is always there.
ENGINES: tuple[str, ...] = tuple(
    name for name in _ADAPTERS
    if (name != "motcua-docs" or importlib.util.find_spec("motcua.documents.index") is not None)
    and (name != "postgres-docs" or _postgres_up())
)


def engine_class(name: str) -> type[Engine]:
    if name not in ENGINES:
        raise SystemExit(f"unknown engine {name!r}; known engines: {', '.join(ENGINES)}")
    module, _, cls = _ADAPTERS[name].partition(":")
    found: type[Engine] = getattr(importlib.import_module(module), cls)
    return found


def make_engine(name: str) -> Engine:
    return engine_class(name)()


def load_engine(name: str, path: Path) -> Engine:
    return engine_class(name).load(path)
