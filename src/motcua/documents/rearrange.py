"""Summaries of a resolution that rearranges administrative units: its counts and structure.

Why apart from the general ranking: such a resolution is sixty clauses of one form ("Sắp xếp
toàn bộ diện tích tự nhiên, quy mô dân số của ... thành xã mới có tên gọi là ..."); any two
of them picked as "main content" are arbitrary, and what an official needs first is how many
units there are after it, of which kinds, which old units were divided, and what the other
articles decide (when it takes effect, who carries it out). The counts are the document's
own sentence where it has one ("Sau khi sắp xếp, tỉnh Lạng Sơn có 65 đơn vị hành chính cấp
xã, gồm 61 xã và 04 phường"); the structure lines are counted from its clauses and say so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from motcua.documents.divided import shares_of
from motcua.documents.model import Citation, Passage, SearchHit

__all__ = ["MIN_CLAUSES", "Rearrangement", "find_rearrangement"]

MIN_CLAUSES = 5  # fewer forming clauses: a decision that names a few units, ranked as usual
_FORMS = re.compile(r"thành\s*(xã|phường|đặc khu|thị trấn)\s+(?:mới\s+)?có\s+tên\s+gọi\s*là",
                    re.I)
_KEEPS = re.compile(r"(?:^|\s)(?:giữ nguyên|không thực hiện sắp xếp)\b", re.I)
_COUNT = re.compile(r"^(?:\d+\.\s*)?Sau khi sắp xếp\b.*\bcó\s+\d+\s+đơn vị hành chính", re.I)


@dataclass
class Rearrangement:
    """What the arranging article holds, counted from its clauses."""

    article: str
    title: str
    clauses: int
    new_units: Counter[str] = field(default_factory=Counter)
    divided_clauses: list[int] = field(default_factory=list)
    divided_units: list[str] = field(default_factory=list)
    count_sentences: list[tuple[str, Passage]] = field(default_factory=list)

    def lines(self, passages: Sequence[Passage]) -> list[tuple[str, str]]:
        """(text, location) lines of the structure, the arranging article first."""
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.new_units.most_common())
        total = sum(self.new_units.values())
        first = (f"Điều {self.article} ({self.title}): {self.clauses} khoản, lập {total} đơn "
                 f"vị hành chính mới ({kinds})")
        if self.divided_clauses:
            listed = ", ".join(str(c) for c in self.divided_clauses)
            first += (f"; {len(self.divided_units)} đơn vị cũ bị chia "
                      f"({', '.join(self.divided_units)}) trong các khoản {listed}")
        out = [(first + ".", f"Điều {self.article}")]
        seen = {self.article}
        for p in passages:
            if p.article and p.article not in seen:
                seen.add(p.article)
                out.append((f"Điều {p.article}: {p.article_title or ''}".rstrip(": "),
                            f"Điều {p.article}"))
        return out


def _hit(p: Passage) -> SearchHit:
    return SearchHit(passage_id=p.ord, score=0.0, text=p.text, snippet="",
                     citation=Citation(document_id=0, path=p.path))


def find_rearrangement(passages: Sequence[Passage]) -> Rearrangement | None:
    """The article whose clauses each form a new unit, when there are MIN_CLAUSES or more."""
    by_article: dict[str, list[Passage]] = {}
    for p in passages:
        if p.article:
            by_article.setdefault(p.article, []).append(p)
    for article, ps in by_article.items():
        forming: dict[int, str] = {}
        divided: set[int] = set()
        units: dict[str, None] = {}
        counts: list[tuple[str, Passage]] = []
        clauses = {p.clause for p in ps if p.clause is not None}
        for p in ps:
            m = _FORMS.search(p.text)
            if m and p.clause is not None:
                forming.setdefault(p.clause, m.group(1).lower())
                for share in shares_of(_hit(p)):
                    divided.add(p.clause)
                    units.setdefault(share.unit, None)
            text = re.sub(r"^\d+\.\s*", "", " ".join(p.text.split()))
            if _COUNT.match(text) or (p.clause is not None and not m and _KEEPS.search(text)):
                counts.append((text, p))
        if len(forming) >= MIN_CLAUSES:
            return Rearrangement(article=article, title=ps[0].article_title or "",
                                 clauses=len(clauses), new_units=Counter(forming.values()),
                                 divided_clauses=sorted(divided), divided_units=list(units),
                                 count_sentences=counts)
    return None
