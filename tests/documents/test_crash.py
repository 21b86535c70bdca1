"""A real ``motcua docs import`` killed (SIGKILL) at each stage, then run again: the stored
passages and the saved passage index agree (search/_crash.py makes the kill exact)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from sqlalchemy import select

from motcua.documents.index import PassageIndex
from motcua.search._manifest import check_files, read_manifest
from motcua.store import generation, open_database
from motcua.store.documents import DocumentPassageRow
from tests.catalog.test_crash import motcua
from tests.documents._samples import DECISION


def write_documents(folder: Path, numbers: range) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        text = DECISION.replace("12/QĐ-UBND", f"{n}/QĐ-UBND").replace("7 người", f"{n} người")
        (folder / f"qd-{n}.txt").write_text(text, "utf-8")


def assert_agree(home: Path) -> int:
    db = open_database(f"sqlite:///{home / 'motcua.db'}")
    with db.session() as s:
        stored = {str(i) for i in s.scalars(select(DocumentPassageRow.id))}
    folder = home / "index" / "documents"
    manifest = read_manifest(folder)
    assert manifest is not None and check_files(folder, manifest) is None
    assert manifest.generation == generation.read(db.engine, generation.DOCUMENTS)
    db.dispose()
    assert set(PassageIndex.load(folder).ids) == stored
    return len(stored)


@pytest.mark.parametrize("stage", ["import:batch#2", "index:build", "index:save", "index:swap"])
def test_docs_import_killed_at_stage_then_rerun_passages_agree(tmp_path: Path,
                                                                 stage: str) -> None:
    home, folder = tmp_path / "home", tmp_path / "docs"
    write_documents(folder, range(1, 3))
    assert motcua(home, "docs", "import", str(folder), "--no-ocr").returncode == 0
    before = assert_agree(home)
    write_documents(folder, range(3, 6))
    killed = motcua(home, "docs", "import", str(folder), "--no-ocr", crash_at=stage)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    rerun = motcua(home, "docs", "import", str(folder), "--no-ocr")
    assert rerun.returncode == 0, rerun.stderr
    assert assert_agree(home) == before * 5 // 2
