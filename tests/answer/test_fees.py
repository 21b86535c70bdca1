"""Fee reductions applied for today's date; odd amounts flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.answer.fees import active_reductions, implausible, plain_fee, vnd
from motcua.catalog.model import Fee

NOTE = ("Mức thu 50.000 đồng. Kể từ ngày 01/01/2025 đến hết ngày 31/12/2025 mức thu khi nộp theo "
        "hình thức trực tuyển bằng 50% mức thu. Kể từ ngày 01 tháng 7 năm 2025 đến hết ngày 31 "
        "tháng 12 năm 2026 mức thu giảm 20% so với mức thu trên.")


@pytest.mark.parametrize(("today", "expected"), [
    (dt.date(2024, 12, 31), []),
    (dt.date(2025, 3, 1), [(50, True)]),
    (dt.date(2025, 8, 1), [(80, False), (50, True)]),  # latest-ending first
    (dt.date(2026, 12, 31), [(80, False)]),  # the last day still counts
    (dt.date(2027, 1, 1), []),
])
def test_active_reductions_hold_only_inside_their_period(
        today: dt.date, expected: list[tuple[int, bool]]) -> None:
    found = active_reductions(NOTE, today)
    assert [(r.pay_percent, r.online_only) for r in found] == expected
    assert all(r.quote in NOTE for r in found)


@pytest.mark.parametrize("note", [
    "", "Miễn lệ phí.", "Kể từ ngày 31/02/2025 đến hết ngày 31/12/2026 bằng 50% mức thu.",
    "Kể từ ngày 01/01/2025 đến hết ngày 31/12/2026 bằng 0% mức thu.",
])
def test_active_reductions_ignore_notes_without_a_valid_period(note: str) -> None:
    assert active_reductions(note, dt.date(2026, 1, 1)) == []


@pytest.mark.parametrize(("fee", "plain"), [
    (Fee("70,000 Việt Nam Đồng", amount_vnd=70000), "70.000 đồng"),
    (Fee("Miễn phí", free=True), "miễn phí"),
    (Fee("Không có thông tin", unknown=True), ""),
    (Fee("10 USD"), "10 USD"),
])
def test_plain_fee_in_everyday_words(fee: Fee, plain: str) -> None:
    assert plain_fee(fee) == plain


@pytest.mark.parametrize(("fee", "odd"), [
    (Fee("40 Việt Nam Đồng", amount_vnd=40), True),
    (Fee("Miễn phí", free=True, conflict=True), True),
    (Fee("20,000 Việt Nam Đồng", amount_vnd=20000), False),
    (Fee("Miễn phí", free=True), False),
])
def test_implausible_flags_a_few_dong_and_conflicts(fee: Fee, odd: bool) -> None:
    assert implausible(fee) is odd


def test_vnd_groups_with_dots() -> None:
    assert vnd(1350000) == "1.350.000 đồng"
