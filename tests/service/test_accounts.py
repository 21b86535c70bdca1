"""Accounts, API keys and audit on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from motcua._errors import InputError, UnknownCommune
from motcua.service import accounts
from motcua.store.service import ApiKey, User


def test_accounts_create_and_authenticate(db) -> None:
    user = accounts.create_user(db, username="canbo.kylua", password="mat-khau-dai",
                                role="officer", commune="Kỳ Lừa")
    assert user.commune_code == "06187" and user.scope == "06187"
    with db.session() as s:
        stored = s.scalars(select(User.password_hash)).one()
    assert stored.startswith("$argon2") and "mat-khau-dai" not in stored
    assert accounts.authenticate(db, "canbo.kylua", "mat-khau-dai").username == "canbo.kylua"
    assert accounts.authenticate(db, "canbo.kylua", "sai") is None
    assert accounts.authenticate(db, "nobody", "mat-khau-dai") is None
    actions = [e["action"] for e in accounts.list_audit(db)]
    assert actions[-1] == "user.create" and actions.count("login.failed") == 2


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"username": "a", "password": "mat-khau-dai", "role": "admin"}, InputError),
    ({"username": "a b c", "password": "mat-khau-dai", "role": "admin"}, InputError),
    ({"username": "abc", "password": "ngan", "role": "admin"}, InputError),
    ({"username": "abc", "password": "mat-khau-dai", "role": "boss"}, InputError),
    ({"username": "abc", "password": "mat-khau-dai", "role": "officer"}, InputError),
    ({"username": "abc", "password": "mat-khau-dai", "role": "officer", "commune": "Atlantis"},
     UnknownCommune),
])
def test_accounts_bad_input_creates_nothing(db, kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        accounts.create_user(db, **kwargs)
    with db.session() as s:
        assert s.scalars(select(User)).all() == []


def test_accounts_duplicate_username_refused(db) -> None:
    accounts.create_user(db, username="tinh", password="mat-khau-dai", role="admin")
    with pytest.raises(InputError, match="already exists"):
        accounts.create_user(db, username="tinh", password="mat-khau-khac", role="admin")


def test_accounts_api_key_stored_hashed(db) -> None:
    key = accounts.create_api_key(db, name="zalo-bot")
    assert key.startswith("mc_") and len(key) > 40
    with db.session() as s:
        assert key not in s.scalars(select(ApiKey.key_hash)).one()
    assert accounts.verify_api_key(db, key) == "zalo-bot"
    assert accounts.verify_api_key(db, key + "x") is None
    assert accounts.verify_api_key(db, "") is None
    with pytest.raises(InputError):
        accounts.create_api_key(db, name="zalo-bot")
