"""The documents read routes (search, ask, summary): officials only, stored documents only,
escaped snippets, and one clean 404 for every ref that is not a stored id or number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from motcua.documents.service import DocumentService
from motcua.service.accounts import create_api_key, create_user
from motcua.store.db import Database
from tests.web.fake import FakeAssistant
from tests.web.test_documents import DOC

Client = tuple[TestClient, FakeAssistant]
PASSWORD = "mat-khau-du-dai"
HOSTILE_CLAUSE = "2. Giao <script>alert(1)</script> <b>Hoa Mai</b> & \"tổ\" thực hiện."


@pytest.fixture
def c(client: Client, db: Database) -> TestClient:
    """The app's client over ``db`` holding the test resolution plus a clause with markup."""
    head = "Điều 2. Hiệu lực thi hành"
    text = DOC.replace(head, f"{HOSTILE_CLAUSE}\n\n{head}")
    result = DocumentService(db).import_file(text.encode(), "nq99.md")
    assert result.status == "imported", result
    return TestClient(client[0].app, raise_server_exceptions=False)


@pytest.fixture
def key(db: Database) -> dict[str, str]:
    return {"X-API-Key": create_api_key(db, name="reader")}


READS: list[tuple[str, str, dict[str, Any]]] = [
    ("GET", "/api/v1/documents/search", {"params": {"q": "Hoa Mai"}}),
    ("POST", "/api/v1/documents/ask", {"json": {"question": "Thị trấn Hoa Mai nhập vào xã nào?"}}),
    ("GET", "/api/v1/documents/99/NQ-TEST/summary", {}),
    ("GET", "/api/v1/documents/1/summary", {}),
]


@pytest.mark.parametrize(("method", "url", "kwargs"), READS)
@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "mc_wrong"}, {"X-API-Key": ""},
                                     {"Cookie": "motcua_session=forged.value"}],
                         ids=["anonymous", "wrong-key", "empty-key", "forged-cookie"])
def test_documents_read_without_official_is_401(c: TestClient, method: str, url: str,
                                                kwargs: dict[str, Any],
                                                headers: dict[str, str]) -> None:
    r = c.request(method, url, headers=headers, **kwargs)
    assert r.status_code == 401, r.text
    error = r.json()["error"]
    assert error["code"] == "unauthorized" and "X-API-Key" in error["hint"]
    if "X-API-Key" not in headers or not headers["X-API-Key"]:
        # a wrong key is refused earlier, by the rate limiter (web/limits.py), in its words
        assert "cần đăng nhập hoặc khóa API" in error["message"]
    assert "Hoa" not in r.text  # nothing of the documents


@pytest.mark.parametrize(("method", "url", "kwargs"), READS)
def test_documents_read_with_key_or_console_session(c: TestClient, db: Database,
                                                    key: dict[str, str], method: str, url: str,
                                                    kwargs: dict[str, Any]) -> None:
    assert c.request(method, url, headers=key, **kwargs).status_code == 200
    create_user(db, username="canbo.docs", password=PASSWORD, role="admin")
    login = c.post("/console/login", data={"username": "canbo.docs", "password": PASSWORD},
                   follow_redirects=False)
    assert login.status_code == 303
    r = c.request(method, url, **kwargs)
    assert r.status_code == 200, r.text
    assert "Hoa" in r.text


def test_documents_search_snippet_escapes_document_markup(c: TestClient,
                                                          key: dict[str, str]) -> None:
    items = c.get("/api/v1/documents/search", params={"q": "alert Hoa Mai tổ"},
                  headers=key).json()["items"]
    hit = next(h for h in items if "alert" in h["text"])
    assert "<script" not in hit["snippet"] and "<b>" not in hit["snippet"]
    assert "&lt;script&gt;" in hit["snippet"] and "<mark>" in hit["snippet"]
    assert hit["text"] == HOSTILE_CLAUSE  # the plain text stays as written (JSON, not HTML)


@pytest.mark.parametrize("ref", [
    "%C2%B3", "%C2%B2", "%D9%A3", "%EF%BC%91", "99999999999999999999999", "0", "-1",
    "%00", "1%00", "%ED%A0%80", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd",
    "..%5C..%5Cwindows", "C:%5CWindows%5Cwin.ini", "%2Fetc%2Fpasswd", "/etc/passwd",
    "etc/passwd", "x" * 300, "1" * 5000, "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "99/NQ-TEST%00", "99/NQ-TEST/../1",
])
def test_documents_summary_bad_ref_is_clean_404(c: TestClient, key: dict[str, str],
                                                ref: str) -> None:
    r = c.get(f"/api/v1/documents/{ref}/summary", headers=key)
    assert r.status_code in (404, 422), r.text
    error = r.json()["error"]
    assert set(error) >= {"code", "message", "hint"} and error["hint"]
    assert "passwd" not in r.text and "<script" not in r.text and "windows" not in r.text


def test_documents_summary_server_file_is_as_unknown_as_a_missing_one(
        c: TestClient, key: dict[str, str], tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(DOC.replace("99/NQ-TEST", "77/NQ-SECRET"), "utf-8")
    answers = [c.get(f"/api/v1/documents/{p}/summary", headers=key)
               for p in (secret, tmp_path / "absent.md")]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].json() == answers[1].json()
    assert "SECRET" not in answers[0].text and str(tmp_path) not in answers[0].text


@pytest.mark.parametrize("ref", ["99/NQ-TEST", "1"])
def test_documents_summary_by_number_or_id(c: TestClient, key: dict[str, str], ref: str) -> None:
    r = c.get(f"/api/v1/documents/{ref}/summary", params={"length": "long"}, headers=key)
    assert r.status_code == 200, r.text
    assert r.json()["number"] == "99/NQ-TEST"
