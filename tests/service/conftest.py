"""The service tests' store: a fresh database on SQLite and on PostgreSQL for each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from motcua.store.db import Database, open_database


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.dispose()
