"""An index that cannot go stale: loaded from its folder, checked against the store, rebuilt.

Why: an index is a copy of store rows. An import killed after its commits but before its
index was saved, a server that loaded the index before the last import, a truncated file:
each used to serve a copy that no longer matched the store, silently and forever. Here the
saved index carries the store generation it was built from (``_manifest.py``), and whoever
loads it compares that with the store's generation now. On a mismatch, a missing manifest
or a file that fails its digest, the index is rebuilt under a file lock (one rebuild on the
machine; the others wait, or go on serving what they have), or a clean ``IndexError_`` says
which command fixes it.

A ``LiveIndex`` checks at most once every ``check_seconds`` (one ``stat`` and one tiny
SELECT), so a web worker can call ``get()`` on every request; with ``background=True`` a
reload or rebuild runs in a thread and requests keep the old index until the new one is in.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from filelock import FileLock, Timeout

from motcua._errors import IndexError_, MotcuaError
from motcua.search._atomic import clear_leftovers
from motcua.search._manifest import (
    DiskStamp,
    Manifest,
    check_files,
    disk_stamp,
    read_manifest,
    version_of,
)

__all__ = ["REBUILD_HINT", "Freshness", "IndexStatus", "LiveIndex", "index_lock", "inspect_index",
           "locked"]

log = logging.getLogger(__name__)
REBUILD_HINT = "chạy 'motcua index rebuild' (xem tình trạng: 'motcua index status')"
# What a damaged index folder raises while loading (json, numpy, dataclass fields).
LOAD_ERRORS = (MotcuaError, OSError, ValueError, KeyError, TypeError, EOFError)


class Freshness(StrEnum):
    FRESH = "fresh"  # built from the store's current generation
    STALE = "stale"  # built from an older generation (or without a store)
    MISSING = "missing"  # no index, or a folder without a manifest
    BROKEN = "broken"  # a file differs from its manifest digest


class Sized(Protocol):
    def __len__(self) -> int: ...


T = TypeVar("T", bound=Sized)


@dataclass(frozen=True)
class IndexStatus:
    kind: str
    freshness: Freshness
    store_generation: int
    index_generation: int | None
    count: int | None
    problem: str | None = None
    version: str | None = None  # content hash of the served (or saved) index: version_of


def index_lock(folder: Path) -> FileLock:
    """The machine-wide lock of one index folder (re-entrant within a thread).

    Why a file lock beside the folder: the folder itself is swapped; the kernel releases the
    lock when its holder dies (``kill -9`` included), so a killed import never blocks others.
    """
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(folder.with_name(f".{folder.name}.lock"), is_singleton=True)


@contextmanager
def locked(folder: Path, timeout: float = -1) -> Iterator[None]:
    """Hold ``index_lock(folder)``; leftovers of killed saves are cleared on the way in.

    Every save of an index the store feeds runs inside it, and so does a whole import (so
    that servers wait for its end instead of rebuilding after each committed batch)."""
    lock = index_lock(folder)
    with lock.acquire(timeout=timeout):
        if lock.lock_counter == 1:
            clear_leftovers(Path(folder))
        yield


def inspect_index(folder: Path, kind: str, store_generation: int) -> IndexStatus:
    """How the saved index relates to the store, without loading it (``motcua index status``)."""
    manifest = read_manifest(folder)
    if manifest is None:
        return IndexStatus(kind, Freshness.MISSING, store_generation, None, None,
                           "chưa có chỉ mục, hoặc thiếu bản kê manifest.json")
    problem = check_files(folder, manifest)
    if problem:
        return IndexStatus(kind, Freshness.BROKEN, store_generation, manifest.generation,
                           manifest.count, problem)
    fresh = manifest.generation == store_generation
    return IndexStatus(kind, Freshness.FRESH if fresh else Freshness.STALE, store_generation,
                       manifest.generation, manifest.count, version=version_of(manifest))


class LiveIndex(Generic[T]):
    """The loaded index of one folder, kept at the store's generation.

    ``load(folder)`` reads a saved index; ``build()`` rebuilds and saves it (it takes
    ``index_lock`` itself, re-entrantly); ``generation()`` is the store's generation now.
    """

    def __init__(self, kind: str, folder: Path, *, load: Callable[[Path], T],
                 build: Callable[[], object], generation: Callable[[], int],
                 check_seconds: float = 1.5, background: bool = False,
                 lock_seconds: float = 120.0) -> None:
        self.kind, self.folder = kind, Path(folder)
        self._load, self._build, self._generation = load, build, generation
        self.check_seconds, self.background, self.lock_seconds = (check_seconds, background,
                                                                  lock_seconds)
        self._value: T | None = None
        self._manifest: Manifest | None = None
        self._stamp: DiskStamp | None = None
        self._store_generation = 0
        self._checked = float("-inf")
        self._mutex = threading.RLock()  # set() runs inside a refresh (build saves, then sets)
        self._worker: threading.Thread | None = None
        self.error: str | None = None

    # -- reading --------------------------------------------------------------------------
    def get(self) -> T:
        """The index, checked against the store at most once every ``check_seconds``."""
        value = self._value
        if value is not None and time.monotonic() - self._checked < self.check_seconds:
            return value
        if value is not None and self.background:
            if not self._mutex.acquire(blocking=False):  # a reload is running: serve the old
                return value
        else:
            self._mutex.acquire()
        try:
            if self._value is not None and time.monotonic() - self._checked < self.check_seconds:
                return self._value
            self._checked = time.monotonic()
            generation = self._store_generation = self._generation()
            if self._value is not None and self._current(generation):
                return self._value
            if self._value is not None and self.background:
                self._start_worker()
                return self._value
            self._refresh(generation, wait=not self.background)
            assert self._value is not None  # _refresh installs an index or raises
            return self._value
        finally:
            self._mutex.release()

    def refresh(self) -> bool:
        """Check the store now and load or rebuild in the calling thread (the index watcher's
        call, off the request path). Requests keep the old index until the new one replaces
        it (one reference); True when another index was installed."""
        with self._mutex:
            before = self._value
            self._checked = time.monotonic()
            generation = self._store_generation = self._generation()
            if before is not None and self._current(generation):
                return False
            self._refresh(generation, wait=True)
            return self._value is not before

    def set(self, value: T, manifest: Manifest | None) -> None:
        """Install an index this process has just built and saved (no reload from disk)."""
        with self._mutex:
            self._install(value, manifest)

    def status(self) -> IndexStatus:
        """What is served, as of the last check (``/readyz``): no disk or store access."""
        manifest = self._manifest
        served = manifest.generation if manifest else None
        if self._value is None:
            freshness = Freshness.MISSING
        elif served == self._store_generation:
            freshness = Freshness.FRESH
        else:
            freshness = Freshness.STALE
        return IndexStatus(self.kind, freshness, self._store_generation, served,
                           len(self._value) if self._value is not None else None, self.error,
                           version=version_of(manifest) if manifest else None)

    @property
    def rebuilding(self) -> bool:
        worker = self._worker
        return worker is not None and worker.is_alive()

    # -- internals --------------------------------------------------------------------------
    def _current(self, generation: int) -> bool:
        manifest = self._manifest
        return (manifest is not None and manifest.generation == generation
                and disk_stamp(self.folder) == self._stamp)

    def _install(self, value: T, manifest: Manifest | None) -> None:
        self._value, self._manifest = value, manifest
        self._stamp = disk_stamp(self.folder)
        self.error = None
        log.info("index loaded", extra={"index": self.kind, "count": len(value),
                                        "generation": manifest.generation if manifest else None})

    def _load_checked(self, generation: int | None) -> bool:
        """Load the saved index if it is whole (and at ``generation`` unless None)."""
        manifest = read_manifest(self.folder)
        if manifest is None or (generation is not None and manifest.generation != generation):
            return False
        if manifest == self._manifest and self._value is not None:
            self._stamp = disk_stamp(self.folder)
            return True
        problem = check_files(self.folder, manifest)
        if problem:
            log.warning("index damaged", extra={"index": self.kind, "problem": problem})
            return False
        try:
            value = self._load(self.folder)
        except LOAD_ERRORS as exc:
            log.warning("index unreadable", extra={"index": self.kind, "error": str(exc)})
            return False
        if len(value) != manifest.count:
            log.warning("index count differs from its manifest", extra={"index": self.kind})
            return False
        self._install(value, manifest)
        return True

    def _refresh(self, generation: int, *, wait: bool) -> None:
        """Load the index at ``generation``, rebuilding it under the lock when it is not."""
        if self._load_checked(generation):
            return
        lock = index_lock(self.folder)
        try:
            lock.acquire(timeout=self.lock_seconds if wait else 0)
        except Timeout:
            # Another process is importing or rebuilding: keep (or take) what is on disk.
            if self._value is None and not self._load_checked(None):
                self.error = "chỉ mục đang được xây dựng lại bởi một tiến trình khác"
                raise IndexError_(f"{self.error} ({self.kind})", hint=REBUILD_HINT) from None
            log.info("index being rebuilt elsewhere; serving the one on disk",
                     extra={"index": self.kind})
            return
        try:
            if lock.lock_counter == 1:
                clear_leftovers(self.folder)
            generation = self._store_generation = self._generation()
            if self._load_checked(generation):  # rebuilt by another process while we waited
                return
            log.info("rebuilding index", extra={"index": self.kind, "generation": generation})
            self._build()
            if not self._load_checked(None):
                raise IndexError_(f"không đọc được chỉ mục vừa xây dựng ({self.kind})",
                                  hint=REBUILD_HINT)
        except MotcuaError as exc:
            self.error = exc.message
            raise
        finally:
            lock.release()

    def _start_worker(self) -> None:
        if self.rebuilding:
            return
        generation = self._store_generation

        def run() -> None:
            with self._mutex:
                try:
                    self._refresh(generation, wait=False)
                except MotcuaError as exc:  # keep serving the old index; /readyz shows it
                    log.warning("index refresh failed", extra={"index": self.kind,
                                                               "error": exc.message})

        self._worker = threading.Thread(target=run, name=f"index-{self.kind}", daemon=True)
        self._worker.start()
