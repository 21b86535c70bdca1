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
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from motcua._errors import InputError
from motcua.communes.units import resolve_unit
from motcua.service._tx import write_session
from motcua.store.db import Database
from motcua.store.service import ApiKey, AuditEntry, User

__all__ = [
    "ROLES",
    "UserInfo",
    "audit",
    "authenticate",
    "create_api_key",
    "create_user",
    "get_user",
    "list_audit",
    "verify_api_key",
]

ROLES = ("officer", "admin")
_hasher = PasswordHasher()
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{3,64}$")
# Verified against when the username does not exist, so that timing does not reveal it.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(8))


class UserInfo:
    """What a request handler needs to know about the logged-in official."""

    def __init__(self, id: int, username: str, role: str, commune_code: str | None) -> None:
        self.id, self.username, self.role, self.commune_code = id, username, role, commune_code

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def scope(self) -> str | None:
        """The commune an officer is limited to; None for a province admin (all communes)."""
        return None if self.is_admin else self.commune_code


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
    if len(password or "") < 10:
        raise InputError("password is shorter than 10 characters", hint="choose a longer one")
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


def authenticate(db: Database, username: str, password: str) -> UserInfo | None:
    """The user for a right password, else None; both outcomes are audited. The slow hash
    check runs outside the write transaction so that logins never hold up answers."""
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        found = None if user is None or not user.active else (
            UserInfo(user.id, user.username, user.role, user.commune_code), user.password_hash)
    ok, rehash = False, None
    if found is None:
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(_DUMMY_HASH, password or "")
    else:
        with contextlib.suppress(VerificationError, InvalidHashError):
            ok = _hasher.verify(found[1], password or "")
        if ok and _hasher.check_needs_rehash(found[1]):
            rehash = _hasher.hash(password)
    with write_session(db) as s:
        if ok and found is not None:
            if rehash:
                row = s.get(User, found[0].id)
                if row is not None:
                    row.password_hash = rehash
            audit(s, username, "login", "", {})
            return found[0]
        audit(s, (username or "?")[:64], "login.failed", "", {})
        return None


def get_user(db: Database, user_id: int) -> UserInfo | None:
    with db.session() as s:
        user = s.get(User, user_id)
        if user is None or not user.active:
            return None
        return UserInfo(user.id, user.username, user.role, user.commune_code)


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


def list_audit(db: Database, *, limit: int = 200) -> list[dict[str, Any]]:
    with db.session() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).all()
        return [{"id": r.id, "actor": r.actor, "action": r.action, "target": r.target,
                 "detail": r.detail, "created_at": r.created_at} for r in rows]
