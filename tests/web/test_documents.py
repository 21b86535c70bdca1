"""The documents routes: upload (a background job) needs an official or an API key; search,
ask and summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from motcua._settings import get_settings
from motcua.documents.jobs import jobs_for
from motcua.service.accounts import create_api_key
from motcua.store.db import Database
from tests.web.fake import FakeAssistant

DOC = """# NGHỊ QUYẾT
Số: 99/NQ-TEST

Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Mẫu

Điều 1. Sắp xếp đơn vị hành chính

1. Sắp xếp toàn bộ diện tích tự nhiên và quy mô dân số của thị trấn Hoa Mai và xã Cúc Vàng \
thành xã mới có tên gọi là xã Hoa Cúc.

Điều 2. Hiệu lực thi hành

Nghị quyết này có hiệu lực từ ngày 01 tháng 7 năm 2025.
"""

Client = tuple[TestClient, FakeAssistant]


@pytest.fixture(autouse=True)
def _stop_consumer(db: Database) -> Iterator[None]:
    """The first upload starts this database's job consumer thread; stop it after the test."""
    yield
    jobs_for(get_settings(), db).stop()


def wait_job(c: TestClient, accepted: Any, headers: dict[str, str],
             timeout: float = 30) -> dict[str, Any]:
    """Poll the job of a 202 answer until it is done or failed."""
    assert accepted.status_code == 202, accepted.text
    url = accepted.json()["status_url"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = c.get(url, headers=headers).json()
        if body["status"] in {"done", "failed"}:
            return body
        time.sleep(0.05)
    raise AssertionError(f"job not finished in {timeout} s: {body}")


def _upload(c: TestClient, headers: dict[str, str] | None = None):
    return c.post("/api/v1/documents", files={"file": ("nq99.md", DOC.encode(), "text/markdown")},
                  headers=headers or {})


def test_documents_upload_without_login_or_key_is_401(client: Client) -> None:
    c, _ = client
    r = _upload(c)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"


def test_documents_upload_search_ask_summary(client: Client, db: Database) -> None:
    c, _ = client
    key = create_api_key(db, name="test")
    r = _upload(c, {"X-API-Key": key})
    assert r.status_code == 202, r.text  # was 201 with the import done inside the request
    job = wait_job(c, r, {"X-API-Key": key})
    assert job["status"] == "done" and job["result"]["number"] == "99/NQ-TEST"
    # reading needs the key too (it was anonymous before issue 11)
    hits = c.get("/api/v1/documents/search", params={"q": "thi tran Hoa Mai"},
                 headers={"X-API-Key": key}).json()["items"]
    assert hits and "99/NQ-TEST" in str(hits[0])
    ans = c.post("/api/v1/documents/ask", headers={"X-API-Key": key},
                 json={"question": "Thị trấn Hoa Mai được sắp xếp thành xã nào?"}).json()
    assert ans["status"] == "answer" and "Hoa Cúc" in str(ans)
    summary = c.get("/api/v1/documents/99/NQ-TEST/summary", headers={"X-API-Key": key})
    assert summary.status_code == 200, summary.text


@pytest.mark.parametrize(("path", "params"), [
    ("/api/v1/documents/search", {"q": ""}),
    ("/api/v1/documents/search", {"q": "x", "limit": "0"}),
    ("/api/v1/documents/99/NQ-TEST/summary", {"length": "huge"}),
])
def test_documents_bad_query_is_422(client: Client, db: Database, path: str,
                                    params: dict[str, str]) -> None:
    c, _ = client
    key = create_api_key(db, name="bad-query")  # anonymous is 401 before any validation
    assert c.get(path, params=params, headers={"X-API-Key": key}).status_code == 422


def test_documents_broken_pdf_is_rejected_clearly(client: Client, db: Database) -> None:
    c, _ = client
    key = create_api_key(db, name="test2")
    broken = {"file": ("x.pdf", b"%PDF-1.4 broken", "application/pdf")}
    r = c.post("/api/v1/documents", files=broken, headers={"X-API-Key": key})
    assert r.status_code == 422
    assert r.json()["error"]["message"]
