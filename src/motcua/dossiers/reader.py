"""Read an export (CSV or XLSX) into rows keyed by our columns, finding and mapping its header.

Why we look for the header instead of taking the first line: one-stop systems put a title
block above the table ("DANH SÁCH HỒ SƠ", "Từ ngày ... đến ngày ..."). The header is the first
of the top rows in which at least three cells are known column names. Each header is folded
(no diacritics, case, spaces or punctuation) and looked up among the aliases; a header that
only *starts* with a known alias ("Ngày tiếp nhận hồ sơ") is accepted when that names one
column only. Two headers for one column, or a required column missing, stop the import and ask
for ``--map "Header=column"``: we never pick between them.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from motcua._errors import FileFormatError, InputError
from motcua.dossiers.schema import FIELD_LABELS, HEADER_ALIASES, REQUIRED, Column, key

__all__ = ["Sheet", "map_headers", "read_sheet", "xlsx_rows"]

log = logging.getLogger(__name__)
_SCAN_ROWS = 20  # title rows tolerated above the header
_MIN_PREFIX = 6  # a folded alias this long may be the start of a longer header


@dataclass
class Sheet:
    """One export's table: the mapping used and its rows (file row number, cells by column)."""

    path: Path
    mapping: dict[Column, str]  # our column -> the export's header
    ignored: list[str]
    rows: Iterator[tuple[int, dict[Column, object]]] = field(repr=False)


def _guess(header: str) -> set[Column]:
    k = key(header)
    if not k:
        return set()
    if k in HEADER_ALIASES:
        return {HEADER_ALIASES[k]}
    return {col for alias, col in HEADER_ALIASES.items()
            if len(alias) >= _MIN_PREFIX and k.startswith(alias)}


def map_headers(headers: list[str], overrides: Mapping[str, str] | None = None,
                *, where: str = "") -> tuple[dict[Column, int], list[str]]:
    """Column -> index in ``headers``, and the headers left unused. Raises ``InputError``."""
    forced: dict[str, Column] = {}
    for header, column in (overrides or {}).items():
        try:
            forced[key(header)] = Column(column.strip())
        except ValueError:
            raise InputError(f"cột đích {column!r} không có",
                             hint="cột đích là một trong: " + ", ".join(c.value for c in Column)
                             ) from None
    mapping: dict[Column, int] = {}
    ignored: list[str] = []
    clashes: dict[Column, list[str]] = {}
    for i, header in enumerate(headers):
        guesses = {forced[key(header)]} if key(header) in forced else _guess(header)
        if len(guesses) != 1:
            if header.strip():
                ignored.append(header.strip())
            continue
        (col,) = guesses
        if col in mapping:
            clashes.setdefault(col, [headers[mapping[col]]]).append(header)
            continue
        mapping[col] = i
    if clashes:
        col, names = next(iter(clashes.items()))
        raise InputError(
            f"{where}nhiều cột cùng có thể là '{FIELD_LABELS[col]}': "
            + ", ".join(repr(n) for n in names),
            hint=f'chọn một cột: --map "{names[0]}={col.value}" (và --map "{names[1]}=-" '
                 "để bỏ cột kia)")
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        raise InputError(
            f"{where}không tìm thấy cột " + ", ".join(repr(FIELD_LABELS[c]) for c in missing)
            + " (các cột có: " + ", ".join(repr(h) for h in headers if h.strip()) + ")",
            hint=f'chỉ rõ cột nào là cột đó, ví dụ --map "Tên cột trong tệp='
                 f'{missing[0].value}"')
    return mapping, ignored


def _is_header(cells: list[str], named: set[str]) -> bool:
    return sum(1 for c in cells if c and (key(c) in named or len(_guess(c)) == 1)) >= 3


def _find_header(rows: Iterator[list[object]], path: Path, named: set[str],
                 ) -> tuple[int, list[str]]:
    for n, cells in enumerate(rows, start=1):
        text = ["" if c is None else str(c).strip() for c in cells]
        if _is_header(text, named):
            return n, text
        if n >= _SCAN_ROWS:
            break
    raise InputError(f"{path.name}: không thấy dòng tiêu đề trong {_SCAN_ROWS} dòng đầu",
                     hint="tệp cần có một dòng tiêu đề như 'Mã hồ sơ', 'Đơn vị tiếp nhận', "
                          "'Ngày tiếp nhận'")


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileFormatError(f"{path.name}: không đọc được bảng mã chữ",
                          hint="lưu lại tệp CSV dạng UTF-8")


def _csv_rows(path: Path) -> Iterator[list[object]]:
    text = _decode(path.read_bytes(), path)
    head = text[:8192]
    delimiter = max((",", ";", "\t"), key=head.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def xlsx_rows(path: Path) -> Iterator[list[object]]:
    """The first sheet's rows of an XLSX file, as values (shared with the status import)."""
    try:
        import openpyxl
    except ImportError as exc:
        raise FileFormatError(f"{path.name}: chưa cài openpyxl nên không đọc được XLSX",
                              hint="pip install openpyxl, hoặc lưu tệp dạng CSV") from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken or encrypted file
        raise FileFormatError(f"{path.name}: không mở được tệp Excel ({type(exc).__name__})",
                              hint="mở tệp bằng Excel, lưu lại dạng .xlsx hoặc .csv") from exc
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def read_sheet(path: Path, overrides: Mapping[str, str] | None = None) -> Sheet:
    """Open ``path``, find and map its header; the rows are read lazily."""
    if not path.is_file():
        raise InputError(f"không có tệp {path}", hint="kiểm tra đường dẫn tệp")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        source = xlsx_rows(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        source = _csv_rows(path)
    else:
        raise FileFormatError(f"{path.name}: chỉ nhận tệp .csv hoặc .xlsx",
                              hint="xuất dữ liệu từ hệ thống một cửa dạng Excel hoặc CSV")
    header_row, headers = _find_header(source, path, {key(h) for h in overrides or {}})
    skip = {key(h) for h, c in (overrides or {}).items() if c.strip() == "-"}
    kept = {h: c for h, c in (overrides or {}).items() if c.strip() != "-"}
    visible = ["" if key(h) in skip else h for h in headers]
    mapping, ignored = map_headers(visible, kept, where=f"{path.name}: ")
    log.info("dossier export header", extra={"file": path.name, "header_row": header_row,
                                              "ignored": ignored})

    def rows() -> Iterator[tuple[int, dict[Column, object]]]:
        for n, cells in enumerate(source, start=header_row + 1):
            if not any(c not in (None, "") and str(c).strip() for c in cells):
                continue  # blank lines and trailing empty rows
            yield n, {col: (cells[i] if i < len(cells) else None) for col, i in mapping.items()}

    return Sheet(path, {c: headers[i] for c, i in mapping.items()}, ignored, rows())
