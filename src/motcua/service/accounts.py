"""Officials' accounts, integration API keys and the audit log.

Why argon2 (argon2-cffi): the maintained memory-hard hash recommended by OWASP; a leaked
database does not give away officials' passwords. Why API keys are stored as SHA-256: they are
long random tokens (not guessable like passwords), so a fast hash is enough and lookups stay
O(1) per request.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from datetime import UTC, datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from motcua._errors import InputError, NotFound, Unauthorized
from motcua.communes.units import resolve_unit
from motcua.service._tx import write_session
from motcua.service.identity import UNKNOWN_USER, UserInfo
from motcua.service.sessions import revoke_user_sessions
from motcua.store.db import Database
from motcua.store.service import ApiKey, AuditEntry, ConsoleSession, User

__all__ = [
    "ROLES",
    "UserInfo",
    "audit",
    "authenticate",
    "change_own_password",
    "create_api_key",
    "create_user",
    "list_api_keys",
    "list_audit",
    "list_users",
    "revoke_api_key",
    "set_active",
    "set_password",
    "verify_api_key",
]

ROLES = ("officer", "admin")
MIN_PASSWORD_CHARS = 10
_hasher = PasswordHasher()
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{3,64}$")
# Verified against when the username does not exist, so that timing does not reveal it.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(8))


def audit(session: Session, actor: str, action: str, target: str = "",
          detail: dict[str, Any] | None = None) -> None:
    """Append an audit entry inside the caller's transaction (it commits with the action)."""
    session.add(AuditEntry(actor=actor[:64], action=action[:64], target=target[:500],
                           detail=detail or {}))


def create_user(db: Database, *, username: str, password: str, role: str,
                commune: str | None = None, actor: str = "cli") -> UserInfo:
    if not _USERNAME.match(username or ""):
        raise InputError("username must be 3-64 letters, digits, '.', '_' or '-'",
                         hint="e.g. canbo.kylua")
    _check_password(password)
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}", hint="use officer or admin")
    code = resolve_unit(commune).code if commune else None
    if role == "officer" and code is None:
        raise InputError("an officer needs a commune", hint="pass --commune with its code or name")
    with write_session(db) as s:
        if s.scalars(select(User.id).where(User.username == username)).first() is not None:
            raise InputError(f"user {username!r} already exists", hint="choose another username")
        user = User(username=username, password_hash=_hasher.hash(password), role=role,
                    commune_code=code, active=True)
        s.add(user)
        s.flush()
        audit(s, actor, "user.create", username, {"role": role, "commune": code or ""})
        return UserInfo(user.id, username, role, code)


def authenticate(db: Database, username: str, password: str, *,
                 address: str = "") -> UserInfo | None:
    """The user for a right password, else None; both outcomes are audited. The slow hash
    check runs outside the write transaction so that logins never hold up answers.

    What was typed as the username is audited only when such a user exists; otherwise the
    actor is ``unknown user`` (it may be a password typed into the wrong field).
    """
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        exists = user is not None
        found = None if user is None or not user.active else (
            UserInfo(user.id, user.username, user.role, user.commune_code), user.password_hash)
    ok = _verify(found[1] if found is not None else None, password) and found is not None
    rehash = None
    if ok and found is not None and _hasher.check_needs_rehash(found[1]):
        rehash = _hasher.hash(password)
    detail = {"address": address[:64]} if address else {}
    with write_session(db) as s:
        if ok and found is not None:
            if rehash:
                row = s.get(User, found[0].id)
                if row is not None:
                    row.password_hash = rehash
            audit(s, found[0].username, "login", "", detail)
            return found[0]
        audit(s, username if exists else UNKNOWN_USER, "login.failed", "", detail)
        return None


def _verify(stored: str | None, password: str | None) -> bool:
    """Whether ``password`` matches ``stored``; without a stored hash a dummy one is checked,
    so that an unknown or locked account takes as long to refuse as a wrong password."""
    with contextlib.suppress(VerificationError, InvalidHashError):
        return bool(_hasher.verify(stored or _DUMMY_HASH, password or ""))
    return False


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_CHARS:
        raise InputError(f"mật khẩu ngắn hơn {MIN_PASSWORD_CHARS} ký tự",
                         hint="chọn mật khẩu dài hơn")


def _user_row(s: Session, username: str) -> User:
    row = s.scalars(select(User).where(User.username == username)).first()
    if row is None:
        raise NotFound(f"không có tài khoản {username!r}",
                       hint="xem danh sách: motcua users list")
    return row


def list_users(db: Database) -> list[dict[str, Any]]:
    """Every account with its live console sessions (never a hash)."""
    now = datetime.now(UTC)
    with db.session() as s:
        live: dict[int, int] = {uid: n for uid, n in s.execute(
            select(ConsoleSession.user_id, func.count())
            .where(ConsoleSession.revoked_at.is_(None), ConsoleSession.expires_at > now)
            .group_by(ConsoleSession.user_id))}
        rows = s.scalars(select(User).order_by(User.username)).all()
        return [{"id": u.id, "username": u.username, "role": u.role,
                 "commune": u.commune_code, "active": u.active, "sessions": live.get(u.id, 0),
                 "created_at": u.created_at} for u in rows]


def set_active(db: Database, username: str, active: bool, *, actor: str = "cli") -> int:
    """Activate or deactivate an account; deactivating ends all its console sessions at
    once. Returns how many sessions were ended."""
    with write_session(db) as s:
        row = _user_row(s, username)
        row.active = active
        ended = 0 if active else revoke_user_sessions(s, row.id)
        audit(s, actor, "user.activate" if active else "user.deactivate", username,
              {"sessions_ended": ended})
        return ended


def set_password(db: Database, username: str, password: str, *, actor: str = "cli") -> int:
    """A new password (an admin's reset); every session of the account ends."""
    _check_password(password)
    hashed = _hasher.hash(password)
    with write_session(db) as s:
        row = _user_row(s, username)
        row.password_hash = hashed
        ended = revoke_user_sessions(s, row.id)
        audit(s, actor, "user.password", username, {"sessions_ended": ended})
        return ended


def change_own_password(db: Database, user: UserInfo, current: str, new: str) -> None:
    """An official changes their own password: the current one must be right, the new one
    long enough and different; every session of the account ends (the caller opens a new
    one for the browser that asked)."""
    with db.session() as s:
        row = s.get(User, user.id)
        stored = row.password_hash if row is not None and row.active else None
    if not (_verify(stored, current) and stored is not None):
        raise Unauthorized("mật khẩu hiện tại không đúng", hint="nhập lại mật khẩu đang dùng")
    _check_password(new)
    if new == current:
        raise InputError("mật khẩu mới trùng mật khẩu cũ", hint="chọn một mật khẩu khác")
    hashed = _hasher.hash(new)
    with write_session(db) as s:
        row = s.get(User, user.id)
        if row is None:
            raise NotFound("tài khoản không còn tồn tại")
        row.password_hash = hashed
        ended = revoke_user_sessions(s, row.id)
        audit(s, user.username, "user.password", user.username, {"sessions_ended": ended})


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_key(db: Database, *, name: str, actor: str = "cli") -> str:
    """A new key for an integration client; the plain key is shown once and never stored."""
    if not _USERNAME.match(name or ""):
        raise InputError("key name must be 3-64 letters, digits, '.', '_' or '-'",
                         hint="e.g. zalo-bot")
    key = "mc_" + secrets.token_urlsafe(32)
    with write_session(db) as s:
        if s.scalars(select(ApiKey.id).where(ApiKey.name == name)).first() is not None:
            raise InputError(f"API key {name!r} already exists", hint="choose another name")
        s.add(ApiKey(name=name, key_hash=_key_hash(key), active=True))
        audit(s, actor, "apikey.create", name, {})
    return key


def verify_api_key(db: Database, key: str) -> str | None:
    """The client's name for a valid key, else None."""
    if not key or len(key) > 200:
        return None
    with db.session() as s:
        row = s.scalars(select(ApiKey).where(ApiKey.key_hash == _key_hash(key))).first()
        return row.name if row is not None and row.active else None


def list_api_keys(db: Database) -> list[dict[str, Any]]:
    """Every key's id, name and state; the secret is never shown again (only its hash is
    stored)."""
    with db.session() as s:
        rows = s.scalars(select(ApiKey).order_by(ApiKey.id)).all()
        return [{"id": r.id, "name": r.name, "active": r.active, "created_at": r.created_at}
                for r in rows]


def revoke_api_key(db: Database, name_or_id: str, *, actor: str = "cli") -> str:
    """Revoke a key by its name (or its id); returns the name. The row stays, inactive, so
    the audit log keeps pointing at something."""
    with write_session(db) as s:
        row = s.scalars(select(ApiKey).where(ApiKey.name == name_or_id)).first()
        if row is None and name_or_id.isascii() and name_or_id.isdigit() \
                and len(name_or_id) < 10:
            row = s.get(ApiKey, int(name_or_id))
        if row is None:
            raise NotFound(f"không có khóa API {name_or_id!r}",
                           hint="xem danh sách: motcua users api-keys")
        row.active = False
        audit(s, actor, "apikey.revoke", row.name, {})
        return row.name


def list_audit(db: Database, *, limit: int = 200) -> list[dict[str, Any]]:
    with db.session() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).all()
        return [{"id": r.id, "actor": r.actor, "action": r.action, "target": r.target,
                 "detail": r.detail, "created_at": r.created_at} for r in rows]
