"""Catalog import: portal JSON records and xlsx lists into the store, then the search index.

Why upsert by code with a content hash: the portal is re-crawled every few months; a re-import
must be cheap when nothing changed, replace what changed while keeping the old version (an
answer given last month must stay traceable), and never half-write a batch. Why the sample is
retired by the import itself: after a quickstart on the bundled sample, an official import must
leave no ``MAU.*`` record that could still rank (issue 11), and a crash between "import" and
"clean up" must not be able to leave both.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from motcua._errors import Conflict, FileFormatError, InputError
from motcua.catalog.manage import catalog_counts, retire_sample
from motcua.catalog.model import ParsedProcedure
from motcua.catalog.sample import is_sample_code
from motcua.search._crash import crash_point
from motcua.store import generation
from motcua.store.db import Database
from motcua.store.models import Procedure, ProcedureVersion, utcnow

__all__ = ["CatalogImporter", "ImportReport", "iter_catalog_files"]

log = logging.getLogger(__name__)
_BATCH = 200


@dataclass
class ImportReport:
    """What an import did; ``malformed`` and ``skipped`` say which file and why."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0  # bundled-sample records removed because an official catalog came in
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    malformed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    gaps: Counter[str] = field(default_factory=Counter)  # source field -> records lacking it

    @property
    def seen(self) -> int:
        return self.imported + self.updated + self.unchanged + len(self.skipped)

    def to_dict(self) -> dict[str, Any]:
        reasons = Counter(r for _, r in self.skipped)
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "retired_sample": self.retired,
            "skipped": len(self.skipped),
            "skipped_by_reason": dict(reasons.most_common()),
            "skipped_items": [{"source": s, "reason": r} for s, r in self.skipped],
            "malformed": [{"path": p, "reason": r} for p, r in self.malformed],
            "gaps": dict(self.gaps.most_common()),
        }


def iter_catalog_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Every .json and .xlsx file under the given files and folders, in a stable order."""
    for path in paths:
        if not path.exists():
            raise InputError(f"không tìm thấy: {path}", hint="check the path", path=str(path))
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in (".json", ".xlsx"))
        else:
            yield path


def _content_hash(raw: dict[str, Any]) -> str:
    blob = json.dumps(raw, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _load_records(path: Path) -> list[dict[str, Any]]:
    """The records a file holds; ``FileFormatError`` with the reason when it cannot be read."""
    if path.suffix.lower() == ".xlsx":
        from motcua.catalog.xlsx import read_procedure_list

        return [dict(r, _partial=True) for r in read_procedure_list(path)]
    if path.suffix.lower() != ".json":
        raise FileFormatError(f"{path}: not a .json or .xlsx file", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"{path}: not UTF-8 text ({exc.reason})", path=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            path=str(path),
        ) from exc
    except OSError as exc:
        raise FileFormatError(f"{path}: cannot read ({exc.strerror})", path=str(path)) from exc
    records = data if isinstance(data, list) else [data]
    if not all(isinstance(r, dict) for r in records):
        raise FileFormatError(f"{path}: expected a JSON object or a list of objects",
                              path=str(path))
    return records


class CatalogImporter:
    """Imports catalog files into a database. ``run`` returns an ``ImportReport``."""

    def __init__(
        self, db: Database, *, on_progress: Callable[[int, int], None] | None = None
    ) -> None:
        self.db = db
        self.on_progress = on_progress
        self._official = False  # an official record was written by this run

    def run(self, paths: Sequence[Path]) -> ImportReport:
        from motcua.catalog.parse import junk_reason, parse_record

        files = list(iter_catalog_files([Path(p) for p in paths]))
        report = ImportReport()
        batch: list[tuple[dict[str, Any], ParsedProcedure, str]] = []
        for done, path in enumerate(files, start=1):
            try:
                records = _load_records(path)
            except FileFormatError as exc:
                report.malformed.append((str(path), exc.message))
                log.warning("malformed catalog file", extra={"path": str(path)})
                records = []
            for i, raw in enumerate(records):
                source = str(path) if len(records) == 1 else f"{path}#{i}"
                partial = bool(raw.pop("_partial", False))
                try:  # a record without code or name is malformed, not junk
                    parsed = parse_record(raw, source=source)
                except FileFormatError as exc:
                    report.malformed.append((source, exc.message))
                    continue
                reason = None if partial else junk_reason(raw)
                if reason:
                    report.skipped.append((source, reason))
                    continue
                if partial:
                    parsed.gaps.append("partial_list_entry")
                batch.append((raw, parsed, source))
            if len(batch) >= _BATCH:
                self._write(batch, report)
                batch = []
            if self.on_progress:
                self.on_progress(done, len(files))
        if batch:
            self._write(batch, report)
        log.info("catalog import done", extra=report.to_dict() | {"skipped_items": None})
        return report

    def _write(
        self, batch: Iterable[tuple[dict[str, Any], ParsedProcedure, str]], report: ImportReport
    ) -> None:
        items = list(batch)
        with self.db.session() as session:
            items = self._keep_apart(session, items, report)
            codes = [p.code for _, p, _ in items]
            existing = {
                row.code: row
                for row in session.scalars(select(Procedure).where(Procedure.code.in_(codes)))
            }
            for raw, parsed, source in items:
                digest = _content_hash(raw)
                row = existing.get(parsed.code)
                partial = "partial_list_entry" in parsed.gaps
                if row is not None and (row.content_hash == digest or partial):
                    if partial and row.content_hash != digest:
                        report.skipped.append((source, "list entry; the full record is kept"))
                    else:
                        report.unchanged += 1
                    continue
                report.gaps.update(parsed.gaps)
                data = parsed.to_dict()
                levels = ",".join(parsed.levels)
                if row is None:
                    row = Procedure(
                        code=parsed.code, name=parsed.name, levels=levels, field=parsed.field,
                        version=1, content_hash=digest, source=source, data=data, raw=raw,
                        updated_at=utcnow(),
                    )
                    session.add(row)
                    existing[parsed.code] = row
                    report.imported += 1
                    continue
                session.add(ProcedureVersion(
                    code=row.code, version=row.version, content_hash=row.content_hash,
                    data=row.data, raw=row.raw, replaced_at=utcnow(),
                ))
                row.name, row.levels, row.field = parsed.name, levels, parsed.field
                row.version += 1
                row.content_hash, row.source, row.data, row.raw = digest, source, data, raw
                row.updated_at = utcnow()
                report.updated += 1
            session.flush()
            crash_point("import:flush")  # tests: the batch written, not committed
        crash_point("import:batch")  # tests: the batch committed, the index not rebuilt

    def _keep_apart(
        self, session: Session, items: list[tuple[dict[str, Any], ParsedProcedure, str]],
        report: ImportReport,
    ) -> list[tuple[dict[str, Any], ParsedProcedure, str]]:
        """Sample and official records never share a store.

        An official record retires every sample record in this same transaction; a sample
        record is skipped beside official ones of this run and refused (``Conflict``, nothing
        written) when the store already holds an official catalog. The counter lock makes a
        sample seeding and an official import that overlap run one after the other.
        """
        generation.lock(session, generation.CATALOG)
        sample = [it for it in items if is_sample_code(it[1].code)]
        official = [it for it in items if not is_sample_code(it[1].code)]
        if official:
            self._official = True
            report.retired += retire_sample(session)
        if sample and not self._official:
            held = catalog_counts(session).official
            if held:
                raise Conflict(
                    f"không nhập dữ liệu mẫu vào kho đã có danh mục chính thức ({held} thủ "
                    "tục): dữ liệu mẫu và dữ liệu thật không được trộn lẫn",
                    hint="dữ liệu mẫu chỉ dùng cho kho trống (MOTCUA_HOME khác, hoặc gỡ danh "
                         "mục: motcua catalog remove --all --yes)", official=held)
            return items
        report.skipped.extend((source, "dữ liệu mẫu (mã MAU.*): không nhập cùng danh mục "
                               "chính thức") for _, _, source in sample)
        return official
