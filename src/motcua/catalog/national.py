"""Import of the national index of procedure names (``motcua catalog import-index``).

Why validate row by row: the index is crawled from the national portal and messy; one bad row
(no code, no name, a link that is not the portal's) must be skipped and counted, never stop
the import or reach a citizen. Why upsert by code with a field comparison: a re-import of the
same file changes nothing (idempotent) and a newer edition updates names and links in place.
One transaction: an interrupted import leaves the previous index whole.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from motcua._errors import FileFormatError, InputError
from motcua.store.db import Database
from motcua.store.generation import NATIONAL
from motcua.store.index_versions import notify
from motcua.store.models import utcnow
from motcua.store.national import NationalProcedure

__all__ = ["IndexImportReport", "NationalRow", "import_national_index", "validate_row"]

log = logging.getLogger(__name__)
_CODE = re.compile(r"^\d{1,3}\.\d{3,6}$")
_URL = re.compile(r"^https?://[^\s/]+\.gov\.vn/\S*$")
_MAX_NAME = 2000
_FIELDS = ("name", "issuer", "agency", "field", "url")


@dataclass(frozen=True)
class NationalRow:
    code: str
    name: str
    issuer: str
    agency: str
    field: str
    url: str

    def values(self) -> tuple[str, ...]:
        return tuple(getattr(self, f) for f in _FIELDS)


@dataclass
class IndexImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> rows
    no_url: int = 0  # rows kept without a link (the link was not a portal address)

    def to_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
                "skipped": sum(self.skipped.values()),
                "skipped_by_reason": dict(self.skipped.most_common()), "no_url": self.no_url}


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def validate_row(raw: object) -> NationalRow | str:
    """The row, cleaned, or the reason to skip it (a short English phrase, counted)."""
    if not isinstance(raw, dict):
        return "not an object"
    code = _text(raw.get("ma_so"))
    if not code:
        return "missing code"
    if not _CODE.match(code):
        return "malformed code"
    name = _text(raw.get("ten"))
    if len(name) < 5:
        return "missing name"
    if len(name) > _MAX_NAME:
        return "name too long"
    url = _text(raw.get("url"))
    return NationalRow(code=code, name=name, issuer=_text(raw.get("co_quan_ban_hanh")),
                       agency=_text(raw.get("co_quan_thuc_hien")),
                       field=_text(raw.get("linh_vuc")), url=url if _URL.match(url) else "")


def _read(path: Path) -> list[Any]:
    try:
        data = json.loads(Path(path).read_text("utf-8-sig"))
    except FileNotFoundError as exc:
        raise InputError(f"không tìm thấy tệp {path}", hint="check the path") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileFormatError(f"tệp {path} không phải JSON hợp lệ: {exc}",
                              hint="expected a JSON list of objects") from exc
    if not isinstance(data, list):
        raise FileFormatError(f"tệp {path} không phải danh sách thủ tục",
                              hint="expected a JSON list of objects with ma_so and ten")
    return data


def import_national_index(db: Database, path: Path) -> IndexImportReport:
    """Upsert the valid rows of ``path`` into ``national_procedures``; skip and count the rest."""
    report = IndexImportReport()
    rows: dict[str, NationalRow] = {}
    for raw in _read(path):
        row = validate_row(raw)
        if isinstance(row, str):
            report.skipped[row] += 1
        elif row.code in rows:
            report.skipped["duplicate code"] += 1
        else:
            rows[row.code] = row
            report.no_url += not row.url
    with db.session() as session:
        stored = {r.code: r for r in session.scalars(select(NationalProcedure))}
        for code, row in rows.items():
            old = stored.get(code)
            if old is None:
                session.add(NationalProcedure(code=code, source=str(path),
                                              **{f: getattr(row, f) for f in _FIELDS}))
                report.imported += 1
            elif tuple(getattr(old, f) for f in _FIELDS) == row.values():
                report.unchanged += 1
            else:
                for f in _FIELDS:
                    setattr(old, f, getattr(row, f))
                old.source, old.updated_at = str(path), utcnow()
                report.updated += 1
        if report.imported or report.updated:  # running servers reload the names (no restart)
            notify(session, NATIONAL)
    log.info("national index imported", extra=report.to_dict())
    return report
