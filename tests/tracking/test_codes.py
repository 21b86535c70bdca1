"""Dossier codes in citizens' messages: the slips we accept, the near-misses we do not."""

from __future__ import annotations

import pytest

from motcua.tracking.codes import canonical_code, find_code

CANON = "000.00.20.H35-250701-0001"

GOOD = [
    ("000.00.20.H35-250701-0001", CANON),
    ("000.00.20.h35-250701-0001", CANON),  # lower case letter
    ("  000.00.20.H35-250701-0001  ", CANON),
    ("000 . 00 . 20 . H35 - 250701 - 0001", CANON),  # spaces around separators
    ("000 00 20 H35 250701 0001", CANON),  # spaces instead of separators
    ("OOO.OO.2O.H35-25O7O1-OOO1", CANON),  # the letter O for the digit 0
    ("ooo.oo.20.h35-250701-ooo1", CANON),
    ("000.00.20.H 35-250701-0001", CANON),  # a space after the letter
    ("000.00.20.H35–250701–0001", CANON),  # en dashes from a phone keyboard
    ("000.00.20.H35.250701.0001", CANON),  # dots for dashes
    ("000.00.19.G01-261231-9999", "000.00.19.G01-261231-9999"),  # a ministry, last day
    ("123.45.67.A89-240229-0042", "123.45.67.A89-240229-0042"),  # a leap day
]

BAD = [
    "",
    "000.00.20.H35-250701-001",  # sequence of 3 digits
    "000.00.20.H35-250701-00001",  # sequence of 5 digits
    "00.00.20.H35-250701-0001",  # first group of 2
    "0000.00.20.H35-250701-0001",  # first group of 4
    "000.0.20.H35-250701-0001",
    "000.00.20.H3-250701-0001",  # X1X2 of one digit
    "000.00.20.35-250701-0001",  # no letter M
    "000.00.20.HH35-250701-0001",
    "000.00.20.H35-251301-0001",  # month 13
    "000.00.20.H35-250230-0001",  # 30 February
    "000.00.20.H35-250229-0001",  # 2025 is not a leap year
    "000.00.20.H35-2507O-0001",  # date of 5 places
    "000.00.20.H35-250701-0I01",  # I is not a digit
    "000.00.20.H35-250701-0001X",  # glued to more
    "X000.00.20.H35-250701-0001",
    "1.001193.000.00.00.H12",  # a procedure code
    "123/2015/NĐ-CP",  # a document number
    "0912345678",
]


@pytest.mark.parametrize(("text", "expected"), GOOD)
def test_canonical_code_tolerated_slips(text: str, expected: str) -> None:
    assert canonical_code(text) == expected


@pytest.mark.parametrize("text", BAD)
def test_canonical_code_bad_codes_none(text: str) -> None:
    assert canonical_code(text) is None


@pytest.mark.parametrize("text", BAD[1:])
def test_find_code_bad_code_in_a_sentence_not_found(text: str) -> None:
    assert find_code(f"hồ sơ {text} của tôi") is None


def test_find_code_in_a_sentence_gives_span() -> None:
    text = "Cho hỏi hồ sơ số ooo.oo.20.h35 - 250701 - 0001 đến đâu rồi ạ?"
    found = find_code(text)
    assert found is not None and found.code == CANON
    assert text[found.start:found.end].startswith("ooo") and text[found.end:].startswith(" đến")


def test_find_code_skips_an_impossible_date_for_the_next() -> None:
    found = find_code("000.00.20.H35-251301-0001 hay 000.00.20.H35-250701-0002")
    assert found is not None and found.code == "000.00.20.H35-250701-0002"


def test_canonical_code_sentence_is_not_a_code() -> None:
    assert canonical_code(f"mã {CANON}") is None
