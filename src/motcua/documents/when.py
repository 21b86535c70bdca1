"""Questions that ask *when* ("từ ngày nào", "khi nào", "hạn ... là bao giờ", "trước ngày nào"),
answered from a date in the body that the sentence ties to the asked event.

Why its own path: the general answer picks the sentence holding most question words, and the
document's header line ("Hà Nội, ngày 16 tháng 6 năm 2025") holds the date word and the
province; an official asking when the new communes start work was given the signing date.
Here only sentences of the body that write a date (or a date relative to the act, "từ ngày
được thông qua") are candidates, the header's place-and-date line never is, and among the
dates of one sentence the one whose words before it match the question ("hoàn thành trước
ngày 30/6/2025, có hiệu lực từ ngày 01/7/2025") is the value given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from motcua.documents.model import AskResult
from motcua.documents.structure import split_sentences
from motcua.text.normalize import fold, syllables

__all__ = ["DateMention", "WhenKind", "date_mentions", "when_kind", "when_terms"]

WhenKind = Literal["deadline", "start", "any"]

# Folded: what makes a question ask for a date. "ban hành / ký / thông qua ngày nào" asks for
# the document's own date and is answered from its header (metadata.metadata_intent).
_ASKS_WHEN = re.compile(
    r"\b(ngay nao|khi nao|bao gio|luc nao|thoi diem nao|thang nao|nam nao|"
    r"han chot|han cuoi|thoi han hoan thanh|han hoan thanh|han nop|cham nhat (la )?(ngay|khi))\b"
)
_DEADLINE_Q = re.compile(r"\b(han|truoc|cham nhat|hoan thanh|xong|ket thuc|den ngay)\b")
_START_Q = re.compile(r"\b(tu ngay|tu khi|tu bao gio|bat dau|hieu luc|hoat dong|ap dung|"
                      r"thi hanh|chinh thuc)\b")
# the question's own asking words: no evidence that a sentence is about the asked event
_WHEN_TEXT = "ngày nào khi bao giờ lúc thời điểm tháng năm hạn chót cuối là vào"
_WHEN_WORDS = frozenset(fold(w) for w in _WHEN_TEXT.split(" "))

_DATE = re.compile(
    r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}"
    r"|tháng\s+\d{1,2}(?:/|\s+năm\s+)\d{4}|ngày\s+(?:được\s+)?(?:thông qua|ký|ban hành)"
    r"|(?:cho\s+)?đến\s+khi\s+[^,;.]+", re.I)  # "cho đến khi <event>": until that event
_DEADLINE_CUE = re.compile(r"(trước|chậm nhất|hạn|đến|hoàn thành|trong)\s*(ngày\s*)?$", re.I)
_START_CUE = re.compile(r"(từ|kể từ|bắt đầu|sau)\s*(ngày\s*)?$", re.I)
# "Hà Nội, ngày 16 tháng 6 năm 2025": a place and the date a document was signed
_HEADER_DATE = re.compile(r"(?<![\w/-])[A-ZĐÀ-Ỹ][\w.]*(?:\s+[A-ZĐÀ-Ỹ][\w.]*){0,4}\s*,\s*ngày\s+"
                          r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\W*$")
_BREAK = re.compile(r"[,;:()]")
CUE_BONUS = 3.0


def when_kind(question: str) -> WhenKind | None:
    """"deadline", "start" or "any" when the question asks for a date, else None."""
    folded = fold(question)
    if not _ASKS_WHEN.search(folded):
        return None
    if _DEADLINE_Q.search(folded):
        return "deadline"
    if _START_Q.search(folded):
        return "start"
    return "any"


def when_terms(terms: set[str]) -> set[str]:
    """Question terms without the words that only ask for a date."""
    return {t for t in terms if not set(t.split("_")) <= _WHEN_WORDS}


@dataclass(frozen=True)
class DateMention:
    text: str  # as written: "ngày 01 tháng 7 năm 2025", "ngày 30/6/2025"
    before: str  # the words that lead to it, back to the previous date or punctuation
    cue: WhenKind | None  # what the words just before it make it: a deadline or a start


def date_mentions(sentence: str) -> list[DateMention]:
    """The dates a sentence writes, each with the words that tie it to an event."""
    out: list[DateMention] = []
    last = 0
    for m in _DATE.finditer(sentence):
        head = sentence[last:m.start()]
        pieces = _BREAK.split(head)
        before = pieces[-1] if pieces[-1].strip() or len(pieces) < 2 else pieces[-2]
        cue: WhenKind | None = None
        if _DEADLINE_CUE.search(head):
            cue = "deadline"
        elif _START_CUE.search(head):
            cue = "start"
        out.append(DateMention(m.group(0), before.strip(), cue))
        last = m.end()
    return out


def _mention_score(kind: WhenKind, q_terms: set[str], mention: DateMention,
                   idf: Callable[[str], float]) -> float:
    words = {fold(s) for s in syllables(mention.before)}
    score = sum(idf(t) for t in q_terms if "_" not in t and t in words)
    if kind != "any" and mention.cue == kind:
        score += CUE_BONUS
    return score


def best_dated(question: str, kind: WhenKind, texts: Sequence[str], q_terms: set[str],
               sentence_score: Callable[[str], float], idf: Callable[[str], float]
               ) -> tuple[float, int, str, DateMention] | None:
    """The best (score, text index, sentence, date) among body sentences that write a date."""
    best: tuple[float, int, str, DateMention] | None = None
    for i, text in enumerate(texts):
        for sentence in split_sentences(text):
            if _HEADER_DATE.search(sentence.strip()):
                continue
            mentions = date_mentions(sentence)
            if not mentions:
                continue
            base = sentence_score(sentence)
            score, mention = max(((_mention_score(kind, q_terms, mt, idf), mt)
                                  for mt in mentions), key=lambda x: x[0])
            total = base + score
            if total > 0 and (best is None or total > best[0]):
                best = (total, i, sentence, mention)
    return best


def value_of(mention: DateMention) -> str:
    """The date as given to the official: "01/7/2025" rather than "ngày 01 tháng 7 năm 2025"."""
    m = re.match(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", mention.text, re.I)
    if m:
        return f"{m.group(1)}/{m.group(2)}/{m.group(3)}"
    if re.search(r"\d", mention.text):
        return re.sub(r"^ngày\s+", "", mention.text, flags=re.I)
    return mention.text  # "ngày được thông qua": the act itself sets the date


def with_value(result: AskResult, mention: DateMention) -> AskResult:
    result.value = value_of(mention)
    return result
