"""``motcua communes``, ``motcua users``, ``motcua conversations`` through the CLI app.

MotcuaError propagates out of the Typer app (``main()`` prints it); CliRunner shows it as the
result's exception, which is what the bad-input cases check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from motcua._errors import FileFormatError, InputError
from motcua._settings import get_settings
from motcua.cli import app
from motcua.communes import load_profiles, sample_profiles, write_profiles_file
from motcua.service.accounts import authenticate, verify_api_key
from motcua.store.db import open_database

runner = CliRunner()


def test_cli_communes_import_export_round_trip(tmp_path: Path) -> None:
    src = tmp_path / "in.yaml"
    write_profiles_file(src, sample_profiles())
    r = runner.invoke(app, ["communes", "import", str(src)])
    assert r.exit_code == 0, r.output
    assert "Đã nhập 4 hồ sơ" in r.stdout
    out = tmp_path / "out.csv"
    assert runner.invoke(app, ["communes", "export", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("code,name,province,address")
    listed = runner.invoke(app, ["communes", "list"])
    assert "06187  Phường Kỳ Lừa  [hồ sơ]" in listed.stdout
    assert listed.stdout.count("\n") == 65


@pytest.mark.parametrize(("name", "content"), [
    ("bad.yaml", "- code: '06187'\n- code: Atlantis\n"),
    ("bad.csv", "code,counter\n06187,1\nAtlantis,2\n"),
    ("bad.txt", "x"),
])
def test_cli_communes_import_bad_file_imports_nothing(tmp_path: Path, name: str,
                                                      content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    r = runner.invoke(app, ["communes", "import", str(path)])
    assert r.exit_code != 0
    assert isinstance(r.exception, FileFormatError)
    assert load_profiles(open_database(get_settings().db_url)) == []


def test_cli_users_create_and_api_key() -> None:
    r = runner.invoke(app, ["users", "create", "canbo.kylua", "--commune", "ky lua",
                            "--password-stdin"], input="mat-khau-du-dai\n")
    assert r.exit_code == 0, r.output
    db = open_database(get_settings().db_url)
    assert authenticate(db, "canbo.kylua", "mat-khau-du-dai").commune_code == "06187"
    key = runner.invoke(app, ["users", "api-key", "zalo-bot"]).stdout.strip().splitlines()[-1]
    assert verify_api_key(db, key) == "zalo-bot"


def test_cli_users_create_bad_input() -> None:
    r = runner.invoke(app, ["users", "create", "canbo", "--password-stdin"],
                      input="mat-khau-du-dai\n")
    assert isinstance(r.exception, InputError)
    assert "commune" in r.exception.message


def test_cli_conversations_purge() -> None:
    r = runner.invoke(app, ["conversations", "purge", "--days", "30"])
    assert r.exit_code == 0 and "Đã xóa 0 hội thoại" in r.stdout
