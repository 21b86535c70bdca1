"""``motcua eval cards``: is the short card short, complete behind "Xem chi tiết", grounded?

Why a separate measure: retrieval can be perfect while the answer is unusable on a phone (the
median card was 4,062 characters). For the commune-level procedures most asked in the eval
files it measures the short card's length (target: median ≤ 700, max ≤ 1,200), that every
paper of the record is still in the details, and that every short fact is found in its cited
field (``ungrounded_short``, also counted by ``motcua eval procedures``).

A short fact is grounded when its ``quote`` is in the cited source field (after the parsers'
``clean``), the quote is shown in its line (short names are spans of the sentence), every number
of the line is a number of that field, and a worked-out figure (``computed``: a reduced fee)
is the stated percentage of an amount of that field.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from motcua._errors import FileFormatError, NotFound
from motcua.answer.card import CardBuilder
from motcua.answer.schema import AskResponse
from motcua.catalog.indexing import ProcedureRepository
from motcua.catalog.parse import clean

__all__ = ["CardEval", "most_asked", "ungrounded_short"]

_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_COMPUTED = re.compile(r"^(\d+) = (\d{1,3})% × (\d+)$")
_OWN_WORDS = frozenset({"check", "more", "local", "help"})  # the assistant's or the commune's lines
_SHOWN_VERBATIM = frozenset({"name", "where", "paper", "plan", "note"})


def _numbers(text: str) -> set[str]:
    return {m.group(0).replace(".", "").replace(",", "") for m in _NUMBER.finditer(text)}


def _numbers_in(numbers: set[str], source: str) -> bool:
    """Every number is written in ``source`` (digit groupings aside; a number glued to the
    next cell, as in "1120 VNĐ" for time 1 and fee 120, still counts)."""
    digits = " ".join(_numbers(source))
    return all(n in digits for n in numbers)


def ungrounded_short(response: AskResponse, raw_of: Callable[[str], dict[str, Any]]) -> list[str]:
    """The short card's facts that their cited field does not bear out (see the docstring)."""
    card = response.answer
    if card is None:
        return []
    cites = {c.id: c for c in response.citations}
    bad = []
    for fact in card.short_facts:
        if fact.kind in _OWN_WORDS:
            if fact.cite is not None or fact.quote:
                bad.append(f"short:{fact.kind}: own words carry a citation: {fact.text[:60]}")
            continue
        cite = cites.get(fact.cite or "")
        source = clean(str(raw_of(cite.code).get(cite.field, ""))) if cite else ""
        where = f"{cite.code}:{cite.field}" if cite else "?:?"
        shown = _numbers(fact.text) - {fact.computed.split(" = ")[0]}
        problems = [
            cite is None and "no citation",
            bool(cite) and (not fact.quote or clean(fact.quote) not in source)
            and "quote not in source",
            fact.kind in _SHOWN_VERBATIM and fact.quote not in fact.text and "quote not shown",
            not _numbers_in(shown, source) and "number not in source",
            fact.computed and not _computed_ok(fact.computed, source) and "figure not derivable",
        ]
        bad += [f"short:{where}: {p}: {fact.text[:80]}" for p in problems if p]
    return bad


def _computed_ok(computed: str, source: str) -> bool:
    m = _COMPUTED.match(computed)
    if m is None:
        return False
    result, percent, base = (int(g) for g in m.groups())
    return str(base) in _numbers(source) and str(percent) in _numbers(source) \
        and result == base * percent // 100


def most_asked(files: Iterable[Path], repo: ProcedureRepository, *, level: str = "xa",
               n: int = 100) -> list[tuple[str, str]]:
    """(code, the question asking it most) for the ``n`` procedures at ``level`` that the
    eval files name as gold most often (ties by code), read in place."""
    counts: Counter[str] = Counter()
    question: dict[str, str] = {}
    for path in files:
        try:
            lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise FileFormatError(f"không đọc được {path}: {exc}", path=str(path)) from exc
        for n_line, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                golds = [str(c) for c in item.get("gold") or ()]
            except (json.JSONDecodeError, AttributeError, TypeError) as exc:
                raise FileFormatError(
                    f"{path}:{n_line}: cần một đối tượng JSON có 'gold' ({exc})",
                    hint='ví dụ {"id": "q1", "question": "...", "gold": ["1.001193"]}',
                    path=str(path), line=n_line) from exc
            for code in golds:
                counts[code] += 1
                turns = item.get("turns") or [item.get("question", "")]
                question.setdefault(code, str(turns[-1]))
    out = []
    for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        try:
            stored = repo.get(code)
        except NotFound:
            continue
        if level in stored.parsed.levels:
            out.append((code, question[code]))
        if len(out) == n:
            break
    return out


class CardEval:
    """Builds the card of each procedure as ``ask`` would and measures its short card."""

    def __init__(self, repo: ProcedureRepository) -> None:
        self.repo = repo

    def run(self, items: Sequence[tuple[str, str]]) -> dict[str, Any]:
        lengths: list[int] = []
        ungrounded: list[str] = []
        missing: list[str] = []
        longest: list[tuple[int, str]] = []
        for code, question in items:
            stored = self.repo.get(code)
            builder = CardBuilder(stored)
            card = builder.build([], None, question=question)
            response = AskResponse(status="answer", message="", answer=card,
                                   citations=builder.citations)
            ungrounded += ungrounded_short(response, lambda c: self.repo.get(c).raw)
            shown = {p.name for p in [*card.papers, *card.notes]}
            missing += [f"{code}: {d.name[:60]}" for d in stored.parsed.dossier
                        if d.name not in shown]
            lengths.append(len(card.short))
            longest.append((len(card.short), code))
        return {
            "n": len(items),
            "short_chars_median": statistics.median(lengths) if lengths else 0,
            "short_chars_max": max(lengths, default=0),
            "over_1200": sum(1 for n in lengths if n > 1200),
            "ungrounded_short_facts": len(ungrounded),
            "ungrounded_examples": ungrounded[:10],
            "papers_missing_from_details": len(missing),
            "missing_examples": missing[:10],
            "longest": [{"code": c, "chars": n} for n, c in sorted(longest, reverse=True)[:5]],
        }
