"""A generated export imported once per session: the rows are the truth tests compare with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from motcua.dossiers.generate import Dossier, generate, write_csv, write_xlsx
from motcua.dossiers.importer import import_exports

TODAY = dt.date(2026, 6, 30)


@pytest.fixture(scope="session")
def rows() -> list[Dossier]:
    return generate(3000, seed=3, end=TODAY)


@pytest.fixture(scope="session")
def store(rows: list[Dossier], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dossiers")
    files = [write_csv(folder / "a.csv", rows[:2000], seed=1),
             write_xlsx(folder / "b.xlsx", rows[2000:], seed=2)]
    target = folder / "dossiers.duckdb"
    import_exports(files, target=target)
    return target
