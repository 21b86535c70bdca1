from __future__ import annotations

import datetime as dt

import pytest

from motcua.cleaning.ids import check_id


@pytest.mark.parametrize(("raw", "dob", "sex", "status"), [
    ("001090012345", dt.date(1990, 3, 1), None, "ok"),
    ("001 090 012 345", None, "Nam", "ok"),
    ("079305000001", dt.date(2005, 1, 1), "Nữ", "ok"),
    ("001090012345", dt.date(1991, 3, 1), None, "mismatch"),
    ("001190012345", None, "nam", "mismatch"),
    ("999090012345", None, None, "invalid"),
    ("123456789", None, None, "old_id"),
    ("1090012345.0", None, None, "invalid"),
    ("01090012345", None, None, "invalid"),
    ("00109001234A", None, None, "invalid"),
    ("", None, None, "empty"),
])
def test_check_id_cases(raw: str, dob: dt.date | None, sex: str | None, status: str) -> None:
    r = check_id(raw, dob=dob, sex=sex)
    assert r.status == status, r
    assert r.value == raw.strip()  # never silently changed
    if status not in ("ok", "empty"):
        assert r.note


def test_check_id_reads_century_and_sex() -> None:
    r = check_id("079305000001")
    assert (r.century_year, r.sex, r.kind) == (2005, "nữ", "cccd")


def test_check_id_number_cell_that_lost_leading_zeros_is_flagged_with_hint() -> None:
    r = check_id(1085001234)
    assert r.status == "invalid" and r.value == "1085001234"
    assert "001085001234" in r.note
