"""Per-person limits with a per-address ceiling, the 429 shape, and Redis (real, on loopback)."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from motcua._errors import ConfigError
from motcua._settings import get_settings
from motcua.store.db import Database
from motcua.web.limit_sqlite import SQLiteStorage
from motcua.web.ratelimit import Limiter, build_limiter, person_key
from tests._net import REDIS_URL, redis_up
from tests.web.fake import make_client

CID = "0123456789abcdef0123456789abcdef"


needs_redis = pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379 (start "
                                 "redis-server to test the shared Redis path)")


@pytest.fixture
def motcua_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    logger = logging.getLogger("motcua")  # may not propagate once configure_logging() ran
    attach = not logger.propagate
    if attach:
        logger.addHandler(caplog.handler)
    caplog.set_level(logging.WARNING)
    yield caplog
    if attach:
        logger.removeHandler(caplog.handler)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ask(c: TestClient, address: str, conversation: str | None = None) -> Any:
    body = {"question": "khai sinh", **({"conversation_id": conversation} if conversation
                                        else {})}
    return c.post("/api/v1/ask", json=body, headers={"X-Forwarded-For": address})


def test_ratelimit_nat_twenty_citizens_are_served(db: Database) -> None:
    """20 conversations behind one address: each within its own limit, all within the ceiling."""
    c, _ = make_client(db, rate_limit_per_minute=5, rate_limit_anonymous_per_minute=40,
                       rate_limit_per_address_per_minute=150, trusted_proxies="testclient")
    codes: list[int] = []
    for _ in range(20):
        first = _ask(c, "203.0.113.7")
        codes.append(first.status_code)
        cid = first.headers["X-Conversation-Id"]
        codes += [_ask(c, "203.0.113.7", cid).status_code for _ in range(4)]
        codes += [c.get(f"/api/v1/conversations/{cid}/messages",
                        headers={"X-Forwarded-For": "203.0.113.7"}).status_code
                  for _ in range(3)]
    refused = codes.count(429) / len(codes)
    assert refused == 0, f"{refused:.0%} of {len(codes)} refused"
    assert set(codes) == {200}


def test_ratelimit_abuser_stopped_per_conversation_and_at_the_ceiling(db: Database) -> None:
    c, _ = make_client(db, rate_limit_per_minute=5, rate_limit_anonymous_per_minute=8,
                       rate_limit_per_address_per_minute=30, trusted_proxies="testclient")
    cid = _ask(c, "198.51.100.9").headers["X-Conversation-Id"]
    same = [_ask(c, "198.51.100.9", cid).status_code for _ in range(10)]
    assert same == [200] * 5 + [429] * 5
    fresh = [_ask(c, "198.51.100.9").status_code for _ in range(10)]  # no id: one budget
    assert fresh.count(200) == 7  # 8 for the address, one spent above
    forged = [_ask(c, "198.51.100.9", secrets.token_hex(16)).status_code for _ in range(60)]
    admitted = [code for code in forged if code != 429]
    assert set(admitted) == {404}  # invented ids reach only "unknown conversation"
    assert len(admitted) + 5 + 1 + 7 <= 30  # never beyond the address's ceiling
    assert len(admitted) == 30 - 5 - 1 - 7
    neighbour = _ask(c, "198.51.100.10")  # another address is untouched
    assert neighbour.status_code == 200


def test_ratelimit_spoofed_forwarded_for_gets_no_fresh_quota(db: Database) -> None:
    c, _ = make_client(db, rate_limit_per_minute=3)  # the peer is no trusted proxy
    codes = [_ask(c, f"10.0.0.{i}").status_code for i in range(5)]
    assert codes == [200, 200, 200, 429, 429]


def test_ratelimit_trusted_proxy_forwarded_for_is_the_client(db: Database) -> None:
    c, _ = make_client(db, rate_limit_per_minute=2, trusted_proxies="testclient")
    assert [_ask(c, "192.0.2.1").status_code for _ in range(3)] == [200, 200, 429]
    assert _ask(c, "192.0.2.2").status_code == 200


def test_ratelimit_429_is_the_error_shape_in_vietnamese(db: Database) -> None:
    c, _ = make_client(db, rate_limit_per_minute=1)
    c.get("/api/v1/communes")
    r = c.get("/api/v1/communes")
    assert r.status_code == 429
    retry = int(r.headers["Retry-After"])
    assert 1 <= retry <= 60
    error = r.json()["error"]
    assert error["code"] == "rate_limited"
    assert "quá nhiều yêu cầu" in error["message"]
    assert str(retry) in error["hint"] and error["context"] == {"retry_after_seconds": retry}
    assert r.headers["content-type"] == "application/json"


def test_ratelimit_wrong_keys_are_limited_per_address(db: Database) -> None:
    c, _ = make_client(db, rate_limit_per_minute=3)
    codes = [c.get("/api/v1/communes", headers={"X-API-Key": f"mc_{i}"}).status_code
             for i in range(5)]
    assert codes == [401, 401, 401, 429, 429]


def _scope(path: str = "/api/v1/ask", method: str = "POST", body: bytes = b"",
           ctype: bytes = b"application/json", cookie: bytes | None = None) -> dict[str, Any]:
    headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
    if cookie is not None:
        headers.append((b"cookie", cookie))
    return {"type": "http", "method": method, "path": path, "headers": headers}


@pytest.mark.parametrize(("scope", "body", "expected"), [
    (_scope(path=f"/api/v1/conversations/{CID}/messages", method="GET"), b"", f"conv:{CID}"),
    (_scope(path="/api/v1/conversations/xyz/messages", method="GET"), b"", "ip:a"),
    (_scope(), json.dumps({"conversation_id": CID}).encode(), f"conv:{CID}"),
    (_scope(), json.dumps({"conversation_id": CID.upper()}).encode(), "ip:a"),
    (_scope(), json.dumps({"conversation_id": CID + "0"}).encode(), "ip:a"),
    (_scope(), json.dumps({"conversation_id": ["x"]}).encode(), "ip:a"),
    (_scope(), json.dumps([CID]).encode(), "ip:a"),
    (_scope(), b"{not json", "ip:a"),
    (_scope(), b"\xff\xfe", "ip:a"),
    (_scope(), b"[" * 100_000, "ip:a"),  # too large to peek: the address
    (_scope(ctype=b"text/plain"), json.dumps({"conversation_id": CID}).encode(), "ip:a"),
    (_scope(method="GET"), b"", "ip:a"),
    (_scope(cookie=b"motcua_session=good; x=1"), b"", "session:"),
    (_scope(cookie=b"motcua_session=forged"), b"", "ip:a"),
])
def test_person_key_cases(scope: dict[str, Any], body: bytes, expected: str) -> None:
    if body:
        scope["headers"][1] = (b"content-length", str(len(body)).encode())
    sent = [{"type": "http.request", "body": body[:7], "more_body": True},
            {"type": "http.request", "body": body[7:], "more_body": False}]

    async def receive() -> dict[str, Any]:
        return sent.pop(0)

    async def run() -> tuple[str, bytes]:
        replay, key = await person_key(scope, receive, "a",
                                       lambda c: "tok" if c == "good" else None)
        got = b""
        while True:  # the app still reads the whole body, unchanged
            message = await replay()
            got += message.get("body", b"")
            if not message.get("more_body"):
                return key, got

    key, got = asyncio.run(run())
    assert key.startswith(expected) if expected == "session:" else key == expected
    assert got == body


def test_limiter_redis_shared_between_two_apps(db: Database) -> None:
    if not redis_up():
        pytest.skip("no Redis on 127.0.0.1:6379 (start redis-server to test the Redis path)")
    config = {"redis_url": REDIS_URL, "rate_limit_per_minute": 4,
              "rate_limit_namespace": f"motcua-test-{secrets.token_hex(4)}"}
    one, _ = make_client(db, **config)
    two, _ = make_client(db, **config)  # a second worker: its own process state, same Redis
    with one, two:
        codes = [(one if i % 2 else two).get("/api/v1/communes").status_code
                 for i in range(8)]
    assert codes.count(200) == 4, codes
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = client.keys(f"{config['rate_limit_namespace']}*")
    assert keys, "the counts are in Redis, not in the local fallback"
    client.delete(*keys)


@pytest.mark.parametrize("kind", ["auto", "redis"])
def test_limiter_redis_down_falls_back_to_this_machine(
        db: Database, motcua_log: pytest.LogCaptureFixture, kind: str) -> None:
    """Decision: a Redis outage neither opens nor closes the API; this machine's limits hold."""
    c, _ = make_client(db, redis_url=f"redis://127.0.0.1:{_closed_port()}/0",
                       rate_limit_storage=kind, rate_limit_per_minute=3)
    with c:
        codes = [c.get("/api/v1/communes").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    warnings = [r for r in motcua_log.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1  # once per outage, not once per request


def test_limiter_fails_open_when_no_storage_works(
        tmp_path: Any, motcua_log: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    broken = SQLiteStorage(f"async+sqlite://{blocker / 'limits.db'}", wrap_exceptions=True)
    limiter = Limiter(broken)

    async def run() -> list[float]:
        return [await limiter.hit("k", 1) for _ in range(3)]

    assert asyncio.run(run()) == [0.0, 0.0, 0.0]
    assert any(r.levelno == logging.ERROR and "admitted" in r.getMessage()
               for r in motcua_log.records)


def test_build_limiter_redis_needs_url() -> None:
    settings = get_settings().model_copy(update={"rate_limit_storage": "redis",
                                                 "redis_url": None})
    with pytest.raises(ConfigError):
        build_limiter(settings)


@needs_redis
def test_limiter_redis_storage_is_used_when_configured() -> None:
    settings = get_settings().model_copy(update={"redis_url": REDIS_URL})
    assert build_limiter(settings).kind == "RedisStorage"
    assert build_limiter(get_settings()).kind == "SQLiteStorage"
