"""Parse ``cach_thuc_thuc_hien``: submission channels with processing time, fee and notes.

The portal flattened a four-column table (channel, time, fee, description) into one string
without separators, e.g. ``Trực tuyến7 Ngày làm việcMiễn phí(ghi chú)Trực tiếp...``. A row
starts at a channel label *immediately followed by a time* (a digit or "Không có thông tin");
the same words inside descriptions are followed by a space or a colon, so they are not rows.
"""

from __future__ import annotations

import re

from motcua.catalog.model import Channel, Fee, ProcessingTime
from motcua.catalog.parse._text import clean, is_placeholder

__all__ = ["CHANNEL_HEADER", "parse_channels", "parse_fee_amount"]

CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
NO_INFO = "Không có thông tin"

_KINDS = {"Trực tiếp": "truc_tiep", "Trực tuyến": "truc_tuyen", "Dịch vụ bưu chính": "buu_chinh"}
_ROW_RE = re.compile(r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không có thông tin)")
# Fallback when no row has a numeric time: the time cell holds text ("Không quy định").
_LOOSE_ROW_RE = re.compile(r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=[A-ZĐÀ-Ỹ])")
_FEE_START_RE = re.compile(
    r"Miễn phí|Không có thông tin|(?<![\d.,])\d[\d.,]* ?(?:Việt Nam Đồng|VNĐ|USD)"
)
_UNITS = ("Ngày làm việc", "Ngày", "Giờ", "Tháng", "Năm", "Tuần", "Phút")
_CURRENCIES = ("Việt Nam Đồng", "VNĐ", "VND", "Đồng", "đồng", "USD")
_NUM_RE = re.compile(r"\d[\d.,]*\d|\d")
_UNIT_RE = re.compile(r" ?(" + "|".join(_UNITS) + r")(?![a-zà-ỹ])")
_CURRENCY_RE = re.compile(r" ?(" + "|".join(_CURRENCIES) + r")")
_AMOUNT_RE = re.compile(r"(\d[\d.,]*\d|\d) ?(" + "|".join(_CURRENCIES) + r")")
# An amount of money named in a free-text note, e.g. "50.000 đồng/lần", "1.350.000 VNĐ".
_NOTE_AMOUNT_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+) ?(?:đồng|Đồng|VNĐ|vnđ|VND|vnd)(?![a-zà-ỹ])"
)
# Thousands-grouped amount (no leading zero), or a plain integer, or zero.
_VALID_FEE_DIGITS = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)")
_ENUMERATOR_RE = re.compile(r"[a-zđ]|[ivx]{1,4}|\d{1,2}", re.IGNORECASE)
TINY_AMOUNT_VND = 1000  # below this a fee is almost certainly a unit error (thousands dropped)


def parse_fee_amount(digits: str) -> int | None:
    """"20,000" or "20.000" → 20000; ``None`` when the digits are not an integer amount."""
    plain = digits.replace(",", "").replace(".", "")
    return int(plain) if plain.isdigit() else None


def _note_amounts(note: str) -> list[int]:
    out = []
    for m in _NOTE_AMOUNT_RE.finditer(note):
        value = parse_fee_amount(m.group(1))
        if value:
            out.append(value)
    return out


def _split_glued(run: str, note_hint: str) -> tuple[str, str]:
    """Split a bare time glued to a fee amount ("1100" VNĐ → time "1", fee "100").

    The portal drops the unit of some times, so the time digits run into the fee digits. The
    fee part must look like an amount; when the note names the amount (often in thousands),
    the split that agrees with it wins, otherwise the shortest time (usually one digit).
    """
    options = [
        (run[:k], run[k:])
        for k in range(1, len(run))
        if run[k - 1].isdigit() and _VALID_FEE_DIGITS.fullmatch(run[k:])
    ]
    if not options:
        return "", run
    named = set(_note_amounts(note_hint))
    for time_part, fee_part in options:
        amount = parse_fee_amount(fee_part)
        if amount is not None and (amount in named or amount * 1000 in named):
            return time_part, fee_part
    return options[0]


def _time(text: str) -> ProcessingTime:
    if text == NO_INFO:
        return ProcessingTime(text=text)
    m = _NUM_RE.match(text)
    if m is None or not text[0].isdigit():
        return ProcessingTime(text=text)
    number = m.group(0)
    try:
        value: float | None = float(number.replace(",", "."))
    except ValueError:
        value = None
    unit = text[m.end():].strip() or None
    return ProcessingTime(text=text, value=value, unit=unit, unit_missing=unit is None)


def _balanced_paren(text: str) -> int:
    """Index just past the parenthesis that closes ``text[0]``, or -1 when it never closes."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _split_note(rest: str) -> tuple[str, str]:
    """The fee column's "(…)" note and the description column that follows it."""
    if not rest.startswith("("):
        return "", rest.strip()
    end = _balanced_paren(rest)
    if end < 0:
        return rest[1:].strip(), ""
    if _ENUMERATOR_RE.fullmatch(rest[1 : end - 1].strip()):
        return "", rest.strip()  # "(a) Trường hợp ..." starts the description, it is no note
    return rest[1 : end - 1].strip(), rest[end:].strip()


def _conflict(fee: Fee, description: str) -> bool:
    """Free or a tiny amount, while the note (or the description) names a real amount in đồng."""
    if not (fee.free or (fee.amount_vnd is not None and fee.amount_vnd < TINY_AMOUNT_VND)):
        return False
    named = _note_amounts(fee.note) + _note_amounts(description)
    return any(a >= TINY_AMOUNT_VND and a != fee.amount_vnd for a in named)


def _parse_row(label: str, body: str) -> Channel:
    """One row body after its label: ``<time><fee>[(note)][description]``."""
    pos = 0
    time_text = ""
    fee_text = ""
    amount: int | None = None
    m = _NUM_RE.match(body)
    if body.startswith(NO_INFO):
        time_text, pos = NO_INFO, len(NO_INFO)
    elif m is None:
        # A text time cell: it runs until the fee cell starts.
        fee_start = _FEE_START_RE.search(body)
        pos = fee_start.start() if fee_start else 0
        time_text = body[:pos]
    else:
        run, pos = m.group(0), m.end()
        unit = _UNIT_RE.match(body, pos)
        currency = _CURRENCY_RE.match(body, pos)
        if unit:
            time_text, pos = body[: unit.end()], unit.end()
        elif currency:
            time_text, fee_digits = _split_glued(run, body[currency.end():])
            fee_text = body[m.start() + len(time_text) : currency.end()]
            amount = parse_fee_amount(fee_digits)
            pos = currency.end()
        else:
            time_text = run
    if not fee_text:
        if body.startswith("Miễn phí", pos):
            fee_text = "Miễn phí"
        elif body.startswith(NO_INFO, pos):
            fee_text = NO_INFO
        else:
            am = _AMOUNT_RE.match(body, pos)
            if am:
                fee_text, amount = am.group(0), parse_fee_amount(am.group(1))
        pos += len(fee_text)
    note, description = _split_note(body[pos:].strip())
    fee = Fee(
        text=fee_text,
        amount_vnd=amount if fee_text and "USD" not in fee_text else None,
        free=fee_text == "Miễn phí",
        unknown=fee_text in ("", NO_INFO),
        note=note,
    )
    fee.conflict = _conflict(fee, description)
    return Channel(
        kind=_KINDS[label], label=label, time=_time(time_text.strip()), fee=fee,
        description=description,
    )


def parse_channels(text: str) -> list[Channel]:
    """All channel rows of one ``cach_thuc_thuc_hien`` value ([] when empty or a placeholder)."""
    if is_placeholder(text):
        return []
    s = clean(text)
    if s.startswith(CHANNEL_HEADER):
        s = s[len(CHANNEL_HEADER):]
    starts = list(_ROW_RE.finditer(s)) or list(_LOOSE_ROW_RE.finditer(s))
    rows = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(s)
        rows.append(_parse_row(m.group(1), s[m.end():end]))
    return rows
