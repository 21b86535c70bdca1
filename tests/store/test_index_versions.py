"""Index versions in the store: each build recorded once, the same hash on every data home,
and on PostgreSQL a NOTIFY delivered on commit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from motcua._settings import get_settings
from motcua.catalog.bootstrap import import_catalog
from motcua.catalog.indexing import build_index, index_path
from motcua.catalog.sample import write_sample
from motcua.search._manifest import read_manifest, version_of
from motcua.store import generation, index_versions, open_database
from motcua.store.index_versions import IndexVersion
from tests.catalog.test_crash import write_catalog


def _rows(db: object) -> int:
    with db.session() as s:  # type: ignore[attr-defined]
        return int(s.scalar(select(func.count()).select_from(IndexVersion)) or 0)


def test_index_versions_each_build_recorded_once(database_url: str, tmp_path: Path) -> None:
    db = open_database(database_url)
    settings = get_settings()
    assert index_versions.latest(db.engine, "procedures") is None
    write_sample(tmp_path / "sample")
    import_catalog(settings, [tmp_path / "sample"], db=db)
    first = index_versions.latest(db.engine, "procedures")
    manifest = read_manifest(index_path(settings.index_dir))
    assert first is not None and manifest is not None
    assert first.version == version_of(manifest) and len(first.version) == 64
    assert (first.generation, first.count) == (manifest.generation, 39)
    assert first.generation == generation.read(db.engine, generation.CATALOG)
    assert first.built_at and ":" in first.builder

    build_index(db, index_path(settings.index_dir))  # same rows, same hash: nothing new
    assert _rows(db) == 1
    write_catalog(tmp_path / "more", edition=1)
    import_catalog(settings, [tmp_path / "more"], db=db)
    second = index_versions.latest(db.engine, "procedures")
    assert second is not None and second.version != first.version
    assert second.generation > first.generation
    assert second.count == 500  # an official catalog retires the sample
    assert _rows(db) == 2
    db.dispose()


def test_index_versions_same_rows_same_hash_on_another_data_home(database_url: str,
                                                                 tmp_path: Path) -> None:
    """A worker with an empty data home rebuilds from the store exactly what the builder made."""
    db = open_database(database_url)
    write_sample(tmp_path / "sample")
    import_catalog(get_settings(), [tmp_path / "sample"], db=db)
    built = index_versions.latest(db.engine, "procedures")
    other = tmp_path / "other-home" / "procedures"
    build_index(db, other)
    manifest = read_manifest(other)
    assert built is not None and manifest is not None
    assert version_of(manifest) == built.version
    assert _rows(db) == 1
    db.dispose()


def test_index_versions_notify_on_commit_only(database_url: str, tmp_path: Path) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; SQLite workers poll")
    import psycopg
    from sqlalchemy.engine import make_url

    db = open_database(database_url)
    conninfo = make_url(database_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(conninfo, autocommit=True) as listener:
        listener.execute(f"LISTEN {index_versions.CHANNEL}")
        with pytest.raises(RuntimeError), db.session() as s:  # rolled back: no NOTIFY
            index_versions.notify(s, "procedures")
            raise RuntimeError("build failed")
        assert list(listener.notifies(timeout=0.3)) == []
        start = time.monotonic()
        assert index_versions.record(db, "procedures", "a" * 64, 7, 3)
        notes = list(listener.notifies(timeout=5, stop_after=1))
        assert [n.payload for n in notes] == ["procedures"]
        assert time.monotonic() - start < 2
        assert not index_versions.record(db, "procedures", "a" * 64, 7, 3)  # already there
        assert list(listener.notifies(timeout=0.3)) == []
    db.dispose()
