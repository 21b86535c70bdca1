"""A handover stays with the commune it was handed to when the citizen later picks another
commune: two officers (A and B) through the real console routes, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from motcua.communes.profile import sample_profiles
from motcua.communes.registry import save_profiles
from motcua.service.accounts import create_user
from motcua.store.db import Database, open_database
from tests.web.fake import make_client

PASSWORD = "mat-khau-du-dai"
A, B = "06187", "06385"


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    save_profiles(database, sample_profiles())
    yield database
    database.dispose()


def _officer(db: Database, username: str) -> TestClient:
    client, _ = make_client(db)
    r = client.post("/console/login", data={"username": username, "password": PASSWORD},
                    follow_redirects=False)
    assert r.status_code == 303
    return client


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no csrf token in the page"
    return match.group(1)


@pytest.fixture
def moved(db: Database) -> tuple[TestClient, TestClient, TestClient, str]:
    """Asked and handed over in A, then asked again with B selected."""
    create_user(db, username="canbo.kylua", password=PASSWORD, role="officer", commune=A)
    create_user(db, username="canbo.huulung", password=PASSWORD, role="officer", commune=B)
    citizen, _ = make_client(db, rate_limit_per_minute=1000)
    r = citizen.post("/api/v1/ask", json={"question": "khai sinh cho con", "commune": A})
    cid = r.headers["X-Conversation-Id"]
    assert citizen.post("/api/v1/handover", json={"conversation_id": cid}).status_code == 200
    r = citizen.post("/api/v1/ask", json={"question": "khai sinh ở đâu", "commune": B,
                                          "conversation_id": cid})
    assert r.headers["X-Conversation-Id"] == cid
    return citizen, _officer(db, "canbo.kylua"), _officer(db, "canbo.huulung"), cid


def test_console_handover_after_commune_change_stays_with_first_commune(moved) -> None:
    citizen, officer_a, _, cid = moved
    inbox = officer_a.get("/console").text
    assert cid in inbox and "Kỳ Lừa" in inbox
    page = officer_a.get(f"/console/c/{cid}")
    assert page.status_code == 200 and "Chờ trả lời" in page.text
    r = officer_a.post(f"/console/c/{cid}/reply",
                       data={"text": "Mời chị đến quầy số 1", "csrf": _csrf(page.text)},
                       follow_redirects=False)
    assert r.status_code == 303
    polled = citizen.get(f"/api/v1/conversations/{cid}/messages").json()
    assert polled["handover"] == "answered"
    assert polled["messages"][-1]["text"] == "Mời chị đến quầy số 1"
    close = officer_a.post(f"/console/c/{cid}/close", data={"csrf": _csrf(page.text)},
                           follow_redirects=False)
    assert close.status_code == 303
    assert cid in officer_a.get("/console", params={"status": "closed"}).text


def test_console_handover_after_commune_change_hidden_from_second_commune(moved) -> None:
    citizen, _, officer_b, cid = moved
    assert cid not in officer_b.get("/console").text
    csrf = _csrf(officer_b.get("/console").text)
    for method, url, data in [("GET", f"/console/c/{cid}", None),
                              ("POST", f"/console/c/{cid}/reply", {"text": "x", "csrf": csrf}),
                              ("POST", f"/console/c/{cid}/close", {"csrf": csrf})]:
        r = officer_b.request(method, url, data=data, follow_redirects=False)
        assert r.status_code == 404, (method, url, r.status_code)
    polled = citizen.get(f"/api/v1/conversations/{cid}/messages").json()
    assert polled["handover"] == "waiting"
    assert all(m["role"] != "officer" for m in polled["messages"])


def test_console_second_handover_goes_to_second_commune_too(moved) -> None:
    citizen, officer_a, officer_b, cid = moved
    assert citizen.post("/api/v1/handover", json={"conversation_id": cid}).status_code == 200
    inbox_b = officer_b.get("/console").text
    assert cid in inbox_b and "Hữu Lũng" in inbox_b
    page_b = officer_b.get(f"/console/c/{cid}")
    assert page_b.status_code == 200
    officer_b.post(f"/console/c/{cid}/close", data={"csrf": _csrf(page_b.text)},
                   follow_redirects=False)
    assert cid not in officer_b.get("/console").text
    assert cid in officer_a.get("/console").text  # A's own handover is still waiting
    assert "Chờ trả lời" in officer_a.get(f"/console/c/{cid}").text
