"""Catalog setup shared by the CLI and the service: import files, rebuild the index, sample.

Why one place: ``motcua catalog import``, ``motcua catalog remove``, ``motcua ask`` and
``motcua serve`` must leave the data home in the same state (store and index agreeing), and the
bundled sample must never sit beside an official catalog: the importer retires it, and
``ensure_sample`` seeds it only into an empty store (or heals a home that holds both).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from motcua._errors import Conflict
from motcua._settings import Settings
from motcua.catalog.importer import CatalogImporter, ImportReport
from motcua.catalog.indexing import build_index, index_path, refresh_index
from motcua.catalog.manage import catalog_counts, remove_procedures, retire_sample
from motcua.search.live import locked
from motcua.store.db import Database, open_database
from motcua.store.import_lock import catalog_import

__all__ = ["ensure_sample", "import_catalog", "remove_catalog"]

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
    index until the import ends instead of rebuilding after each batch; so is the store's
    import lock, for the workers of other machines (``store/import_lock.py``; taken after the
    file lock, in the order a worker's rebuild takes them)."""
    db = db or open_database(settings.db_url)
    with locked(index_path(settings.index_dir)), catalog_import(db):
        report = CatalogImporter(db, on_progress=on_progress).run(paths)
        refresh_index(db, settings.index_dir)
    return report


def remove_catalog(settings: Settings, codes: Sequence[str], *,
                   db: Database | None = None) -> int:
    """Remove these procedures (and their kept versions), then rebuild and save the index."""
    db = db or open_database(settings.db_url)
    with locked(index_path(settings.index_dir)), catalog_import(db):
        removed = remove_procedures(db, codes)
        build_index(db, index_path(settings.index_dir))
    return removed


def ensure_sample(settings: Settings, *, db: Database | None = None) -> ImportReport | None:
    """Serve the bundled sample from an empty store; never beside an official catalog.

    An empty store gets the sample (written into the data home, then imported like any
    catalog). A store holding both (a data home from before the importer retired the sample)
    loses the sample. A store with records but no index gets its index rebuilt. Returns the
    import report when the sample was imported, else None.
    """
    from motcua.catalog.sample import write_sample

    db = db or open_database(settings.db_url)
    with db.session() as session:
        counts = catalog_counts(session)
        if counts.state == "mixed":
            retire_sample(session)
    if counts.total:
        refresh_index(db, settings.index_dir)
        return None
    folder = settings.home / "sample-catalog"
    write_sample(folder)
    log.info("empty catalog: importing the bundled sample catalog", extra={"folder": str(folder)})
    try:
        return import_catalog(settings, [folder], db=db)
    except Conflict:  # an official import committed meanwhile; it wins
        log.info("official catalog imported meanwhile; sample not seeded")
        refresh_index(db, settings.index_dir)
        return None
