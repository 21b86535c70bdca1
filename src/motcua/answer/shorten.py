"""Cutting the catalog's legal sentences into short verbatim spans a person can read.

Why spans, not rewrites: the short card must stay checkable. A paper shown as "Tờ khai đăng ký
kết hôn theo mẫu" is a prefix of the source sentence, so ``motcua eval`` finds it in the cited
field exactly as it finds the full sentence; the citation keeps the whole sentence for anyone
who opens the details. Nothing here invents a word of the source: every function returns a
substring of its input (plus, at most, an ellipsis that the caller keeps out of the quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Split", "cut", "first_sentence", "plain_count", "split_condition"]

_BULLET = re.compile(r"^(?:[-+*•–]\s*|[a-zđ]\)\s*|\d{1,2}[.)]\s+)+")
# Where the name of a paper ends and its explanation begins (the earliest that leaves a
# name of a few words wins). " theo mẫu" is kept: it tells the person a form exists.
_ENDS = (" (", ", ", "; ", ". ", ": ", " để ", " nhằm ", " do ", " theo quy định", " đối với ",
         " hoặc các giấy tờ khác", " hoặc giấy tờ khác", " hoặc các ", " kèm theo ", " trong đó ",
         " (sau đây", " đã được ", " được cấp ", " được tạo lập ", " có giá trị ", " còn giá trị",
         " khi ")
# Clauses that make a paper apply only in some cases.
_CONDITIONS = (" trong trường hợp ", " (trong trường hợp ", " (nếu ", " nếu ",
               " (đối với trường hợp ", " đối với trường hợp ", " (áp dụng ", " (trường hợp ",
               " trường hợp ")
_CONDITION_STARTS = ("Trường hợp ", "Nếu ", "Đối với trường hợp ", "Đối với ")
# After a leading "Trường hợp ..." clause: where the paper itself starts.
_THEN = (" thì phải có ", " thì phải nộp ", " thì nộp ", " thì ", " phải có ", " phải nộp ", ": ")
_MIN_WORDS = 3
_MIN_CHARS = 8


@dataclass(frozen=True)
class Split:
    """A paper's name and, when it applies only in some cases, the clause saying which."""

    name: str
    condition: str = ""


def _strip(text: str) -> str:
    """Bullets ("- ", "+ ", "a) ") and trailing punctuation off: the span stays verbatim."""
    return _BULLET.sub("", text.strip()).strip().rstrip(";.,:").strip()


def _long_enough(head: str) -> bool:
    return len(head.split()) >= _MIN_WORDS and len(head) >= _MIN_CHARS


def cut(text: str, limit: int = 80, *, explain: bool = True) -> str:
    """The leading name of ``text``: up to its first explanation, then within ``limit``.

    The result is a verbatim substring of ``text`` (bullets and trailing punctuation off).
    Over ``limit`` it is cut at the last "/", ",", " hoặc " or space before it. With
    ``explain=False`` (a condition: "sinh ra do mang thai hộ") only the limit cuts.
    """
    s = _strip(text)
    ends = [i for m in _ENDS if explain and (i := s.find(m)) > 0 and _long_enough(s[:i])]
    if ends:
        s = s[: min(ends)]
    if len(s) <= limit:
        return s.rstrip(" ,;.:(")
    window = s[:limit]
    for sep in ("/", ", ", " hoặc ", " "):
        i = window.rfind(sep)
        if i > limit // 2:
            return window[:i].rstrip(" ,;.:(")
    return window.rstrip(" ,;.:(")


def split_condition(text: str) -> Split:
    """The paper's short name and the case it applies in ("" when always needed).

    "Mẫu hộ tịch điện tử ... (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực
    tuyến)" → name "Mẫu hộ tịch điện tử tương tác đăng ký kết hôn", condition "người có yêu cầu
    lựa chọn nộp hồ sơ theo hình thức trực tuyến". Both are verbatim spans of ``text``.
    """
    s = _strip(text)
    for start in _CONDITION_STARTS:
        if s.startswith(start):
            body = s[len(start):]
            thens = [(i, -len(m), m) for m in _THEN if (i := body.find(m)) > 0]
            if not thens:
                return Split(name=cut(s))
            i, _, marker = min(thens)  # the longest marker at the first place
            name = cut(body[i + len(marker):])
            return Split(name=name, condition=cut(body[:i], 90, explain=False)) if name \
                else Split(cut(s))
    found = [(i, m) for m in _CONDITIONS if (i := s.find(m)) > 0 and _long_enough(s[:i])
             and not s[:i].endswith(" trừ")]  # "trừ trường hợp": an exception, no case
    if not found:
        return Split(name=cut(s))
    i, marker = min(found)
    clause = s[i + len(marker):].split(")")[0]
    if " thì " in clause.split(". ")[0]:
        return Split(name=cut(s[:i]))  # "X; trường hợp không có X thì Y": an alternative
    return Split(name=cut(s[:i]), condition=cut(clause, 90, explain=False))


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of ``text`` (verbatim, bullets off), cut to ``limit``."""
    s = _strip(text)
    for sep in (". ", "; ", " - ", " + "):
        i = s.find(sep)
        if 0 < i < len(s):
            s = s[:i]
    return cut(s, limit) if len(s) > limit else s


def plain_count(count_text: str) -> str:
    """The portal's count cell in plain words: "0 bản chính,1 bản sao" → "1 bản sao"."""
    parts = [p.strip() for p in count_text.split(",") if p.strip()]
    kept = [p for p in parts if not p.startswith("0 ")]
    return ", ".join(kept)
