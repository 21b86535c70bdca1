"""Failed-login counters in the store: per account and per client address.

Why in the database rather than in each worker's memory: with ``--workers N`` (or several
machines) an in-memory bucket gives an attacker N times the tries, and a restart forgets them.
Every worker reads and writes the same rows, so 5 wrong passwords lock an account everywhere.

Why the account key is a keyed hash of what was typed, not a user id: an unknown username
must lock exactly like a real one, or the lockout message would tell who has an account; and
what was typed may be a password typed into the wrong field, so it is never stored in clear
(the key is an HMAC with the server's secret, which a copy of the database does not give).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from motcua.service._tx import write_session
from motcua.store.db import Database
from motcua.store.service import LoginThrottle

__all__ = ["LoginPolicy", "address_key", "clear", "locked_for", "record_failure"]


@dataclass(frozen=True)
class LoginPolicy:
    """``account_failures`` wrong passwords for one username, or ``address_failures`` from
    one address, within ``window`` lock that key for ``lockout``."""

    account_failures: int = 5
    address_failures: int = 20
    window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=15)


def address_key(address: str) -> str:
    """The throttling key of a client address; an IPv6 client counts by its /64 (one
    subscriber's whole prefix), anything unparsable as itself."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return "addr:" + address.strip()[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"addr:{ip.ipv4_mapped}"
        return f"addr:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"addr:{ip}"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def locked_for(db: Database, keys: list[str], now: datetime | None = None) -> float:
    """Seconds until every key in ``keys`` is unlocked; 0 when none is locked."""
    now = now or datetime.now(UTC)
    with db.session() as s:
        until = s.scalars(select(LoginThrottle.locked_until)
                          .where(LoginThrottle.key.in_(keys),
                                 LoginThrottle.locked_until.is_not(None))).all()
    waits = [(_aware(u) - now).total_seconds() for u in until if u is not None]
    return max([0.0, *waits])


def _ensure_row(s: Session, key: str, now: datetime) -> None:
    """Insert the counter row unless it exists; concurrent workers never collide."""
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    s.execute(insert(LoginThrottle).values(key=key, failures=0, window_start=now,
                                           locked_until=None)
              .on_conflict_do_nothing(index_elements=["key"]))


def record_failure(db: Database, limits: dict[str, int], policy: LoginPolicy,
                   now: datetime | None = None) -> bool:
    """Count one failed login against each key (``{key: its limit}``); True when a key is
    now locked. Rows are locked for update, so concurrent failures are all counted."""
    now = now or datetime.now(UTC)
    locked = False
    with write_session(db) as s:
        s.execute(delete(LoginThrottle).where(
            LoginThrottle.window_start < now - policy.window - policy.lockout,
            or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until < now)))
        for key in sorted(limits):  # one order everywhere: no deadlock between workers
            _ensure_row(s, key, now)
            row = s.scalars(select(LoginThrottle).where(LoginThrottle.key == key)
                            .with_for_update()).one()
            if row.locked_until is not None and _aware(row.locked_until) <= now:
                row.locked_until = None
                row.failures, row.window_start = 0, now
            if _aware(row.window_start) + policy.window < now:
                row.failures, row.window_start = 0, now
            row.failures += 1
            if row.failures >= limits[key]:
                row.locked_until = now + policy.lockout
                locked = True
    return locked


def clear(db: Database, key: str) -> None:
    """Forget an account's failures after a right password."""
    with write_session(db) as s:
        s.execute(delete(LoginThrottle).where(LoginThrottle.key == key))
