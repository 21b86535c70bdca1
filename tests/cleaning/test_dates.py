from __future__ import annotations

import datetime as dt

import pytest

from motcua.cleaning.dates import parse_date

TODAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize(("raw", "expected", "status"), [
    ("05/07/2025", "05/07/2025", "ok"),
    ("5/7/2025", "05/07/2025", "changed"),
    ("5-7-25", "05/07/2025", "changed"),
    ("5.7.1990", "05/07/1990", "changed"),
    ("2025-07-05", "05/07/2025", "changed"),
    ("ngày 5 tháng 7 năm 2025", "05/07/2025", "changed"),
    ("Ngay 05 thang 07 nam 1990", "05/07/1990", "changed"),
    ("05071990", "05/07/1990", "changed"),
    (dt.datetime(1990, 7, 5), "05/07/1990", "ok"),
    ("1-1-30", "01/01/1930", "changed"),
])
def test_parse_date_formats(raw: object, expected: str, status: str) -> None:
    r = parse_date(raw, today=TODAY)
    assert (r.text, r.status) == (expected, status)


@pytest.mark.parametrize(("raw", "status"), [
    ("31/02/2020", "impossible"),
    ("12/25/1990", "impossible"),
    ("01/01/2030", "impossible"),
    ("00/01/2000", "impossible"),
    ("hôm qua", "invalid"),
    ("", "empty"),
    (None, "empty"),
])
def test_parse_date_flags_bad_dates(raw: object, status: str) -> None:
    r = parse_date(raw, today=TODAY)
    assert r.status == status and r.value is None
    if status != "empty":
        assert r.note
