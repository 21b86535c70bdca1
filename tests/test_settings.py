"""The one settings class: known environments only, no public secret, production strictness."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from motcua._errors import ConfigError
from motcua._settings import MIN_SECRET_CHARS, Settings, get_settings

LONG = "x" * MIN_SECRET_CHARS


@pytest.mark.parametrize(("raw", "expected"), [
    ("development", "development"), ("Development", "development"), ("dev", "development"),
    ("test", "test"), ("TEST", "test"), (" production ", "production"),
    ("Production", "production"), ("prod", "production"), ("PROD", "production"),
])
def test_settings_env_normalised(raw: str, expected: str) -> None:
    secret = {"secret_key": LONG} if expected == "production" else {}
    assert Settings(env=raw, **secret).env == expected


@pytest.mark.parametrize("raw", ["staging", "preprod", "live", "produc", "1"])
def test_settings_env_unknown_refused(raw: str) -> None:
    with pytest.raises(ConfigError, match="MOTCUA_ENV"):
        Settings(env=raw)


@pytest.mark.parametrize("secret", [None, "", "short", "x" * (MIN_SECRET_CHARS - 1)])
def test_settings_production_refuses_missing_or_short_secret(secret: str | None) -> None:
    with pytest.raises(ConfigError, match="MOTCUA_SECRET_KEY"):
        Settings(env="production", secret_key=secret)


@pytest.mark.parametrize("env", ["development", "test", "production", "prod", "Production"])
def test_settings_public_dev_secret_refused_everywhere(env: str) -> None:
    with pytest.raises(ConfigError, match="public"):
        Settings(env=env, secret_key="dev-insecure-secret-change-me")


def test_settings_env_variable_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_ENV", "Prod")
    monkeypatch.setenv("MOTCUA_SECRET_KEY", LONG)
    monkeypatch.setenv("MOTCUA_RATE_LIMIT_PER_MINUTE", "7")
    s = Settings()
    assert (s.env, s.rate_limit_per_minute, s.is_production) == ("production", 7, True)
    assert LONG not in repr(s)  # secrets are never printed


def test_settings_session_secret_generated_once_private(tmp_path: Path) -> None:
    s = Settings(home=tmp_path / "home")
    first = s.session_secret()
    assert len(first) >= MIN_SECRET_CHARS
    assert Settings(home=tmp_path / "home").session_secret() == first
    mode = stat.S_IMODE(os.stat(tmp_path / "home" / "secret_key").st_mode)
    assert mode == 0o600
    assert Settings(home=tmp_path / "other").session_secret() != first


def test_settings_session_secret_same_for_concurrent_workers(tmp_path: Path) -> None:
    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(
        Settings(home=tmp_path).session_secret())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(got)) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temp file left


def test_settings_session_secret_explicit_wins(tmp_path: Path) -> None:
    assert Settings(home=tmp_path, secret_key=LONG).session_secret() == LONG
    assert not (tmp_path / "secret_key").exists()


def test_settings_session_secret_truncated_file_refused(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("abc")
    with pytest.raises(ConfigError, match="secret_key"):
        Settings(home=tmp_path).session_secret()


@pytest.mark.parametrize(("name", "value", "shown"), [
    ("MOTCUA_RATE_LIMIT_PER_MINUTE", "abc", True),
    ("MOTCUA_LOG_LEVEL", "LOUD", True),
    ("MOTCUA_MAX_QUESTION_CHARS", "999999", True),
    ("MOTCUA_SESSION_HOURS", "-1", True),
])
def test_settings_bad_variable_is_config_error_naming_it(monkeypatch: pytest.MonkeyPatch,
                                                         name: str, value: str,
                                                         shown: bool) -> None:
    monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError) as info:
            get_settings()
    finally:
        monkeypatch.delenv(name)
        get_settings.cache_clear()
    assert name in info.value.message
    assert (repr(value) in info.value.message) is shown
    assert info.value.hint


def test_settings_log_level_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_LOG_LEVEL", " info ")
    get_settings.cache_clear()
    try:
        assert get_settings().log_level == "INFO"
    finally:
        monkeypatch.delenv("MOTCUA_LOG_LEVEL")
        get_settings.cache_clear()


def test_settings_production_refuses_crash_hook() -> None:
    with pytest.raises(ConfigError, match="MOTCUA_TEST_CRASH_AT"):
        Settings(env="production", secret_key="x" * 48, test_crash_at="import:batch")
