"""Dossier codes (Circular 01/2018/TT-VPCP): recognised in a citizen's message, canonical out.

The code printed on a receipt is ``V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX``: the receiving unit's
code in the four dotted groups (``000.00.20.H35``: ``M`` is a letter, the province or ministry
prefix), the day it was received (``250701``) and the day's sequence number (``0001``).

Why tolerant: people copy the code from a paper receipt into Zalo. They type spaces around
the separators or instead of them, lower case letters, dashes from a phone keyboard (``–``)
and the letter O for the digit 0. We accept exactly those slips and nothing else: a group of
the wrong length or a date that does not exist is not a code (it would look up someone else's
dossier or nothing), so the message goes on to the assistant like any other question.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["CodeMatch", "canonical_code", "find_code"]

_D = "[0-9Oo]"
_SEP = r"(?:\s*[.\-\u2010-\u2015\u2212]\s*|\s+)"
_CODE = re.compile(
    rf"(?<![0-9A-Za-z])({_D}{{3}}){_SEP}({_D}{{2}}){_SEP}({_D}{{2}}){_SEP}([A-Za-z])\s?"
    rf"({_D}{{2}}){_SEP}({_D}{{6}}){_SEP}({_D}{{4}})(?![0-9A-Za-z])")
_DIGITS = str.maketrans("Oo", "00")


@dataclass(frozen=True)
class CodeMatch:
    """A code found in a text: its canonical spelling and where it was (to cut it out)."""

    code: str
    start: int
    end: int


def _canonical(groups: tuple[str, ...]) -> str | None:
    v, z, y, letter, x, day, seq = (g.translate(_DIGITS) if i != 3 else g.upper()
                                    for i, g in enumerate(groups))
    try:
        dt.date(2000 + int(day[:2]), int(day[2:4]), int(day[4:]))
    except ValueError:
        return None  # 251301: no such day, so no such dossier
    return f"{v}.{z}.{y}.{letter}{x}-{day}-{seq}"


def find_code(text: str) -> CodeMatch | None:
    """The first well-formed dossier code in ``text``, or None."""
    for m in _CODE.finditer(text or ""):
        code = _canonical(m.groups())
        if code is not None:
            return CodeMatch(code, m.start(), m.end())
    return None


def canonical_code(text: str) -> str | None:
    """``text`` as a canonical code when the whole of it (trimmed) is one, else None."""
    stripped = (text or "").strip()
    found = find_code(stripped)
    if found is None or found.start != 0 or found.end != len(stripped):
        return None
    return found.code
