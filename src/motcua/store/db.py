"""Engine, sessions and migrations.

Why migrations run on open: a citizen-facing kiosk must start on an upgraded package without
an operator remembering a separate step; Alembic's version table makes it idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from motcua._errors import StoreError
from motcua.store import generation as _generation  # noqa: F401 - registers the bump hook

__all__ = ["Database", "open_database"]

log = logging.getLogger(__name__)
_MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _redact(url: str) -> str:
    """The URL without its password, for logs and error messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@dataclass
class Database:
    url: str
    engine: Engine
    sessionmaker: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error: nothing half-written."""
        session = self.sessionmaker()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def at_heads(self) -> bool:
        """True when the database is already at every head revision (the usual start).

        Why: importing and running Alembic costs a few hundred milliseconds at each start of
        the CLI or a worker; reading one small table does not.
        """
        try:
            with self.engine.connect() as conn:
                current = {row[0] for row in conn.execute(
                    text("SELECT version_num FROM alembic_version"))}
        except SQLAlchemyError:
            return False
        return current == _head_revisions()

    def migrate(self) -> None:
        if self.at_heads():
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not migrate the database {_redact(self.url)}: {exc.__class__.__name__}",
                hint="check MOTCUA_DATABASE_URL and that the server is running",
            ) from exc

    def dispose(self) -> None:
        self.engine.dispose()


def _head_revisions() -> set[str]:
    """Head revisions read from the migration files' own ``revision``/``down_revision`` lines."""
    import re

    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (_MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text("utf-8")
        rev = re.search(r'^revision\s*=\s*["\']([^"\']+)', source, re.M)
        down = re.search(r"^down_revision\s*=\s*(.+)$", source, re.M)
        if rev:
            revisions.add(rev.group(1))
        if down:
            parents.update(re.findall(r'["\']([^"\']+)["\']', down.group(1)))
    return revisions - parents


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open (and by default migrate) the database at ``url``."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"invalid database URL {url.split('@')[-1]!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    db = Database(url, engine, sessionmaker(engine, expire_on_commit=False))
    if migrate:
        try:
            db.migrate()
        except OperationalError as exc:  # pragma: no cover - wrapped above, kept for clarity
            raise StoreError(f"database unreachable: {_redact(url)}") from exc
    log.debug("database ready", extra={"url": _redact(url)})
    return db
