"""Phone numbers: strip formatting, +84 to 0, old 11-digit mobile prefixes to the 10-digit ones.

Why a table: the 2018 renumbering moved each 01xx mobile prefix to one new 0xx prefix, so the
conversion is exact; anything else that does not look like a Vietnamese number is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["OLD_MOBILE_PREFIXES", "PhoneResult", "clean_phone"]

OLD_MOBILE_PREFIXES = {
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",  # MobiFone
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",  # VinaPhone
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036",  # Viettel
    "0167": "037", "0168": "038", "0169": "039",
    "0186": "056", "0188": "058",  # Vietnamobile
    "0199": "059",  # Gmobile
}
_MOBILE = re.compile(r"^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)\d{7}$")
_LANDLINE = re.compile(r"^02\d{9}$")
_FORMATTING = re.compile(r"[\s.\-()]+")


@dataclass(frozen=True, slots=True)
class PhoneResult:
    value: str
    status: str  # ok, changed, converted, empty, invalid
    note: str = ""


def clean_phone(value: object) -> PhoneResult:
    raw = "" if value is None else str(value).strip()
    if raw.endswith(".0") and raw[:-2].isdigit():  # a number cell read back as float
        raw = raw[:-2]
    if not raw:
        return PhoneResult("", "empty")
    digits = _FORMATTING.sub("", raw)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    elif digits.isdigit() and len(digits) in (9, 10) and digits[0] in "1235789":
        digits = "0" + digits  # the leading zero lost by a spreadsheet
    if not digits.isdigit():
        return PhoneResult(raw, "invalid", "số điện thoại có ký tự lạ")
    if len(digits) == 11 and digits[:4] in OLD_MOBILE_PREFIXES:
        new = OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:]
        return PhoneResult(new, "converted", f"đầu số cũ {digits[:4]} → {new[:3]}")
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return PhoneResult(digits, "ok" if digits == raw else "changed")
    return PhoneResult(raw, "invalid", "không phải số di động 10 số hay số cố định 11 số")
