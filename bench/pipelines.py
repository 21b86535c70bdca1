"""motcua's own pipelines, driven the way ``motcua ask`` and ``motcua eval legal`` drive them.

Why separate from ``bench/engines``: the engines compare search alone over identical text; the
pipelines add what motcua does around search (catalog parsing and field choice, abbreviation
expansion, field weights), so their rows show what a citizen or official actually gets.
Imported only when the modules exist, so the benchmark runs on any checkout.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from motcua._errors import MotcuaError
from motcua._settings import Settings

__all__ = ["CatalogHome", "Unavailable", "assistant_ranker", "catalog_home", "legal_ranker",
           "motcua_command", "run_motcua"]

log = logging.getLogger(__name__)

Ranker = Callable[[str, int], list[str]]


class CatalogHome:
    """A data home (SQLite store + saved index) holding the full shared catalog."""

    def __init__(self, home: Path, import_s: float, report: dict[str, Any]) -> None:
        self.home = home
        self.import_s = import_s
        self.report = report

    @property
    def settings(self) -> Settings:
        return Settings(home=self.home, database_url=None)


class Unavailable(Exception):
    """A project command or module the benchmark wanted is not there (yet) or failed."""


def motcua_command() -> list[str]:
    """The ``motcua`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("motcua")
    found = str(script) if script.exists() else shutil.which("motcua")
    if found is None:
        raise Unavailable("the 'motcua' command is not installed (pip install -e .)")
    return [found]


def run_motcua(args: Sequence[str], home: Path, timeout: float = 1800
               ) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run ``motcua ARGS`` with its data home at ``home``; (wall seconds, completed process)."""
    env = {**os.environ, "MOTCUA_HOME": str(home)}
    env.pop("MOTCUA_DATABASE_URL", None)
    t0 = time.perf_counter()
    proc = subprocess.run([*motcua_command(), *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)
    return time.perf_counter() - t0, proc


def failure(proc: subprocess.CompletedProcess[str]) -> str:
    lines = (proc.stderr.strip() or proc.stdout.strip()).splitlines()
    return (lines[-1] if lines else f"exit {proc.returncode}")[:200]


@lru_cache(maxsize=1)
def catalog_home(catalog_dir: Path, work: Path) -> CatalogHome:
    """``motcua catalog import DIR --json`` into a fresh data home under ``work``, timed from
    process start to exit (store + index); raises ``Unavailable`` if the command fails."""
    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    seconds, proc = run_motcua(["catalog", "import", str(catalog_dir), "--json"], home)
    if proc.returncode != 0:
        raise Unavailable(f"motcua catalog import failed: {failure(proc)}")
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        report = {}
    log.info("catalog imported in %.1f s", seconds)
    return CatalogHome(home, seconds, report)


def assistant_ranker(home: CatalogHome) -> tuple[Ranker, str]:
    from motcua.answer import load_assistant

    assistant = load_assistant(home.settings)

    def rank(q: str, k: int) -> list[str]:
        try:
            return [r.code for r in assistant.search(q, limit=k)]
        except MotcuaError:
            return []

    note = ("motcua.answer.Assistant.search over the catalog imported with "
            "motcua.catalog (junk records skipped; indexes the parsed name, field, results, "
            "papers and subjects with its own field weights), as 'motcua search' ranks")
    return rank, note


def legal_ranker(docs: Sequence[tuple[str, str]], articles_json: Path) -> tuple[Ranker, str]:
    """The documents room's passage index as ``motcua eval legal`` builds it."""
    del docs  # the room reads the ALQAC file itself, with its own heading/title split
    from motcua.eval.legal import build_index, load_corpus

    index = build_index(load_corpus(articles_json))

    def rank(q: str, k: int) -> list[str]:
        try:
            return [h.doc_id for h in index.search(q, k)]
        except MotcuaError:
            return []

    note = ("motcua.eval.legal.build_index (documents room PassageIndex with its default field "
            "weights) over articles.json, as 'motcua eval legal' runs it")
    return rank, note
