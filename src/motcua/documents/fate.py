"""Questions about where an old unit went: its clause is the one that lists it as old.

Why: the reform kept many names ("xã Cư Né và xã Chứ Kbô thành xã mới có tên gọi là xã Krông
Búk", while the old xã Krông Búk went into xã Ea Kly in another clause). Asked "xã Krông Búk
sau sắp xếp thuộc đơn vị nào?", both clauses hold every word of the question and score the
same; the asker means the old unit, so a clause that names it only as the new unit's name
goes after one that lists it among the units rearranged; so does a table (the statistics
office's list of new units and their codes names the new units only). Questions that ask what
a new unit is made of ("gồm những xã nào", "hình thành từ") are left as ranked.
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


def prefer_old_names(question: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with a fate question's new-name-only clauses scored down, re-sorted."""
    folded = fold(question)
    if not _FATE.search(folded) or _MAKEUP.search(folded):
        return list(candidates)
    q_words = _words(question)
    changed = False
    for cand in candidates:
        if _only_new(q_words, cand.hit.text) or cand.hit.text.count(" | ") >= 6:
            cand.hit.score = round(cand.hit.score * NEW_NAME_SHARE, 4)
            changed = True
    if not changed:
        return list(candidates)
    return sorted(candidates, key=lambda c: -c.hit.score)
