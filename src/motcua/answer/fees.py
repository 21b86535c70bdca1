"""Fees in plain words, the reductions a record's fee note gives for a period, odd amounts.

Why: a fee note often changes the fee ("Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 mức thu
... bằng 50% mức thu"): showing the full amount while the record itself halves it sends a
person with the wrong sum, and showing an expired reduction is as wrong. Reductions are read
from the note, kept only while today's date is inside their period, and shown with the clause
they come from (the quote) so an official can check them. An amount the portal most likely
lost its thousands on ("40 Việt Nam Đồng") is flagged rather than stated as certain.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from motcua.catalog.model import Fee
from motcua.catalog.parse.channels import TINY_AMOUNT_VND, parse_fee_amount

__all__ = ["Reduction", "active_reductions", "implausible", "plain_fee", "vnd"]

_DATE = r"(\d{1,2})(?:/| tháng )(\d{1,2})(?:/| năm )(\d{4})"
_REDUCTION = re.compile(
    r"(?:[Kk]ể từ|[Tt]ừ) ngày " + _DATE + r" đến (?:hết )?ngày " + _DATE
    + r"[^.;]{0,200}?(bằng|giảm) (\d{1,3}) ?%")
_AMOUNT = re.compile(r"^(\d[\d.,]*) ?(?:Việt Nam Đồng|VNĐ|VND|Đồng|đồng)$")


@dataclass(frozen=True)
class Reduction:
    quote: str  # the clause as written in the note
    pay_percent: int  # what is paid, in percent of the fee (50 for "bằng 50%" or "giảm 50%")
    start: dt.date
    end: dt.date
    online_only: bool  # the clause speaks of files sent online only

    def applies(self, today: dt.date) -> bool:
        return self.start <= today <= self.end


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def active_reductions(note: str, today: dt.date) -> list[Reduction]:
    """The reductions of ``note`` whose period holds ``today`` (latest-ending first)."""
    out = []
    for m in _REDUCTION.finditer(note):
        start, end = _date(*m.group(1, 2, 3)), _date(*m.group(4, 5, 6))
        percent = int(m.group(8))
        if start is None or end is None or not 0 < percent < 100:
            continue
        pay = percent if m.group(7) == "bằng" else 100 - percent
        quote = m.group(0)
        online = "trực tuyến" in quote or "trực tuyển" in quote  # the portal's own typo
        reduction = Reduction(quote, pay, start, end, online)
        if reduction.applies(today):
            out.append(reduction)
    return sorted(out, key=lambda r: r.end, reverse=True)


def vnd(amount: int) -> str:
    """20000 → "20.000 đồng" (the dot grouping people write)."""
    return f"{amount:,} đồng".replace(",", ".")


def plain_fee(fee: Fee) -> str:
    """"70,000 Việt Nam Đồng" → "70.000 đồng", "Miễn phí" → "miễn phí"; "" when unknown."""
    if fee.unknown:
        return ""
    if fee.free:
        return "miễn phí"
    m = _AMOUNT.match(fee.text)
    amount = fee.amount_vnd if fee.amount_vnd is not None else \
        parse_fee_amount(m.group(1)) if m else None
    return vnd(amount) if m and amount is not None else fee.text


def implausible(fee: Fee) -> bool:
    """A fee the record most likely got wrong: a few đồng, or free while its note names a sum."""
    tiny = fee.amount_vnd is not None and 0 < fee.amount_vnd < TINY_AMOUNT_VND
    return tiny or fee.conflict
