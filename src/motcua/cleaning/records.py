"""One pass over a register: every row in, every row out with added columns, and a report.

Why one pass and added columns only: officials must be able to lay the output next to the
input; we never change or drop an input cell, we add what we found and say why.
"""

from __future__ import annotations

import datetime as dt
import logging
import resource
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from motcua._errors import InputError
from motcua.cleaning.convert import AddressResult, clean_address
from motcua.cleaning.dates import parse_date
from motcua.cleaning.duplicates import DuplicateFinder
from motcua.cleaning.files import AtomicTableWriter, TableReader, cell_text
from motcua.cleaning.ids import check_id
from motcua.cleaning.names import clean_name
from motcua.cleaning.names import name_key as person_key
from motcua.cleaning.phones import clean_phone
from motcua.cleaning.units import fast_fold, load_units
from motcua.text import nfc

__all__ = ["ADDRESS_COLUMNS", "FIELDS", "RunSummary", "clean_addresses_file",
           "clean_records_file", "parse_mapping"]

log = logging.getLogger(__name__)
ADDRESS_COLUMNS = ["new_province", "new_ward", "new_ward_code", "address_status",
                   "address_candidates"]
FIELDS = ("name", "dob", "id", "address", "phone", "sex")
ISSUE_COLUMNS = ["line", "field", "value", "status", "note"]
MAX_LISTED = 10_000
Progress = Callable[[int, int], None]


@dataclass
class RunSummary:
    input: str
    output: str
    encoding: str = ""
    rows: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    statuses: dict[str, Counter[str]] = field(default_factory=dict)
    patterns: Counter[str] = field(default_factory=Counter)
    malformed: list[dict[str, Any]] = field(default_factory=list)
    malformed_count: int = 0
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    duplicate_count: int = 0

    def count(self, fld: str, status: str) -> None:
        self.statuses.setdefault(fld, Counter())[status] += 1

    def to_dict(self) -> dict[str, Any]:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {
            "input": self.input, "output": self.output, "encoding": self.encoding,
            "rows": self.rows, "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows / self.seconds, 1) if self.seconds else None,
            "cpu_seconds": round(self.cpu_seconds, 3),
            "rows_per_cpu_second": (round(self.rows / self.cpu_seconds, 1)
                                    if self.cpu_seconds else None),
            "peak_memory_mb": round(peak, 1),
            "statuses": {k: dict(v) for k, v in self.statuses.items()},
            "top_unparsed_patterns": [{"pattern": p, "count": c}
                                      for p, c in self.patterns.most_common(10)],
            "malformed_rows": self.malformed, "malformed_count": self.malformed_count,
            "duplicates": self.duplicates, "duplicate_count": self.duplicate_count,
        }


def _find_column(header: list[str], wanted: str) -> int:
    if wanted in header:
        return header.index(wanted)
    folded = [" ".join(fast_fold(nfc(h)).split()) for h in header]
    key = " ".join(fast_fold(nfc(wanted)).split())
    if key in folded:
        return folded.index(key)
    raise InputError(f"Không có cột {wanted!r}",
                     hint=f"các cột trong tệp: {', '.join(h for h in header if h)}")


def parse_mapping(text: str) -> dict[str, str]:
    """``name=Họ tên,dob=Ngày sinh`` → {"name": "Họ tên", "dob": "Ngày sinh"}."""
    mapping: dict[str, str] = {}
    for part in (p for p in text.split(",") if p.strip()):
        key, sep, col = part.partition("=")
        key = key.strip().lower()
        if not sep or not col.strip() or key not in FIELDS:
            raise InputError(f"Mục --map không hợp lệ: {part.strip()!r}",
                             hint=f"viết trường=Tên cột, trường là một trong: {', '.join(FIELDS)}")
        mapping[key] = col.strip()
    if not mapping:
        raise InputError("--map trống", hint="ví dụ --map 'name=Họ tên,dob=Ngày sinh'")
    return mapping


@lru_cache(maxsize=20_000)
def _address(text: str) -> AddressResult:
    """Registers repeat the same addresses (a village, a ward) thousands of times; bounded so
    that memory stays flat on a million distinct addresses."""
    return clean_address(text)


def _address_cells(value: Any, summary: RunSummary) -> tuple[list[str], AddressResult]:
    res = _address(cell_text(value).strip())
    summary.count("address", res.status)
    if res.status in ("not_found", "invalid", "ambiguous") and res.pattern:
        summary.patterns[res.pattern] += 1
    return [res.new_province, res.new_ward, res.new_ward_code, res.status,
            res.candidates_text()], res


def _malformed(summary: RunSummary, line: int, problem: str) -> None:
    summary.malformed_count += 1
    if len(summary.malformed) < MAX_LISTED:
        summary.malformed.append({"line": line, "problem": problem})
    log.warning("malformed row", extra={"line": line, "problem": problem})


def default_output(inp: Path) -> Path:
    return inp.with_name(f"{inp.stem}.cleaned{inp.suffix.lower()}")


def _check_output(inp: Path, out: Path) -> None:
    """The input is the record of what was received; we never write over it."""
    if out.resolve() == inp.resolve():
        raise InputError(f"Tệp đầu ra {out.name} trùng tệp đầu vào",
                         hint="chọn đường dẫn -o khác; tệp đầu vào không bao giờ bị ghi đè")


def clean_addresses_file(inp: Path, column: str, out: Path | None = None, *,
                         encoding: str | None = None, sheet: str | None = None,
                         progress: Progress | None = None) -> RunSummary:
    out = out or default_output(inp)
    _check_output(inp, out)
    load_units()
    start, cpu = time.perf_counter(), time.process_time()
    with TableReader(inp, encoding=encoding, sheet=sheet) as reader:
        summary = RunSummary(str(inp), str(out), reader.encoding)
        col = _find_column(reader.header, column)
        with AtomicTableWriter(out, reader.header + ADDRESS_COLUMNS) as writer:
            for row in reader.rows():
                if row.problem:
                    _malformed(summary, row.line, row.problem)
                    if not row.values:
                        continue
                summary.rows += 1
                cells, _ = _address_cells(row.values[col], summary)
                writer.write(row.values + cells)
                if progress and summary.rows % 1000 == 0:
                    progress(reader.progress, reader.total)
        if progress:
            progress(reader.total, reader.total)
    summary.seconds = time.perf_counter() - start
    summary.cpu_seconds = time.process_time() - cpu
    return summary


def _record_cells(values: list[Any], cols: dict[str, int], line: int, summary: RunSummary,
                  dups: DuplicateFinder, issues: AtomicTableWriter | None) -> list[Any]:
    out: list[Any] = []
    notes: list[str] = []

    def issue(fld: str, value: Any, status: str, note: str) -> None:
        summary.count(fld, status)
        if status not in ("ok", "changed", "empty") or note:
            if note:
                notes.append(note)
            if issues is not None and status not in ("ok", "changed"):
                issues.write([line, fld, cell_text(value), status, note])

    name = dob_text = id_digits = ""
    dob: dt.date | None = None
    if "name" in cols:
        r = clean_name(values[cols["name"]])
        issue("name", values[cols["name"]], r.status, r.note)
        out += [r.value, r.status]
        name = person_key(r.value) if r.status in ("ok", "changed") else ""
    if "dob" in cols:
        d = parse_date(values[cols["dob"]])
        issue("dob", values[cols["dob"]], d.status, d.note)
        out += [d.text, d.status]
        dob, dob_text = d.value, d.text
    if "id" in cols:
        sex = cell_text(values[cols["sex"]]) if "sex" in cols else None
        i = check_id(values[cols["id"]], dob=dob, sex=sex)
        issue("id", values[cols["id"]], i.status, i.note)
        out += [i.status, i.note]
        id_digits = i.value.replace(" ", "") if i.kind else ""
    if "phone" in cols:
        p = clean_phone(values[cols["phone"]])
        issue("phone", values[cols["phone"]], p.status, p.note)
        out += [p.value, p.status]
    if "address" in cols:
        cells, res = _address_cells(values[cols["address"]], summary)
        if res.status in ("ambiguous", "not_found", "invalid") and issues is not None:
            issues.write([line, "address", res.input, res.status, res.reason_text])
        out += cells
    found = dups.check(line, name=name, dob=dob_text, id_number=id_digits)
    for dup in found:
        summary.duplicate_count += 1
        if len(summary.duplicates) < MAX_LISTED:
            summary.duplicates.append(dup.to_dict())
        if issues is not None:
            issues.write([line, "duplicate", str(dup.first_line), dup.reason,
                          f"có thể trùng người ở dòng {dup.first_line}"])
    out.append("; ".join(f"dòng {dup.first_line} ({dup.reason})" for dup in found))
    out.append("; ".join(notes))
    return out


def _record_columns(mapping: dict[str, str]) -> list[str]:
    added: list[str] = []
    for fld, cols in (("name", ["name_clean", "name_status"]),
                      ("dob", ["dob_clean", "dob_status"]),
                      ("id", ["id_status", "id_note"]),
                      ("phone", ["phone_clean", "phone_status"]),
                      ("address", ADDRESS_COLUMNS)):
        if fld in mapping:
            added += cols
    return [*added, "duplicate_of", "notes"]


def clean_records_file(inp: Path, mapping: dict[str, str], out: Path | None = None, *,
                       issues_path: Path | None = None, encoding: str | None = None,
                       sheet: str | None = None, progress: Progress | None = None) -> RunSummary:
    out = out or default_output(inp)
    _check_output(inp, out)
    if issues_path is not None:
        _check_output(inp, issues_path)
    load_units()
    start, cpu = time.perf_counter(), time.process_time()
    with TableReader(inp, encoding=encoding, sheet=sheet) as reader:
        summary = RunSummary(str(inp), str(out), reader.encoding)
        cols = {fld: _find_column(reader.header, col) for fld, col in mapping.items()}
        dups = DuplicateFinder()
        issues = AtomicTableWriter(issues_path, ISSUE_COLUMNS) if issues_path else None
        try:
            with AtomicTableWriter(out, reader.header + _record_columns(mapping)) as writer:
                for row in reader.rows():
                    if row.problem:
                        _malformed(summary, row.line, row.problem)
                        if issues is not None:
                            issues.write([row.line, "row", "", "malformed", row.problem])
                        if not row.values:
                            continue
                    summary.rows += 1
                    writer.write(row.values + _record_cells(row.values, cols, row.line,
                                                            summary, dups, issues))
                    if progress and summary.rows % 1000 == 0:
                        progress(reader.progress, reader.total)
            if issues is not None:
                issues.commit()
        except BaseException:
            if issues is not None:
                issues.abort()
            raise
        if progress:
            progress(reader.total, reader.total)
    summary.seconds = time.perf_counter() - start
    summary.cpu_seconds = time.process_time() - cpu
    return summary
