"""Rate limits (429 with Retry-After), API keys and the token bucket."""

from __future__ import annotations

from motcua.service.accounts import create_api_key
from motcua.store.db import Database
from motcua.web.limits import TokenBucket
from tests.web.fake import make_client


def test_token_bucket_refills_over_time() -> None:
    bucket = TokenBucket(60)  # one per second, burst 60
    assert all(bucket.take("a", now=0.0) == 0 for _ in range(60))
    wait = bucket.take("a", now=0.0)
    assert 0.9 < wait <= 1.0
    assert bucket.take("a", now=1.5) == 0
    assert bucket.take("b", now=0.0) == 0  # clients are independent


def test_rate_limit_429_with_retry_after(db: Database) -> None:
    c, _ = make_client(db, rate_limit_per_minute=3)
    codes = [c.post("/api/v1/ask", json={"question": "khai sinh"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = c.post("/api/v1/ask", json={"question": "khai sinh"})
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1
    assert r.json()["error"]["code"] == "rate_limited"
    assert c.get("/").status_code == 200  # the page itself is not limited
    assert c.get("/healthz").status_code == 200


def test_api_key_gets_own_bucket_and_bad_key_is_401(db: Database) -> None:
    key = create_api_key(db, name="zalo-bot")
    c, _ = make_client(db, rate_limit_per_minute=1, api_key_rate_limit_per_minute=100)
    assert c.get("/api/v1/communes").status_code == 200
    assert c.get("/api/v1/communes").status_code == 429
    for _ in range(5):
        assert c.get("/api/v1/communes", headers={"X-API-Key": key}).status_code == 200
    bad = c.get("/api/v1/communes", headers={"X-API-Key": "mc_wrong"})
    assert bad.status_code == 401
    assert bad.json()["error"]["code"] == "unauthorized"


def test_require_api_key(db: Database) -> None:
    key = create_api_key(db, name="portal")
    c, _ = make_client(db, require_api_key=True)
    assert c.get("/api/v1/communes").status_code == 401
    assert c.get("/api/v1/communes", headers={"X-API-Key": key}).status_code == 200
    assert c.get("/healthz").status_code == 200


def test_polling_has_its_own_bucket(db: Database) -> None:
    c, _ = make_client(db, rate_limit_per_minute=2)
    r = c.post("/api/v1/ask", json={"question": "khai sinh"})
    cid = r.headers["X-Conversation-Id"]
    assert c.post("/api/v1/ask", json={"question": "khai sinh"}).status_code == 200
    assert c.post("/api/v1/ask", json={"question": "khai sinh"}).status_code == 429
    codes = [c.get(f"/api/v1/conversations/{cid}/messages").status_code for _ in range(9)]
    assert codes == [200] * 8 + [429]
