"""Questions about where an old unit went: its clause is the one that lists it as old.

Why: the reform kept many names ("xã Cư Né và xã Chứ Kbô thành xã mới có tên gọi là xã Krông
Búk", while the old xã Krông Búk went into xã Ea Kly in another clause). Asked "xã Krông Búk
sau sắp xếp thuộc đơn vị nào?", both clauses hold every word of the question and score the
same; the asker means the old unit, so a clause that names it only as the new unit's name
goes after one that lists it among the units rearranged; so does a clause that has the asked
name only as another kind of unit ("phường Trung Tâm" for "xã Trung Tâm"), and a table (the
statistics office's list of new units and their codes names the new units only). Questions
that ask what a new unit is made of ("gồm những xã nào", "hình thành từ") are left as ranked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from motcua.text.normalize import fold

if TYPE_CHECKING:
    from motcua.documents.ask import Candidate

__all__ = ["NEW_NAME_SHARE", "prefer_old_names"]

NEW_NAME_SHARE = 0.9  # the score kept by a clause that holds the asked name only as new
_FATE = re.compile(r"\b(sau (khi )?sap xep|nhap vao|sap nhap|thuoc (don vi|xa|phuong)|"
                   r"bay gio la|nay la|nay thuoc|doi thanh|chuyen ve|ve dau)\b")
_MAKEUP = re.compile(r"\b(gom (nhung|cac|co)|hinh thanh tu|tu (nhung|cac) (xa|don vi)|"
                     r"duoc lap tu)\b")
_SPLIT = re.compile(r"\bthành\s*(?:xã|phường|đặc khu|thị trấn)\s+(?:mới\s+)?có\s+tên\s+gọi"
                    r"\s*là\s*\**\s*", re.I)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "


def _unit_name(text: str) -> str:
    """"xã Krông Búk." → " krong buk " (the name, without the unit word)."""
    name = re.split(r"[.;,(*]", text, maxsplit=1)[0]
    name = re.sub(r"(?i)^\s*(?:xã|phường|đặc khu|thị trấn)\s+", "", name)
    return _words(name)


def _only_new(q_words: str, text: str) -> bool:
    parts = _SPLIT.split(" ".join(text.split()), maxsplit=1)
    if len(parts) != 2:
        return False
    old, new = parts
    name = _unit_name(new)
    return name.strip() != "" and name in q_words and name not in _words(old)


_UNIT_WORD = r"(xã|phường|thị\s*trấn|đặc\s*khu)"
_LISTED = re.compile(rf"(?i:{_UNIT_WORD})\s+([^.;:]+?)(?=\s+thành\b|\s*[.;:]|$)")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ0-9][^\W_]*)*")


def _units(text: str) -> set[tuple[str, str]]:
    """(unit word, name) of every unit the clause lists: "các xã A, B và xã C", "phường D"."""
    out: set[tuple[str, str]] = set()
    for m in _LISTED.finditer(" ".join(text.split())):
        word = _words(m.group(1)).strip()
        for part in re.split(r",\s*|\s+và\s+", re.sub(r"\(.*?\)", "", m.group(2))):
            named = re.match(rf"(?i:(?:các\s+)?{_UNIT_WORD})\s+(.+)$", part.strip())
            if named:
                word, part = _words(named.group(1)).strip(), named.group(2)
            name = _NAME.match(part.strip())
            if name:
                out.add((word, _words(name.group(0)).strip()))
    return out


def _other_unit(q_words: str, text: str) -> bool:
    """The question asks "xã X" and the clause has X only as another kind ("phường X")."""
    units = _units(text)
    asked = {name for _, name in units if f" {name} " in q_words}
    for name in asked:
        kinds = {w for w, n in units if n == name}
        wanted = {w for w in ("xa", "phuong", "thi tran", "dac khu") if f" {w} {name} " in q_words}
        if wanted and not wanted & kinds:
            return True
    return False


def prefer_old_names(question: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with a fate question's new-name-only clauses scored down, re-sorted."""
    folded = fold(question)
    if not _FATE.search(folded) or _MAKEUP.search(folded):
        return list(candidates)
    q_words = _words(question)
    changed = False
    for cand in candidates:
        if (_only_new(q_words, cand.hit.text) or cand.hit.text.count(" | ") >= 6
                or _other_unit(q_words, cand.hit.text)):
            cand.hit.score = round(cand.hit.score * NEW_NAME_SHARE, 4)
            changed = True
    if not changed:
        return list(candidates)
    return sorted(candidates, key=lambda c: -c.hit.score)
