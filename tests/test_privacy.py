"""Redaction of personal data before storing or logging."""

from __future__ import annotations

import pytest

from motcua.privacy import MARKERS, contains_personal_data, redact


@pytest.mark.parametrize(("text", "expected"), [
    ("số CCCD của tôi là 001099012345", "số CCCD của tôi là [số CCCD]"),
    ("CCCD 001 099 012 345 nhé", "CCCD [số CCCD] nhé"),
    ("cmnd cũ 123456789.", "cmnd cũ [số CMND]."),
    ("gọi 0912345678 giúp", "gọi [số điện thoại] giúp"),
    ("gọi 0912.345.678", "gọi [số điện thoại]"),
    ("gọi +84 912 345 678", "gọi [số điện thoại]"),
    ("sđt 84912345678", "sđt [số điện thoại]"),
    ("máy bàn 02053812345", "máy bàn [số điện thoại]"),
    ("mail nguyen.van.a@gmail.com ạ", "mail [email] ạ"),
    ("0912345678, 001099012345 và a@b.vn",
     "[số điện thoại], [số CCCD] và [email]"),
])
def test_redact_personal_data_replaced_by_markers(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert contains_personal_data(text)


@pytest.mark.parametrize("text", [
    "thủ tục 1.001193.000.00.00.H12 cần gì",
    "mã 2.000986.000.00.00.H42",
    "lệ phí 1.000.000.000 đồng",
    "ngày 12/10/2025, năm 2025",
    "quầy số 3, 12345",
    "làm giấy khai sinh cho con",
    "",
])
def test_redact_leaves_codes_amounts_and_dates(text: str) -> None:
    assert redact(text) == text
    assert not contains_personal_data(text)


def test_redact_markers_are_not_redacted_again() -> None:
    once = redact("0912345678 001099012345")
    assert redact(once) == once
    assert set(MARKERS.values()) >= {"[số điện thoại]", "[số CCCD]"}
