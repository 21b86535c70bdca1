"""Sample and official records never share a store, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from motcua._errors import Conflict
from motcua._settings import get_settings
from motcua.catalog.bootstrap import ensure_sample, import_catalog
from motcua.catalog.importer import CatalogImporter
from motcua.catalog.indexing import ProcedureRepository, build_index, index_path, search_doc
from motcua.catalog.manage import catalog_counts
from motcua.catalog.model import ParsedProcedure
from motcua.catalog.parse import parse_record
from motcua.catalog.sample import is_sample_code, write_sample
from motcua.search.procedures import ProcedureIndex
from motcua.store import Procedure, ProcedureVersion, open_database
from motcua.store import generation as gen
from motcua.store.db import Database
from tests.catalog.official import official_records, write_official


@pytest.fixture
def db(database_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MOTCUA_DATABASE_URL", database_url)
    get_settings.cache_clear()
    database = open_database(database_url)
    yield database
    database.dispose()


def _codes(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(Procedure.code)))


def _sample_versions(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ProcedureVersion)
                            .where(ProcedureVersion.code.like("MAU.%"))) or 0)


def test_importer_official_import_retires_every_sample_record(db: Database,
                                                             tmp_path: Path) -> None:
    write_sample(tmp_path / "mau")
    CatalogImporter(db).run([tmp_path / "mau"])
    # an edited sample record leaves an old version behind: it must go too
    path = next((tmp_path / "mau").rglob("MAU.0003.json"))
    raw = json.loads(path.read_text("utf-8"))
    raw["ten_thu_tuc"] += " (bản sửa thử)"
    path.write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    CatalogImporter(db).run([tmp_path / "mau"])
    with db.session() as s:
        sample_rows = catalog_counts(s).sample
        before = gen.current(s, gen.CATALOG)
    assert sample_rows >= 30 and _sample_versions(db) == 1

    report = CatalogImporter(db).run([write_official(tmp_path / "chinh-thuc", 5)])
    assert report.imported == 5 and report.retired == sample_rows
    assert report.to_dict()["retired_sample"] == sample_rows
    codes = _codes(db)
    assert len(codes) == 5 and not any(is_sample_code(c) for c in codes)
    assert _sample_versions(db) == 0
    with db.session() as s:
        assert gen.current(s, gen.CATALOG) > before
        assert catalog_counts(s).state == "official"


def test_importer_sample_into_official_home_is_refused(db: Database, tmp_path: Path) -> None:
    CatalogImporter(db).run([write_official(tmp_path / "chinh-thuc", 4)])
    write_sample(tmp_path / "mau")
    with pytest.raises(Conflict, match="không được trộn lẫn") as exc:
        CatalogImporter(db).run([tmp_path / "mau"])
    assert exc.value.status_code == 409 and "motcua catalog remove" in (exc.value.hint or "")
    assert len(_codes(db)) == 4  # nothing of the sample was written


@pytest.mark.parametrize("official_first", [True, False])
def test_importer_mixed_input_keeps_only_official(db: Database, tmp_path: Path,
                                                  official_first: bool) -> None:
    """Sample files beside official ones in one import (either order): no sample remains."""
    folder = tmp_path / "lan-lon"
    write_official(folder, 3, folder="a-chinh-thuc" if official_first else "z-chinh-thuc")
    write_sample(folder / "m-mau")
    report = CatalogImporter(db).run([folder])
    codes = _codes(db)
    assert len(codes) == 3 and not any(is_sample_code(c) for c in codes)
    if official_first:
        assert any("dữ liệu mẫu" in why for _, why in report.skipped)


def test_import_catalog_rebuilds_index_without_sample(db: Database, tmp_path: Path) -> None:
    settings = get_settings()
    ensure_sample(settings, db=db)
    index = ProcedureIndex.load(index_path(settings.index_dir))
    assert index.docs and all(is_sample_code(d.code) for d in index.docs)
    import_catalog(settings, [write_official(tmp_path / "chinh-thuc", 12)], db=db)
    index = ProcedureIndex.load(index_path(settings.index_dir))
    assert len(index.docs) == 12 and not any(is_sample_code(d.code) for d in index.docs)
    hits = index.search("đăng ký tạm trú", 10)
    assert hits and not any(is_sample_code(h.doc_id) for h in hits)


def test_ensure_sample_leaves_official_home_alone(db: Database, tmp_path: Path) -> None:
    settings = get_settings()
    import_catalog(settings, [write_official(tmp_path / "chinh-thuc", 4)], db=db)
    assert ensure_sample(settings, db=db) is None
    assert len(_codes(db)) == 4


def test_ensure_sample_heals_a_home_holding_both(db: Database) -> None:
    """A data home filled before the importer retired the sample (both kinds committed)."""
    settings = get_settings()
    ensure_sample(settings, db=db)
    with db.session() as s:  # what the old importer left behind
        for raw in official_records(2):
            parsed = parse_record(raw, source="cu")
            s.add(Procedure(code=parsed.code, name=parsed.name, levels="xa", field=parsed.field,
                            version=1, content_hash="h", source="cu", data=parsed.to_dict(),
                            raw=raw))
    with db.session() as s:
        assert catalog_counts(s).state == "mixed"
    assert ensure_sample(settings, db=db) is None
    codes = _codes(db)
    assert len(codes) == 2 and not any(is_sample_code(c) for c in codes)
    index = ProcedureIndex.load(index_path(settings.index_dir))
    assert {d.code for d in index.docs} == codes


def test_ensure_sample_seeds_empty_store_once(db: Database) -> None:
    settings = get_settings()
    first = ensure_sample(settings, db=db)
    assert first is not None and first.imported >= 30
    assert ensure_sample(settings, db=db) is None
    assert ProcedureRepository(db).count() == first.imported


def test_build_index_after_retire_matches_store(db: Database, tmp_path: Path) -> None:
    write_sample(tmp_path / "mau")
    CatalogImporter(db).run([tmp_path / "mau"])
    CatalogImporter(db).run([write_official(tmp_path / "chinh-thuc", 6)])
    index = build_index(db)
    with db.session() as s:
        stored = [ParsedProcedure.from_dict(d) for d in s.scalars(select(Procedure.data))]
    assert {d.code for d in index.docs} == {search_doc(p).code for p in stored}
