"""Extractive answers: the sentences of the retrieved passages that answer the question, with
their citations, or an abstention.

Why extractive: an official must be able to quote the text; every sentence we return is a
sentence of a document, and its location travels with it. We abstain when the best passage
does not contain most of the question's content words: a near miss is worse than "not found".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from motcua.documents.index import LEGAL_STOPWORDS
from motcua.documents.model import AskResult, Citation, SearchHit
from motcua.documents.structure import split_sentences
from motcua.text.normalize import fold, syllables

__all__ = ["MIN_BIGRAM_COVERAGE", "MIN_COVERAGE", "Candidate", "answer", "content_terms",
           "snippet"]

MIN_COVERAGE = 0.6
MIN_BIGRAM_COVERAGE = 0.25
_ASK_WORDS = frozenset(fold(w) for w in (
    "hình thành từ nhập vào thuộc đơn vị hành chính mới nay là tên gọi sáp nhập sắp xếp năm "
    "hiện thành").split())
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Candidate:
    """A retrieved passage with the text around it that coverage may read."""

    hit: SearchHit
    context: str = ""


def content_terms(text: str) -> tuple[set[str], set[str]]:
    """Folded content syllables and adjacent-syllable bigrams of a question."""
    sylls = [fold(s) for s in syllables(text)]
    uni = {s for s in sylls if s not in LEGAL_STOPWORDS}
    bi = {f"{a}_{b}" for a, b in zip(sylls, sylls[1:], strict=False)
          if a not in LEGAL_STOPWORDS or b not in LEGAL_STOPWORDS}
    return uni, bi


def _terms(text: str) -> tuple[set[str], set[str]]:
    sylls = [fold(s) for s in syllables(text)]
    return set(sylls), {f"{a}_{b}" for a, b in zip(sylls, sylls[1:], strict=False)}


def coverage(question: str, text: str) -> tuple[float, float]:
    q_uni, q_bi = content_terms(question)
    t_uni, t_bi = _terms(text)
    uni = len(q_uni & t_uni) / len(q_uni) if q_uni else 0.0
    bi = len(q_bi & t_bi) / len(q_bi) if q_bi else 1.0
    return uni, bi


def _sentence_score(question: str, sentence: str) -> float:
    q_uni, q_bi = content_terms(question)
    q_uni -= _ASK_WORDS
    s_uni, s_bi = _terms(sentence)
    return len(q_uni & s_uni) + 2 * len(q_bi & s_bi)


def answer(question: str, candidates: Sequence[Candidate], *, max_sentences: int = 2
           ) -> AskResult:
    if not candidates:
        return AskResult(status="abstain", question=question)
    best = candidates[0]
    uni, bi = coverage(question, f"{best.context}\n{best.hit.text}")
    if uni < MIN_COVERAGE or bi < MIN_BIGRAM_COVERAGE:
        return AskResult(status="abstain", question=question,
                         passages=[c.hit for c in candidates])
    scored = sorted(
        ((_sentence_score(question, s), -i, s) for i, s in enumerate(split_sentences(best.hit.text))),
        reverse=True,
    )
    top = scored[0][0] if scored else 0
    chosen = [s for score, _, s in scored[:max_sentences] if score >= 0.8 * top and score > 0]
    order = {s: i for i, s in enumerate(split_sentences(best.hit.text))}
    chosen.sort(key=lambda s: order[s])
    if not chosen:
        return AskResult(status="abstain", question=question,
                         passages=[c.hit for c in candidates])
    return AskResult(
        status="answer", question=question, answer=" ".join(chosen), sentences=chosen,
        citations=[best.hit.citation], passages=[c.hit for c in candidates],
    )


def snippet(text: str, query: str, *, width: int = 240) -> str:
    """A window of ``text`` around the query's words, those words wrapped in <mark></mark>."""
    q_uni, _ = content_terms(query)
    flat = " ".join(text.split())
    matches = [m for m in _WORD.finditer(flat) if fold(m.group(0)) in q_uni]
    if not matches:
        return flat[:width] + ("…" if len(flat) > width else "")
    # the window that holds the most matches
    best_start, best_count = 0, -1
    for m in matches:
        count = sum(1 for x in matches if m.start() <= x.start() < m.start() + width)
        if count > best_count:
            best_start, best_count = m.start(), count
    start = max(0, best_start - width // 4)
    start = flat.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(flat), start + width)
    out: list[str] = []
    pos = start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        out.append(flat[pos:m.start()])
        out.append(f"<mark>{m.group(0)}</mark>")
        pos = m.end()
    out.append(flat[pos:end])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    return prefix + "".join(out) + suffix


def cite(document_id: int | str, number: str | None, doc_type: str | None, path: str,
         filename: str | None) -> Citation:
    return Citation(document_id=document_id, number=number, doc_type=doc_type, path=path,
                    filename=filename)
