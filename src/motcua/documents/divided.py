"""An old commune divided among several new ones: every clause that names it, each cited.

Why: a resolution writes a divided commune in two or more clauses ("một phần diện tích tự
nhiên, quy mô dân số của xã Bính Xá" in one, "phần còn lại của xã Bính Xá" in another); the
best single clause is half the truth, and an official who files a citizen's address by it
sends half the village to the wrong commune. When the chosen clause names the asked unit as
a part, the other passages of the same document that name it as a part are added, and the
answer opens with "một phần sáp nhập vào ..., phần còn lại vào ...".

Names are compared folded and without spaces: the converted PDFs glue words ("củaxãKiên
Mộc"), and a split village must not be missed for a lost space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from motcua.documents.model import AskResult, SearchHit
from motcua.documents.structure import split_sentences
from motcua.text.normalize import fold

__all__ = ["More", "Share", "divided_answer", "shares_of"]

_UNIT = r"(?i:xã|phường|thị\s*trấn|đặc\s*khu)"
_NAME = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*){0,3}"
# "một phần diện tích ... của xã X", "phần còn lại của xã X" (glued words allowed)
# (names are capitalised: only the keywords ignore case)
_PART = re.compile(rf"(?i:(một\s*phần|phần\s*còn\s*lại)\b[^;.]{{0,80}}?của\s*(?:các\s*)?)"
                   rf"({_UNIT})\s*({_NAME})")
# "một phần ... của xã Phú Hội và xã Phước Hưng": a part of each (the other clauses give
# "phần còn lại của xã Phước Hưng" too); a list ends at "một phần", "toàn bộ" or "thành"
_MORE = re.compile(rf"\s*(?:,|(?i:và))\s*(?:({_UNIT})\s*)?({_NAME})")
_NEW = re.compile(rf"(?i:có\s+tên\s+gọi\s+là)\s*\**\s*({_UNIT}\s*{_NAME})")


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


@dataclass(frozen=True)
class Share:
    """One clause's part of a divided unit."""

    kind: str  # "một phần" or "phần còn lại"
    unit: str  # "xã Bính Xá" as the clause writes it
    into: str | None  # the new unit it goes into ("xã Đình Lập")
    sentence: str
    hit: SearchHit


def shares_of(hit: SearchHit) -> list[Share]:
    """Every part of an old unit that the passage gives to a new one."""
    out = []
    for sentence in split_sentences(hit.text):
        new = _NEW.search(sentence)
        into = " ".join(new.group(1).split()) if new else None
        for m in _PART.finditer(sentence):
            kind = "phần còn lại" if _key(m.group(1)) == "phanconlai" else "một phần"
            names = [(m.group(2), m.group(3))]
            pos = m.end()
            while (more := _MORE.match(sentence, pos)) is not None:
                names.append((more.group(1) or names[-1][0], more.group(2)))
                pos = more.end()
            for unit_word, name in names:
                unit = " ".join(f"{unit_word.lower()} {name.strip()}".split())
                out.append(Share(kind, unit, into, sentence, hit))
    return out


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+", fold(text))) + " "


# The passages of one document that hold a phrase: (phrase, document id) -> hits
More = Callable[[str, int | str], Sequence[SearchHit]]


_UNIT_WORDS = (" xa ", " phuong ", " thi tran ", " dac khu ")


def _other_unit_word(q_words: str, unit: str) -> bool:
    """The question names this unit's name with another unit word before it."""
    word, name = unit.split(" ", 1)
    name_words = _words(name)
    return any(f"{w.rstrip()}{name_words}" in q_words for w in _UNIT_WORDS
               if w.strip() != _words(word).strip())


def divided_answer(question: str, hits: Sequence[SearchHit], best_i: int,
                   more: More | None = None) -> AskResult | None:
    """The answer listing every clause of the chosen document that names the asked unit as
    a part; None when no such unit is asked (the usual answer stands).

    The asked unit is the longest part-name of those clauses that the question holds as
    whole words ("xã Tân Hưng Đông" is not "xã Tân Hưng"), so a clause that only shares
    words with the question is left out. ``more`` searches the document for the unit's
    name alone: a unit split into five parts has clauses beyond the question's top hits."""
    best = hits[best_i]
    q_words = _words(question)
    shares = [s for hit in hits if hit.citation.document_id == best.citation.document_id
              for s in shares_of(hit)]
    # the unit word too when the question writes it ("xã Trung Hòa" is not "phường Trung Hoà")
    asked = [s for s in shares if _words(s.unit) in q_words] or [
        s for s in shares if _words(s.unit.split(" ", 1)[1]) in q_words
        and not _other_unit_word(q_words, s.unit)]
    if not asked:
        return None
    unit_key = max((_key(s.unit) for s in asked), key=len)
    if more is not None:
        unit = next(s.unit for s in asked if _key(s.unit) == unit_key)
        known = {h.passage_id for h in hits}
        extra = [h for h in more(unit, best.citation.document_id) if h.passage_id not in known]
        hits = [*hits, *extra]
        shares += [s for h in extra for s in shares_of(h)]
    chosen: list[Share] = []
    seen: set[str] = set()
    for share in shares:
        if _key(share.unit) == unit_key and share.sentence not in seen:
            seen.add(share.sentence)
            chosen.append(share)
    if len(chosen) < 2:
        return None
    chosen.sort(key=lambda s: (s.kind == "phần còn lại", hits.index(s.hit)))
    unit = next(s.unit for s in chosen)
    parts = [f"{s.kind} {'sáp nhập ' if i == 0 else ''}vào {s.into or '(xem điều khoản)'} "
             f"({s.hit.citation.path})" for i, s in enumerate(chosen)]
    lead = f"{unit[0].upper()}{unit[1:]} được chia: {', '.join(parts)}."
    sentences = [s.sentence for s in chosen]
    return AskResult(status="answer", question=question, answer=" ".join([lead, *sentences]),
                     sentences=sentences, citations=[s.hit.citation for s in chosen],
                     passages=list(hits))
