"""Streaming table IO: CSV (any of the encodings registers come in) and XLSX, atomic output.

Why streaming and atomic: a province register can have millions of rows; we hold one row at a
time, and the output appears under its final name only when it is complete (temporary file in
the same folder, then ``os.replace``), so an interrupted run never leaves a half-written file.
Why we scan the whole CSV for its encoding first: a Windows-1258 byte on row 900,000 must not
stop a run half way; scanning bytes is cheap next to cleaning them.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from motcua._errors import FileFormatError, InputError

__all__ = ["AtomicTableWriter", "Row", "TableReader", "cell_text", "detect_encoding", "make_temp"]

log = logging.getLogger(__name__)
SUPPORTED = (".csv", ".xlsx")
_ENCODING_HINT = "chỉ rõ mã hóa bằng --encoding (utf-8, cp1258 hoặc cp1252)"
# Bytes that Windows-1258 uses for Vietnamese (the five combining tone marks, Đ đ Ư ư) and
# that are rare in Western-European text written in Windows-1252.
_CP1258_MARKERS = frozenset(b"\xcc\xec\xd2\xf2\xde\xd0\xf0\xdd\xfd")
csv.field_size_limit(16 * 1024 * 1024)


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    values: list[Any]
    problem: str = ""


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise FileFormatError(f"Không hỗ trợ loại tệp {suffix or '(không có đuôi)'}: {path.name}",
                              hint="dùng tệp .csv hoặc .xlsx")
    return suffix


def detect_encoding(path: Path, chunk_size: int = 1 << 20) -> str:
    """utf-8-sig, utf-8, cp1258 or cp1252, decided from the bytes of the whole file."""
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        markers = 0
        utf8 = True
        while chunk := fh.read(chunk_size):
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            if not utf8:
                markers += sum(1 for b in chunk if b in _CP1258_MARKERS)
        if utf8:
            try:
                decoder.decode(b"", final=True)
                return "utf-8"
            except UnicodeDecodeError:
                pass
    return "cp1258" if markers else "cp1252"


class _CountingReader(io.RawIOBase):
    """Counts the bytes read so a progress bar can follow a text stream."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.bytes_read += n
        return n


class TableReader:
    """Header and rows of the first sheet (or a CSV), one row at a time with its line number."""

    def __init__(self, path: Path, *, encoding: str | None = None, sheet: str | None = None):
        if not path.is_file():
            raise InputError(f"Không tìm thấy tệp: {path}", hint="kiểm tra lại đường dẫn")
        self.path = path
        self.kind = _suffix(path)
        self.encoding = ""
        self.sheet = sheet
        self.total = path.stat().st_size
        self._stack = contextlib.ExitStack()
        self.header: list[str] = []
        self._rows: Iterator[Row] = iter(())
        self._counter: _CountingReader | None = None
        self._done_rows = 0
        try:
            self._open(encoding)
        except BaseException:
            self._stack.close()
            raise

    def _open(self, encoding: str | None) -> None:
        if self.kind == ".csv":
            self.encoding = encoding or detect_encoding(self.path)
            self._counter = _CountingReader(self._stack.enter_context(self.path.open("rb")))
            text = io.TextIOWrapper(io.BufferedReader(self._counter, 1 << 16),
                                    encoding=self.encoding, errors="strict", newline="")
            self._stack.enter_context(text)
            try:
                first_line = text.readline()
            except UnicodeDecodeError as exc:
                raise FileFormatError(
                    f"{self.path.name}: dòng đầu không phải mã {self.encoding}",
                    hint=_ENCODING_HINT) from exc
            try:
                dialect: Any = csv.Sniffer().sniff(first_line, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            reader = csv.reader(_chain(first_line, text), dialect)
            self._rows = self._csv_rows(reader)
        else:
            self._rows = self._xlsx_rows()
        first = next(self._rows, None)
        if first is None:
            raise FileFormatError(f"{self.path.name} trống",
                                  hint="dòng đầu tiên phải là dòng tiêu đề")
        self.header = [str(v).strip() if v is not None else "" for v in first.values]

    def _csv_rows(self, reader: Any) -> Iterator[Row]:
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Row(reader.line_num, [], f"lỗi CSV: {exc}")
                continue
            except UnicodeDecodeError as exc:
                raise FileFormatError(
                    f"{self.path.name}: có byte không phải mã {self.encoding} gần dòng "
                    f"{reader.line_num + 1}", hint=_ENCODING_HINT,
                ) from exc
            yield Row(reader.line_num, values)

    def _xlsx_rows(self) -> Iterator[Row]:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            wb = load_workbook(self.path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
            raise FileFormatError(
                f"{self.path.name} không đọc được như tệp .xlsx: {exc}",
                hint="mở bằng Excel rồi lưu lại dạng .xlsx, hoặc xuất ra CSV") from exc
        self._stack.callback(wb.close)
        if self.sheet and self.sheet not in wb.sheetnames:
            raise InputError(f"Không có trang tính {self.sheet!r}",
                             hint=f"các trang tính: {', '.join(wb.sheetnames)}")
        ws = wb[self.sheet] if self.sheet else wb.worksheets[0]
        self.total = ws.max_row or 0
        for i, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if i > 1 and all(v is None for v in values):
                continue
            yield Row(i, list(values))

    @property
    def progress(self) -> int:
        if self._counter is not None:
            return self._counter.bytes_read
        return self._done_rows

    def rows(self) -> Iterator[Row]:
        width = len(self.header)
        for row in self._rows:
            self._done_rows = row.line
            if row.problem:
                yield row
            elif len(row.values) != width and any(v not in (None, "") for v in row.values[width:]):
                extra = " | ".join(cell_text(v) for v in row.values[width:])[:200]
                yield Row(row.line, _fit(row.values, width),
                          f"dòng có {len(row.values)} ô, tiêu đề có {width}; ô thừa: {extra}")
            else:
                yield Row(row.line, _fit(row.values, width))

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> TableReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fit(values: list[Any], width: int) -> list[Any]:
    return (values + [""] * (width - len(values)))[:width]


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def make_temp(path: Path) -> Path:
    """An empty temporary file beside ``path`` with the permissions a plain open would give."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    os.close(fd)
    return Path(tmp)


class AtomicTableWriter:
    """Rows go to a temporary file beside the target, renamed over it only on success."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.path = path
        self.kind = _suffix(path)
        if not path.parent.is_dir():
            raise InputError(f"Thư mục đầu ra không tồn tại: {path.parent}",
                             hint="tạo thư mục hoặc chọn đường dẫn -o khác")
        self.tmp = make_temp(path)
        self._fh: IO[str] | None = None
        if self.kind == ".csv":
            self._fh = self.tmp.open("w", encoding="utf-8-sig", newline="")
            self._csv = csv.writer(self._fh)
            self._csv.writerow(header)
        else:
            from openpyxl import Workbook

            self._wb = Workbook(write_only=True)
            self._ws = self._wb.create_sheet("cleaned")
            self._ws.append(list(header))

    def write(self, values: Sequence[Any]) -> None:
        if self._fh is not None:
            self._csv.writerow([cell_text(v) for v in values])
        else:
            self._ws.append([v if not isinstance(v, str) else _xlsx_safe(v) for v in values])

    def commit(self) -> None:
        if self._fh is not None:
            self._fh.close()
        else:
            self._wb.save(self.tmp)
        os.replace(self.tmp, self.path)
        log.info("table written", extra={"path": str(self.path)})

    def abort(self) -> None:
        if self._fh is not None:
            self._fh.close()
        else:
            self._ws.close()  # finish openpyxl's own temporary sheet file, then drop it all
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicTableWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def _xlsx_safe(text: str) -> str:
    """openpyxl refuses control characters; registers exported from old software contain some."""
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")
