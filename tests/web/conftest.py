"""Fixtures of the web tests: a fresh database with the sample profiles and a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from motcua.communes.profile import sample_profiles
from motcua.communes.registry import save_profiles
from motcua.store.db import Database, open_database
from tests.web.fake import FakeAssistant, make_client


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'web.db'}")
    save_profiles(database, sample_profiles())
    yield database
    database.dispose()


@pytest.fixture
def client(db: Database) -> tuple[TestClient, FakeAssistant]:
    return make_client(db, rate_limit_per_minute=1000)
