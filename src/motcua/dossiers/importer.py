"""``motcua data import``: exports checked row by row, then written all at once or not at all.

Why all or nothing: an official who imports a month and gets half of it would report wrong
figures upward without knowing. Every file is read and every row checked first; any problem
stops the import and lists each bad row (file, row number as Excel shows it, column, value,
what to do). Only then are the rows written, in one DuckDB transaction that replaces dossiers
of the same code (a later export of the same dossier is its newer state).

Normalisations, documented in docs/dossiers.md: the commune is resolved to its official name
and code in the deployment's province; a due date written without a time means the end of
that day; a blank status is derived from the dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from motcua._errors import InputError, UnknownCommune
from motcua._settings import get_settings
from motcua.communes.units import resolve_unit
from motcua.dossiers.dates import DateProblem, parse_datetime
from motcua.dossiers.reader import read_sheet
from motcua.dossiers.schema import (
    CHANNEL_WORDS,
    FIELD_LABELS,
    NO,
    STATUS_WORDS,
    TABLE,
    YES,
    Column,
    Status,
    key,
)
from motcua.dossiers.store import dossier_path, writing
from motcua.text import fold

__all__ = ["ImportResult", "import_exports"]

log = logging.getLogger(__name__)
_MAX_LISTED = 30
_OUT = ("code", "procedure_code", "procedure_name", "field", "commune", "commune_code",
        "channel", "received_at", "due_at", "result_at", "returned_at", "status",
        "paid_online", "digitised", "source")
_UNIT_PREFIXES = ("ubnd ", "uy ban nhan dan ", "bo phan mot cua ", "bo phan tiep nhan va tra "
                  "ket qua ", "trung tam phuc vu hanh chinh cong ", "tt phvhcc ")


@dataclass
class ImportResult:
    files: list[str]
    rows: int
    new: int
    replaced: int
    seconds: float
    mappings: dict[str, dict[str, str]] = field(default_factory=dict)  # file -> column: header
    ignored: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return self.__dict__.copy()


class _Problem(Exception):
    def __init__(self, column: Column, value: object, why: str, todo: str) -> None:
        super().__init__(why)
        self.column, self.value, self.why, self.todo = column, value, why, todo


def _commune_name(raw: str, province: str) -> tuple[str, str]:
    text = " ".join(raw.split())
    folded = fold(text).lower()
    for prefix in _UNIT_PREFIXES:
        if folded.startswith(prefix):
            text = text[len(prefix):].strip()
            break
    unit = resolve_unit(text, province=province)
    return unit.name, unit.code


def _clean(value: object) -> str | None:
    text = "" if value is None else " ".join(str(value).split())
    return text or None


class _Cells:
    """Each distinct cell value of a column is converted once (an export of a million rows
    holds a few hundred communes and channel words, and repeats its dates a lot)."""

    def __init__(self, province: str) -> None:
        self.province = province
        self.memo: dict[Column, dict[object, object]] = {c: {} for c in Column}

    def get(self, row: Mapping[Column, object], col: Column) -> Any:
        value = row.get(col)
        memo = self.memo[col]
        try:
            found = memo[value]
        except KeyError:
            try:
                found = self._convert(col, value)
            except _Problem as p:
                found = p
            memo[value] = found
        if isinstance(found, _Problem):
            raise found
        return found

    def _convert(self, col: Column, value: object) -> object:
        if col in (Column.RECEIVED_AT, Column.DUE_AT, Column.RESULT_AT, Column.RETURNED_AT):
            try:
                when = parse_datetime(value)
            except DateProblem as exc:
                raise _Problem(col, value, str(exc), "ghi ngày dạng dd/mm/yyyy (có thể kèm giờ "
                               "HH:MM)") from None
            if when is not None and col == Column.DUE_AT and when.time() == dt.time(0, 0):
                when = when.replace(hour=23, minute=59, second=59)  # a due day: its end
            return when
        text = _clean(value)
        if col == Column.COMMUNE:
            try:
                return _commune_name(text or "", self.province)
            except UnknownCommune as exc:
                raise _Problem(col, text or "", exc.message, "ghi tên xã/phường của "
                               f"{self.province} (ví dụ 'Xã Hữu Lũng') hoặc mã xã") from None
        if text is None:
            return None
        if col == Column.CHANNEL:
            if (channel := CHANNEL_WORDS.get(key(text))) is None:
                raise _Problem(col, text, "không rõ kênh nộp",
                               "ghi 'Trực tiếp', 'Trực tuyến' hoặc 'Bưu chính'")
            return channel.value
        if col == Column.STATUS:
            if (state := STATUS_WORDS.get(key(text))) is None:
                raise _Problem(col, text, "không rõ trạng thái", "ghi 'Đang xử lý', 'Đã giải "
                               "quyết', 'Đã trả kết quả', 'Từ chối' hoặc 'Đã hủy'")
            return state.value
        if col in (Column.PAID_ONLINE, Column.DIGITISED):
            if value is True or value is False:
                return value
            if (k := key(text)) in YES:
                return True
            if k in NO:
                return False
            raise _Problem(col, value, "không phải có/không",
                           "ghi 'Có' hoặc 'Không' (hoặc để trống)")
        return text

    def row(self, row: Mapping[Column, object], source: str) -> tuple[object, ...]:
        code = _clean(row.get(Column.CODE))
        if code is None:
            raise _Problem(Column.CODE, "", "mã hồ sơ trống", "điền mã hồ sơ (số biên nhận)")
        commune, commune_code = self.get(row, Column.COMMUNE)
        received = self.get(row, Column.RECEIVED_AT)
        if received is None:
            raise _Problem(Column.RECEIVED_AT, "", "ngày tiếp nhận trống",
                           "điền ngày tiếp nhận")
        due, result = self.get(row, Column.DUE_AT), self.get(row, Column.RESULT_AT)
        returned = self.get(row, Column.RETURNED_AT)
        for col, when in ((Column.DUE_AT, due), (Column.RESULT_AT, result),
                          (Column.RETURNED_AT, returned)):
            if when is not None and when.date() < received.date():
                raise _Problem(col, row.get(col), "trước ngày tiếp nhận "
                               f"{received:%d/%m/%Y}", "kiểm tra lại hai ngày này")
        channel, state = self.get(row, Column.CHANNEL), self.get(row, Column.STATUS)
        if state is None:
            state = (Status.RETURNED if returned else Status.RESOLVED if result
                     else Status.PROCESSING).value
        return (code, self.get(row, Column.PROCEDURE_CODE), self.get(row, Column.PROCEDURE_NAME),
                self.get(row, Column.FIELD), commune, commune_code, channel, received, due,
                result, returned, state, self.get(row, Column.PAID_ONLINE),
                self.get(row, Column.DIGITISED), source)


def _describe(path: Path, n: int, p: _Problem, header: str) -> str:
    shown = str(p.value)[:60]
    return (f"{path.name}, dòng {n}, cột '{header}': '{shown}' — {p.why}; {p.todo}."
            if shown else f"{path.name}, dòng {n}, cột '{header}': {p.why}; {p.todo}.")


def import_exports(paths: Sequence[Path], *, overrides: Mapping[str, str] | None = None,
                   target: Path | None = None) -> ImportResult:
    """Check every row of every file, then write them all in one transaction (or nothing)."""
    start = time.perf_counter()
    province = get_settings().default_province
    target = target or dossier_path()
    problems: list[str] = []
    n_problems = 0
    seen: dict[str, tuple[str, int]] = {}
    cells = _Cells(province)
    result = ImportResult([p.name for p in paths], 0, 0, 0, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "rows.csv"
        with staged.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            for path in paths:
                sheet = read_sheet(path, overrides)
                result.mappings[path.name] = {c.value: h for c, h in sheet.mapping.items()}
                result.ignored[path.name] = sheet.ignored
                for n, raw in sheet.rows:
                    try:
                        values = cells.row(raw, path.name)
                    except _Problem as p:
                        n_problems += 1
                        if len(problems) < _MAX_LISTED:
                            header = sheet.mapping.get(p.column, FIELD_LABELS[p.column])
                            problems.append(_describe(path, n, p, header))
                        continue
                    code = str(values[0])
                    if (first := seen.get(code)) is not None:
                        n_problems += 1
                        if len(problems) < _MAX_LISTED:
                            problems.append(f"{path.name}, dòng {n}, cột "
                                            f"'{sheet.mapping[Column.CODE]}': '{code}' — trùng "
                                            f"mã hồ sơ ở {first[0]} dòng {first[1]}; bỏ một "
                                            "trong hai dòng.")
                        continue
                    seen[code] = (path.name, n)
                    if not n_problems:
                        writer.writerow(values)  # str(datetime) is ISO with a space
                    result.rows += 1
        if n_problems:
            more = n_problems - len(problems)
            raise InputError(
                f"không nhập gì: {n_problems} dòng có lỗi\n" + "\n".join(problems)
                + (f"\n... và {more} dòng lỗi khác" if more > 0 else ""),
                hint="sửa các dòng trên trong tệp rồi nhập lại cả tệp", errors=n_problems)
        if not result.rows:
            raise InputError("không có dòng hồ sơ nào dưới dòng tiêu đề",
                             hint="kiểm tra tệp có dữ liệu hồ sơ")
        result.new, result.replaced = _write(staged, target, [p.name for p in paths],
                                             result.rows)
    result.seconds = round(time.perf_counter() - start, 2)
    log.info("dossiers imported", extra={"rows": result.rows, "seconds": result.seconds})
    return result


def _write(staged: Path, target: Path, files: list[str], rows: int) -> tuple[int, int]:
    columns = ", ".join(f"'{c}': '{t}'" for c, t in zip(_OUT, (
        "VARCHAR",) * 7 + ("TIMESTAMP",) * 4 + ("VARCHAR", "BOOLEAN", "BOOLEAN", "VARCHAR"),
        strict=True))
    with writing(target) as con:
        con.execute("CREATE TEMP TABLE staged AS SELECT * FROM read_csv(?, header=false, "
                    f"columns={{{columns}}}, delim=',', quote='\"', escape='\"')", [str(staged)])
        found = con.execute(f"SELECT count(*) FROM {TABLE} WHERE code IN "
                            "(SELECT code FROM staged)").fetchone()
        replaced = int(found[0]) if found else 0
        con.execute(f"DELETE FROM {TABLE} WHERE code IN (SELECT code FROM staged)")
        con.execute(f"INSERT INTO {TABLE} SELECT * FROM staged")
        con.execute("INSERT INTO dossier_imports VALUES (now(), ?, ?, ?)",
                    [", ".join(files), rows - replaced, replaced])
    return rows - int(replaced), int(replaced)
