"""Spaces lost by PDF-to-text conversion put back: "củaxãKiên Mộc" → "của xã Kiên Mộc".

Why: Vietnamese writes every syllable apart, so a token holding two syllables is a lost
space, and it hides the commune from search and from the answer ("củaxãkiên" is no term of
any question). The conversions of the reform resolutions lose it in a few places only, and
those are what these rules put back; each rule is one that no correctly written Vietnamese
word can trigger, so a clean text passes unchanged:

- a lower-case run of two letters or more followed by a capitalised word ("xãKiên");
- a short function word glued to a unit word ("củaxã", "vàmột", "thànhxã", "gọilà");
- "thành" glued to the word before it ("Bình Giathành xã mới", "hìnhthành"), and "và",
  "sau khi" ("Tháivà", "Longsau khi": no Vietnamese syllable ends in "v" or "s");
- a letter right after a comma ("Bắc Xa,phần"), and a number right after "khoản", "Điều",
  "điểm" ("khoản42").
"""

from __future__ import annotations

import re

__all__ = ["unglue"]

_WORD = re.compile(r"[^\W\d_]{3,}")
_FUNCTION = re.compile(r"(?<![^\W\d_])(của|và|là|các|cho|thành|gọi)(?=(?:xã|phường|thị|một|"
                       r"đặc|là)(?![^\W\d_]))")
_THANH = re.compile(r"(?:(?<=[^\W\d_])|(?<=\)))(thành)(?=(?:xã|phường|đặc|thị)?(?![^\W\d_]))")
# "v" and "s" begin a Vietnamese syllable and never end one: "Tháivà", "Longsau khi"
_INITIAL = re.compile(r"(?<=[^\W\d_])(và|sau(?= khi))(?![^\W\d_])")
_COMMA = re.compile(r",(?=[^\W\d_])")
_REFERENCE = re.compile(r"(?<![^\W\d_])(khoản|Điều|điểm)(?=\d)")


def _split_case(m: re.Match[str]) -> str:
    """"xãKiên" → "xã Kiên"; "iPhone", "eKYC", "VssID", "McKinley" are left as they are."""
    word = m.group(0)
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if left.islower() and right[0].isupper() and right[1].islower():
            return f"{left} {_split_case_text(right)}"
    return word


def _split_case_text(text: str) -> str:
    return _WORD.sub(_split_case, text)


def unglue(text: str) -> str:
    """The text with the lost spaces back (see the module's rules)."""
    text = _split_case_text(text)
    text = _THANH.sub(r" \1", text)
    text = _INITIAL.sub(r" \1", text)
    text = _FUNCTION.sub(r"\1 ", text)
    text = _COMMA.sub(", ", text)
    return _REFERENCE.sub(r"\1 ", text)
