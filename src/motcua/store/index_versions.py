"""Index versions: every search-index build, recorded in the store that all workers share.

Why in the database: a worker on another machine has its own data home, so it cannot see
the builder's index folder; what it can see is the store. The builder records each build's
content hash (a digest of the manifest's file digests, so the same rows give the same hash
on every machine: the build is deterministic), the store generation it was read at and its
count, and on PostgreSQL notifies ``motcua_index`` in the same transaction (a NOTIFY is
delivered on commit, never for a rolled-back build). Workers listen, and poll as well because
a NOTIFY is best-effort (a dropped connection loses it); on SQLite they only poll.

A worker rebuilds from the store rather than downloading folders: the procedure index is a
few MB and builds in seconds, and its hash tells whether it matches what the builder made.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, UniqueConstraint, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, mapped_column

from motcua._errors import StoreError
from motcua.store.db import Database
from motcua.store.models import Base, utcnow

__all__ = ["CHANNEL", "BuildRecord", "IndexVersion", "latest", "notify", "record"]

CHANNEL = "motcua_index"  # the PostgreSQL LISTEN/NOTIFY channel; the payload is the kind


class IndexVersion(Base):
    __tablename__ = "index_versions"
    __table_args__ = (UniqueConstraint("kind", "generation", "version",
                                       name="uq_index_versions_build"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(64))
    generation: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    builder: Mapped[str] = mapped_column(String(255))


@dataclass(frozen=True)
class BuildRecord:
    kind: str
    version: str
    generation: int
    count: int
    built_at: str
    builder: str


def notify(session: Session, kind: str) -> None:
    """Tell listening workers that ``kind`` changed, on commit (PostgreSQL; no-op on SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :kind)"),
                        {"channel": CHANNEL, "kind": kind})


def record(db: Database, kind: str, version: str, generation: int, count: int) -> bool:
    """Record one build; False when this very build (kind, generation, hash) is already there
    (another worker rebuilt the same rows: nothing new to announce)."""
    try:
        with db.session() as session:
            seen = session.scalar(select(IndexVersion.id).where(
                IndexVersion.kind == kind, IndexVersion.generation == generation,
                IndexVersion.version == version))
            if seen is not None:
                return False
            session.add(IndexVersion(kind=kind, version=version, generation=generation,
                                     count=count, builder=f"{socket.gethostname()}:{os.getpid()}"))
            session.flush()
            notify(session, kind)
    except IntegrityError:  # recorded by another process between our check and insert
        return False
    except SQLAlchemyError as exc:
        raise StoreError(f"không ghi được phiên bản chỉ mục ({exc.__class__.__name__})",
                         hint="kiểm tra MOTCUA_DATABASE_URL và máy chủ cơ sở dữ liệu") from exc
    return True


def latest(engine: Engine, kind: str) -> BuildRecord | None:
    """The newest recorded build of ``kind`` (None before the first)."""
    try:
        with engine.connect() as conn:
            table = IndexVersion.__table__
            row = conn.execute(select(table).where(table.c.kind == kind)
                               .order_by(table.c.id.desc()).limit(1)).first()
    except SQLAlchemyError as exc:
        raise StoreError(f"không đọc được phiên bản chỉ mục ({exc.__class__.__name__})",
                         hint="kiểm tra MOTCUA_DATABASE_URL và máy chủ cơ sở dữ liệu") from exc
    if row is None:
        return None
    m = row._mapping  # by name: a Row is a tuple, so ``row.count`` is tuple.count
    built = m["built_at"].isoformat() if m["built_at"] else ""
    return BuildRecord(m["kind"], m["version"], int(m["generation"]), int(m["count"]), built,
                       m["builder"])
