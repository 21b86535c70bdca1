"""Date and time cells as one-stop systems export them, day first.

Exports carry ``dd/mm/yyyy HH:MM``, ``dd/mm/yyyy HH:MM:SS``, ``yyyy-mm-dd HH:MM:SS``,
``dd-mm-yyyy``, ``dd.mm.yyyy``, ``HH:MM dd/mm/yyyy``, "ngày 5 tháng 7 năm 2026", Excel datetime
cells and Excel serial numbers. The date part is read by the cleaning room's ``parse_date``
(one rule for day-first dates in the project); here we only split off the time and read the
Excel forms. Results are cached: an export of a million rows repeats its dates a lot.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from motcua.cleaning.dates import parse_date

__all__ = ["DateProblem", "parse_datetime"]

_TIME_AFTER = re.compile(r"^(.*?\d)[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*$")
_TIME_BEFORE = re.compile(r"^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?[ ,]+(.*\d.*)$")
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
# Dossiers are dated from the one-stop era on; a "far" date is a typing error, not a record.
_FAR_FUTURE = dt.date(2100, 1, 1)


class DateProblem(ValueError):
    """A cell that is not a readable date; the message says why, in Vietnamese."""


def parse_datetime(value: object) -> dt.datetime | None:
    """The cell as a datetime (midnight when it had no time), None when blank.

    Raises ``DateProblem`` when the cell holds something that is not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float):
        return _serial(float(value))
    return _text(str(value).strip())


def _serial(number: float) -> dt.datetime:
    if not 20000 < number < 80000:  # 1954 .. 2119
        raise DateProblem(f"số {number:g} không phải ngày")
    return (_EXCEL_EPOCH + dt.timedelta(days=number)).replace(microsecond=0)


@lru_cache(maxsize=200_000)
def _text(raw: str) -> dt.datetime | None:
    if not raw:
        return None
    if re.fullmatch(r"\d{5}(?:\.\d+)?", raw):
        return _serial(float(raw))
    hour = minute = second = 0
    date_part = raw
    if m := _TIME_AFTER.match(raw):
        date_part, hour, minute = m.group(1), int(m.group(2)), int(m.group(3))
        second = int(m.group(4) or 0)
    elif m := _TIME_BEFORE.match(raw):
        hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        date_part = m.group(4)
    if hour > 23 or minute > 59 or second > 59:
        raise DateProblem(f"giờ {hour}:{minute:02d} không tồn tại")
    day = _date(date_part.strip())
    return dt.datetime(day.year, day.month, day.day, hour, minute, second)


@lru_cache(maxsize=50_000)
def _date(text: str) -> dt.date:
    result = parse_date(text, today=_FAR_FUTURE)
    if result.value is None:
        raise DateProblem(result.note or "không đọc được ngày")
    return result.value
