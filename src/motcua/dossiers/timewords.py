"""Time ranges in folded Vietnamese questions: "quý 3", "tháng 7/2025", "năm nay", "tuần trước".

Why relative to a given ``today``: "quý 3" without a year means the latest third quarter that
has begun, "năm nay" the current year; tests and the eval pass a fixed day so the gold answers
never move. Periods are half-open ``[start, end)`` on the receipt date. Two different periods
in one question are asked back, never merged.
"""

from __future__ import annotations

import datetime as dt
import re

from motcua.dossiers.spec import Period

__all__ = ["TimeProblem", "take_period"]


class TimeProblem(ValueError):
    """A time phrase we cannot use; the message asks the official what they meant."""


_YEAR = r"(?:\s*/\s*(\d{4})|\s+nam\s+(\d{4})|\s+(nam nay|nam ngoai|nam truoc|nam roi|nam qua))?"
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4, "mot": 1,
             "hai": 2, "ba": 3, "bon": 4, "tu": 4}


def _d(y: int, m: int, d: int = 1) -> dt.datetime:
    return dt.datetime(y, m, d)


def _month_end(y: int, m: int) -> dt.datetime:
    return _d(y + 1, 1) if m == 12 else _d(y, m + 1)


def _year_of(groups: tuple[str | None, ...], today: dt.date) -> int | None:
    explicit, words, rel = groups[0] or groups[1], None, groups[2]
    if explicit:
        return int(explicit)
    if rel:
        words = today.year if rel == "nam nay" else today.year - 1
    return words


def _range(a: dt.date, b: dt.date, label: str) -> Period:
    return Period(dt.datetime.combine(a, dt.time()),
                  dt.datetime.combine(b, dt.time()) + dt.timedelta(days=1), label)


def _date(d: str, m: str, y: str | None, today: dt.date) -> dt.date:
    try:
        return dt.date(int(y) if y else today.year, int(m), int(d))
    except ValueError:
        raise TimeProblem(f"Ngày {d}/{m}{'/' + y if y else ''} không tồn tại.") from None


def _quarter(m: re.Match[str], today: dt.date) -> Period:
    q = _QUARTERS[m.group(1)]
    year = _year_of(m.groups()[1:], today)
    if year is None:
        year = today.year if (q - 1) * 3 + 1 <= today.month else today.year - 1
    start = _d(year, (q - 1) * 3 + 1)
    return Period(start, _month_end(year, q * 3), f"quý {q}/{year}")


def _month(m: re.Match[str], today: dt.date) -> Period:
    month = int(m.group(1))
    if not 1 <= month <= 12:
        raise TimeProblem(f"Tháng {month} không tồn tại.")
    year = _year_of(m.groups()[1:], today)
    if year is None:
        year = today.year if month <= today.month else today.year - 1
    return Period(_d(year, month), _month_end(year, month), f"tháng {month}/{year}")


def _months(m: re.Match[str], today: dt.date) -> Period:
    a, b = int(m.group(1)), int(m.group(2))
    year = _year_of(m.groups()[2:], today) or today.year
    if not 1 <= a <= b <= 12:
        raise TimeProblem(f"Khoảng tháng {a} đến {b} không hợp lệ.")
    return Period(_d(year, a), _month_end(year, b), f"tháng {a}-{b}/{year}")


def _half(m: re.Match[str], today: dt.date) -> Period:
    first = m.group(1) == "dau"
    year = int(m.group(2)) if m.group(2) else today.year
    return (Period(_d(year, 1), _d(year, 7), f"6 tháng đầu năm {year}") if first else
            Period(_d(year, 7), _d(year + 1, 1), f"6 tháng cuối năm {year}"))


def _relative(m: re.Match[str], today: dt.date) -> Period:
    word = m.group(0).strip()
    y, mo = today.year, today.month
    if word == "nam nay":
        return Period(_d(y, 1), _d(y + 1, 1), f"năm {y}")
    if word.startswith("nam"):
        return Period(_d(y - 1, 1), _d(y, 1), f"năm {y - 1}")
    if word == "thang nay":
        return Period(_d(y, mo), _month_end(y, mo), f"tháng {mo}/{y}")
    if word.startswith("thang"):
        py, pm = (y - 1, 12) if mo == 1 else (y, mo - 1)
        return Period(_d(py, pm), _month_end(py, pm), f"tháng {pm}/{py}")
    q = (mo - 1) // 3 + 1
    if word == "quy nay":
        return Period(_d(y, (q - 1) * 3 + 1), _month_end(y, q * 3), f"quý {q}/{y}")
    if word.startswith("quy"):
        py, pq = (y - 1, 4) if q == 1 else (y, q - 1)
        return Period(_d(py, (pq - 1) * 3 + 1), _month_end(py, pq * 3), f"quý {pq}/{py}")
    monday = today - dt.timedelta(days=today.weekday())
    if word.startswith("tuan"):
        if word != "tuan nay":
            monday -= dt.timedelta(days=7)
        sunday = monday + dt.timedelta(days=6)
        return _range(monday, sunday, f"tuần {monday:%d/%m}–{sunday:%d/%m/%Y}")
    day = today if word == "hom nay" else today - dt.timedelta(days=1)
    return _range(day, day, f"ngày {day:%d/%m/%Y}")


def _between(m: re.Match[str], today: dt.date) -> Period:
    a = _date(m.group(1), m.group(2), m.group(3), today)
    b = _date(m.group(4), m.group(5), m.group(6), today)
    if b < a:
        raise TimeProblem("Ngày kết thúc trước ngày bắt đầu.")
    return _range(a, b, f"từ {a:%d/%m/%Y} đến {b:%d/%m/%Y}")


def _day(m: re.Match[str], today: dt.date) -> Period:
    day = _date(m.group(1), m.group(2), m.group(3), today)
    return _range(day, day, f"ngày {day:%d/%m/%Y}")


def _year(m: re.Match[str], _today: dt.date) -> Period:
    y = int(m.group(1))
    return Period(_d(y, 1), _d(y + 1, 1), f"năm {y}")


_DATE = r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?"
_RULES = (
    (rf"\btu (?:ngay )?{_DATE} (?:den|toi) (?:ngay )?{_DATE}\b", _between),
    (rf"\btu thang (\d{{1,2}}) (?:den|toi) (?:het )?thang (\d{{1,2}}){_YEAR}\b", _months),
    (r"\b(?:6|sau) thang (dau|cuoi) nam(?: (\d{4}))?\b", _half),
    (r"\bnua (dau|cuoi) nam(?: (\d{4}))?\b", _half),
    (rf"\bquy (1|2|3|4|iv|iii|ii|i|mot|hai|ba|bon|tu)\b{_YEAR}", _quarter),
    (rf"\bthang (\d{{1,2}})\b{_YEAR}", _month),
    (rf"\bngay {_DATE}\b", _day),
    (r"\b(?:nam nay|nam ngoai|nam truoc|nam roi|nam qua|thang nay|thang truoc|quy nay|"
     r"quy truoc|tuan nay|tuan truoc|tuan qua|hom nay|hom qua)\b", _relative),
    (r"\b(?:nam )?(20\d{2})\b", _year),
)


def take_period(text: str, today: dt.date) -> tuple[str, Period | None]:
    """The text without its time phrase, and the period it names (None: all the data)."""
    found: list[Period] = []
    for pattern, build in _RULES:
        for m in reversed(list(re.finditer(pattern, text))):
            found.append(build(m, today))
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    if len({(p.start, p.end) for p in found}) > 1:
        raise TimeProblem("Mỗi câu hỏi tôi tính cho một khoảng thời gian: " + ", ".join(
            p.label for p in found) + ". Anh/chị hỏi từng khoảng một nhé.")
    return text, (found[0] if found else None)
