"""The SQLite storage behaves as a ``limits`` storage (moving and fixed window)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from limits import RateLimitItemPerSecond
from limits.aio.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter
from limits.storage import storage_from_string

from motcua.web.limit_sqlite import SQLiteStorage


def test_sqlite_storage_registered_with_limits(tmp_path: Path) -> None:
    storage = storage_from_string(f"async+sqlite://{tmp_path / 'l.db'}")
    assert isinstance(storage, SQLiteStorage)
    assert storage.path == tmp_path / "l.db"


def test_sqlite_storage_moving_window_admits_limit_then_frees(tmp_path: Path) -> None:
    async def run() -> tuple[list[bool], list[bool], list[bool], float]:
        limiter = MovingWindowRateLimiter(SQLiteStorage(f"async+sqlite://{tmp_path / 'l.db'}"))
        item = RateLimitItemPerSecond(3)
        first = [await limiter.hit(item, "a") for _ in range(4)]
        other = [await limiter.hit(item, "b") for _ in range(1)]  # keys are independent
        reset = (await limiter.get_window_stats(item, "a")).reset_time - time.time()
        await asyncio.sleep(1.05)
        later = [await limiter.hit(item, "a") for _ in range(4)]
        return first, other, later, reset

    first, other, later, reset = asyncio.run(run())
    assert first == [True, True, True, False]
    assert other == [True]
    assert 0 < reset <= 1
    assert later == [True, True, True, False]  # the window moved on


def test_sqlite_storage_two_instances_share_one_file(tmp_path: Path) -> None:
    async def run() -> list[bool]:
        uri = f"async+sqlite://{tmp_path / 'l.db'}"
        one, two = SQLiteStorage(uri), SQLiteStorage(uri)
        return [await (one if i % 2 else two).acquire_entry("k", 5, 60) for i in range(8)]

    assert asyncio.run(run()) == [True] * 5 + [False] * 3


def test_sqlite_storage_fixed_window_clear_and_reset(tmp_path: Path) -> None:
    async def run() -> tuple[list[bool], int, int, list[bool], int | None]:
        storage = SQLiteStorage(f"async+sqlite://{tmp_path / 'l.db'}")
        limiter = FixedWindowRateLimiter(storage)
        item = RateLimitItemPerSecond(2, 60)
        hits = [await limiter.hit(item, "x") for _ in range(3)]
        count = await storage.get(item.key_for("x"))
        await storage.clear(item.key_for("x"))
        cleared = await storage.get(item.key_for("x"))
        again = [await limiter.hit(item, "x")]
        await storage.acquire_entry("m", 5, 60, amount=2)
        assert await storage.check()
        return hits, count, cleared, again, await storage.reset()

    hits, count, cleared, again, removed = asyncio.run(run())
    assert hits == [True, True, False] and count == 3 and cleared == 0
    assert again == [True]
    assert removed == 3  # one counter and two moving-window entries


def test_sqlite_storage_refuses_amount_over_limit(tmp_path: Path) -> None:
    async def run() -> bool:
        return await SQLiteStorage(f"async+sqlite://{tmp_path / 'l.db'}").acquire_entry(
            "k", 2, 60, amount=3)

    assert asyncio.run(run()) is False
