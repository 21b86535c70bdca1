"""The groundedness check and the shared normalisation of the parsers."""

from __future__ import annotations

import unicodedata

import pytest

from motcua.catalog.parse import clean, grounded, is_placeholder


@pytest.mark.parametrize(
    ("value", "source", "expected"),
    [
        ("20,000 Việt Nam Đồng", "Trực tiếp5 Ngày20,000 Việt Nam ĐồngGhi chú", True),
        ("5 Ngày làm việc", "Trực tiếp5\xa0Ngày  làm\nviệcMiễn phí", True),
        ("Tờ khai  mẫu", "Tờ khai mẫu1 bản chính", True),
        # NFD source, NFC value.
        ("Hộ tịch", unicodedata.normalize("NFD", "Luật Hộ tịch"), True),
        ("30,000 Việt Nam Đồng", "20,000 Việt Nam Đồng", False),
        ("miễn phí", "Miễn phí", False),  # case-sensitive: shown exactly as parsed
        ("Miễn phí", "", False),
        ("", "anything", True),  # claims nothing
    ],
)
def test_grounded_cases(value, source, expected):
    assert grounded(value, source) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", True), ("  ", True), ("Không có thông tin", True), ("không có thông tin ", True),
     ("--", True), ("----", True), (None, True), ("Không", False), ("Miễn phí", False)],
)
def test_is_placeholder_values(text, expected):
    assert is_placeholder(text) is expected


def test_clean_collapses_whitespace_and_nbsp():
    assert clean(" a\xa0\xa0b\n\tc ") == "a b c"
