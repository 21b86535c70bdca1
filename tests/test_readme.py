"""Keep the README honest: every `motcua ...` command it shows exists with the options shown,
and the two quickstart commands are the ones the Makefile and CI run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from motcua.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
BLOCKS = re.findall(r"```bash\n(.*?)```", README, re.S)
COMMANDS = [
    line.split("  #")[0].strip()
    for block in BLOCKS for line in block.splitlines() if line.strip().startswith("motcua ")
]
runner = CliRunner()


def test_readme_shows_commands() -> None:
    assert len(COMMANDS) >= 5


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_exists_with_its_options(command: str) -> None:
    words = shlex.split(command)[1:]
    path = []
    for w in words:
        if w.startswith("-") or " " in w or "/" in w or "." in w:
            break
        path.append(w)
    # The command path may end with a positional argument (a question); drop words until
    # `--help` is accepted.
    while path:
        result = runner.invoke(app, [*path, "--help"])
        if result.exit_code == 0:
            break
        path.pop()
    assert path, f"no such command: {command}"
    help_text = result.stdout
    for option in re.findall(r"(?<!\S)(--[a-z][a-z-]*)", command):
        assert option in help_text, f"{command}: option {option} not in `motcua {' '.join(path)}`"


def test_readme_quickstart_matches_ci() -> None:
    assert "make serve" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
