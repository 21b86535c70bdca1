"""Dates as registers write them: dd/mm/yyyy, d-m-yy, yyyy-mm-dd, "ngày 5 tháng 7 năm 2025".

Why we never swap day and month: Vietnamese records are day-first; "12/25/1990" is a typing
error to be looked at, not an American date to be silently reinterpreted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from motcua.cleaning.units import fast_fold
from motcua.text import nfc

__all__ = ["DateResult", "parse_date"]

_DMY = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$")
_YMD = re.compile(
    r"^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*(?:thang|/|-)\s*(\d{1,2})\s*(?:nam|/|-)\s*(\d{4})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


@dataclass(frozen=True, slots=True)
class DateResult:
    value: dt.date | None
    status: str  # ok, changed, empty, invalid, impossible
    note: str = ""

    @property
    def text(self) -> str:
        return self.value.strftime("%d/%m/%Y") if self.value else ""


def _year(y: str, today: dt.date) -> int:
    if len(y) == 4:
        return int(y)
    yy = int(y)
    return 2000 + yy if 2000 + yy <= today.year else 1900 + yy


def _build(y: int, m: int, d: int, raw: str, today: dt.date) -> DateResult:
    if not 1 <= m <= 12:
        return DateResult(None, "impossible", f"tháng {m} không tồn tại")
    try:
        value = dt.date(y, m, d)
    except ValueError:
        return DateResult(None, "impossible", f"ngày {d}/{m}/{y} không tồn tại")
    if value > today:
        return DateResult(None, "impossible", "ngày ở tương lai")
    if y < 1880:
        return DateResult(None, "impossible", f"năm {y} quá xa")
    return DateResult(value, "ok" if value.strftime("%d/%m/%Y") == raw else "changed")


def parse_date(value: object, *, today: dt.date | None = None) -> DateResult:
    today = today or dt.date.today()
    if value is None or (isinstance(value, str) and not value.strip()):
        return DateResult(None, "empty", "thiếu ngày")
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _build(value.year, value.month, value.day, value.strftime("%d/%m/%Y"), today)
    raw = str(value).strip()
    text = " ".join(fast_fold(nfc(raw)).replace(",", " ").split())
    if m := _DMY.match(text):
        return _build(_year(m.group(3), today), int(m.group(2)), int(m.group(1)), raw, today)
    if m := _YMD.match(text):
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw, today)
    if m := _WORDS.match(text):
        return _build(int(m.group(3)), int(m.group(2)), int(m.group(1)), raw, today)
    if m := _COMPACT.match(text):
        return _build(int(m.group(3)), int(m.group(2)), int(m.group(1)), raw, today)
    return DateResult(None, "invalid", "không đọc được ngày (dd/mm/yyyy)")
