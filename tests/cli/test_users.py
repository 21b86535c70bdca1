"""``motcua users``: list, deactivate, activate, password, api-keys, revoke-key."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from motcua._errors import InputError, NotFound
from motcua._settings import get_settings
from motcua.cli import app
from motcua.service.accounts import authenticate, create_api_key, create_user, verify_api_key
from motcua.service.sessions import open_session, resolve_session
from motcua.store.db import open_database

runner = CliRunner()
PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def db():
    database = open_database(get_settings().db_url)
    yield database
    database.dispose()


def test_cli_users_deactivate_ends_sessions_and_activate(db) -> None:
    user = create_user(db, username="canbo.kylua", password=PASSWORD, role="officer",
                       commune="06187")
    token = open_session(db, user.id, hours=8)
    listed = runner.invoke(app, ["users", "list"])
    assert listed.exit_code == 0
    assert "canbo.kylua  officer  06187  đang hoạt động  1 phiên" in listed.stdout
    r = runner.invoke(app, ["users", "deactivate", "canbo.kylua"])
    assert r.exit_code == 0 and "1 phiên đăng nhập đã bị đăng xuất" in r.stdout
    assert resolve_session(db, token) is None
    assert authenticate(db, "canbo.kylua", PASSWORD) is None
    rows = json.loads(runner.invoke(app, ["users", "list", "--json"]).stdout)
    assert rows[0]["active"] is False and "password" not in json.dumps(rows)
    assert runner.invoke(app, ["users", "activate", "canbo.kylua"]).exit_code == 0
    assert authenticate(db, "canbo.kylua", PASSWORD) is not None


@pytest.mark.parametrize(("args", "stdin", "ok"), [
    (["--password-stdin"], "mat-khau-moi-hon\n", True),
    ([], "mat-khau-moi-hon\nmat-khau-moi-hon\n", True),       # asked twice
    ([], "mat-khau-moi-hon\nmat-khau-khac-di\n" * 3, False),  # the two never match
    (["--password-stdin"], "ngan\n", False),
    (["--password-stdin"], "\n", False),
])
def test_cli_users_password(db, args: list[str], stdin: str, ok: bool) -> None:
    user = create_user(db, username="tinh", password=PASSWORD, role="admin")
    token = open_session(db, user.id, hours=8)
    r = runner.invoke(app, ["users", "password", "tinh", *args], input=stdin)
    assert (r.exit_code == 0) is ok, r.output
    assert (authenticate(db, "tinh", "mat-khau-moi-hon") is not None) is ok
    assert (resolve_session(db, token) is None) is ok
    assert "mat-khau-moi-hon" not in r.stdout
    if not ok and r.exception is not None and not isinstance(r.exception, SystemExit):
        assert isinstance(r.exception, InputError)


def test_cli_users_api_keys_list_never_shows_secret_and_revoke(db) -> None:
    key = create_api_key(db, name="zalo-bot")
    create_api_key(db, name="cong-dvc")
    listed = runner.invoke(app, ["users", "api-keys"])
    assert listed.exit_code == 0 and "zalo-bot  đang dùng" in listed.stdout
    assert key not in listed.stdout
    assert key not in runner.invoke(app, ["users", "api-keys", "--json"]).stdout
    r = runner.invoke(app, ["users", "revoke-key", "zalo-bot"])
    assert r.exit_code == 0 and "Đã thu hồi khóa API zalo-bot" in r.stdout
    assert verify_api_key(db, key) is None
    assert "zalo-bot  đã thu hồi" in runner.invoke(app, ["users", "api-keys"]).stdout
    keys = json.loads(runner.invoke(app, ["users", "api-keys", "--json"]).stdout)
    other = next(k for k in keys if k["name"] == "cong-dvc")
    assert runner.invoke(app, ["users", "revoke-key", str(other["id"])]).exit_code == 0


@pytest.mark.parametrize("args", [["deactivate", "khong.ai"], ["activate", "khong.ai"],
                                  ["revoke-key", "khong-co"], ["revoke-key", "12345"]])
def test_cli_users_unknown_target_is_not_found(db, args: list[str]) -> None:
    r = runner.invoke(app, ["users", *args])
    assert isinstance(r.exception, NotFound)
    assert "motcua users" in (r.exception.hint or "")


def test_cli_users_help_is_vietnamese() -> None:
    r = runner.invoke(app, ["users", "--help"])
    assert r.exit_code == 0 and "Tài khoản cán bộ" in r.stdout
    for command in ("list", "deactivate", "activate", "password", "api-keys", "revoke-key"):
        assert command in r.stdout
