"""Fixtures shared by every room's tests."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from motcua._settings import get_settings


def shared_dir() -> Path:
    env = os.environ.get("MOTCUA_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The real shared data folder; tests that use it skip with a reason when it is absent."""
    path = shared_dir()
    if not (path / "data").is_dir():
        pytest.skip(f"shared data not found at {path} (set MOTCUA_SHARED to its folder)")
    return path


@pytest.fixture(scope="session")
def real_assistant(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The assistant over the real national catalog, imported once for the whole run into a
    home of its own (~6 s); tests that use it skip when the shared data is absent."""
    from motcua.answer.assistant import load_assistant
    from motcua.catalog.bootstrap import import_catalog

    home = tmp_path_factory.mktemp("realhome")
    old = os.environ.get("MOTCUA_HOME")
    os.environ["MOTCUA_HOME"] = str(home)
    get_settings.cache_clear()
    try:
        settings = get_settings()
        report = import_catalog(settings, [shared / "data/catalog/dichvucong-2026"])
        assert report.imported > 2500 and not report.malformed
        yield load_assistant(settings)
    finally:
        if old is None:
            os.environ.pop("MOTCUA_HOME", None)
        else:
            os.environ["MOTCUA_HOME"] = old
        get_settings.cache_clear()


@pytest.fixture(autouse=True)
def _motcua_logger() -> Iterator[None]:
    """Undo ``configure_logging`` after a test that ran a CLI command: its JSON handler holds the
    stderr that pytest captured for that test (closed afterwards) and it stops propagation, so
    later tests' ``caplog`` would see nothing and every record would raise 'closed file'."""
    logger = logging.getLogger("motcua")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own data home and never touches the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOTCUA_HOME", str(home))
    monkeypatch.delenv("MOTCUA_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


PG_URL = os.environ.get("MOTCUA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "not available here"
        return False


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database on SQLite and on PostgreSQL (its own schema, dropped after)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL not reachable at {PG_URL} in CI")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
