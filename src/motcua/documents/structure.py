"""Legal-structure splitting: Phần, Chương, Mục, Điều, Khoản, Điểm.

Why line rules with sequence checks: texts reach us from PDFs and OCR with hard line breaks, so
a wrapped line can begin with "2025." or "c)". A clause number is accepted only when it
continues the current list (1, then 2 ...), a point only when it follows the previous letter.
Each passage keeps the path an answer cites ("Điều 1, khoản 2, điểm a").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from motcua.documents.model import Passage

__all__ = ["MAX_PASSAGE_CHARS", "split_passages", "split_sentences"]

MAX_PASSAGE_CHARS = 1500
SHORT_LINE = 60
_POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

_PART = re.compile(r"^(?:PHẦN|Phần)\s+(THỨ\s+\S+|thứ\s+\S+|[IVXLC]+|\d+)\b[.:]?\s*(.*)$")
_CHAPTER = re.compile(r"^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b[.:]?\s*(.*)$")
_SECTION = re.compile(r"^(?:MỤC|Mục)\s+(\d+|[IVXLC]+)\b[.:]?\s*(.*)$")
_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)\s+(\d{1,3}[a-zđ]?)\s*(?:[.:]\s*(.*)|$)")
_CLAUSE = re.compile(r"^(\d{1,3})\s*[.)]\s*([^\d\s.,;:/)-].*)$")
_POINT = re.compile(r"^([a-zđ])\)\s*(\S.*)$")
_CLOSING = re.compile(r"^(?:Nơi nhận|NƠI NHẬN|(?:TM|KT|TL|TUQ|Q|T/M|K/T)\.?\s+[A-ZĐÀ-Ỹ])")
_ANNEX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)\b\s*([IVXLC\d]*)")
_ROMAN = re.compile(r"^([IVX]{1,5})\s*[-.–)]\s*(\S.*)$")
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,3}\s*[.)]|[a-zđ]\))\s*(?=\S)")
_SENTENCE_END = re.compile(r"(?<=[.;!?:])\s+(?=[A-ZĐÀ-Ỹ0-9\"“(-])")


@dataclass
class _Unit:
    part: str | None = None
    chapter: str | None = None
    section: str | None = None
    article: str | None = None
    article_title: str | None = None
    clause: int | None = None
    point: str | None = None
    lead: str = ""
    closing: bool = False
    annex: str | None = None
    lines: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        bits = [self.annex] if self.annex else []
        if self.article:
            bits.append(f"Điều {self.article}")
        elif self.section:
            bits.append(self.section)
        if self.clause is not None:
            bits.append(f"khoản {self.clause}")
        if self.point:
            bits.append(f"điểm {self.point}")
        if not bits and self.closing:
            return "phần cuối"
        return ", ".join(bits)


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 6 and bool(letters) and all(c.isupper() for c in letters)


def split_sentences(text: str) -> list[str]:
    """Sentences of one passage (Vietnamese legal punctuation; lines are kept apart)."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _ENUMERATOR.sub("", line)  # "54. Sắp xếp" → "Sắp xếp": the path cites 54
        out.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return out


def _chunks(text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for line in text.split("\n"):
        pieces.extend(split_sentences(line) if len(line) > limit else [line])
    chunks: list[str] = []
    buf = ""
    for piece in pieces:
        if buf and len(buf) + len(piece) + 1 > limit:
            chunks.append(buf)
            buf = piece
        else:
            buf = f"{buf}\n{piece}" if buf else piece
    if buf:
        chunks.append(buf)
    return chunks


def split_passages(text: str, *, max_chars: int = MAX_PASSAGE_CHARS) -> list[Passage]:
    """Cut a document's text into citable passages, in reading order."""
    units: list[_Unit] = [_Unit()]
    clause_intro = ""
    pending_title: str | None = None  # "article" / "chapter" etc waiting for a title line

    def new(**changes: object) -> _Unit:
        cur = units[-1]
        unit = _Unit(part=cur.part, chapter=cur.chapter, section=cur.section,
                     article=cur.article, article_title=cur.article_title, clause=cur.clause,
                     point=cur.point, lead=cur.lead, closing=cur.closing, annex=cur.annex)
        for key, value in changes.items():
            setattr(unit, key, value)
        units.append(unit)
        return unit

    boundary, last, last_heading = True, "", False
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            boundary = True
            continue
        # A clause or point starts a line only after a paragraph break, a finished sentence,
        # a heading or a short line (a hard-wrapped paragraph ends short); otherwise
        # "2. Điều này" is a PDF line wrap inside a sentence.
        can_start = (boundary or last.endswith((".", ";", ":", "!", "?")) or last_heading
                     or len(last) < SHORT_LINE)
        boundary, last = False, line
        last_heading = bool(pending_title) or any(
            r.match(line) for r in (_ARTICLE, _CHAPTER, _PART, _SECTION, _ROMAN, _ANNEX))
        cur = units[-1]
        if pending_title and not any(r.match(line) for r in (_ARTICLE, _CLAUSE, _CHAPTER)):
            if pending_title == "article":
                cur.article_title = line
            elif pending_title == "chapter":
                cur.chapter = f"{cur.chapter} {line}"
            pending_title = None
            continue
        pending_title = None
        annex_heading = cur.closing and _is_heading(line) and not _CLOSING.match(line)
        if (m := _ANNEX.match(line)) or annex_heading:
            label = f"Phụ lục {m.group(1)}".strip() if m else "Phụ lục"
            new(annex=label, part=None, chapter=None, section=None, article=None,
                article_title=None, clause=None, point=None, lead=line, closing=False
                ).lines.append(line)
            continue
        if cur.closing:
            cur.lines.append(line)
            continue
        if m := _ARTICLE.match(line):
            title = (m.group(2) or "").strip()
            new(article=m.group(1), article_title=title or None, clause=None, point=None,
                lead="")
            pending_title = None if title else "article"
            clause_intro = ""
            continue
        if m := _CHAPTER.match(line):
            title = m.group(2).strip()
            new(chapter=f"Chương {m.group(1)}" + (f" {title}" if title else ""), section=None,
                article=None, article_title=None, clause=None, point=None, lead="")
            pending_title = None if title else "chapter"
            continue
        if m := _PART.match(line):
            new(part=f"Phần {m.group(1)} {m.group(2)}".strip(), chapter=None, section=None,
                article=None, article_title=None, clause=None, point=None, lead="")
            continue
        if m := _SECTION.match(line):
            new(section=f"Mục {m.group(1)} {m.group(2)}".strip(), article=None,
                article_title=None, clause=None, point=None, lead="")
            continue
        if (m := _ROMAN.match(line)) and not cur.article:
            new(section=f"mục {m.group(1)}", clause=None, point=None, lead=line).lines.append(line)
            continue
        if _CLOSING.match(line):
            new(article=None, article_title=None, clause=None, point=None, lead="",
                closing=True).lines.append(line)
            continue
        if can_start and (m := _CLAUSE.match(line)):
            number = int(m.group(1))
            if number == 1 or (cur.clause is not None and 0 < number - cur.clause <= 2):
                unit = new(clause=number, point=None, lead=cur.article_title or "")
                unit.lines.append(line)
                clause_intro = line
                continue
        if can_start and (m := _POINT.match(line)) and cur.clause is not None:
            letter = m.group(1)
            expected = (_POINT_LETTERS[_POINT_LETTERS.index(cur.point) + 1]
                        if cur.point and cur.point in _POINT_LETTERS[:-1] else "a")
            if letter == expected or (letter == "a" and cur.point is None):
                lead = " ".join(x for x in (cur.article_title, clause_intro) if x)
                new(point=letter, lead=lead).lines.append(line)
                continue
        cur.lines.append(line)

    passages: list[Passage] = []
    for unit in units:
        body = "\n".join(unit.lines).strip()
        if not body:
            continue
        for chunk in _chunks(body, max_chars):
            passages.append(Passage(
                ord=len(passages), path=unit.path, part=unit.part, chapter=unit.chapter,
                section=unit.section, article=unit.article, article_title=unit.article_title,
                clause=unit.clause, point=unit.point, lead=unit.lead, text=chunk,
            ))
    return passages
