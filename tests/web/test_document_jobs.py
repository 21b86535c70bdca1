"""Uploads as background jobs: 202 and a status to poll, hostile files refused with 422 at once,
the service answering /healthz meanwhile, and replacing a document only when asked."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from motcua._settings import get_settings
from motcua.documents.jobs import jobs_for
from motcua.service.accounts import create_api_key
from motcua.store.db import Database
from motcua.web.app import create_app
from tests._net import free_port
from tests.documents._hostile import HOSTILE, random_text_docx
from tests.web.fake import FakeAssistant, make_client
from tests.web.test_documents import DOC, wait_job

URL = "/api/v1/documents"


@pytest.fixture(autouse=True)
def _stop_consumer(db: Database) -> Iterator[None]:
    yield
    jobs_for(get_settings(), db).stop()


@pytest.fixture
def c(db: Database) -> TestClient:
    client, _ = make_client(db, rate_limit_per_minute=1000, doc_max_paragraphs=100)
    return client


@pytest.fixture
def key(db: Database) -> dict[str, str]:
    return {"X-API-Key": create_api_key(db, name="uploader")}


def _file(name: str, data: bytes) -> dict[str, tuple[str, bytes, str]]:
    return {"file": (name, data, "application/octet-stream")}


def test_upload_job_queued_then_done(c: TestClient, key: dict[str, str]) -> None:
    r = c.post(URL, files=_file("nq99.md", DOC.encode()), headers=key)
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["status"] == "queued"
    assert body["status_url"] == f"{URL}/jobs/{body['job_id']}"
    job = wait_job(c, r, key)
    assert job["status"] == "done", job
    assert job["result"]["number"] == "99/NQ-TEST" and job["result"]["passages"] >= 2
    assert isinstance(job["result"]["document_id"], int)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_upload_hostile_file_is_422_at_once(c: TestClient, key: dict[str, str],
                                            case: str) -> None:
    make, fragment = HOSTILE[case]
    name, data = make()
    start = time.perf_counter()
    r = c.post(URL, files=_file(name, data), headers=key)
    assert time.perf_counter() - start < 2
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "file_format" and fragment in error["message"] and error["hint"]


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("empty.md", b"", "tệp rỗng"),
        ("x.exe", b"MZ", "không hỗ trợ loại tệp .exe"),
        ("x.pdf", b"%PDF-1.4 broken", "không đầy đủ"),
    ],
)
def test_upload_bad_file_is_422(c: TestClient, key: dict[str, str], name: str, data: bytes,
                                fragment: str) -> None:
    r = c.post(URL, files=_file(name, data), headers=key)
    assert r.status_code == 422 and fragment in r.json()["error"]["message"]


def test_upload_failure_found_by_the_child_is_a_failed_job(c: TestClient,
                                                           key: dict[str, str]) -> None:
    name, data = random_text_docx(paragraphs=200)  # over doc_max_paragraphs=100 of the client
    job = wait_job(c, c.post(URL, files=_file(name, data), headers=key), key)
    assert job["status"] == "failed"
    assert job["error"]["code"] == "file_format"
    assert "hơn 100 đoạn văn" in job["error"]["message"] and job["error"]["hint"]


def test_job_status_only_for_its_uploader(c: TestClient, db: Database,
                                          key: dict[str, str]) -> None:
    r = c.post(URL, files=_file("nq99.md", DOC.encode()), headers=key)
    url = r.json()["status_url"]
    other = {"X-API-Key": create_api_key(db, name="someone-else")}
    assert c.get(url, headers=other).status_code == 404
    assert c.get(url).status_code == 401
    assert c.get(f"{URL}/jobs/{'0' * 32}", headers=key).status_code == 404
    assert wait_job(c, r, key)["status"] == "done"


def test_upload_same_number_needs_replace(c: TestClient, key: dict[str, str]) -> None:
    assert wait_job(c, c.post(URL, files=_file("nq99.md", DOC.encode()), headers=key),
                    key)["status"] == "done"
    draft = DOC.replace("Hoa Cúc", "Hoa Lan").encode()
    job = wait_job(c, c.post(URL, files=_file("nq99-v2.md", draft), headers=key), key)
    assert job["status"] == "failed" and job["error"]["code"] == "conflict"
    assert "99/NQ-TEST" in job["error"]["message"] and "replace=true" in job["error"]["hint"]
    job = wait_job(c, c.post(URL, params={"replace": "true"},
                             files=_file("nq99-v2.md", draft), headers=key), key)
    assert job["status"] == "done" and len(job["result"]["replaced"]) == 1
    summary = c.get(f"{URL}/99/NQ-TEST/summary", headers=key).json()
    assert summary["filename"] == "nq99-v2.md"


def test_healthz_answers_during_hostile_uploads(db: Database, key: dict[str, str]) -> None:
    """A real server: hostile uploads (and one real import job) while /healthz is polled."""
    settings = get_settings().model_copy(update={"rate_limit_per_minute": 1000})
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, FakeAssistant(), db=db),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    while not server.started:
        time.sleep(0.02)
    statuses: list[int] = []

    def upload_all() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for make, _ in HOSTILE.values():
                name, data = make()
                statuses.append(client.post(URL, files=_file(name, data), headers=key)
                                .status_code)
            r = client.post(URL, files=_file("nq99.md", DOC.encode()), headers=key)
            url = r.json()["status_url"]
            while client.get(url, headers=key).json()["status"] not in {"done", "failed"}:
                time.sleep(0.05)

    uploader = threading.Thread(target=upload_all)
    latencies: list[float] = []
    try:
        with httpx.Client(base_url=base, timeout=5) as probe:
            uploader.start()
            while uploader.is_alive():
                start = time.perf_counter()
                assert probe.get("/healthz").status_code == 200
                latencies.append(time.perf_counter() - start)
                time.sleep(0.02)
        uploader.join()
    finally:
        server.should_exit = True
        thread.join(10)
    assert statuses == [422] * len(HOSTILE)
    assert latencies and max(latencies) < 1.0, max(latencies)
