"""Console sessions end to end: forged, tampered, expired, revoked and replayed cookies;
lockout per account and per address (not bypassed by a spoofed X-Forwarded-For, shared by
two apps on one store); cookie flags; no secret in logs or the audit log."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from motcua.service.accounts import create_api_key, create_user, list_audit, set_active
from motcua.service.sessions import open_session
from motcua.store.db import Database, open_database
from motcua.web.sessions import COOKIE, SessionSigner
from tests.web.fake import make_client

PASSWORD = "mat-khau-du-dai"
PUBLIC_SECRET = "dev-insecure-secret-change-me"  # the first release's default (_settings.py)
LOCKED = "Đăng nhập tạm thời bị khóa vì sai quá nhiều lần"
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


def _app(db: Database, **config: object):
    return make_client(db, rate_limit_per_minute=100_000, **config)[0].app


def _client(app, address: str = "203.0.113.10", **kwargs: object) -> TestClient:
    return TestClient(app, follow_redirects=False, raise_server_exceptions=False,
                      client=(address, 50000), **kwargs)


def _login(c: TestClient, username: str, password: str = PASSWORD, **kwargs: object):
    return c.post("/console/login", data={"username": username, "password": password},
                  **kwargs)


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no csrf token in the page"
    return match.group(1)


def _old_format_cookie(secret: str, user_id: int) -> str:
    """A cookie of the first release's stateless format (``user.time.mac``)."""
    key = hashlib.sha256(("motcua-session:" + secret).encode()).digest()
    payload = f"{user_id}.{int(time.time())}"
    mac = base64.urlsafe_b64encode(hmac.new(key, payload.encode(), hashlib.sha256).digest())
    return f"{payload}.{mac.decode().rstrip('=')}"


@pytest.fixture
def world(db: Database):
    admin = create_user(db, username="tinh", password=PASSWORD, role="admin")
    app = _app(db)
    citizen = _client(app, "198.51.100.1")
    r = citizen.post("/api/v1/ask", json={"question": "khai sinh", "commune": "06187"})
    cid = r.headers["X-Conversation-Id"]
    citizen.post("/api/v1/handover", json={"conversation_id": cid})
    return app, admin, cid


def _bad_cookies(db: Database, app, admin) -> dict[str, str]:
    signer: SessionSigner = app.state.service.signer
    live = _client(app)
    assert _login(live, "tinh").status_code == 303
    good = live.cookies[COOKIE]
    token, mac = good.split(".")
    logged_out = _client(app)
    _login(logged_out, "tinh")
    revoked = logged_out.cookies[COOKIE]
    page = logged_out.get("/console")
    assert logged_out.post("/console/logout", data={"csrf": _csrf(page.text)}).status_code == 303
    expired = signer.sign(open_session(db, admin.id, hours=8,
                                       now=datetime.now(UTC) - timedelta(hours=9)))
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    return {
        "old-format-public-secret": _old_format_cookie(PUBLIC_SECRET, admin.id),
        "old-format-real-secret": _old_format_cookie(
            app.state.service.settings.session_secret(), admin.id),
        "new-format-public-secret": SessionSigner(PUBLIC_SECRET, max_age_seconds=1).sign(token),
        "tampered-token": f"{flipped}.{mac}",
        "tampered-mac": f"{token}.{mac[::-1]}",
        "no-mac": token,
        "unknown-token": signer.sign("Z" * 43),
        "expired": expired,
        "revoked-replayed": revoked,
        "user-id-only": str(admin.id),
        "non-ascii": "phiên-đăng-nhập.é",
        "long": "A" * 5000,
        "dots": "1.2.3.4",
        "empty": "",
    }


def test_sessions_forged_cookies_read_nothing(db: Database, world) -> None:
    app, admin, cid = world
    attempts = reads = 0
    for name, cookie in _bad_cookies(db, app, admin).items():
        c = _client(app)
        headers = {"cookie": f"{COOKIE}={cookie}".encode()}
        for method, url, data in [("GET", "/console", None), ("GET", f"/console/c/{cid}", None),
                                  ("GET", "/console/analytics.json", None),
                                  ("GET", "/console/audit", None),
                                  ("GET", "/console/password", None),
                                  ("POST", f"/console/c/{cid}/reply",
                                   {"text": "x", "csrf": "x"}),
                                  ("POST", "/console/password",
                                   {"current": PASSWORD, "new": "y" * 12, "confirm": "y" * 12,
                                    "csrf": "é"}),
                                  ("POST", "/console/logout", {"csrf": "é"})]:
            r = c.request(method, url, headers=headers, data=data)
            attempts += 1
            assert r.status_code in (303, 400), f"{name} {method} {url}: {r.status_code}"
            if r.status_code == 303:
                assert r.headers["location"] == "/console/login", name
            reads += "khai sinh" in r.text or "tinh" in r.text
        r = c.get("/api/v1/documents/search", params={"q": "x"}, headers=headers)
        attempts += 1
        assert r.status_code in (401, 404), f"{name}: {r.status_code}"  # 404: room absent
    assert reads == 0 and attempts > 100
    live = _client(app)  # the real login still works: the refusals were about the cookies
    _login(live, "tinh")
    assert live.get(f"/console/c/{cid}").status_code == 200


def test_sessions_logout_then_replayed_cookie_refused(world) -> None:
    app, _, _ = world
    c = _client(app)
    _login(c, "tinh")
    cookie = c.cookies[COOKIE]
    page = c.get("/console")
    assert page.status_code == 200
    c.post("/console/logout", data={"csrf": _csrf(page.text)})
    replay = _client(app)
    replay.cookies.set(COOKIE, cookie)
    assert replay.get("/console").status_code == 303


def test_sessions_deactivation_ends_live_session(db: Database, world) -> None:
    app, _, _ = world
    c = _client(app)
    _login(c, "tinh")
    assert c.get("/console").status_code == 200
    set_active(db, "tinh", False)
    assert c.get("/console").status_code == 303
    assert _login(c, "tinh").status_code == 401


def test_sessions_password_change_in_console(db: Database, world) -> None:
    app, _, _ = world
    other, me = _client(app), _client(app)
    _login(other, "tinh")
    _login(me, "tinh")
    form = me.get("/console/password")
    assert form.status_code == 200 and "Mật khẩu hiện tại" in form.text
    csrf = _csrf(form.text)
    cases = [({"current": "sai-mat-khau", "new": "mat-khau-moi-1", "confirm": "mat-khau-moi-1"},
              400, "không đúng"),
             ({"current": PASSWORD, "new": "mat-khau-moi-1", "confirm": "mat-khau-moi-2"},
              400, "không khớp"),
             ({"current": PASSWORD, "new": "ngan", "confirm": "ngan"}, 400, "ngắn hơn 10"),
             ({"current": PASSWORD, "new": PASSWORD, "confirm": PASSWORD}, 400, "trùng")]
    for data, status, words in cases:
        r = me.post("/console/password", data={**data, "csrf": csrf})
        assert (r.status_code, words in r.text) == (status, True), r.text[-500:]
    assert me.post("/console/password", data={"current": PASSWORD, "new": "mat-khau-moi-1",
                                              "confirm": "mat-khau-moi-1"}).status_code == 400
    r = me.post("/console/password", data={"current": PASSWORD, "new": "mat-khau-moi-1",
                                           "confirm": "mat-khau-moi-1", "csrf": csrf})
    assert r.status_code == 200 and "Đã đổi mật khẩu" in r.text
    assert me.get("/console").status_code == 200  # this browser got a new session
    assert other.get("/console").status_code == 303  # every other one ended
    assert _login(_client(app), "tinh").status_code == 401
    assert _login(_client(app), "tinh", "mat-khau-moi-1").status_code == 303


@pytest.mark.parametrize("username", ["tinh", "khong.ton.tai"])
def test_sessions_lockout_same_for_real_and_unknown_user(world, username: str) -> None:
    app, _, _ = world
    c = _client(app)
    for _ in range(5):
        r = _login(c, username, "sai-mat-khau-roi")
        assert r.status_code == 401 and WRONG in r.text
    r = _login(c, username, PASSWORD)  # even the right password: locked
    assert r.status_code == 429 and LOCKED in r.text and "15 phút" in r.text
    assert username not in r.text
    other = _client(app, "203.0.113.99")  # the lock is the account's, from any address
    assert _login(other, username, PASSWORD).status_code == 429


def test_sessions_right_password_resets_account_count(world) -> None:
    app, _, _ = world
    c = _client(app)
    for _ in range(4):
        _login(c, "tinh", "sai-mat-khau-roi")
    assert _login(c, "tinh").status_code == 303
    for _ in range(4):
        assert _login(c, "tinh", "sai-mat-khau-roi").status_code == 401
    assert _login(c, "tinh").status_code == 303


def test_sessions_spoofed_forwarded_for_does_not_bypass_address_limit(world) -> None:
    app, _, _ = world
    c = _client(app, "203.0.113.20")
    for i in range(20):  # a new username and a new "address" every time
        r = _login(c, f"doan.{i}", "x", headers={"X-Forwarded-For": f"10.9.{i}.1"})
        assert r.status_code == 401
    r = _login(c, "tinh", PASSWORD, headers={"X-Forwarded-For": "10.9.99.1"})
    assert r.status_code == 429 and LOCKED in r.text
    assert _login(_client(app, "203.0.113.21"), "tinh").status_code == 303  # another peer


def test_sessions_trusted_proxy_forwarded_for_is_the_address(db: Database) -> None:
    create_user(db, username="tinh", password=PASSWORD, role="admin")
    app = _app(db, trusted_proxies="10.0.0.2")
    proxy = _client(app, "10.0.0.2")
    for i in range(20):
        _login(proxy, f"doan.{i}", "x", headers={"X-Forwarded-For": "198.51.100.50"})
    assert _login(proxy, "tinh", headers={"X-Forwarded-For": "198.51.100.50"}
                  ).status_code == 429
    assert _login(proxy, "tinh", headers={"X-Forwarded-For": "198.51.100.51"}
                  ).status_code == 303
    entry = next(e for e in list_audit(db) if e["action"] == "login")
    assert entry["detail"] == {"address": "198.51.100.51"}


def test_sessions_two_apps_on_one_store_share_counters(database_url: str) -> None:
    """Two Database objects and two apps, as two workers have: one set of counters."""
    one, two = open_database(database_url), open_database(database_url)
    try:
        create_user(one, username="tinh", password=PASSWORD, role="admin")
        apps = [_app(one), _app(two)]
        for i in range(5):  # the account's 5 failures, split between the workers
            assert _login(_client(apps[i % 2]), "tinh", "sai-mat-khau-roi").status_code == 401
        assert [_login(_client(a), "tinh").status_code for a in apps] == [429, 429]
        for i in range(20):  # one address's 20 failures (new usernames), split likewise
            r = _login(_client(apps[i % 2], "203.0.113.78"), f"doan.{i}", "x")
            assert r.status_code == 401
        assert [_login(_client(a, "203.0.113.78"), "khac", "x").status_code
                for a in apps] == [429, 429]
    finally:
        one.dispose()
        two.dispose()


@pytest.mark.parametrize(("env", "base_url", "peer", "proto", "secure"), [
    ("development", "http://testserver", "203.0.113.10", None, False),
    ("development", "https://testserver", "203.0.113.10", None, True),
    ("production", "http://testserver", "203.0.113.10", None, True),
    ("development", "http://testserver", "10.0.0.2", "https", True),      # trusted proxy
    ("development", "http://testserver", "203.0.113.10", "https", False),  # spoofed proto
])
def test_sessions_cookie_flags(db: Database, env: str, base_url: str, peer: str,
                               proto: str | None, secure: bool) -> None:
    create_user(db, username="tinh", password=PASSWORD, role="admin")
    app = _app(db, env=env, trusted_proxies="10.0.0.2")
    c = _client(app, peer, base_url=base_url)
    headers = {"X-Forwarded-Proto": proto} if proto else {}
    r = _login(c, "tinh", headers=headers)
    assert r.status_code == 303
    flags = r.headers["set-cookie"].lower()
    assert "httponly" in flags and "samesite=lax" in flags and "path=/" in flags
    assert ("secure" in flags.replace("samesite", "")) is secure, flags


def test_sessions_no_secret_in_logs_or_audit(db: Database, world,
                                             caplog: pytest.LogCaptureFixture) -> None:
    app, _, cid = world
    logger = logging.getLogger("motcua")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG)
    try:
        key = create_api_key(db, name="zalo-bot")
        c = _client(app)
        typed = "MatKhauGoNham!2024"  # a password typed into the username field
        _login(c, typed, PASSWORD)
        _login(c, "tinh", "sai-mat-khau-roi")
        _login(c, "tinh")
        cookie = c.cookies[COOKIE]
        page = c.get(f"/console/c/{cid}")
        c.post("/console/password", data={"current": PASSWORD, "new": "mat-khau-moi-1",
                                          "confirm": "mat-khau-moi-1", "csrf": _csrf(page.text)})
        c.get("/api/v1/documents/jobs/1", headers={"X-API-Key": key})
        c.get("/api/v1/communes", headers={"X-API-Key": key + "x"})
        new_cookie = c.cookies[COOKIE]
        c.post("/console/logout", data={"csrf": _csrf(c.get("/console").text)})
    finally:
        logger.removeHandler(caplog.handler)
    secrets = [typed, PASSWORD, "sai-mat-khau-roi", "mat-khau-moi-1", key, cookie,
               cookie.split(".")[0], new_cookie, new_cookie.split(".")[0]]
    logged = caplog.text + repr([r.__dict__ for r in caplog.records])
    audit = repr(list_audit(db))
    for secret in secrets:
        assert secret not in logged and secret not in audit
    assert "unknown user" in audit
