"""Extractive answers: the sentences of the retrieved passages that answer the question, with
their citations, or an abstention.

Why extractive: an official must be able to quote the text; every sentence we return is a
sentence of a document, and its location travels with it. We abstain when the best passage
does not contain most of the question's content words: a near miss is worse than "not found".
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from motcua.documents.divided import More, divided_answer
from motcua.documents.index import stop_flags
from motcua.documents.model import AskResult, Citation, SearchHit
from motcua.documents.structure import split_sentences
from motcua.documents.when import DateMention, WhenKind, best_dated, value_of, when_kind, when_terms
from motcua.text.normalize import fold, syllables

__all__ = ["MIN_BIGRAM_COVERAGE", "MIN_COVERAGE", "Candidate", "answer", "content_terms",
           "snippet"]

MIN_COVERAGE = 0.6
MIN_BIGRAM_COVERAGE = 0.25
SWITCH_MARGIN = 4.0
TWIN_RATIO = 0.9  # retrieval score of the twin passage relative to the best
TWIN_SENTENCE = 0.85  # its sentence's question-word weight relative to the best
_ASK_WORDS_TEXT = (
    "hình thành từ nhập vào thuộc đơn vị hành chính mới nay là tên gọi sáp sắp xếp năm hiện"
)
_ASK_WORDS = frozenset(fold(w) for w in _ASK_WORDS_TEXT.split())
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Candidate:
    """A retrieved passage with the text around it that coverage may read."""

    hit: SearchHit
    context: str = ""


def content_terms(text: str) -> tuple[set[str], set[str]]:
    """Folded content syllables and adjacent-syllable bigrams of a question."""
    flags = stop_flags(text)
    uni = {t for t, stop in flags if not stop}
    bi = {f"{a}_{b}" for (a, sa), (b, sb) in pairwise(flags) if not (sa and sb)}
    return uni, bi


_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]|\n\"“”]+")


def _terms(text: str) -> tuple[set[str], set[str]]:
    """Syllables and word pairs; a pair never spans punctuation ("Cái Tắc, xã" is no "tắc xã")."""
    uni: set[str] = set()
    bi: set[str] = set()
    for piece in _CLAUSE_BREAK.split(text):
        sylls = [fold(s) for s in syllables(piece)]
        uni.update(sylls)
        bi.update(f"{a}_{b}" for a, b in pairwise(sylls))
    return uni, bi


def coverage(question: str, text: str) -> tuple[float, float]:
    q_uni, q_bi = content_terms(question)
    t_uni, t_bi = _terms(text)
    uni = len(q_uni & t_uni) / len(q_uni) if q_uni else 0.0
    bi = len(q_bi & t_bi) / len(q_bi) if q_bi else 1.0
    return uni, bi


def _sentence_score(question: str, sentence: str, idf: Callable[[str], float]) -> float:
    """Sum of the idf of the question's syllables and word pairs the sentence holds."""
    q_uni, q_bi = content_terms(question)
    q_uni -= _ASK_WORDS
    s_uni, s_bi = _terms(sentence)
    return sum(idf(t) for t in (q_uni & s_uni) | (q_bi & s_bi))


def _flat(_term: str) -> float:
    return 1.0


def answer(question: str, candidates: Sequence[Candidate], *, max_sentences: int = 2,
           pool: int = 1, idf: Callable[[str], float] = _flat,
           more: More | None = None) -> AskResult:
    """The best sentences among the first ``pool`` passages, or an abstention.

    Why look past the first passage: a long table can outrank the one clause that names the
    asked-about unit; the sentence that holds the question's word pairs is the answer.
    """
    if not candidates:
        return AskResult(status="abstain", question=question)
    kind = when_kind(question)
    if kind is not None:
        return _date_answer(question, kind, candidates, idf)
    passages = [c.hit for c in candidates]
    best_i, best_score = -1, 0.0
    for i, cand in enumerate(candidates[:pool]):
        uni, bi = coverage(question, f"{cand.context}\n{cand.hit.text}")
        if uni < MIN_COVERAGE or bi < MIN_BIGRAM_COVERAGE:
            continue
        top = max((_sentence_score(question, s, idf) for s in split_sentences(cand.hit.text)),
                  default=0.0)
        # a later passage must beat the earlier ones clearly (a rare word more), not tie
        if best_i < 0 or top >= best_score + SWITCH_MARGIN:
            best_i, best_score = i, top
    if best_i < 0:
        return AskResult(status="abstain", question=question, passages=passages)
    split = divided_answer(question, passages, best_i, more)
    if split is not None:
        return split
    best = candidates[best_i]
    sentences = split_sentences(best.hit.text)
    scored = sorted(((_sentence_score(question, s, idf), -i, s) for i, s in enumerate(sentences)),
                    reverse=True)
    chosen = [s for score, _, s in scored[:max_sentences] if score >= 0.8 * best_score]
    chosen.sort(key=sentences.index)
    citations = [best.hit.citation]
    twin = _twin(question, candidates, best_i, best_score, idf)
    if twin is not None:
        chosen.append(twin[0])
        citations.append(twin[1].hit.citation)
    return AskResult(
        status="answer", question=question, answer=" ".join(chosen), sentences=chosen,
        citations=citations, passages=passages,
    )


def _date_answer(question: str, kind: WhenKind, candidates: Sequence[Candidate],
                 idf: Callable[[str], float]) -> AskResult:
    """A "when" question: the body sentence that ties a date to the asked event (``when.py``);
    an abstention rather than a sentence without a date."""
    q_uni, q_bi = content_terms(question)
    q_uni, q_bi = when_terms(q_uni - _ASK_WORDS), when_terms(q_bi)
    passages = [c.hit for c in candidates]

    def score(sentence: str) -> float:
        s_uni, s_bi = _terms(sentence)
        return sum(idf(t) for t in (q_uni & s_uni) | (q_bi & s_bi))

    best: tuple[float, int, str, DateMention] | None = None
    for i, cand in enumerate(candidates):
        t_uni, t_bi = _terms(f"{cand.context}\n{cand.hit.text}")
        uni = len(q_uni & t_uni) / len(q_uni) if q_uni else 0.0
        bi = len(q_bi & t_bi) / len(q_bi) if q_bi else 1.0
        if uni < MIN_COVERAGE or bi < MIN_BIGRAM_COVERAGE:
            continue
        found = best_dated(question, kind, [cand.hit.text], q_uni | q_bi, score, idf)
        if found is not None and (best is None or found[0] >= best[0] + SWITCH_MARGIN):
            best = (found[0], i, found[2], found[3])
    if best is None:
        return AskResult(status="abstain", question=question, passages=passages)
    _, i, sentence, mention = best
    return AskResult(status="answer", question=question, answer=sentence, sentences=[sentence],
                     value=value_of(mention),
                     citations=[candidates[i].hit.citation], passages=passages)


def _twin(question: str, candidates: Sequence[Candidate], best_i: int, best_score: float,
          idf: Callable[[str], float]) -> tuple[str, Candidate] | None:
    """The next passage when it answers exactly as well: two old communes of one name.

    Why: "xã Tân Trào" existed in two districts; choosing one silently is a coin toss, and
    showing both, each with its citation, lets the official see the ambiguity.
    """
    best = candidates[best_i]
    for cand in candidates[best_i + 1 : best_i + 3]:
        if cand.hit.score < TWIN_RATIO * best.hit.score:
            return None
        if cand.hit.citation.document_id != best.hit.citation.document_id:
            continue
        scored = [(_sentence_score(question, s, idf), s) for s in split_sentences(cand.hit.text)]
        if not scored:
            continue
        score, sentence = max(scored)
        if score >= TWIN_SENTENCE * best_score:
            return sentence, cand
    return None


def snippet(text: str, query: str, *, width: int = 240) -> str:
    """A window of ``text`` around the query's words, as HTML: the text escaped, and the
    query's words wrapped in <mark></mark>.

    Why escape here: clients render the snippet as HTML to show the marks; a document holding
    "<script>" must reach them as text, so the only tags in a snippet are our own marks.
    """
    q_uni, _ = content_terms(query)
    flat = " ".join(text.split())
    matches = [m for m in _WORD.finditer(flat) if fold(m.group(0)) in q_uni]
    if not matches:
        return html.escape(flat[:width]) + ("…" if len(flat) > width else "")
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
        out.append(html.escape(flat[pos:m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(html.escape(flat[pos:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    return prefix + "".join(out) + suffix


def cite(document_id: int | str, number: str | None, doc_type: str | None, path: str,
         filename: str | None) -> Citation:
    return Citation(document_id=document_id, number=number, doc_type=doc_type, path=path,
                    filename=filename)
