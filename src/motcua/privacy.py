"""Redaction of personal data before a question is stored or logged.

Why markers instead of deletion: an official reading a handed-over conversation (and the
analytics of unanswered questions) still needs to see *that* the citizen gave an ID number or
a phone, only never the number itself. Why regexes: the formats are fixed by law (12-digit
CCCD, 9-digit CMND, 10-digit mobile numbers starting 0 or +84) and a library would add
nothing but weight.
"""

from __future__ import annotations

import re

__all__ = ["MARKERS", "contains_personal_data", "redact"]

MARKERS = {
    "email": "[email]",
    "cccd": "[số CCCD]",
    "cmnd": "[số CMND]",
    "phone": "[số điện thoại]",
}

# Digits may be written in groups separated by a space, dot or dash ("0912 345 678").
_SEP = r"[ .\-]?"
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
# Phone: +84 / 84 / 0 followed by 9 digits (mobile) or a 0 + 2-digit area code landline with
# 8 more digits; groups may be separated.
# The lookarounds keep a number that continues with a separator and more digits (procedure
# codes such as 1.001234.000.00.00.H12, amounts such as 1.000.000.000) out of every match.
_START = r"(?<![\w+])(?<!\d[.\-])"
_END = r"(?!\w)(?![.\-]\d)"
_PHONE = re.compile(_START + r"(?:\+84|84|0)" + _SEP + r"(?:\d" + _SEP + r"){8,9}\d" + _END)
_CCCD = re.compile(_START + r"(?:\d" + _SEP + r"){11}\d" + _END)
_CMND = re.compile(_START + r"(?:\d" + _SEP + r"){8}\d" + _END)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _sub_phone(match: re.Match[str]) -> str:
    n = _digits(match.group(0))
    prefix84 = match.group(0).lstrip("+").startswith("84")
    # 0 + 9 digits = 10 (mobile), 0 + 10 digits = 11 (landline); +84 drops the leading 0.
    if (not prefix84 and n in (10, 11)) or (prefix84 and n in (11, 12)):
        return MARKERS["phone"]
    return match.group(0)


def redact(text: str) -> str:
    """Replace e-mails, phone numbers, 12-digit citizen IDs and 9-digit old IDs by markers.

    Order matters: e-mails first (they may contain digits), then ID numbers of exactly 12 and
    9 digits, then phones, so that a 12-digit CCCD starting with 0 is not read as a phone.
    """
    if not text:
        return text
    out = _EMAIL.sub(MARKERS["email"], text)
    out = _CCCD.sub(MARKERS["cccd"], out)
    out = _PHONE.sub(_sub_phone, out)
    out = _CMND.sub(MARKERS["cmnd"], out)
    return out


def contains_personal_data(text: str) -> bool:
    return redact(text) != text
