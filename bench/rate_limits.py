"""Rate limits: do they hold across workers, are they fair behind one address, what do they cost.

    python -m bench.rate_limits                 # every section; Redis ones skipped if it is down
    python -m bench.rate_limits --only workers  # workers | race | nat | overhead

* workers: ``motcua serve --workers 2`` on one port, and two uvicorn processes on two ports
  sharing one data home (or one Redis), are hammered by 4 clients at once; admitted/limit
  must be <= 1 (per-worker memory storage shown for contrast).
* race: two processes take slots of one key in the SQLite storage as fast as they can;
  exactly the limit must succeed.
* nat: 20 citizens behind one address (each: a first question, 4 follow-ups, 15 polls, all in
  one minute) through the real middleware at the default settings; refused % with today's
  per-person limits and with the former per-address token bucket; then one abuser address
  inventing conversation ids.
* overhead: mean and p99 microseconds the middleware adds to a request, per storage.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from motcua._settings import get_settings
from motcua.store.db import open_database
from motcua.web.limits import RateLimitMiddleware, TokenBucket
from motcua.web.ratelimit import POLL_FACTOR, build_limiter
from tests._net import REDIS_URL, free_port, redis_up, wait_healthy


def _hammer(port: int, n: int) -> list[int]:
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as c:
        return [c.get("/api/v1/communes").status_code for _ in range(n)]


def workers(limit: int = 30) -> list[dict[str, Any]]:
    rows = []
    storages = [("sqlite (limits.db)", {}), ("memory (per worker)",
                                         {"MOTCUA_RATE_LIMIT_STORAGE": "memory"})]
    if redis_up():
        storages.insert(1, ("redis", {"MOTCUA_REDIS_URL": REDIS_URL}))
    for shape in ("serve --workers 2", "2 uvicorn processes"):
        for name, extra in storages:
            with tempfile.TemporaryDirectory() as tmp:
                home = Path(tmp)
                open_database(f"sqlite:///{home / 'motcua.db'}").dispose()
                env = {**os.environ, "MOTCUA_HOME": str(home), "MOTCUA_LOG_LEVEL": "ERROR",
                       "MOTCUA_RATE_LIMIT_PER_MINUTE": str(limit), **extra,
                       "MOTCUA_RATE_LIMIT_NAMESPACE": f"motcua-bench-{secrets.token_hex(4)}"}
                env.pop("MOTCUA_DATABASE_URL", None)
                if shape.startswith("serve"):
                    port = free_port()
                    ports = [port, port]
                    cmds = [[sys.executable, "-c", "from motcua.cli import main; main()",
                             "serve", "--port", str(port), "--workers", "2"]]
                else:
                    ports = [free_port(), free_port()]
                    cmds = [[sys.executable, "-m", "uvicorn", "motcua.web.app:app_from_env",
                             "--factory", "--port", str(p), "--log-level", "error"]
                            for p in ports]
                procs = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL) for c in cmds]
                try:
                    for proc, port in zip(procs, ports, strict=False):
                        wait_healthy(proc, port)
                    time.sleep(1.0)  # serve: let the second worker come up too
                    with ThreadPoolExecutor(4) as pool:
                        runs = list(pool.map(_hammer, ports * 2, [limit] * 4))
                finally:
                    for proc in procs:
                        proc.terminate()
                        proc.wait(timeout=30)
            admitted = sum(r.count(200) for r in runs)
            rows.append({"shape": shape, "storage": name, "sent": 4 * limit,
                         "admitted": admitted, "limit": limit, "ratio": admitted / limit})
    return rows


def _race_child(path: str, n: int, limit: int) -> int:
    from motcua.web.limit_sqlite import SQLiteStorage

    async def run() -> int:
        storage = SQLiteStorage(f"async+sqlite://{path}")
        return sum([await storage.acquire_entry("race", limit, 60) for _ in range(n)])

    return asyncio.run(run())


def race(n: int = 4000, limit: int = 5000) -> dict[str, Any]:
    """Two processes take slots of one key as fast as they can: exactly ``limit`` succeed."""
    import multiprocessing

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "limits.db")
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            t = time.perf_counter()
            got = pool.starmap(_race_child, [(path, n, limit), (path, n, limit)])
            seconds = time.perf_counter() - t
    return {"tries": 2 * n, "limit": limit, "admitted": sum(got), "per_process": got,
            "acquires_per_s": 2 * n / seconds}


async def _ok_app(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


def _middleware(storage: str = "sqlite", **update: Any) -> RateLimitMiddleware:
    settings = get_settings().model_copy(update={"rate_limit_storage": storage, **update})
    return RateLimitMiddleware(
        _ok_app, limiter=build_limiter(settings), per_minute=settings.rate_limit_per_minute,
        address_per_minute=settings.rate_limit_per_address_per_minute,
        anonymous_per_minute=settings.rate_limit_anonymous_per_minute,
        key_per_minute=settings.api_key_rate_limit_per_minute, verify_key=lambda _k: None)


async def _call(mw: Callable[..., Any], address: str, path: str, method: str = "GET",
                conversation: str | None = None) -> int:
    body = b'{"question": "khai sinh"' + (f', "conversation_id": "{conversation}"'.encode()
                                           if conversation else b"") + b"}"
    scope = {"type": "http", "method": method, "path": path, "client": (address, 1),
             "headers": [(b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode())]}
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await mw(scope, receive, send)
    return status


def _citizens(n: int = 20) -> list[tuple[str, str, str | None]]:
    """One minute of n citizens at one address: (method, path, conversation id), interleaved."""
    ids = [secrets.token_hex(16) for _ in range(n)]
    steps: list[tuple[str, str, str | None]] = [("POST", "/api/v1/ask", None) for _ in ids]
    for _ in range(4):
        steps += [("POST", "/api/v1/ask", cid) for cid in ids]
    for _ in range(15):  # one poll every 4 s for a minute
        steps += [("GET", f"/api/v1/conversations/{cid}/messages", cid) for cid in ids]
    return steps


async def nat() -> dict[str, Any]:
    settings = get_settings()
    steps = _citizens()
    mw = _middleware()
    codes = [await _call(mw, "203.0.113.7", path, method, cid) for method, path, cid in steps]
    # The former scheme: one token bucket per address (polls in a 4x bucket), per worker.
    ask = TokenBucket(settings.rate_limit_per_minute)
    poll = TokenBucket(settings.rate_limit_per_minute * POLL_FACTOR)
    old = [(poll if method == "GET" else ask).take("203.0.113.7", now=0.0) > 0
           for method, _path, _cid in steps]
    forged = [await _call(mw, "198.51.100.9", "/api/v1/ask", "POST", secrets.token_hex(16))
              for _ in range(2000)]
    fresh = [await _call(mw, "198.51.100.10", "/api/v1/ask", "POST") for _ in range(200)]
    return {"requests": len(steps), "refused_now": codes.count(429) / len(steps),
            "refused_before": sum(old) / len(steps),
            "per_person": settings.rate_limit_per_minute,
            "ceiling": settings.rate_limit_per_address_per_minute,
            "forged_sent": len(forged), "forged_admitted": forged.count(200),
            "no_id_sent": len(fresh), "no_id_admitted": fresh.count(200)}


async def overhead(n: int = 3000) -> list[dict[str, Any]]:
    rows = []
    kinds = ["none", "memory", "sqlite"] + (["redis"] if redis_up() else [])
    for kind in kinds:
        if kind == "none":
            mw: Callable[..., Any] = _ok_app
        else:
            extra = {"redis_url": REDIS_URL, "rate_limit_namespace":
                     f"motcua-bench-{secrets.token_hex(4)}"} if kind == "redis" else {}
            mw = _middleware(kind, rate_limit_per_minute=10**9,
                             rate_limit_per_address_per_minute=10**9, **extra)
        times = []
        for i in range(n):
            t = time.perf_counter()
            await _call(mw, f"10.{i % 200}.0.1", "/api/v1/ask", "POST", secrets.token_hex(16))
            times.append((time.perf_counter() - t) * 1e6)
        times.sort()
        rows.append({"storage": kind, "mean_us": statistics.fmean(times),
                     "p50_us": times[n // 2], "p99_us": times[int(n * 0.99)]})
    base = rows[0]["mean_us"]
    for row in rows:
        row["added_us"] = row["mean_us"] - base
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["workers", "race", "nat", "overhead"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["MOTCUA_HOME"] = home  # the in-process sections' limits.db
        get_settings.cache_clear()
        if args.only in (None, "workers"):
            print("| shape | storage | sent | admitted/limit |\n|---|---|---|---|")
            for r in workers():
                print(f"| {r['shape']} | {r['storage']} | {r['sent']} | "
                      f"{r['admitted']}/{r['limit']} ({r['ratio']:.2f}) |")
        if args.only in (None, "race"):
            r = race()
            print(f"\nSQLite race, 2 processes on one key: {r['admitted']}/{r['limit']} "
                  f"admitted of {r['tries']} tries (per process {r['per_process']}), "
                  f"{r['acquires_per_s']:.0f} acquires/s")
        if args.only in (None, "nat"):
            r = asyncio.run(nat())
            print(f"\nNAT: 20 citizens, {r['requests']} requests in a minute from one address "
                  f"(per person {r['per_person']}/min, ceiling {r['ceiling']}/min): refused "
                  f"{r['refused_now']:.1%} (per-address token bucket before: "
                  f"{r['refused_before']:.1%})")
            print(f"abuser inventing ids: {r['forged_admitted']}/{r['forged_sent']} admitted; "
                  f"without ids: {r['no_id_admitted']}/{r['no_id_sent']} admitted")
        if args.only in (None, "overhead"):
            print("\n| storage | mean µs | p50 µs | p99 µs | added µs |\n|---|---|---|---|---|")
            for r in asyncio.run(overhead()):
                print(f"| {r['storage']} | {r['mean_us']:.0f} | {r['p50_us']:.0f} | "
                      f"{r['p99_us']:.0f} | {r['added_us']:.0f} |")


if __name__ == "__main__":
    main()
