"""The imported dossiers in the main store, and the ``DossierSource`` that reads them.

Why the main store and not the dossiers room's DuckDB file: that file holds analytics with no
personal link at all, and must stay so; a status lookup is keyed by one person's dossier and
guarded by their second factor, which belongs with the service's other guarded tables (and
with PostgreSQL when the deployment uses it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Date, DateTime, String, Text, delete, func, select
from sqlalchemy.orm import Mapped, mapped_column

from motcua.service._tx import write_session
from motcua.store.db import Database
from motcua.store.models import Base, utcnow
from motcua.tracking.record import DossierRecord
from motcua.tracking.status import DossierStatus

__all__ = ["StoredSource", "TrackedDossier", "replace_records"]

_CHUNK = 500  # codes per DELETE ... IN (...), under SQLite's variable limit


class TrackedDossier(Base):
    __tablename__ = "tracked_dossiers"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    procedure_name: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(2))
    received_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    due_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    result_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    returned_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    pickup_place: Mapped[str] = mapped_column(Text, default="")
    salt: Mapped[str] = mapped_column(String(32))
    id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    phone_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _record(row: TrackedDossier) -> DossierRecord:
    return DossierRecord(code=row.code, procedure_name=row.procedure_name,
                         status=DossierStatus(row.status), received_at=row.received_at,
                         due_at=row.due_at, result_at=row.result_at,
                         returned_at=row.returned_at, pickup_place=row.pickup_place,
                         salt=row.salt, id_hash=row.id_hash, phone_hash=row.phone_hash)


class StoredSource:
    """``DossierSource`` over the imported export (``motcua status import``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, code: str) -> DossierRecord | None:
        with self.db.session() as s:
            row = s.get(TrackedDossier, code)
            return _record(row) if row is not None else None

    def count(self) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(TrackedDossier)) or 0)


def replace_records(db: Database, records: Sequence[DossierRecord]) -> int:
    """Store ``records`` in one transaction, each replacing the stored dossier of its code
    (an export is the system's latest word on the dossiers it lists)."""
    now = utcnow()
    with write_session(db) as s:
        codes = [r.code for r in records]
        for i in range(0, len(codes), _CHUNK):
            s.execute(delete(TrackedDossier).where(TrackedDossier.code.in_(codes[i:i + _CHUNK])))
        s.add_all(TrackedDossier(
            code=r.code, procedure_name=r.procedure_name, status=r.status.value,
            received_at=r.received_at, due_at=r.due_at, result_at=r.result_at,
            returned_at=r.returned_at, pickup_place=r.pickup_place, salt=r.salt,
            id_hash=r.id_hash, phone_hash=r.phone_hash, imported_at=now) for r in records)
    return len(records)
