"""Every status lookup audited, and the lock that stops guessing the second factor.

Why the lock counts rows of the audit table: the audit has to be written anyway, and a count
in the shared database locks a code on every worker and machine at once (an in-memory counter
would give an attacker one budget per worker and forget it on restart). A code is locked when
it had ``max_failures`` failed tries within ``lock``; so is an asker (a conversation) who fails
on many codes, which stops trying one guess on each of a day's sequential codes.

Why digests: the audit says when, where from and how a lookup ended, for the official who
checks abuse, without becoming a list of who asked about which dossier.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import DateTime, Integer, String, delete, func, or_, select
from sqlalchemy.orm import Mapped, mapped_column

from motcua._errors import InputError
from motcua.service._tx import write_session
from motcua.store.db import Database
from motcua.store.models import Base, utcnow

__all__ = ["FAILED", "LockPolicy", "LookupRow", "Outcome", "failures", "locked", "purge",
           "record"]


class Outcome(StrEnum):
    ASKED = "asked"  # a code without its factor: asked for it, nothing shown
    SHOWN = "shown"
    WRONG_FACTOR = "wrong_factor"
    NOT_FOUND = "not_found"
    LOCKED = "locked"  # refused without looking: too many failures
    UNAVAILABLE = "unavailable"  # the source could not answer


FAILED = (Outcome.WRONG_FACTOR, Outcome.NOT_FOUND)


class LookupRow(Base):
    __tablename__ = "dossier_lookups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    channel: Mapped[str] = mapped_column(String(16))
    code_digest: Mapped[str] = mapped_column(String(32))
    asker_digest: Mapped[str | None] = mapped_column(String(32), nullable=True)
    outcome: Mapped[str] = mapped_column(String(16))


@dataclass(frozen=True)
class LockPolicy:
    """``max_failures`` failed tries on one code (or ``asker_failures`` by one asker) within
    ``lock`` refuse further lookups until the oldest of them is older than ``lock``."""

    max_failures: int = 5
    asker_failures: int = 10
    lock: dt.timedelta = dt.timedelta(minutes=15)


def record(db: Database, *, channel: str, code_digest: str, asker_digest: str | None,
           outcome: Outcome, now: dt.datetime | None = None) -> None:
    with write_session(db) as s:
        s.add(LookupRow(at=now or utcnow(), channel=channel, code_digest=code_digest,
                        asker_digest=asker_digest, outcome=outcome.value))


def failures(db: Database, *, code_digest: str, since: dt.datetime) -> int:
    """Failed tries on one code since ``since`` (what the tests and the console count)."""
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(LookupRow).where(
            LookupRow.code_digest == code_digest, LookupRow.at >= since,
            LookupRow.outcome.in_([o.value for o in FAILED]))) or 0)


def locked(db: Database, policy: LockPolicy, *, code_digest: str, asker_digest: str | None,
           now: dt.datetime | None = None) -> bool:
    """True when the code, or the asker, has used up its failed tries."""
    since = (now or utcnow()) - policy.lock
    who = [LookupRow.code_digest == code_digest]
    if asker_digest:
        who.append(LookupRow.asker_digest == asker_digest)
    with db.session() as s:
        rows = s.execute(select(LookupRow.code_digest, LookupRow.asker_digest).where(
            or_(*who), LookupRow.at >= since,
            LookupRow.outcome.in_([o.value for o in FAILED]))).all()
    by_code = sum(1 for c, _ in rows if c == code_digest)
    by_asker = sum(1 for _, a in rows if asker_digest and a == asker_digest)
    return by_code >= policy.max_failures or by_asker >= policy.asker_failures


def purge(db: Database, *, older_than_days: int) -> int:
    """Delete audit rows older than the retention period (the conversations'); returns how
    many. Rows younger than a lock are always kept: they are the lock."""
    if older_than_days < 1:
        raise InputError("thời hạn lưu phải từ 1 ngày", hint="ghi --days 1 trở lên")
    cutoff = utcnow() - dt.timedelta(days=older_than_days)
    with write_session(db) as s:
        result = s.execute(delete(LookupRow).where(LookupRow.at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)
