"""Procedures that exist nationally but whose details we do not hold (issue 9 item 6).

Why: the catalog holds a few ministries; a citizen asking for an alcohol retail licence must
hear "this procedure exists, here is its portal page, an officer will help", not be shown an
unrelated procedure that happens to share words. The national index (``motcua catalog
import-index``) has only names; this module keeps a small BM25 index over them in memory,
built once when the assistant loads (a few thousand short names: well under a second, and a
query costs a fraction of a millisecond).

``fit`` uses the same name-only measure for a national name and for a held procedure's name,
so the assistant can compare them fairly: the held procedure's body text would otherwise
make it look better than a name alone can.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from motcua.answer._words import accent_aware, adjacent, content, matched, phrases
from motcua.answer.schema import NationalRef
from motcua.search.bm25 import BM25Index, top_hits
from motcua.search.procedures import subject_of
from motcua.store.db import Database
from motcua.store.national import NationalProcedure
from motcua.text.abbreviations import default_dictionary
from motcua.text.normalize import fold, syllables
from motcua.text.tokenize import Tokenizer

__all__ = ["NationalEntry", "NationalNames", "load_national_names", "name_fit"]

log = logging.getLogger(__name__)
_QUERY_TERMS = Tokenizer(stopwords=True)
_HELD_SHARE = 0.3  # a ministry with this share of its codes in the catalog is held
_CANDIDATES = 16  # national names BM25 ranks first that the checks look at
# Where a name's head (what is issued or done) ends and its scope (for whom, where) begins;
# commas stay in the head: "Cấp, cấp lại giấy phép..." enumerates acts, not scopes.
_SCOPE = re.compile(r"[;(]| (?:cho|đối với|tại|của|theo|thuộc|trong trường hợp|khi|thực hiện) ",
                    re.IGNORECASE)


@dataclass(frozen=True)
class NationalEntry:
    code: str
    name: str
    agency: str
    field: str
    url: str


@lru_cache(maxsize=256)
def _question(query: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """The question with its expansions, its content words and word pairs (cached: one
    question is measured against a dozen names)."""
    expanded = default_dictionary().expand(query)
    return expanded, frozenset(content(expanded)), frozenset(phrases(syllables(expanded)))


@lru_cache(maxsize=8192)
def _name(name: str) -> tuple[str, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """A name's subject, its content words, words (accented and folded) and word pairs; its
    acronyms written out, as the question's are ("BHXH" is "bảo hiểm xã hội")."""
    spelled = default_dictionary().spell_acronyms(name)
    subject = subject_of(spelled)
    exact = frozenset(syllables(spelled))
    return (subject, frozenset(content(subject)), exact, frozenset(fold(w) for w in exact),
            frozenset(phrases(syllables(subject))))


def name_fit(query: str, name: str, idf: Mapping[str, float] | None = None, *,
             unknown: float = 1.0) -> float:
    """How well a procedure name alone fits the question, 0..1: half the share of the
    question's content words in the name, half the share of the name's subject words in the
    question, each word weighted by its rarity among procedure names (``idf``, folded words:
    "rượu" says more than "cấp" or "giấy"; a word no name has weighs ``unknown``), plus a
    small bonus for a shared word pair."""
    _, words, query_phrases = _question(query)
    _, name_words, exact, folded, name_phrases = _name(name)
    if not words or not name_words:
        return 0.0
    def weight(w: str) -> float:
        return idf.get(fold(w), unknown) if idf is not None else 1.0
    hit = [w for w in words if matched([w], exact, folded)]
    question_side = sum(map(weight, hit)) / sum(map(weight, words))
    name_side = _covered_share(words, name_words, weight)
    shared = len(query_phrases & name_phrases)
    return min(1.0, 0.5 * question_side + 0.5 * name_side + 0.1 * min(shared, 2))


def _covered_share(question: frozenset[str], words: frozenset[str],
                   weight: Callable[[str], float]) -> float:
    """The weighted share of ``words`` that the question's words cover (accent-aware)."""
    covered = accent_aware(set(question), set(words))
    return sum(map(weight, covered)) / sum(map(weight, words))


class NationalNames:
    """The national procedures we do not hold, searchable by name."""

    def __init__(self, entries: list[NationalEntry], all_names: list[str] | None = None, *,
                 held_names: Sequence[str] = ()) -> None:
        self.entries = {e.code: e for e in entries}
        self._held_grams = set().union(*map(_grams, held_names)) if held_names else set()
        self._held_adjacent = set().union(*map(adjacent, held_names)) if held_names else set()
        names = all_names if all_names is not None else [e.name for e in entries]
        df = Counter(w for n in names for w in {fold(s) for s in syllables(n)})
        self.idf = {w: math.log(1 + len(names) / c) for w, c in df.items()}
        # A question word that no name has is the asker's own wording ("quán", "bà nội"):
        # an ordinary word's weight, the median, neither noise nor the rarest term.
        self.unknown = statistics.median(self.idf.values()) if self.idf else 1.0
        self._index = BM25Index()
        self._last: tuple[str, list[NationalEntry]] = ("", [])
        self._index.build([(e.code, e.name) for e in entries])

    def __len__(self) -> int:
        return len(self.entries)

    def best(self, query: str, *, candidates: int = 8) -> tuple[NationalEntry, float] | None:
        """The national procedure whose name fits the question best, with its ``name_fit``."""
        scored = [(self.fit(query, e.name), e) for e in self._candidates(query, candidates)]
        if not scored:
            return None
        fit, entry = max(scored, key=lambda s: s[0])
        return entry, fit

    def _candidates(self, query: str, n: int = 8) -> list[NationalEntry]:
        """The ``n`` (at most ``_CANDIDATES``) national names that BM25 ranks first for the
        question; the last question's are kept, since both checks of a question ask."""
        if self._last[0] != query:
            terms = _QUERY_TERMS(_question(query)[0]) if self.entries else []
            hits = top_hits(self._index.term_scores(terms), self._index.doc_ids, _CANDIDATES)
            self._last = (query, [self.entries[h.doc_id] for h in hits])
        return self._last[1][:n]

    def fit(self, query: str, name: str) -> float:
        """``name_fit`` with this index's word weights."""
        return name_fit(query, name, self.idf, unknown=self.unknown)

    def elsewhere(self, query: str, held: Sequence[str], twin: Callable[[str], str | None], *,
                  fit: float, margin: float, twin_fit: float) -> NationalRef | None:
        """The national procedure to name instead of the catalog's best (``held``: the names
        of its top hits), or None. It must fit the question well (``fit``) and better by
        ``margin`` than every held name, on the same name-only measure; and the catalog must
        not hold it under another code or wording: ``twin`` finds the catalog's closest name
        to it (one search, only for a candidate that got this far)."""
        found = self.best(query)
        if found is None or found[1] < fit:
            return None
        entry, score = found
        if score < max((self.fit(query, h) for h in held), default=0.0) + margin:
            return None
        # The question must name something (a word or word pair) that this national name has
        # and no name in the catalog has: "bán lẻ rượu", "mẫu E". Otherwise the national
        # name is most likely a held procedure under the index's older wording.
        if not (_grams(_question(query)[0]) & _grams(entry.name)) - self._held_grams:
            return None
        return self._unless_twin(entry, twin, twin_fit)

    def by_subject(self, query: str, answer_text: str, twin: Callable[[str], str | None], *,
                   fit: float, head_share: float, twin_fit: float) -> NationalRef | None:
        """The national procedure that the question asks for by name where the catalog's best
        answer (``answer_text``: its name and text) does not, or None.

        Why: a question names the thing it wants ("giấy phép bán lẻ rượu", "giấy phép lao
        động"); when that word group is in no name we hold and nowhere in our answer, but is
        the head of a national name (what it issues, not for whom) that the question mostly
        covers, the answer only shares the asker's other words ("mở cửa hàng", "người Trung
        Quốc"), and the national procedure is what was asked for, even when the answer's
        name fits the rest of the question as well or better.
        """
        asked = adjacent(default_dictionary().respell(query)) - self._held_adjacent
        if asked:  # the answer's text only when the cheap test leaves something
            asked -= adjacent(answer_text)
        if not asked:
            return None
        found: list[tuple[float, float, NationalEntry]] = []
        for entry in self._candidates(query, _CANDIDATES):
            # an enumerating head ("Thực hiện, điều chỉnh, thôi hưởng trợ cấp...") is judged
            # by the listed part that carries the asked-for words
            parts = [p for p in _head(entry.name).split(",") if asked & adjacent(p)]
            share = max((self._share(query, p) for p in parts), default=0.0)
            score = self.fit(query, entry.name) if share >= head_share else 0.0
            if score >= fit:
                found.append((share, score, entry))
        # the head the question covers best first; the first the catalog does not hold wins
        for _, _, entry in sorted(found, key=lambda f: f[:2], reverse=True)[:3]:
            ref = self._unless_twin(entry, twin, twin_fit)
            if ref is not None:
                return ref
        return None

    def _share(self, query: str, text: str) -> float:
        """The share of ``text``'s content words the question has, weighted by rarity."""
        words = frozenset(content(text))
        if not words:
            return 0.0
        return _covered_share(_question(query)[1], words,
                              lambda w: self.idf.get(fold(w), self.unknown))

    def _unless_twin(self, entry: NationalEntry, twin: Callable[[str], str | None],
                     twin_fit: float) -> NationalRef | None:
        """``entry`` as a reference, unless the catalog holds it under another code or
        wording (``twin`` finds the catalog's closest name to it)."""
        same = twin(entry.name)
        if same is not None and self.fit(entry.name, same) >= twin_fit:
            return None
        return NationalRef(code=entry.code, name=entry.name, agency=entry.agency,
                           field=entry.field, url=entry.url)


def _head(name: str) -> str:
    """The head of a procedure's subject: what is issued or done, before its scope."""
    return _SCOPE.split(subject_of(name), maxsplit=1)[0]


def _grams(text: str) -> set[str]:
    """Folded content words and adjacent pairs of content words."""
    words = [fold(w) for w in content(text)]
    return set(words) | {f"{a} {b}" for a, b in pairwise(words)}


def _held_issuers(rows: list[NationalProcedure], held_codes: set[str]) -> set[str]:
    """Issuing ministries whose procedures the catalog holds (a good share of their codes).

    Why whole ministries: the catalog is imported ministry by ministry, from a newer edition
    than the index; a procedure of a held ministry missing by code is nearly always held under
    a new code or a reworded name, and naming it as "not in our catalog" would be wrong.
    """
    total = Counter(r.issuer for r in rows)
    held = Counter(r.issuer for r in rows if r.code in held_codes)
    return {i for i, n in total.items() if held[i] >= _HELD_SHARE * n}


def load_national_names(db: Database, *, held_codes: set[str],
                        held_names: set[str]) -> NationalNames:
    """The imported national index minus what the catalog holds: by code, by the same
    subject under another code (codes change between editions), and by ministry."""
    try:
        with db.session() as session:
            rows = list(session.scalars(select(NationalProcedure)))
    except SQLAlchemyError as exc:
        log.warning("national index unreadable; not-in-catalog names disabled",
                    extra={"error": exc.__class__.__name__})
        rows = []
    held = {fold(subject_of(n)) for n in held_names}
    issuers = _held_issuers(rows, held_codes)
    entries = [NationalEntry(r.code, r.name, r.agency, r.field, r.url) for r in rows
               if r.code not in held_codes and fold(subject_of(r.name)) not in held
               and r.issuer not in issuers]
    log.info("national index loaded", extra={"names": len(entries), "rows": len(rows)})
    return NationalNames(entries, [r.name for r in rows] + sorted(held_names),
                         held_names=sorted(held_names))
