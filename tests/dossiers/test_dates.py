"""Dates and times as one-stop systems export them, and cells that are not dates."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.dossiers.dates import DateProblem, parse_datetime

D = dt.datetime


@pytest.mark.parametrize(("cell", "expected"), [
    ("05/07/2026 08:30", D(2026, 7, 5, 8, 30)),
    ("05/07/2026 08:30:15", D(2026, 7, 5, 8, 30, 15)),
    ("2026-07-05 08:30:00", D(2026, 7, 5, 8, 30)),
    ("2026-07-05T08:30:00", D(2026, 7, 5, 8, 30)),
    ("08:30 05/07/2026", D(2026, 7, 5, 8, 30)),
    ("5-7-2026", D(2026, 7, 5)),
    ("05.07.2026", D(2026, 7, 5)),
    ("5/7/26", D(2026, 7, 5)),
    ("ngày 5 tháng 7 năm 2026", D(2026, 7, 5)),
    ("08h30 05/07/2026", D(2026, 7, 5, 8, 30)),
    (46208, D(2026, 7, 5)),
    ("46208.5", D(2026, 7, 5, 12)),
    (D(2026, 7, 5, 8, 30, 1, 500), D(2026, 7, 5, 8, 30, 1)),
    (dt.date(2026, 7, 5), D(2026, 7, 5)),
    ("", None),
    (None, None),
])
def test_parse_datetime_reads_export_formats(cell: object, expected: D | None) -> None:
    assert parse_datetime(cell) == expected


@pytest.mark.parametrize(("cell", "why"), [
    ("31/02/2026", "không tồn tại"),
    ("05/13/2026", "tháng 13"),
    ("25:10 05/07/2026", "giờ"),
    ("05/07/2026 08:75", "giờ"),
    ("hôm qua", ""),
    ("12345", "không phải ngày"),
    (99999.0, "không phải ngày"),
])
def test_parse_datetime_bad_cell_says_why(cell: object, why: str) -> None:
    with pytest.raises(DateProblem) as info:
        parse_datetime(cell)
    assert why in str(info.value)
