"""What the catalog store holds, and taking records out of it: list, show, remove, retire.

Why here and not in the CLI: the importer retires the bundled sample inside its own transaction,
and the CLI, the service and the tests must tell "sample" from "official" the same way (a
``MAU.`` code, see ``catalog/sample.py``). Callers that change rows here rebuild the index
afterwards (``catalog/bootstrap.py`` does both, so the data home stays consistent).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any, Literal

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session

from motcua._errors import InputError, NotFound
from motcua.catalog.sample import SAMPLE_CODE_PREFIX, is_sample_code
from motcua.store.db import Database
from motcua.store.models import Procedure, ProcedureVersion

__all__ = [
    "CatalogCounts",
    "CatalogState",
    "ProcedureRow",
    "catalog_counts",
    "list_procedures",
    "remove_procedures",
    "retire_sample",
    "select_codes",
    "show_procedure",
]

log = logging.getLogger(__name__)

CatalogState = Literal["empty", "sample", "official", "mixed"]


def _is_sample(column: Any) -> ColumnElement[bool]:
    return column.startswith(SAMPLE_CODE_PREFIX, autoescape=True)


@dataclass(frozen=True)
class CatalogCounts:
    """How many sample and official procedures the store holds, and old versions kept."""

    sample: int
    official: int
    versions: int

    @property
    def total(self) -> int:
        return self.sample + self.official

    @property
    def state(self) -> CatalogState:
        if self.sample and self.official:
            return "mixed"  # only a data home from before sample retirement existed
        if self.sample:
            return "sample"
        return "official" if self.official else "empty"


def catalog_counts(session: Session) -> CatalogCounts:
    sample = session.scalar(select(func.count()).select_from(Procedure)
                            .where(_is_sample(Procedure.code))) or 0
    total = session.scalar(select(func.count()).select_from(Procedure)) or 0
    versions = session.scalar(select(func.count()).select_from(ProcedureVersion)) or 0
    return CatalogCounts(sample=int(sample), official=int(total) - int(sample),
                         versions=int(versions))


def _delete(session: Session, where: ColumnElement[bool],
            version_where: ColumnElement[bool]) -> None:
    """Delete procedures and their kept versions with bulk statements; the store's bulk hook
    (``generation._bump_on_bulk``) raises the catalog generation in this transaction."""
    session.execute(delete(ProcedureVersion).where(version_where))
    session.execute(delete(Procedure).where(where))


def retire_sample(session: Session) -> int:
    """Delete every bundled-sample record and its versions in the caller's transaction.

    Returns how many procedures were retired. The importer calls it in the transaction that
    writes the first official record, so no moment exists where both are committed.
    """
    n = int(session.scalar(select(func.count()).select_from(Procedure)
                           .where(_is_sample(Procedure.code))) or 0)
    if n:
        _delete(session, _is_sample(Procedure.code), _is_sample(ProcedureVersion.code))
        log.warning("bundled sample catalog retired: an official catalog is being imported",
                    extra={"retired": n})
    return n


@dataclass(frozen=True)
class ProcedureRow:
    code: str
    name: str
    levels: list[str]
    field: str
    version: int
    source: str
    folder: str
    sample: bool
    updated_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["updated_at"] = self.updated_at.isoformat() if self.updated_at else None
        return out


def _folder(source: str) -> str:
    """The folder a record came from (the portal crawl has one folder per ministry)."""
    path = source.split("#", 1)[0]
    return str(PurePath(path).parent) if path else ""


def _source_filter(source: str) -> ColumnElement[bool]:
    """Rows whose source is ``source`` itself, a record of that file, or a file below it."""
    prefix = source.rstrip("/")
    return or_(Procedure.source == prefix,
               Procedure.source.startswith(prefix + "#", autoescape=True),
               Procedure.source.startswith(prefix + "/", autoescape=True))


def list_procedures(db: Database, *, source: str | None = None) -> list[ProcedureRow]:
    """Every stored procedure (or those of one source), by code, without the heavy JSON."""
    query = select(Procedure.code, Procedure.name, Procedure.levels, Procedure.field,
                   Procedure.version, Procedure.source, Procedure.updated_at
                   ).order_by(Procedure.code)
    if source:
        query = query.where(_source_filter(source))
    with db.session() as session:
        return [ProcedureRow(code=code, name=" ".join(name.split()),
                             levels=[lv for lv in levels.split(",") if lv], field=field,
                             version=version, source=src, folder=_folder(src),
                             sample=is_sample_code(code), updated_at=updated)
                for code, name, levels, field, version, src, updated in session.execute(query)]


def folder_counts(rows: Sequence[ProcedureRow]) -> dict[str, int]:
    """Procedures per source folder, largest first."""
    return dict(Counter(r.folder for r in rows).most_common())


def show_procedure(db: Database, code: str) -> dict[str, Any]:
    """One stored record: its parsed data, raw source record and kept versions."""
    with db.session() as session:
        row = session.get(Procedure, code.strip())
        if row is None:
            raise NotFound(f"không có thủ tục mã {code} trong kho", code_=code,
                           hint="xem các mã đã nhập: motcua catalog list")
        versions = session.scalars(select(ProcedureVersion.version)
                                   .where(ProcedureVersion.code == row.code)
                                   .order_by(ProcedureVersion.version)).all()
        return {
            "code": row.code, "name": row.name,
            "levels": [lv for lv in row.levels.split(",") if lv], "field": row.field,
            "version": row.version, "old_versions": list(versions), "source": row.source,
            "sample": is_sample_code(row.code),
            "updated_at": row.updated_at.isoformat() if row.updated_at else None,
            "data": row.data, "raw": row.raw,
        }


def select_codes(db: Database, *, codes: Sequence[str] = (), source: str | None = None,
                 everything: bool = False) -> list[str]:
    """The stored codes one removal would take; exactly one way of choosing them.

    Unknown codes raise ``NotFound`` naming them all, so that a typo removes nothing.
    """
    chosen = sum([bool(codes), bool(source), everything])
    if chosen != 1:
        raise InputError("hãy chọn đúng một cách: các MÃ thủ tục, --source hoặc --all",
                         hint="ví dụ: motcua catalog remove 1.001193 --yes")
    with db.session() as session:
        query = select(Procedure.code).order_by(Procedure.code)
        if codes:
            wanted = sorted({c.strip() for c in codes if c.strip()})
            found = set(session.scalars(query.where(Procedure.code.in_(wanted))))
            missing = [c for c in wanted if c not in found]
            if missing:
                raise NotFound(f"không có thủ tục mã {', '.join(missing)} trong kho; "
                               "chưa xóa gì", hint="xem các mã đã nhập: motcua catalog list")
            return sorted(found)
        if source:
            query = query.where(_source_filter(source))
        return list(session.scalars(query))


def remove_procedures(db: Database, codes: Sequence[str]) -> int:
    """Delete these procedures and their kept versions in one transaction; returns the count."""
    if not codes:
        return 0
    with db.session() as session:
        for start in range(0, len(codes), 500):  # bounded IN lists
            part = list(codes[start:start + 500])
            _delete(session, Procedure.code.in_(part), ProcedureVersion.code.in_(part))
    log.warning("procedures removed from the catalog", extra={"removed": len(codes)})
    return len(codes)
