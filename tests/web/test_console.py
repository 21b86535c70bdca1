"""The officials' console: login, scoping by commune, reply, close, CSRF, analytics, audit."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from motcua.service.accounts import create_user
from motcua.store.db import Database
from tests.web.fake import make_client

PASSWORD = "mat-khau-du-dai"


def _login(c: TestClient, username: str, password: str = PASSWORD):
    return c.post("/console/login", data={"username": username, "password": password},
                  follow_redirects=False)


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no csrf token in the page"
    return match.group(1)


@pytest.fixture
def setup(db: Database):
    create_user(db, username="canbo.kylua", password=PASSWORD, role="officer", commune="06187")
    create_user(db, username="canbo.huulung", password=PASSWORD, role="officer",
                commune="06385")
    create_user(db, username="tinh", password=PASSWORD, role="admin")
    citizen, _ = make_client(db, rate_limit_per_minute=1000)
    r = citizen.post("/api/v1/ask", json={"question": "khai sinh <b>gấp</b>", "commune": "06187"})
    cid = r.headers["X-Conversation-Id"]
    citizen.post("/api/v1/handover", json={"conversation_id": cid})
    officer, _ = make_client(db)
    return citizen, officer, cid


def test_console_requires_login(setup) -> None:
    _, officer, cid = setup
    for path in ("/console", f"/console/c/{cid}", "/console/analytics", "/console/audit"):
        r = officer.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/console/login"


@pytest.mark.parametrize(("username", "password"), [
    ("canbo.kylua", "sai-mat-khau-roi"), ("khong.ton.tai", PASSWORD), ("", "")])
def test_console_login_refused(setup, username: str, password: str) -> None:
    _, officer, _ = setup
    r = _login(officer, username, password)
    assert r.status_code in (401, 422)
    assert "motcua_session" not in r.cookies


def test_console_officer_replies_and_citizen_sees_it(setup) -> None:
    citizen, officer, cid = setup
    assert _login(officer, "canbo.kylua").status_code == 303
    inbox = officer.get("/console")
    assert cid in inbox.text
    assert "khai sinh &lt;b&gt;gấp&lt;/b&gt;" in inbox.text  # escaped
    page = officer.get(f"/console/c/{cid}")
    r = officer.post(f"/console/c/{cid}/reply", data={"text": "Mời anh đến quầy số 1",
                                                       "csrf": _csrf(page.text)},
                     follow_redirects=False)
    assert r.status_code == 303
    polled = citizen.get(f"/api/v1/conversations/{cid}/messages").json()
    assert polled["messages"][-1] == {**polled["messages"][-1], "role": "officer",
                                      "text": "Mời anh đến quầy số 1"}
    close = officer.post(f"/console/c/{cid}/close", data={"csrf": _csrf(page.text)},
                         follow_redirects=False)
    assert close.status_code == 303
    assert cid not in officer.get("/console").text
    assert cid in officer.get("/console", params={"status": "closed"}).text


def test_console_reply_without_csrf_refused(setup) -> None:
    _, officer, cid = setup
    _login(officer, "canbo.kylua")
    r = officer.post(f"/console/c/{cid}/reply", data={"text": "x", "csrf": "forged"})
    assert r.status_code == 400
    assert "Không thực hiện được" in r.text


def test_console_officer_of_other_commune_sees_nothing(setup) -> None:
    _, officer, cid = setup
    _login(officer, "canbo.huulung")
    assert cid not in officer.get("/console").text
    assert officer.get(f"/console/c/{cid}").status_code == 404
    assert officer.get("/console/audit").status_code == 403


def test_console_officer_of_other_commune_cannot_act_on_it(setup) -> None:
    """IDOR: every console route that takes a conversation id answers another commune's
    officer as if it did not exist, and changes nothing."""
    citizen, officer, cid = setup
    _login(officer, "canbo.huulung")
    csrf = _csrf(officer.get("/console").text)
    attempts = [("GET", f"/console/c/{cid}", None),
                ("POST", f"/console/c/{cid}/reply", {"text": "Tin giả mạo", "csrf": csrf}),
                ("POST", f"/console/c/{cid}/close", {"csrf": csrf})]
    for method, url, data in attempts:
        r = officer.request(method, url, data=data, follow_redirects=False)
        assert r.status_code == 404, (method, url, r.status_code)
        assert "khai sinh" not in r.text
    polled = citizen.get(f"/api/v1/conversations/{cid}/messages").json()
    assert all(m["role"] != "officer" for m in polled["messages"])
    assert polled["handover"] == "waiting"
    assert officer.get("/console/analytics.json").json()["questions"] == 0
    assert cid not in officer.get("/console", params={"status": "closed"}).text


def test_console_admin_sees_all_analytics_and_audit(setup) -> None:
    _, officer, cid = setup
    _login(officer, "tinh")
    assert cid in officer.get("/console").text
    data = officer.get("/console/analytics.json").json()
    assert data["questions"] == 1 and data["top_procedures"] == [{"code": "1.001193",
                                                                  "count": 1}]
    assert "Thống kê" in officer.get("/console/analytics").text
    audit = officer.get("/console/audit").text
    assert "user.create" in audit and "login" in audit


def test_console_logout_clears_session(setup) -> None:
    _, officer, _ = setup
    _login(officer, "canbo.kylua")
    page = officer.get("/console")
    r = officer.post("/console/logout", data={"csrf": _csrf(page.text)}, follow_redirects=False)
    assert r.status_code == 303
    officer.cookies.clear()
    assert officer.get("/console", follow_redirects=False).status_code == 303


def test_console_tampered_cookie_refused(setup) -> None:
    _, officer, _ = setup
    _login(officer, "canbo.kylua")
    token = officer.cookies.get("motcua_session")
    officer.cookies.clear()
    officer.cookies.set("motcua_session", token.replace(token.split(".")[0], "3", 1))
    assert officer.get("/console", follow_redirects=False).status_code == 303
