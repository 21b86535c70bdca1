"""Structured extractive summaries, without any language model.

Why extractive and structured: an official signs off on what the summary says; every sentence
here is a sentence of the document with its location, and the parts an official looks for
first (what it is, what it decides, figures, deadlines, who must do what) are separate fields.
Sentences are ranked by their similarity to the whole document (a centroid of syllable
counts, weighted by idf over the document's own passages) with a bonus for decisions.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from pydantic import BaseModel, Field

from motcua.documents.metadata import find_dates
from motcua.documents.model import DocumentMeta, Passage
from motcua.documents.rearrange import Rearrangement, find_rearrangement
from motcua.documents.structure import split_sentences
from motcua.text.normalize import fold, syllables

__all__ = ["Assignment", "Located", "Summary", "figure_values", "summarize"]

LENGTHS = {"short": 3, "long": 10}
_FIGURE = re.compile(
    r"(\d+(?:[.,]\d+)*\s*(?:%|(?:phần trăm|km2|km²|m2|m²|ha|héc-ta|người|nhân khẩu|hộ|"
    r"tỷ đồng|triệu đồng|nghìn đồng|đồng|USD|đơn vị hành chính|đơn vị|xã|phường|đặc khu|tỉnh|"
    r"thành phố|huyện|tấn|lần|năm|tháng|ngày)\b))",
    re.I,
)
_ASSIGN = re.compile(r"\b(?:Giao|giao cho|giao)\s+(.+?)(?:,|\s+(?:chủ trì|tổ chức|thực hiện|"
                     r"căn cứ|hướng dẫn|có trách nhiệm|chịu trách nhiệm))")
_RESPONSIBLE = re.compile(r"^(?:\d+\.\s*)?(.+?)\s+(?:có trách nhiệm|chịu trách nhiệm)")
_DECIDES = re.compile(r"\b(quyết định|quyết nghị|thông qua|thống nhất|giao|yêu cầu|thành lập|"
                      r"sắp xếp|hợp nhất|có hiệu lực)\b", re.I)
_BASIS = re.compile(r"^(?:Căn cứ|Xét đề nghị|Theo đề nghị|Thực hiện|Kính gửi)\b")
_DEADLINE = re.compile(r"\b(trước ngày|chậm nhất|hạn chót|hoàn thành trước|kể từ ngày|"
                       r"có hiệu lực|từ ngày|đến ngày)\b", re.I)


class Located(BaseModel):
    text: str
    location: str = Field(description="article path, e.g. 'Điều 2, khoản 1', or 'phần đầu'")
    score: float | None = None
    values: list[str] = Field(default_factory=list, description="figures found in the text")


class Assignment(BaseModel):
    who: str
    task: str
    location: str


class Summary(BaseModel):
    document_id: int | str | None = None
    filename: str | None = None
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_date: str | None = None
    subject: str | None = None
    signer: str | None = None
    key_points: list[Located] = Field(default_factory=list)
    structure: list[Located] = Field(default_factory=list, description="for a resolution "
                                     "that rearranges units: its articles, the arranging one "
                                     "with counts taken from its clauses")
    figures: list[Located] = Field(default_factory=list)
    deadlines: list[Located] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    legal_basis: list[Located] = Field(default_factory=list)
    abstractive: str | None = None


def _where(p: Passage) -> str:
    return p.path or "phần đầu"


def _located_sentences(passages: list[Passage], *, header: bool = False
                       ) -> list[tuple[str, Passage]]:
    """Sentences with their passage; never the closing block nor table rows, and the header
    only if asked or if the text has no structure (a letter's body is its "header" passage)."""
    structured = any(p.article or p.clause is not None for p in passages)
    out = []
    for p in passages:
        if p.path == "phần cuối" or (structured and not header and p.ord == 0 and not p.path):
            continue
        for s in split_sentences(p.text):
            s = re.sub(r"^(?:\d{1,3}\s*[.)]|[a-zđ]\)|[-+•])\s*", "", s).strip()
            if len(s) >= 20 and " | " not in s:
                out.append((s, p))
    return out


def _vectors(sentences: list[tuple[str, Passage]]) -> list[dict[str, float]]:
    docs = [Counter(fold(w) for w in syllables(s)) for s, _ in sentences]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    idf = {t: math.log(1 + len(docs) / c) for t, c in df.items()}
    out = []
    for d in docs:
        vec = {t: c * idf[t] for t, c in d.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({t: v / norm for t, v in vec.items()})
    return out


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _unit(p: Passage) -> str:
    return f"Điều {p.article}" if p.article else p.path


def _select(sentences: list[tuple[str, Passage]], ranked: list[tuple[float, int]], k: int,
            pool: int = 60) -> list[tuple[float, int]]:
    """Maximal marginal relevance: good sentences that do not repeat each other.

    Why: a resolution's 60 clauses all look alike ("Sắp xếp toàn bộ diện tích ..."); the top
    sentences by centrality alone would be three of them, and say nothing of Điều 2 or 3.
    """
    candidates = [(score, i) for score, i in ranked
                  if not _BASIS.match(sentences[i][0])][:pool]
    vectors = _vectors([sentences[i] for _, i in candidates])
    chosen: list[int] = []
    while candidates and len(chosen) < min(k, len(candidates)):
        best, best_value = -1, -math.inf
        for j, (score, i) in enumerate(candidates):
            if j in chosen:
                continue
            overlap = max((_cos(vectors[j], vectors[c]) for c in chosen), default=0.0)
            unit = _unit(sentences[i][1])
            same_unit = any(_unit(sentences[candidates[c][1]][1]) == unit for c in chosen)
            value = 0.7 * score - 0.3 * overlap - (0.1 if same_unit else 0.0)
            if value > best_value:
                best, best_value = j, value
        chosen.append(best)
    return [candidates[j] for j in chosen]


def _rank(sentences: list[tuple[str, Passage]]) -> list[tuple[float, int]]:
    docs = [Counter(fold(w) for w in syllables(s)) for s, _ in sentences]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    centroid: dict[str, float] = {}
    for d in docs:
        for t, c in d.items():
            centroid[t] = centroid.get(t, 0.0) + c * idf[t]
    norm_c = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    ranked = []
    for i, d in enumerate(docs):
        vec = {t: c * idf[t] for t, c in d.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        sim = sum(v * centroid.get(t, 0.0) for t, v in vec.items()) / (norm * norm_c)
        text, p = sentences[i]
        bonus = 0.15 if _DECIDES.search(text) else 0.0
        bonus += 0.2 if p.article and p.clause is None else 0.0
        ranked.append((sim + bonus, i))
    ranked.sort(key=lambda x: -x[0])
    return ranked


_DATE_SPAN = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|tháng\s+\d{1,2}"
                        r"\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}|năm\s+\d{4}", re.I)
_REFERENCE = re.compile(r"\b(?:số|khoản|Điều|điểm|Chương|mục)\s+\d+$", re.I)


def figure_values(sentence: str) -> list[str]:
    """Numbers with their unit ("65 đơn vị hành chính", "95%"), not dates or references."""
    dates = [m.span() for m in _DATE_SPAN.finditer(sentence)]
    out = []
    for m in _FIGURE.finditer(sentence):
        if any(a <= m.start() < b for a, b in dates):
            continue
        if _REFERENCE.search(sentence[: m.start() + len(m.group(1).split()[0])]):
            continue
        out.append(" ".join(m.group(1).split()))
    return out


def _figures(sentences: list[tuple[str, Passage]], limit: int) -> list[Located]:
    out: list[Located] = []
    for s, p in sentences:
        values = figure_values(s)
        if values:
            out.append(Located(text=s, location=_where(p), values=values))
        if len(out) >= limit:
            break
    return out


def _assignments(sentences: list[tuple[str, Passage]]) -> list[Assignment]:
    out = []
    for s, p in sentences:
        m = _ASSIGN.search(s) or _RESPONSIBLE.search(s)
        if m:
            who = m.group(1).strip(" ,;:")
            if 2 <= len(who) <= 200:
                out.append(Assignment(who=who, task=s, location=_where(p)))
    return out


def _rearranged(plan: Rearrangement, sentences: list[tuple[str, Passage]],
                ranked: list[tuple[float, int]], k: int) -> list[tuple[float, int]]:
    """The count sentence first, then the best sentence of each other article, then (long
    summaries) the rest by rank, never one of the forming clauses: their form is the same."""
    score = dict((i, sc) for sc, i in ranked)
    counts = {" ".join(t.split()) for t, _ in plan.count_sentences}
    out = [i for i, (s, p) in enumerate(sentences) if p.article == plan.article and s in counts]
    seen = {p.article for i in out for p in [sentences[i][1]]} - {plan.article}
    for _, i in ranked:
        article = sentences[i][1].article
        if article and article != plan.article and article not in seen:
            seen.add(article)
            out.append(i)
    for _, i in ranked:
        if len(out) >= k:
            break
        if i not in out and sentences[i][1].article != plan.article:
            out.append(i)
    return [(score.get(i, 0.0), i) for i in sorted(out[:k])]


def summarize(meta: DocumentMeta, passages: list[Passage], *, length: str = "short",
              document_id: int | str | None = None, filename: str | None = None) -> Summary:
    if length not in LENGTHS:
        from motcua._errors import InputError

        raise InputError(f"độ dài tóm tắt không hợp lệ: {length!r}", hint="dùng short hoặc long")
    k = LENGTHS[length]
    sentences = _located_sentences(passages)
    ranked = _rank(sentences) if sentences else []
    plan = find_rearrangement(passages)
    if plan is not None:
        chosen = _rearranged(plan, sentences, ranked, k)
    else:
        chosen = sorted(_select(sentences, ranked, k), key=lambda x: x[1])
    key_points = [Located(text=sentences[i][0], location=_where(sentences[i][1]),
                          score=round(score, 4)) for score, i in chosen]
    structure = [Located(text=t, location=loc) for t, loc in plan.lines(passages)] if plan \
        else []
    deadlines = [Located(text=s, location=_where(p)) for s, p in sentences
                 if _DEADLINE.search(s) and (find_dates(s) or "hiệu lực" in s)]
    return Summary(
        document_id=document_id, filename=filename, doc_type=meta.doc_type, number=meta.number,
        issuer=meta.issuer, place=meta.place,
        issued_date=meta.issued_date.isoformat() if meta.issued_date else None,
        subject=meta.subject, signer=meta.signer, key_points=key_points, structure=structure,
        figures=_figures(sentences, 2 * k), deadlines=deadlines[: 2 * k],
        assignments=_assignments(sentences)[: 2 * k],
        legal_basis=[Located(text=s, location=_where(p))
                     for s, p in _located_sentences(passages, header=True)
                     if _BASIS.match(s) and not s.startswith("Kính gửi")],
    )
