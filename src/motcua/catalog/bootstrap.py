"""Catalog setup shared by the CLI and the service: import files, rebuild the index, sample.

Why one place: ``motcua catalog import``, ``motcua ask --sample`` and ``motcua serve --sample``
must leave the data home in the same state (store and index agreeing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from motcua._settings import Settings
from motcua.catalog.importer import CatalogImporter, ImportReport
from motcua.catalog.indexing import ProcedureRepository, index_path, refresh_index
from motcua.search.live import locked
from motcua.store.db import Database, open_database

__all__ = ["ensure_sample", "import_catalog"]

log = logging.getLogger(__name__)


def import_catalog(
    settings: Settings,
    paths: Sequence[Path],
    *,
    db: Database | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import files into the store, then rebuild the procedure index unless it is already at
    the store's generation (whatever the report says: a re-run after a killed import finds
    every record unchanged). The index lock is held throughout, so that servers keep their
    index until the import ends instead of rebuilding after each batch."""
    db = db or open_database(settings.db_url)
    with locked(index_path(settings.index_dir)):
        report = CatalogImporter(db, on_progress=on_progress).run(paths)
        refresh_index(db, settings.index_dir)
    return report


def ensure_sample(settings: Settings, *, db: Database | None = None) -> ImportReport | None:
    """Import the bundled sample catalog when the store holds no procedure yet."""
    from motcua.catalog.sample import write_sample

    db = db or open_database(settings.db_url)
    if ProcedureRepository(db).count() and index_path(settings.index_dir).exists():
        return None
    folder = settings.home / "sample-catalog"
    write_sample(folder)
    log.info("importing the bundled sample catalog", extra={"folder": str(folder)})
    return import_catalog(settings, [folder], db=db)
