"""``DocumentJobs`` on SQLite and PostgreSQL with a real Huey consumer thread."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from motcua._errors import FileFormatError, InputError, NotFound
from motcua._settings import get_settings
from motcua.documents.jobs import DocumentJobs, start_job_consumer
from motcua.store.db import open_database
from tests.documents._hostile import blank_pages_pdf
from tests.documents._samples import DECISION


@pytest.fixture
def jobs(database_url: str) -> Iterator[DocumentJobs]:
    db = open_database(database_url)
    stop = start_job_consumer(get_settings(), db)
    from motcua.documents.jobs import jobs_for

    yield jobs_for(get_settings(), db)
    stop()
    db.dispose()


def _wait(jobs: DocumentJobs, job_id: str, owner: str) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        view = jobs.status(job_id, owner)
        if view["status"] in {"done", "failed"}:
            return view
        time.sleep(0.05)
    raise AssertionError("job not finished")


def test_jobs_submit_runs_and_clears_bytes(jobs: DocumentJobs) -> None:
    view = jobs.submit(DECISION.encode(), "qd.txt", "key:a")
    assert view["status"] == "queued"
    done = _wait(jobs, view["job_id"], "key:a")
    assert done["status"] == "done" and done["result"]["number"] == "12/QĐ-UBND"
    from motcua.store.jobs import DocumentJobRow

    with jobs.db.session() as session:
        assert session.get(DocumentJobRow, view["job_id"]).data is None  # type: ignore[union-attr]
    again = _wait(jobs, jobs.submit(DECISION.encode(), "copy.txt", "key:a")["job_id"], "key:a")
    assert again["result"]["status"] == "unchanged"


def test_jobs_status_of_another_owner_is_not_found(jobs: DocumentJobs) -> None:
    view = jobs.submit(DECISION.encode(), "qd.txt", "user:1")
    with pytest.raises(NotFound):
        jobs.status(view["job_id"], "user:2")
    _wait(jobs, view["job_id"], "user:1")


@pytest.mark.parametrize(
    ("data", "filename", "error"),
    [
        (DECISION.encode(), "", InputError),
        (b"", "a.txt", FileFormatError),
        (b"x", "a.zip", FileFormatError),
        (blank_pages_pdf()[1], "blank.pdf", FileFormatError),
    ],
)
def test_jobs_submit_refuses_before_queueing(jobs: DocumentJobs, data: bytes, filename: str,
                                             error: type[Exception]) -> None:
    with pytest.raises(error):
        jobs.submit(data, filename, "key:a")
    from motcua.store.jobs import DocumentJobRow

    with jobs.db.session() as session:
        assert session.query(DocumentJobRow).count() == 0


def test_jobs_running_past_every_limit_reads_interrupted(jobs: DocumentJobs) -> None:
    """A job whose worker died mid-import (a restart) is reported, not left "running"."""
    from datetime import UTC, datetime, timedelta

    from motcua.store.jobs import DocumentJobRow

    old = datetime.now(UTC) - timedelta(hours=2)
    with jobs.db.session() as session:
        session.add(DocumentJobRow(id="a" * 32, owner="key:a", filename="x.pdf",
                                   status="running", replace=False, data=b"x",
                                   created_at=old, updated_at=old))
    view = jobs.status("a" * 32, "key:a")
    assert view["status"] == "failed" and view["error"]["code"] == "interrupted"
    assert view["error"]["hint"]
