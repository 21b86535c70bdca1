"""Failed-login counters in the store, shared by every Database instance on one store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from motcua.service import throttle
from motcua.store.db import open_database

POLICY = throttle.LoginPolicy(account_failures=5, address_failures=20,
                              window=timedelta(minutes=15), lockout=timedelta(minutes=15))


@pytest.fixture
def dbs(database_url: str):
    """Two separate Database objects (as two workers have) on the same store."""
    a, b = open_database(database_url), open_database(database_url)
    yield a, b
    a.dispose()
    b.dispose()


@pytest.mark.parametrize(("address", "key"), [
    ("10.1.2.3", "addr:10.1.2.3"),
    ("2001:db8:1:2:3:4:5:6", "addr:2001:db8:1:2::/64"),
    ("2001:db8:1:2:ffff::1", "addr:2001:db8:1:2::/64"),  # same /64: one subscriber
    ("::ffff:10.1.2.3", "addr:10.1.2.3"),
    ("testclient", "addr:testclient"),
    ("x" * 100, "addr:" + "x" * 64),
])
def test_throttle_address_key(address: str, key: str) -> None:
    assert throttle.address_key(address) == key


def test_throttle_account_locks_after_limit_across_instances(dbs) -> None:
    a, b = dbs
    limits = {"acct:k": 5}
    now = datetime.now(UTC)
    for i in range(4):
        assert throttle.record_failure(a if i % 2 else b, limits, POLICY, now=now) is False
    assert throttle.locked_for(a, ["acct:k"], now=now) == 0
    assert throttle.record_failure(b, limits, POLICY, now=now) is True
    assert throttle.locked_for(a, ["acct:k", "addr:x"], now=now) == pytest.approx(900, abs=1)
    later = now + timedelta(minutes=16)
    assert throttle.locked_for(b, ["acct:k"], now=later) == 0
    assert throttle.record_failure(a, limits, POLICY, now=later) is False  # counts afresh


def test_throttle_window_forgets_old_failures(dbs) -> None:
    a, _ = dbs
    start = datetime.now(UTC) - timedelta(hours=1)
    for _ in range(4):
        throttle.record_failure(a, {"acct:k": 5}, POLICY, now=start)
    assert throttle.record_failure(a, {"acct:k": 5}, POLICY,
                                   now=start + timedelta(minutes=20)) is False


def test_throttle_clear_forgets_account(dbs) -> None:
    a, b = dbs
    for _ in range(4):
        throttle.record_failure(a, {"acct:k": 5, "addr:1.2.3.4": 20}, POLICY)
    throttle.clear(b, "acct:k")
    assert throttle.record_failure(a, {"acct:k": 5}, POLICY) is False
