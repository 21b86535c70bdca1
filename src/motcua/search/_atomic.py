"""Atomic replacement of an index folder.

Why: a worker may load the index while an import rebuilds it; it must see the old folder or
the new one, never half of either. Every index in motcua saves through ``replace_dir``.
A process killed between the two renames leaves no folder at ``path`` (and the old one beside
it): readers then find the index missing and rebuild it (``search/live.py``), which also
clears such leftovers.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from motcua.search._crash import crash_point

__all__ = ["clear_leftovers", "replace_dir"]


@contextmanager
def replace_dir(path: Path, *, crash_points: bool = False) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``path``; on success it replaces ``path``.

    ``crash_points``: pass the test stages ``index:save`` and ``index:swap`` (the outermost
    save of an index only; its fields save through here too).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}-", dir=path.parent))
    try:
        yield tmp
        if crash_points:
            crash_point("index:save")
        old = path.with_name(f".{path.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if path.exists():
            os.replace(path, old)
        if crash_points:
            crash_point("index:swap")
        os.replace(tmp, path)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def clear_leftovers(path: Path) -> None:
    """Remove what killed saves of ``path`` left beside it (call only under its index lock,
    when no save of it can be running)."""
    path = Path(path)
    for leftover in path.parent.glob(f".{path.name}-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(path.with_name(f".{path.name}.old"), ignore_errors=True)
