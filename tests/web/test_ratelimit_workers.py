"""Two real server processes on one data home (or one Redis) admit no more than the limit."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from motcua.store.db import open_database
from tests._net import REDIS_URL, free_port, redis_up, wait_healthy

LIMIT = 10
NAMESPACE = f"motcua-test-{secrets.token_hex(4)}"


@pytest.fixture
def two_workers(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[list[int]]:
    """Two uvicorn processes of the app, each its own worker, one data home between them."""
    home = tmp_path / "home"
    home.mkdir()
    open_database(f"sqlite:///{home / 'motcua.db'}").dispose()  # migrated once, before both
    env = {**os.environ, "MOTCUA_HOME": str(home), "MOTCUA_RATE_LIMIT_PER_MINUTE": str(LIMIT),
           "MOTCUA_LOG_LEVEL": "ERROR", **request.param}
    ports = [free_port(), free_port()]
    procs = [subprocess.Popen([sys.executable, "-m", "uvicorn", "motcua.web.app:app_from_env",
                               "--factory", "--host", "127.0.0.1", "--port", str(port),
                               "--log-level", "error", "--no-proxy-headers"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for port in ports]
    try:
        for proc, port in zip(procs, ports, strict=True):
            wait_healthy(proc, port)
        yield ports
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def _hammer(port: int, n: int) -> list[int]:
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as c:
        return [c.get("/api/v1/communes").status_code for _ in range(n)]


def _storages() -> list[object]:
    redis = {"MOTCUA_REDIS_URL": REDIS_URL,
             "MOTCUA_RATE_LIMIT_NAMESPACE": f"motcua-test-{secrets.token_hex(4)}"}
    return [pytest.param({}, id="sqlite"),
            pytest.param(redis, id="redis", marks=pytest.mark.skipif(
                not redis_up(), reason="no Redis on 127.0.0.1:6379 (start redis-server to "
                "test limits shared through Redis)"))]


@pytest.mark.parametrize("two_workers", _storages(), indirect=True)
def test_ratelimit_two_workers_admit_at_most_the_limit(
        two_workers: list[int], record_property: pytest.RecordProperty) -> None:
    # Two clients per worker at once, so the workers race for the last slots.
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(_hammer, two_workers * 2, [LIMIT] * 4))
    codes = [code for run in runs for code in run]
    admitted = codes.count(200)
    record_property("admitted_per_limit", f"{admitted}/{LIMIT}")
    assert set(codes) <= {200, 429}
    assert admitted <= LIMIT, f"admitted {admitted}/{LIMIT} across two workers"
    assert admitted == LIMIT, f"admitted {admitted}/{LIMIT}: a worker refused too early"


@pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379 (start redis-server "
                    "to test limits shared through Redis)")
@pytest.mark.parametrize("two_workers", [{"MOTCUA_REDIS_URL": REDIS_URL,
                                          "MOTCUA_RATE_LIMIT_NAMESPACE": NAMESPACE}],
                         indirect=True)
def test_ratelimit_two_workers_count_in_redis(two_workers: list[int]) -> None:
    """With Redis configured the counts are in Redis (not in the SQLite fallback)."""
    import redis

    codes = _hammer(two_workers[0], 3) + _hammer(two_workers[1], 3)
    assert codes == [200] * 6
    client = redis.Redis.from_url(REDIS_URL)
    keys = client.keys(f"{NAMESPACE}*")
    assert keys
    client.delete(*keys)
