"""``motcua index status`` / ``rebuild``, a corrupt index healed by a reader, and every
command that a hint or message names exists."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from motcua.catalog.sample import write_sample
from motcua.cli import app

runner = CliRunner()
SRC = Path(__file__).resolve().parents[2] / "src" / "motcua"


def _status() -> dict[str, dict]:
    out = runner.invoke(app, ["index", "status", "--json"])
    return {s["kind"]: s | {"rc": out.exit_code} for s in json.loads(out.stdout)}


def test_index_status_and_rebuild_after_import(tmp_path: Path) -> None:
    write_sample(tmp_path / "cat")
    assert runner.invoke(app, ["catalog", "import", str(tmp_path / "cat")]).exit_code == 0
    status = _status()
    assert status["procedures"]["state"] == "fresh" and status["procedures"]["count"] == 39
    # no document imported yet: nothing to index is not a fault (as /readyz says "empty")
    assert status["documents"]["state"] == "missing" and status["documents"]["ok"]
    assert status["documents"]["rc"] == 0
    out = runner.invoke(app, ["index", "rebuild"])
    assert out.exit_code == 0 and "39 thủ tục" in out.stdout
    assert {s["state"] for s in _status().values()} == {"fresh"}
    out = runner.invoke(app, ["index", "status"])
    assert out.exit_code == 0 and "khớp kho dữ liệu" in out.stdout


@pytest.mark.parametrize("damage", ["procedures.json", "name/postings.npy", "manifest.json"])
def test_reader_rebuilds_a_corrupt_index(tmp_path: Path, damage: str) -> None:
    from motcua._settings import get_settings

    write_sample(tmp_path / "cat")
    runner.invoke(app, ["catalog", "import", str(tmp_path / "cat")])
    victim = get_settings().index_dir / "procedures" / damage
    victim.write_bytes(victim.read_bytes()[: len(victim.read_bytes()) // 2])
    broken = _status()["procedures"]
    assert broken["state"] in {"broken", "missing"} and broken["rc"] == 1
    out = runner.invoke(app, ["search", "khai sinh", "--json", "--limit", "1"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)[0]["code"].startswith("MAU.")
    assert _status()["procedures"]["state"] == "fresh"


def _strings() -> list[tuple[Path, str]]:
    """Every string constant of the package that is not a docstring."""
    found = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)
                      and n.body and isinstance(n.body[0], ast.Expr)}
        found += [(path, n.value) for n in ast.walk(tree)
                  if isinstance(n, ast.Constant) and isinstance(n.value, str)
                  and id(n) not in docstrings]
    return found


def test_every_command_named_in_a_message_exists() -> None:
    named = {(path.name, m.group(1)) for path, text in _strings()
             for m in re.finditer(r"motcua ((?:[a-z][a-z-]* ?){1,2})", text)}
    assert len(named) > 5
    for where, command in sorted(named):
        words = command.split()
        while words:  # the last word may be an argument ("motcua ask CÂU"): drop until known
            if runner.invoke(app, [*words, "--help"]).exit_code == 0:
                break
            words.pop()
        assert words, f"{where}: 'motcua {command}' is not a command"


def test_index_status_documents_index_lost_is_a_fault(tmp_path: Path) -> None:
    import shutil

    from motcua._settings import get_settings

    (tmp_path / "nq.md").write_text("# Nghị quyết 9/2026/NQ-TEST\n\nĐiều 1. Phạm vi áp dụng.\n",
                                    "utf-8")
    assert runner.invoke(app, ["docs", "import", str(tmp_path / "nq.md")]).exit_code == 0
    shutil.rmtree(get_settings().index_dir / "documents")
    status = _status()["documents"]
    assert status["state"] == "missing" and not status["ok"] and status["rc"] == 1
