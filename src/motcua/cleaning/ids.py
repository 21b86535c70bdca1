"""Citizen ID numbers: check the 12-digit CCCD against its own structure and the person's dob.

Why check and never fix: an ID number is evidence. A 12-digit CCCD encodes the province of
birth registration (digits 1-3), century and sex (digit 4: 0/1 for 1900s male/female, 2/3 for
2000s, ...) and the last two digits of the birth year (digits 5-6). A mismatch with the
date-of-birth column means one of the two is wrong, and only a person can tell which.
Old 9-digit CMND numbers are still valid papers for some uses; they are reported, not refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from motcua.cleaning.units import load_units

__all__ = ["IdResult", "check_id"]


@dataclass(frozen=True, slots=True)
class IdResult:
    value: str
    kind: str  # cccd, cmnd, ""
    status: str  # ok, old_id, mismatch, invalid, empty
    note: str = ""
    century_year: int | None = None
    sex: str = ""


@lru_cache(maxsize=1)
def province_codes() -> frozenset[str]:
    """Codes of birth-registration provinces: the 63 before 2025 and the 34 after (3 digits)."""
    units = load_units()
    codes = {p.code for p in units.old_provinces.values()} | set(units.new_provinces)
    return frozenset(c.zfill(3) for c in codes)


def _digits(value: object) -> str:
    raw = "" if value is None else str(value).strip()
    if raw.endswith(".0") and raw[:-2].isdigit():
        raw = raw[:-2]
    return raw.replace(" ", "").replace(".", "").replace("-", "")


def check_id(value: object, *, dob: dt.date | None = None, sex: str | None = None) -> IdResult:
    raw = "" if value is None else str(value).strip()
    digits = _digits(value)
    if not digits:
        return IdResult("", "", "empty", "thiếu số định danh")
    if not digits.isdigit():
        return IdResult(raw, "", "invalid", "số định danh có ký tự không phải chữ số")
    if len(digits) == 9:
        return IdResult(raw, "cmnd", "old_id", "CMND 9 số (cũ), cần đối chiếu CCCD")
    if len(digits) in (10, 11) and not raw.startswith("0"):
        padded = digits.zfill(12)
        return IdResult(raw, "", "invalid",
                        f"{len(digits)} chữ số: có thể bảng tính đã làm mất số 0 đầu "
                        f"(nếu vậy số đúng là {padded}, cần kiểm tra)")
    if len(digits) != 12:
        return IdResult(raw, "", "invalid", f"{len(digits)} chữ số (CCCD có 12, CMND cũ có 9)")
    notes: list[str] = []
    if digits[:3] not in province_codes():
        notes.append(f"mã tỉnh {digits[:3]} không tồn tại")
    gender_digit = int(digits[3])
    century = 1900 + 100 * (gender_digit // 2)
    year = century + int(digits[4:6])
    id_sex = "nam" if gender_digit % 2 == 0 else "nữ"
    if dob is not None and dob.year != year:
        notes.append(f"năm sinh theo CCCD là {year}, cột ngày sinh là {dob.year}")
    if sex:
        s = sex.strip().lower()
        given = ("nam" if s in ("nam", "m", "male")
                 else "nữ" if s in ("nữ", "nu", "f", "female") else "")
        if given and given != id_sex:
            notes.append(f"giới tính theo CCCD là {id_sex}")
    status = "invalid" if notes and notes[0].startswith("mã tỉnh") else (
        "mismatch" if notes else "ok")
    return IdResult(raw, "cccd", status, "; ".join(notes), year, id_sex)
