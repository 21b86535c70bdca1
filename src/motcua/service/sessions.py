"""Server-side console sessions: a random token in the cookie, its SHA-256 in the store.

Why a table instead of a stateless signed cookie: a signed cookie stays valid until it
expires, so logging out, deactivating an official or changing a password could not end a
login that someone copied. Here every request looks the token up: logout revokes the row,
deactivation and a new password revoke all of the user's rows, and the expiry is the row's,
not the cookie's. Only the hash is stored, so a copy of the database gives no usable cookie.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from motcua.service._tx import write_session
from motcua.service.identity import UserInfo
from motcua.store.db import Database
from motcua.store.service import ConsoleSession, User

__all__ = ["TOKEN_CHARS", "open_session", "resolve_session", "revoke_session",
           "revoke_user_sessions"]

TOKEN_CHARS = 43  # secrets.token_urlsafe(32): 256 random bits
# last_seen_at is written at most this often, so that browsing the console is not a write
# per request (SQLite has one writer at a time).
_TOUCH = timedelta(minutes=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes (stored as UTC); PostgreSQL aware ones."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def open_session(db: Database, user_id: int, *, hours: float,
                 now: datetime | None = None) -> str:
    """A new login for ``user_id``; returns the plain token (it is not stored)."""
    now = now or datetime.now(UTC)
    token = secrets.token_urlsafe(32)
    with write_session(db) as s:
        s.execute(delete(ConsoleSession).where(ConsoleSession.expires_at < now))
        s.add(ConsoleSession(token_hash=_hash(token), user_id=user_id, created_at=now,
                             last_seen_at=now, expires_at=now + timedelta(hours=hours)))
    return token


def resolve_session(db: Database, token: str | None,
                    now: datetime | None = None) -> UserInfo | None:
    """The active official of a live session; None when unknown, revoked, expired or the
    user is deactivated."""
    if not token or len(token) != TOKEN_CHARS:
        return None
    now = now or datetime.now(UTC)
    with db.session() as s:
        row = s.execute(
            select(ConsoleSession.id, ConsoleSession.expires_at, ConsoleSession.revoked_at,
                   ConsoleSession.last_seen_at, User)
            .join(User, User.id == ConsoleSession.user_id)
            .where(ConsoleSession.token_hash == _hash(token))).first()
        if row is None:
            return None
        session_id, expires_at, revoked_at, last_seen, user = row
        if revoked_at is not None or _aware(expires_at) <= now or not user.active:
            return None
        info = UserInfo(user.id, user.username, user.role, user.commune_code)
    if now - _aware(last_seen) >= _TOUCH:
        with write_session(db) as s:
            s.execute(update(ConsoleSession).where(ConsoleSession.id == session_id)
                      .values(last_seen_at=now))
    return info


def revoke_session(db: Database, token: str | None, now: datetime | None = None) -> bool:
    """End one login (logout); True when a live session was revoked."""
    if not token or len(token) != TOKEN_CHARS:
        return False
    with write_session(db) as s:
        result = s.execute(update(ConsoleSession)
                           .where(ConsoleSession.token_hash == _hash(token),
                                  ConsoleSession.revoked_at.is_(None))
                           .values(revoked_at=now or datetime.now(UTC)))
        return bool(getattr(result, "rowcount", 0))


def revoke_user_sessions(session: Session, user_id: int, now: datetime | None = None) -> int:
    """End every login of a user inside the caller's transaction (deactivation, new
    password); returns how many were live."""
    result = session.execute(update(ConsoleSession)
                             .where(ConsoleSession.user_id == user_id,
                                    ConsoleSession.revoked_at.is_(None))
                             .values(revoked_at=now or datetime.now(UTC)))
    return int(getattr(result, "rowcount", 0))
