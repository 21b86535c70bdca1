"""Person names: one Unicode form, one tone placement, single spaces, each word capitalised.

Why so little: a name is a legal identity. We fix only what is typing noise ("NGUYỄN văn  a",
NFD from a PDF, "Hoà"/"Hòa") and flag what we will not touch (digits, symbols) for a person
to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from motcua.text import normalize_tone

__all__ = ["NameResult", "clean_name"]

_ALLOWED = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*\.?$", re.UNICODE)


@dataclass(frozen=True, slots=True)
class NameResult:
    value: str
    status: str  # ok, changed, empty, invalid
    note: str = ""


_PARTS = re.compile(r"([\-'’])")


def _capitalise(word: str) -> str:
    """Each part of "H'Hen" or "Ka-Lan" starts with a capital, like the person writes it."""
    return "".join(p[:1].upper() + p[1:].lower() for p in _PARTS.split(word))


def clean_name(text: object) -> NameResult:
    raw = "" if text is None else str(text)
    if not raw.strip():
        return NameResult("", "empty", "thiếu họ tên")
    value = " ".join(_capitalise(w) for w in normalize_tone(raw).split())
    if not _ALLOWED.match(value):
        return NameResult(raw, "invalid", "họ tên có chữ số hoặc ký hiệu lạ")
    return NameResult(value, "ok" if value == raw else "changed")


def name_key(value: str) -> str:
    """Comparison key for duplicates: the cleaned name, lower case."""
    return " ".join(normalize_tone(value).lower().split())
