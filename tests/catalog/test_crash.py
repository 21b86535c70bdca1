"""A real ``motcua catalog import``, killed (SIGKILL) at each stage, then run again: the store
and the saved index agree. The kill comes from the process itself (``MOTCUA_TEST_CRASH_AT``,
search/_crash.py), exactly at the stage, with no cleanup code run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from motcua.catalog.parse import junk_reason
from motcua.catalog.sample import sample_records
from motcua.search._manifest import check_files, read_manifest
from motcua.search.procedures import ProcedureIndex
from motcua.store import Procedure, generation, open_database

N_FILES, PER_FILE = 5, 100  # 500 records: three committed batches of at most 200


def write_catalog(folder: Path, edition: int) -> None:
    """500 records made from the bundled sample with codes of their own; each edition
    changes every name, so an index left from an earlier edition is seen at once."""
    base = [r for r in sample_records() if junk_reason(dict(r)) is None]
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in range(N_FILES):
        records = []
        for _ in range(PER_FILE):
            record = dict(base[n % len(base)])
            old = record["ma_thu_tuc"]
            code = f"9.{n:06d}"
            record["ma_thu_tuc"] = code
            record["ten_thu_tuc"] = f"{record['ten_thu_tuc']} (bản {edition}, số {n})"
            record["raw_text"] = str(record.get("raw_text", "")).replace(old, code)
            records.append(record)
            n += 1
        (folder / f"part-{f}.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")


def motcua(home: Path, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env["MOTCUA_HOME"] = str(home)
    if crash_at:
        env["MOTCUA_TEST_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-c", "from motcua.cli import main; main()", *args],
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def index_state(home: Path) -> str:
    out = motcua(home, "index", "status", "--catalog", "--json")
    return str(json.loads(out.stdout)[0]["state"])


def assert_agree(home: Path) -> int:
    """The saved index (read as it is, never rebuilt here) holds exactly the stored records,
    by code and name, and is stamped with the store's generation."""
    db = open_database(f"sqlite:///{home / 'motcua.db'}")
    with db.session() as s:
        stored = {(code, name) for code, name in s.execute(select(Procedure.code, Procedure.name))}
    folder = home / "index" / "procedures"
    manifest = read_manifest(folder)
    assert manifest is not None and check_files(folder, manifest) is None
    assert manifest.generation == generation.read(db.engine, generation.CATALOG)
    indexed = {(d.code, d.name) for d in ProcedureIndex.load(folder).docs}
    db.dispose()
    assert indexed == stored
    return len(stored)


# stage -> state of the saved index right after the kill, on a re-import of a changed catalog
STAGES = {
    "import:flush": "fresh",  # the first batch written, not committed: the store is unchanged
    "import:batch": "stale",  # one batch committed
    "import:batch#3": "stale",  # every batch committed, the index not yet rebuilt
    "index:build": "stale",  # rows read, nothing saved
    "index:save": "stale",  # the new folder written beside, not swapped in
    "index:swap": "missing",  # the old folder moved away, the new one not yet in place
}


@pytest.mark.parametrize(("stage", "heal"), [
    *((stage, "import") for stage in STAGES),
    *((stage, "search") for stage in ("import:batch", "index:save", "index:swap")),
])
def test_import_killed_at_stage_then_rerun_store_and_index_agree(
        tmp_path: Path, stage: str, heal: str) -> None:
    home, catalog = tmp_path / "home", tmp_path / "catalog"
    write_catalog(catalog, edition=1)
    assert motcua(home, "catalog", "import", str(catalog)).returncode == 0
    assert assert_agree(home) == N_FILES * PER_FILE
    write_catalog(catalog, edition=2)

    killed = motcua(home, "catalog", "import", str(catalog), crash_at=stage)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert index_state(home) == STAGES[stage]

    if heal == "import":  # the case: records now "unchanged", index still rebuilt
        rerun = motcua(home, "catalog", "import", str(catalog), "--json")
        assert rerun.returncode == 0, rerun.stderr
    else:  # a reader finds the index behind the store and rebuilds it first
        found = motcua(home, "search", "bản 2, số 7", "--json", "--limit", "1")
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)[0]["name"].endswith("(bản 2, số 7)")
    assert assert_agree(home) == N_FILES * PER_FILE
    assert index_state(home) == "fresh"
    leftovers = [p.name for p in (home / "index").iterdir() if p.name != ".procedures.lock"]
    assert leftovers == ["procedures"]


@pytest.mark.parametrize("stage", ["import:batch", "index:swap"])
def test_first_import_killed_then_rerun_store_and_index_agree(tmp_path: Path,
                                                                stage: str) -> None:
    home, catalog = tmp_path / "home", tmp_path / "catalog"
    write_catalog(catalog, edition=1)
    killed = motcua(home, "catalog", "import", str(catalog), crash_at=stage)
    assert killed.returncode == -signal.SIGKILL
    rerun = motcua(home, "catalog", "import", str(catalog), "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert assert_agree(home) == N_FILES * PER_FILE
