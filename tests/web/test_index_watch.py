"""A worker follows the store: a catalog imported through another data home (another
machine) and new national names are served without a restart or a request; on PostgreSQL a
NOTIFY brings them long before the poll would."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from motcua._settings import get_settings
from motcua.answer.assistant import Assistant
from motcua.catalog.bootstrap import import_catalog
from motcua.catalog.national import import_national_index
from motcua.catalog.sample import write_sample
from motcua.store import index_versions, open_database
from motcua.web.app import create_app
from motcua.web.index_watch import IndexWatcher, application_name
from motcua.web.state import ServiceState
from tests.catalog.test_crash import write_catalog


def _until(check: Callable[[], bool], seconds: float) -> float:
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < seconds, f"not within {seconds} s"
        time.sleep(0.02)
    return time.monotonic() - start


def _national(path: Path) -> Path:
    path.write_text(json.dumps([{
        "ma_so": "2.000620", "ten": "Cấp Giấy phép bán lẻ rượu", "co_quan_ban_hanh": "Bộ Công "
        "thương", "co_quan_thuc_hien": "Phòng Kinh tế", "linh_vuc": "Lưu thông hàng hóa",
        "url": "https://dichvucong.gov.vn/p/home/x.html"}], ensure_ascii=False), "utf-8")
    return path


def _national_names(state: ServiceState) -> int:
    assistant = state.assistant
    assert isinstance(assistant, Assistant)
    return len(assistant.national or ())


def test_index_watch_serves_another_homes_import_and_new_national_names(
        database_url: str, tmp_path: Path,
        record_property: Callable[[str, object], None]) -> None:
    pg = database_url.startswith("postgresql")
    settings = get_settings()
    db = open_database(database_url)
    write_sample(tmp_path / "sample")
    import_catalog(settings, [tmp_path / "sample"], db=db)
    state: ServiceState = create_app(settings, db=db).state.service
    # PostgreSQL: a poll far beyond the wait below, so only the NOTIFY can explain a pickup.
    watcher = IndexWatcher(state, poll_seconds=60 if pg else 0.2)
    watcher.start()
    try:
        _until(lambda: state._served is not None, 20)
        before = state.assistant

        def swapped() -> bool:  # read without state.assistant: a request would check too
            served = state._served
            return served is not None and served[2] is not before
        other = settings.model_copy(update={"home": tmp_path / "builder"})
        write_catalog(tmp_path / "more", edition=1)
        import_catalog(other, [tmp_path / "more"], db=open_database(database_url))
        took = _until(swapped, 15)
        latest = index_versions.latest(db.engine, "procedures")
        status = state.procedure_index().status()
        assert latest is not None and status.version == latest.version and status.count == 500
        assert took < 10
        record_property("served_after_import_seconds", round(took, 2))

        assert _national_names(state) == 0
        import_national_index(db, _national(tmp_path / "national.json"))  # no restart
        _until(lambda: _national_names(state) == 1, 10)
    finally:
        watcher.stop()
        db.dispose()


def test_index_watch_keeps_polling_when_the_store_fails(tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    """No catalog and no sample: each check fails with a clear warning, the thread goes on."""
    settings = get_settings().model_copy(update={"sample_fallback": False})
    state: ServiceState = create_app(settings).state.service
    watcher = IndexWatcher(state, poll_seconds=0.05)
    watcher.start()
    try:
        _until(lambda: watcher.checks >= 3, 10)
    finally:
        watcher.stop()
    assert any(r.message == "index check failed" for r in caplog.records)


def test_index_watch_waits_for_an_import_running_elsewhere(database_url: str,
                                                           tmp_path: Path) -> None:
    """A batch committed by an import on another machine is not served alone: the rebuild
    waits for the import's end (the store's import lock), requests keep the old index."""
    from motcua.store import generation
    from motcua.store.import_lock import catalog_import

    settings = get_settings()
    db = open_database(database_url)
    write_sample(tmp_path / "sample")
    import_catalog(settings, [tmp_path / "sample"], db=db)
    state: ServiceState = create_app(settings, db=db).state.service
    state.follow_store()
    before = state.assistant
    import threading

    follower = threading.Thread(target=state.follow_store)
    with catalog_import(db):
        with db.session() as s:  # one batch of the import committed
            generation.bump(s, generation.CATALOG)
        follower.start()
        follower.join(1.0)
        assert follower.is_alive(), "rebuilt while the import was still running"
        assert state.assistant is before
    follower.join(20)
    assert not follower.is_alive() and state.assistant is not before
    assert state.procedure_index().status().freshness == "fresh"
    db.dispose()


@pytest.mark.postgres
def test_index_watch_listen_connection_killed_reconnects(database_url: str,
                                                         tmp_path: Path) -> None:
    """NOTIFY is best-effort: the listening connection killed by the server (a restart, a
    proxy timeout) is noticed, checked at once, reopened, and the next NOTIFY still arrives."""
    if not database_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    from sqlalchemy import text as sql

    settings = get_settings()
    db = open_database(database_url)
    write_sample(tmp_path / "sample")
    import_catalog(settings, [tmp_path / "sample"], db=db)
    state: ServiceState = create_app(settings, db=db).state.service
    watcher = IndexWatcher(state, poll_seconds=60)  # only the NOTIFY can bring the import
    watcher.start()
    try:
        _until(lambda: state._served is not None and watcher.checks >= 1, 20)

        def listeners() -> list[int]:
            with db.engine.connect() as conn:
                return [int(pid) for (pid,) in conn.execute(sql(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = :name"),
                    {"name": application_name()})]

        _until(lambda: bool(listeners()), 10)
        killed = listeners()
        with db.engine.connect() as conn:
            for pid in killed:
                conn.execute(sql("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        _until(lambda: bool(set(listeners()) - set(killed)), 15)  # listening again
        before = state._served
        other = settings.model_copy(update={"home": tmp_path / "builder"})
        write_catalog(tmp_path / "more", edition=1)
        import_catalog(other, [tmp_path / "more"], db=open_database(database_url))
        _until(lambda: state._served is not before, 15)
        assert state.procedure_index().status().count == 500
    finally:
        watcher.stop()
        db.dispose()
