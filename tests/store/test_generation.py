"""Store generations: committed changes raise them, and every database upgrades to one head."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, delete, text, update

from motcua.store import Procedure, generation, open_database
from motcua.store.db import _MIGRATIONS, _head_revisions
from motcua.store.documents import DocumentRow


def _procedure(code: str) -> Procedure:
    return Procedure(code=code, name="x", levels="xa", field="", version=1, content_hash="h",
                     source="", data={}, raw={})


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def test_migrations_have_one_head() -> None:
    heads = ScriptDirectory.from_config(_config()).get_heads()
    assert len(heads) == 1, f"the migration chain branches: heads {heads}"
    assert _head_revisions() == set(heads)


def test_fresh_database_starts_every_generation_at_one(database_url: str) -> None:
    db = open_database(database_url)
    with db.engine.connect() as conn:
        versions = {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    assert versions == _head_revisions()
    assert generation.read(db.engine, generation.CATALOG) == 1
    assert generation.read(db.engine, generation.DOCUMENTS) == 1
    db.dispose()


@pytest.mark.parametrize("reached", [
    ("0003_service", "0005_document_jobs"),  # the last release: two branches
    ("0002_documents", "0003_service"),  # before document jobs
    ("0001_catalog",),  # the first release
])
def test_existing_database_upgrades_to_the_head(database_url: str,
                                                reached: tuple[str, ...]) -> None:
    engine = create_engine(database_url)
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        for rev in reached:
            command.upgrade(cfg, rev)
    engine.dispose()
    db = open_database(database_url)
    assert db.at_heads()
    with db.session() as s:
        s.add(_procedure("X.1"))
    assert generation.read(db.engine, generation.CATALOG) == 2
    db.dispose()


def test_orm_changes_raise_only_their_room(database_url: str) -> None:
    db = open_database(database_url)
    with db.session() as s:
        s.add_all([_procedure("X.1"), _procedure("X.2")])
    assert generation.read(db.engine, generation.CATALOG) == 2
    with db.session() as s:
        s.get(Procedure, "X.1").name = "y"  # type: ignore[union-attr]
    assert generation.read(db.engine, generation.CATALOG) == 3
    with db.session() as s:  # read only, and a value set to what it was: no change
        row = s.get(Procedure, "X.1")
        assert row is not None
        row.name = "y"
    assert generation.read(db.engine, generation.CATALOG) == 3
    assert generation.read(db.engine, generation.DOCUMENTS) == 1
    db.dispose()


def test_rolled_back_change_leaves_generation(database_url: str) -> None:
    db = open_database(database_url)
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(_procedure("X.1"))
        s.flush()
        raise RuntimeError("boom")
    assert generation.read(db.engine, generation.CATALOG) == 1
    db.dispose()


def test_bulk_statements_raise_generation(database_url: str) -> None:
    db = open_database(database_url)
    with db.session() as s:
        s.add(_procedure("X.1"))
    with db.session() as s:
        s.execute(update(Procedure).where(Procedure.code == "X.1").values(name="z"))
    assert generation.read(db.engine, generation.CATALOG) == 3
    with db.session() as s:
        s.execute(delete(Procedure))
        s.execute(delete(DocumentRow))
    assert generation.read(db.engine, generation.CATALOG) == 4
    assert generation.read(db.engine, generation.DOCUMENTS) == 2
    db.dispose()


def test_missing_counter_row_is_created(database_url: str) -> None:
    db = open_database(database_url)
    with db.session() as s:
        s.execute(text("DELETE FROM store_generations"))
    assert generation.read(db.engine, generation.CATALOG) == 0
    with db.session() as s:
        s.add(_procedure("X.1"))
    assert generation.read(db.engine, generation.CATALOG) == 1
    with db.session() as s:
        assert generation.lock(s, generation.CATALOG) == 1
    db.dispose()
