"""Word matching between a question and a procedure: the assistant's small shared helpers.

Why accent-aware: a question typed without diacritics must match the catalog's accented words
(folded to folded), while an accented word of the question matches only the same accented
word, so "bảo" never matches "bão".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from motcua.answer.schema import ProcedureRef
from motcua.search.procedures import subject_of
from motcua.text.normalize import fold, syllables
from motcua.text.tokenize import is_stopword

__all__ = ["accent_aware", "adjacent", "content", "distinct", "matched", "phrases"]


def matched(words: Sequence[str], exact: frozenset[str], folded: frozenset[str]) -> int:
    """How many of ``words`` occur in a text's words (``exact``; ``folded`` = their folds):
    unaccented words match folded, accented words exactly."""
    return sum(1 for w in words if w in exact or (w == fold(w) and w in folded))


def accent_aware(query_words: set[str], doc_words: set[str]) -> set[str]:
    """The doc words matched by a query word (accented exactly, unaccented folded)."""
    folded_query = {w for w in query_words if w == fold(w)}
    return {d for d in doc_words if d in query_words or fold(d) in folded_query}


def phrases(words: Sequence[str]) -> set[str]:
    """Folded adjacent pairs, skipping pairs made only of question words."""
    return {f"{fold(a)} {fold(b)}" for a, b in pairwise(words)
            if not (is_stopword(a) and is_stopword(b))}


def distinct(refs: Sequence[ProcedureRef]) -> list[ProcedureRef]:
    """One option per subject: variants that differ only by level or channel are one choice."""
    seen: set[str] = set()
    out = []
    for r in refs:
        key = fold(subject_of(r.name))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def content(text: str) -> list[str]:
    return [w for w in syllables(text) if not is_stopword(w)]


@lru_cache(maxsize=4096)
def adjacent(text: str) -> frozenset[str]:
    """Folded pairs and triples of content words that stand side by side in ``text`` (no
    question word between them: "sinh ở Trung Quốc" has no pair "sinh trung")."""
    out: set[str] = set()
    run: list[str] = []
    for w in [*syllables(text), ""]:
        if w and not is_stopword(w):
            run.append(fold(w))
            continue
        out |= {" ".join(run[i:i + n]) for n in (2, 3) for i in range(len(run) - n + 1)}
        run = []
    return frozenset(out)
