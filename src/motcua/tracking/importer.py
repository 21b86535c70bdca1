"""``motcua status import FILE``: the one-stop system's export (CSV, XLSX or JSON) into the store.

Why all or nothing: an official who imports a file with a bad row and sees "done" would
believe every dossier is up to date; a half-imported file shows some citizens yesterday's
state. So every row is checked first, every bad row is reported (row number, column, what is
wrong), and nothing is written unless all rows are good.

Why only these columns: the lookup shows the procedure, the state, its dates and where to
collect; anything else in the export (names, addresses, notes) is read past and never kept.
The ID number and the phone are reduced to hashes of their last four digits on reading.
Headers are folded like the dossiers room's (``dossiers.schema.key``) and share its spellings.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from motcua._errors import FileFormatError, InputError
from motcua.dossiers.dates import DateProblem, parse_datetime
from motcua.dossiers.reader import xlsx_rows
from motcua.dossiers.schema import HEADER_ALIASES, Column, key
from motcua.store.db import Database
from motcua.tracking.codes import canonical_code
from motcua.tracking.record import DossierRecord, FactorKey, last4
from motcua.tracking.status import parse_status
from motcua.tracking.store import replace_records

__all__ = ["ALIASES", "ImportResult", "import_file", "read_records", "record_from_mapping"]

log = logging.getLogger(__name__)
_SHOWN_ERRORS = 20
_DATES = ("received_at", "due_at", "result_at", "returned_at")
_LABELS = {"code": "Mã hồ sơ", "procedure_name": "Tên thủ tục", "status": "Trạng thái",
           "received_at": "Ngày tiếp nhận", "due_at": "Ngày hẹn trả",
           "result_at": "Ngày có kết quả", "returned_at": "Ngày trả kết quả",
           "pickup_place": "Nơi nhận kết quả", "id_number": "Số CCCD",
           "phone": "Số điện thoại"}
_SHARED = {Column.CODE: "code", Column.PROCEDURE_NAME: "procedure_name",
           Column.STATUS: "status", Column.RECEIVED_AT: "received_at",
           Column.DUE_AT: "due_at", Column.RESULT_AT: "result_at",
           Column.RETURNED_AT: "returned_at"}
_OWN = {
    "pickup_place": ("Nơi nhận kết quả", "Nơi trả kết quả", "Địa điểm trả kết quả",
                     "Địa điểm nhận kết quả", "Địa chỉ nhận kết quả", "Nơi nhận"),
    "id_number": ("Số CCCD", "CCCD", "Số CMND", "CMND/CCCD", "Số căn cước", "Số định danh",
                  "Số định danh cá nhân", "Số giấy tờ tùy thân", "4 số cuối CCCD", "id_last4"),
    "phone": ("Số điện thoại", "Điện thoại", "SĐT", "SDT", "Di động", "4 số cuối điện thoại",
              "phone_last4"),
}
ALIASES: dict[str, str] = {
    **{k: _SHARED[c] for k, c in HEADER_ALIASES.items() if c in _SHARED},
    **{key(s): col for col, spellings in _OWN.items() for s in spellings},
    **{key(col): col for col in _LABELS},
}


@dataclass(frozen=True)
class ImportResult:
    path: Path
    rows: int
    ignored_headers: list[str]


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileFormatError(f"{name}: không đọc được bảng mã chữ", hint="lưu lại tệp dạng UTF-8")


def _table(path: Path) -> Iterator[list[object]]:
    """The file's rows as lists of cells, the header first (JSON: its objects' keys)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        text = _decode(path.read_bytes(), path.name)
        delimiter = max((",", ";", "\t"), key=text[:8192].count)
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    elif suffix == ".json":
        try:
            data = json.loads(_decode(path.read_bytes(), path.name))
        except json.JSONDecodeError as exc:
            raise FileFormatError(f"{path.name}: JSON hỏng ở dòng {exc.lineno}",
                                  hint="xuất lại tệp từ hệ thống một cửa") from None
        items = data.get("dossiers", data.get("data")) if isinstance(data, dict) else data
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise FileFormatError(f"{path.name}: JSON cần là danh sách hồ sơ [{{...}}, ...]",
                                  hint='hoặc {"dossiers": [...]}, mỗi hồ sơ một đối tượng')
        headers = list(dict.fromkeys(k for item in items for k in item))
        yield list(headers)
        for item in items:
            yield [item.get(h) for h in headers]
    elif suffix in (".xlsx", ".xlsm"):
        yield from xlsx_rows(path)
    else:
        raise FileFormatError(f"{path.name}: chỉ nhận tệp .csv, .xlsx hoặc .json",
                              hint="xuất dữ liệu từ hệ thống một cửa dạng Excel, CSV hoặc JSON")


def _header(rows: Iterator[list[object]], name: str) -> tuple[int, dict[str, int], list[str]]:
    for n, cells in enumerate(rows, start=1):
        text = ["" if c is None else str(c).strip() for c in cells]
        found = {i: ALIASES[key(c)] for i, c in enumerate(text) if key(c) in ALIASES}
        if {"code", "status"} <= set(found.values()):
            mapping: dict[str, int] = {}
            for i, col in found.items():
                if col in mapping:
                    raise InputError(f"{name}: hai cột cùng là '{_LABELS[col]}': "
                                     f"'{text[mapping[col]]}' và '{text[i]}'",
                                     hint="xóa hoặc đổi tên một trong hai cột")
                mapping[col] = i
            if "id_number" not in mapping and "phone" not in mapping:
                raise InputError(f"{name}: thiếu cột số CCCD hoặc số điện thoại",
                                 hint="cần một trong hai để người dân xác minh khi tra cứu")
            return n, mapping, [c for i, c in enumerate(text) if c and i not in found]
        if n >= 20:
            break
    raise InputError(f"{name}: không thấy dòng tiêu đề có 'Mã hồ sơ' và 'Trạng thái'",
                     hint="dòng tiêu đề cần nằm trong 20 dòng đầu")


def _date(value: object) -> object:
    stamp = parse_datetime(value)
    return stamp.date() if stamp is not None else None


def _row(cells: list[object], mapping: dict[str, int], fkey: FactorKey,
         ) -> tuple[DossierRecord | None, list[tuple[str, str]]]:
    def cell(col: str) -> object:
        i = mapping.get(col)
        return cells[i] if i is not None and i < len(cells) else None

    errors: list[tuple[str, str]] = []
    fields: dict[str, object] = {}
    code = canonical_code(str(cell("code") or ""))
    if code is None:
        errors.append(("code", f"{str(cell('code') or '')[:40]!r} không đúng dạng "
                               "000.00.20.H35-250701-0001"))
    try:
        fields["status"] = parse_status(cell("status"))
    except ValueError as exc:
        errors.append(("status", str(exc)))
    for col in _DATES:
        try:
            fields[col] = _date(cell(col))
        except DateProblem as exc:
            errors.append((col, str(exc)))
    id_number, phone = cell("id_number"), cell("phone")
    if last4(id_number) is None and last4(phone) is None:
        errors.append(("id_number", "cần số CCCD hoặc số điện thoại (ít nhất 4 chữ số cuối)"))
    if errors or code is None:
        return None, errors
    record = DossierRecord.hashed(
        fkey, id_number=id_number, phone=phone, code=code,
        procedure_name=str(cell("procedure_name") or "").strip()[:500],
        pickup_place=str(cell("pickup_place") or "").strip()[:500], **fields)
    return record, []


def record_from_mapping(item: dict[str, object], fkey: FactorKey) -> DossierRecord:
    """One dossier given as a JSON object (an API's answer); ``InputError`` naming each bad
    field. Unknown keys are read past, like an export's extra columns."""
    cells: list[object] = []
    mapping: dict[str, int] = {}
    for name, value in item.items():
        col = ALIASES.get(key(name))
        if col is not None and col not in mapping:
            mapping[col] = len(cells)
            cells.append(value)
    record, errors = _row(cells, mapping, fkey)
    if record is None:
        raise InputError("hồ sơ trả về không hợp lệ: " + "; ".join(
            f"'{_LABELS[col]}': {why}" for col, why in errors),
            hint="kiểm tra dạng dữ liệu của hệ thống một cửa (docs/channels.md)")
    return record


def read_records(path: Path, fkey: FactorKey) -> tuple[list[DossierRecord], list[str]]:
    """Every row of the export as a record, and the headers read past; ``InputError`` listing
    each bad row when there is any (then nothing is returned)."""
    if not path.is_file():
        raise InputError(f"không có tệp {path}", hint="kiểm tra đường dẫn tệp")
    rows = _table(path)
    header_row, mapping, ignored = _header(rows, path.name)
    records: list[DossierRecord] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for n, cells in enumerate(rows, start=header_row + 1):
        if not any(c not in (None, "") and str(c).strip() for c in cells):
            continue
        record, errors = _row(cells, mapping, fkey)
        problems += [f"dòng {n}, cột '{_LABELS[col]}': {why}" for col, why in errors]
        if record is not None:
            if record.code in seen:
                problems.append(f"dòng {n}, cột 'Mã hồ sơ': {record.code} đã có ở dòng "
                                f"{seen[record.code]}")
            seen.setdefault(record.code, n)
            records.append(record)
    if problems:
        shown = problems[:_SHOWN_ERRORS]
        more = len(problems) - len(shown)
        raise InputError(f"{path.name}: {len(problems)} lỗi, chưa nhập hồ sơ nào:\n"
                         + "\n".join(shown) + (f"\n... và {more} lỗi khác" if more else ""),
                         hint="sửa các dòng trên trong tệp rồi nhập lại", errors=len(problems))
    if not records:
        raise InputError(f"{path.name}: không có dòng hồ sơ nào dưới dòng tiêu đề",
                         hint="kiểm tra lại tệp xuất từ hệ thống một cửa")
    return records, ignored


def import_file(db: Database, path: Path, fkey: FactorKey) -> ImportResult:
    """Read, check and store the export in one transaction."""
    records, ignored = read_records(path, fkey)
    replace_records(db, records)
    log.info("dossier status import", extra={"file": path.name, "rows": len(records),
                                              "ignored": ignored})
    return ImportResult(path, len(records), ignored)
