"""Server-side console sessions and account administration on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from motcua._errors import InputError, NotFound, Unauthorized
from motcua.service import accounts
from motcua.service.sessions import open_session, resolve_session, revoke_session
from motcua.store.service import ConsoleSession

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def officer(db):
    return accounts.create_user(db, username="canbo.kylua", password=PASSWORD, role="officer",
                                commune="06187")


def test_sessions_token_resolves_and_is_stored_hashed(db, officer) -> None:
    token = open_session(db, officer.id, hours=8)
    assert resolve_session(db, token).username == "canbo.kylua"
    with db.session() as s:
        stored = s.scalars(select(ConsoleSession.token_hash)).one()
    assert token not in stored and len(stored) == 64


def test_sessions_logout_revokes_at_once(db, officer) -> None:
    token = open_session(db, officer.id, hours=8)
    assert revoke_session(db, token) is True
    assert resolve_session(db, token) is None
    assert revoke_session(db, token) is False  # already revoked


def test_sessions_expiry_enforced_by_the_store(db, officer) -> None:
    start = datetime.now(UTC) - timedelta(hours=9)
    token = open_session(db, officer.id, hours=8, now=start)
    assert resolve_session(db, token, now=start + timedelta(hours=7, minutes=59)) is not None
    assert resolve_session(db, token) is None


@pytest.mark.parametrize("token", [None, "", "x", "A" * 42, "A" * 44, "A" * 43, "é" * 43,
                                   "\ud800" * 43, "../../etc/passwd"])
def test_sessions_unknown_or_malformed_token_is_none(db, officer, token) -> None:
    open_session(db, officer.id, hours=8)
    assert resolve_session(db, token) is None
    assert revoke_session(db, token) is False


def test_sessions_deactivation_and_new_password_end_every_session(db, officer) -> None:
    tokens = [open_session(db, officer.id, hours=8) for _ in range(3)]
    assert accounts.list_users(db)[0]["sessions"] == 3
    assert accounts.set_active(db, "canbo.kylua", False) == 3
    assert all(resolve_session(db, t) is None for t in tokens)
    assert accounts.authenticate(db, "canbo.kylua", PASSWORD) is None
    accounts.set_active(db, "canbo.kylua", True)
    assert all(resolve_session(db, t) is None for t in tokens)  # reactivation revives nothing
    token = open_session(db, officer.id, hours=8)
    assert accounts.set_password(db, "canbo.kylua", "mat-khau-moi-hon") == 1
    assert resolve_session(db, token) is None
    assert accounts.authenticate(db, "canbo.kylua", PASSWORD) is None
    assert accounts.authenticate(db, "canbo.kylua", "mat-khau-moi-hon") is not None
    actions = [e["action"] for e in accounts.list_audit(db)]
    assert {"user.deactivate", "user.activate", "user.password"} <= set(actions)


def test_sessions_own_password_change(db, officer) -> None:
    token = open_session(db, officer.id, hours=8)
    with pytest.raises(Unauthorized):
        accounts.change_own_password(db, officer, "sai-mat-khau", "mat-khau-moi-hon")
    assert resolve_session(db, token) is not None  # a wrong attempt changes nothing
    for new in ("ngan", PASSWORD):
        with pytest.raises(InputError):
            accounts.change_own_password(db, officer, PASSWORD, new)
    accounts.change_own_password(db, officer, PASSWORD, "mat-khau-moi-hon")
    assert resolve_session(db, token) is None
    assert accounts.authenticate(db, "canbo.kylua", "mat-khau-moi-hon") is not None


@pytest.mark.parametrize("call", [
    lambda db: accounts.set_active(db, "khong.ai", False),
    lambda db: accounts.set_password(db, "khong.ai", "mat-khau-du-dai"),
    lambda db: accounts.revoke_api_key(db, "khong-co"),
    lambda db: accounts.revoke_api_key(db, "99"),
    lambda db: accounts.revoke_api_key(db, "9" * 400),
])
def test_sessions_admin_commands_unknown_target_not_found(db, call) -> None:
    with pytest.raises(NotFound):
        call(db)


@pytest.mark.parametrize("by", ["name", "id"])
def test_sessions_api_key_revoked_by_name_or_id(db, by: str) -> None:
    key = accounts.create_api_key(db, name="zalo-bot")
    listed = accounts.list_api_keys(db)
    assert listed[0]["name"] == "zalo-bot" and listed[0]["active"] is True
    assert key not in repr(listed)
    ref = "zalo-bot" if by == "name" else str(listed[0]["id"])
    assert accounts.revoke_api_key(db, ref) == "zalo-bot"
    assert accounts.verify_api_key(db, key) is None
    assert accounts.list_api_keys(db)[0]["active"] is False


def test_sessions_failed_login_audits_unknown_user_not_what_was_typed(db, officer) -> None:
    typed = "MatKhauGoNham!2024"  # a password typed into the username field
    assert accounts.authenticate(db, typed, "x", address="10.0.0.9") is None
    assert accounts.authenticate(db, "canbo.kylua", "sai", address="10.0.0.9") is None
    entries = [e for e in accounts.list_audit(db) if e["action"] == "login.failed"]
    assert [e["actor"] for e in entries] == ["canbo.kylua", "unknown user"]
    assert typed not in repr(accounts.list_audit(db))
    assert entries[0]["detail"] == {"address": "10.0.0.9"}
