"""Slips of typing Vietnamese on a phone: which folded syllables cannot be Vietnamese, and
the repairs people's habits suggest for them.

Why: the search corrects an unknown syllable by one edit towards a known one, but only from
four letters on, since short words ("con", "hộ") must keep their meaning. Many slips are
short and leave a syllable no Vietnamese word has: "đồg" (đồng), "fép" (phép, teen spelling),
"mìh" (mình), "đăg" (đăng), Telex tone keys left in ("lamf" for "làm", "kets" for "kết").
A syllable outside Vietnamese spelling is a slip whatever its length, and these repairs are
tried before the general nearest-word search.
"""

from __future__ import annotations

import re

__all__ = ["CHAT_SHORTHAND", "is_vietnamese_syllable", "repairs", "unshorten"]

# Folded (no diacritics, đ as d) Vietnamese syllables: an initial, a vowel nucleus, a final.
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})"
    r"(ng|nh|ch|[cmnpt])?$")
# Teen spellings of an initial: "fép" is "phép", "j" is "gi", "z" is "d", "w" is "qu".
_INITIALS = (("f", "ph"), ("j", "gi"), ("z", "d"), ("w", "qu"), ("dz", "d"))
_TELEX_TONES = "sfrxj"


def is_vietnamese_syllable(folded: str) -> bool:
    """True when ``folded`` (lower case, no diacritics) is spelled like a Vietnamese
    syllable; "dog", "chug", "fep", "lamf" are not."""
    return bool(_SYLLABLE.match(folded))


def repairs(folded: str) -> list[str]:
    """Likely intended syllables for a slip, most likely first (each spelled like
    Vietnamese): a Telex tone key left at the end, a final "g"/"h" missing its "n" or "c",
    a teen initial."""
    out: list[str] = []

    def add(candidate: str) -> None:
        if candidate and candidate != folded and is_vietnamese_syllable(candidate) \
                and candidate not in out:
            out.append(candidate)

    if len(folded) > 2 and folded[-1] in _TELEX_TONES:
        add(folded[:-1])
    if len(folded) > 1 and folded[-1] == "g" and folded[-2] != "n":
        add(folded[:-1] + "ng")
    if len(folded) > 1 and folded[-1] == "h" and folded[-2] not in "cn":
        add(folded[:-1] + "nh")
        add(folded[:-1] + "ch")
    for teen, real in _INITIALS:
        if folded.startswith(teen):
            fixed = real + folded[len(teen):]
            add(fixed)
            for more in repairs(fixed) if not is_vietnamese_syllable(fixed) else ():
                add(more)
    return out


# Chat shorthand, written out in place: the words that shape a question ("có đc ko", "cần
# giấy j", "làm ntn"), and "đk", which is "được" where a clause ends ("làm online đk không",
# "bao lâu thì đk") and "đăng ký" before its object ("đk hành nghề": in place it keeps the
# pair "đăng ký hành", which the dictionary's expansion appended at the end does not).
CHAT_SHORTHAND = {
    "đk": "đăng ký", "dk": "đăng ký",
    "k": "không", "ko": "không", "kh": "không", "khg": "không", "kg": "không", "hok": "không",
    "j": "gì", "dc": "được", "đc": "được", "vs": "với", "ntn": "như thế nào",
    "bn": "bao nhiêu", "lm": "làm", "trc": "trước", "ms": "mới", "mk": "mình",
    "mik": "mình", "r": "rồi", "ng": "người", "cx": "cũng", "cg": "cũng", "nhìu": "nhiều",
}
_SHORTHAND = re.compile(r"(?<![\w/.-])(" + "|".join(
    sorted(map(re.escape, CHAT_SHORTHAND), key=len, reverse=True)) + r")(?![\w/-])")


def unshorten(text: str) -> str:
    """``text`` with chat shorthand written out ("có đc ko" → "có được không").

    Why: left as typed, "j" and "ko" are rare index terms that pair with their neighbours
    ("giay_j") and count as content words when the answer checks how much of the question
    a procedure covers. Lower-case only: an upper-case "K" or "R" is a name or a code."""
    return _SHORTHAND.sub(_written_out, text)


_CLAUSE_END = re.compile(r"\s*($|[,.;:!?)]|(không|ko|k|chưa|ạ|nhỉ|nhé|hả|hông|khong|chua|a)"
                         r"(?!\w))")


def _written_out(m: re.Match[str]) -> str:
    word = m.group(1)
    if word in ("đk", "dk") and _CLAUSE_END.match(m.string, m.end()):
        return "được"
    return CHAT_SHORTHAND[word]
