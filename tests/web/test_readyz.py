"""``/readyz`` tells the truth about the indexes, and a running server follows the store."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from filelock import FileLock

from motcua._settings import Settings, get_settings
from motcua.catalog.bootstrap import import_catalog
from motcua.catalog.indexing import ProcedureRepository
from motcua.catalog.sample import write_sample
from motcua.store import generation, index_versions, open_database
from motcua.store.db import Database
from motcua.web.app import create_app
from tests.catalog.test_crash import write_catalog


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("MOTCUA_INDEX_CHECK_SECONDS", "0")
    get_settings.cache_clear()
    return get_settings()


@pytest.fixture
def db(settings: Settings, tmp_path: Path) -> Database:
    database = open_database(settings.db_url)
    write_sample(tmp_path / "sample")
    import_catalog(settings, [tmp_path / "sample"], db=database)
    return database


def _ready(client: TestClient, *, fresh: bool = True, timeout: float = 20) -> dict:
    """/readyz once the procedure index is (or is not) fresh: the reload runs in a thread."""
    deadline = time.monotonic() + timeout
    while True:
        body = client.get("/readyz").json()
        if body["indexes"]["procedures"].get("fresh") is fresh or time.monotonic() > deadline:
            return body
        time.sleep(0.05)


def test_readyz_reports_served_generation_and_fresh(settings: Settings, db: Database) -> None:
    client = TestClient(create_app(settings, db=db))
    r = client.get("/readyz")
    assert r.status_code == 200
    body = r.json()
    assert body["checks"] == {"database": "ok", "index": "ok"}
    procedures = body["indexes"]["procedures"]
    store = generation.read(db.engine, generation.CATALOG)
    latest = index_versions.latest(db.engine, "procedures")
    assert latest is not None and latest.generation == store and latest.count == 39
    assert procedures == {"state": "fresh", "fresh": True, "generation": store,
                          "store_generation": store, "count": 39, "rebuilding": False,
                          "version": latest.version, "latest_version": latest.version}
    assert body["indexes"]["documents"] == {"state": "empty", "fresh": True}


def test_running_server_serves_the_next_import(settings: Settings, db: Database,
                                               tmp_path: Path) -> None:
    client = TestClient(create_app(settings, db=db))
    assert client.get("/readyz").status_code == 200
    write_catalog(tmp_path / "more", edition=1)
    import_catalog(settings, [tmp_path / "more"], db=open_database(settings.db_url))
    client.get("/api/v1/procedures", params={"q": "khai sinh"})  # notices, reloads aside
    body = _ready(client)
    assert body["indexes"]["procedures"]["count"] == ProcedureRepository(db).count() > 39
    found = client.get("/api/v1/procedures", params={"q": "bản 1, số 7", "limit": 1}).json()
    assert found["items"][0]["name"].endswith("(bản 1, số 7)")


def test_server_rebuilds_an_index_left_stale_by_a_killed_import(settings: Settings,
                                                                db: Database) -> None:
    client = TestClient(create_app(settings, db=db))
    assert _ready(client)["status"] == "ready"
    with db.session() as s:  # a committed change whose import died before the rebuild
        generation.bump(s, generation.CATALOG)
    body = _ready(client)
    assert body["status"] == "ready"
    assert body["indexes"]["procedures"]["generation"] == generation.read(db.engine,
                                                                          generation.CATALOG)


@pytest.mark.parametrize("damage", ["truncate", "garble", "manifest", "remove"])
def test_corrupt_index_is_rebuilt_on_load(settings: Settings, db: Database,
                                          damage: str) -> None:
    _damage(settings.index_dir / "procedures", damage)
    client = TestClient(create_app(settings, db=db))
    r = client.get("/readyz")
    assert r.status_code == 200, r.text
    assert r.json()["indexes"]["procedures"]["state"] == "fresh"


def test_corrupt_index_while_another_rebuild_holds_the_lock_is_not_ready(
        settings: Settings, db: Database) -> None:
    folder = settings.index_dir / "procedures"
    _damage(folder, "truncate")
    other = FileLock(folder.with_name(".procedures.lock"))  # another process rebuilding
    other.acquire()
    try:
        client = TestClient(create_app(settings, db=db))
        r = client.get("/readyz")
        assert r.status_code == 503
        assert r.headers["content-type"].startswith("application/json")
        body = r.json()
        assert body["status"] == "not_ready"
        assert body["indexes"]["procedures"]["state"] == "unavailable"
        assert "đang được xây dựng lại" in body["checks"]["index"]
        assert str(settings.home) not in r.text and "/tmp" not in r.text
        ask = client.post("/api/v1/ask", json={"question": "khai sinh"})
        assert ask.status_code == 503 and "Traceback" not in ask.text
    finally:
        other.release()
    assert client.get("/readyz").status_code == 200


def _damage(folder: Path, how: str) -> None:
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    victim = folder / "name" / "postings.npy"
    assert victim.relative_to(folder).as_posix() in manifest["files"]
    if how == "truncate":
        victim.write_bytes(victim.read_bytes()[:40])
    elif how == "garble":
        data = bytearray(victim.read_bytes())
        data[-8:] = b"\xff" * 8
        victim.write_bytes(bytes(data))
    elif how == "manifest":
        (folder / "manifest.json").write_text("{not json", "utf-8")
    else:
        (folder / "procedures.json").unlink()
