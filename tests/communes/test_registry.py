"""Profiles in the database (SQLite and PostgreSQL) and the WhereProvider."""

from __future__ import annotations

import pytest

from motcua.catalog.model import ParsedProcedure
from motcua.communes.profile import sample_profiles
from motcua.communes.registry import ProfileRegistry, load_profiles, save_profiles
from motcua.store.db import open_database

BIRTH = ParsedProcedure(code="1.001193", name="Khai sinh", field="Hộ tịch", levels=["xa"])


@pytest.fixture
def db(database_url: str):
    database = open_database(database_url)
    yield database
    database.dispose()


def test_registry_save_load_replace(db) -> None:
    profiles = sample_profiles()
    assert save_profiles(db, profiles) == len(profiles)
    assert load_profiles(db) == sorted(profiles, key=lambda p: p.code)
    changed = profiles[0].model_copy(update={"hours": "Cả tuần"})
    save_profiles(db, [changed])
    by_code = {p.code: p for p in load_profiles(db)}
    assert by_code[changed.code].hours == "Cả tuần" and len(by_code) == len(profiles)


def test_registry_where_provider(db) -> None:
    save_profiles(db, sample_profiles())
    where = ProfileRegistry(db, province="Lạng Sơn")
    facts = where("Phường Kỳ Lừa, Lạng Sơn", BIRTH)
    assert [f.counter for f in facts if f.counter] == ["1"]
    assert where("06385", BIRTH)[1].text.startswith("Quầy số 1")
    assert where(None, BIRTH) == []
    assert where("Atlantis", BIRTH) == []
    assert where("Xã Mẫu Sơn", BIRTH) == []  # no profile: the assistant falls back


def test_registry_sees_new_import_after_ttl(db) -> None:
    where = ProfileRegistry(db, ttl=0.0, province="Lạng Sơn")
    assert where("06187", BIRTH) == []
    save_profiles(db, sample_profiles())
    assert where("06187", BIRTH)
