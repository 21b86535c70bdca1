"""The ``motcua`` entry point: errors as JSON under ``--json``, help in one language per
audience."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from motcua.cli import app


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MOTCUA_HOME": str(home), "MOTCUA_ENV": "development"}
    return subprocess.run([sys.executable, "-c", "from motcua.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize(("args", "code"), [
    (["catalog", "show", "KHONG.CO", "--json"], "not_found"),
    (["ask", "--json", "--commune", "Atlantis", "đăng ký khai sinh"], "unknown_commune"),
    (["ask", "--json", "--khong-co-tuy-chon", "x"], "usage"),
    (["ask", "--json"], "usage"),
    (["ask", "--json", "a" * 600], "invalid_question"),
    (["users", "list", "--json", "--limit", "x"], "usage"),
])
def test_main_json_errors_are_json_on_stdout(tmp_path: Path, args: list[str],
                                             code: str) -> None:
    result = _run(args, tmp_path)
    assert result.returncode == 2, result.stderr
    error = json.loads(result.stdout)["error"]  # stdout is exactly one JSON document
    assert error["code"] == code
    assert error["message"]
    assert "Traceback" not in result.stderr


def test_main_text_errors_without_json(tmp_path: Path) -> None:
    result = _run(["catalog", "show", "KHONG.CO"], tmp_path)
    assert result.returncode == 2
    assert "Lỗi:" in result.stderr and not result.stdout.strip().startswith("{")


_VI = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                 re.IGNORECASE)
DEVELOPERS = ("motcua eval",)  # measurement commands, for developers: English


def _helps(command: Any, path: str) -> Iterator[tuple[str, str]]:
    yield path, (command.help or "").strip()
    for param in command.params:
        text = (getattr(param, "help", None) or "").strip()
        if text and "--help" not in getattr(param, "opts", ()):
            yield f"{path} {param.name}", text
    for name, sub in getattr(command, "commands", {}).items():
        yield from _helps(sub, f"{path} {name}")


def test_main_help_vietnamese_for_officials_english_for_developers() -> None:
    wrong = []
    for where, text in _helps(typer.main.get_command(app), "motcua"):
        developers = where.startswith(DEVELOPERS)
        if not text or "|" in text:
            continue  # choices such as "short | long" or "xa | tinh | bo" need no words
        if developers == bool(_VI.search(text)) and where != "motcua eval":
            wrong.append(f"{where}: {text[:70]}")
    assert not wrong, "help in the other audience's language:\n" + "\n".join(wrong)
