"""Search engines under one small interface, so every measurement treats them the same.

Why a separate interface from ``motcua.search.SearchBackend``: the benchmark must drive engines
motcua does not ship (bm25s, tantivy, SQLite FTS5) and must measure their size on disk and load
them in a fresh process; it returns plain ids, not scored hits, because only ranks are compared.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from bench.engines._base import Engine, dir_size
from bench.engines.bm25s_engine import Bm25sEngine
from bench.engines.fts5_engine import Fts5Engine
from bench.engines.motcua_engine import MotcuaEngine
from bench.engines.tantivy_engine import TantivyEngine

__all__ = ["ENGINES", "Engine", "dir_size", "load_engine", "make_engine"]

# Order is the order of the report's rows: ours first, then the baselines a user would pick.
ENGINES: dict[str, type[Engine]] = {
    "motcua": MotcuaEngine,
    "bm25s": Bm25sEngine,
    "tantivy": TantivyEngine,
    "sqlite-fts5": Fts5Engine,
}
# The documents room's index, when this checkout has it: what document search really serves.
if importlib.util.find_spec("motcua.documents.index") is not None:
    try:
        from bench.engines.motcua_docs_engine import MotcuaDocsEngine
    except ImportError:  # the room is mid-change in this checkout: benchmark without it
        pass
    else:
        ENGINES = {"motcua": MotcuaEngine, "motcua-docs": MotcuaDocsEngine,
                   **{k: v for k, v in ENGINES.items() if k != "motcua"}}


def make_engine(name: str) -> Engine:
    return _lookup(name)()


def load_engine(name: str, path: Path) -> Engine:
    loader: Callable[[Path], Engine] = _lookup(name).load
    return loader(path)


def _lookup(name: str) -> type[Engine]:
    try:
        return ENGINES[name]
    except KeyError:
        known = ", ".join(ENGINES)
        raise SystemExit(f"unknown engine {name!r}; known engines: {known}") from None
