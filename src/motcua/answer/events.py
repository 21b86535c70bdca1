"""Life events: a situation described in everyday words leads to the procedures it needs.

Why: people at the counter tell what happened ("bố tôi vừa qua đời", "ông bà muốn chia đất
cho hai chị em", "tiền bị chuột gặm") rather than a procedure's name, and the words of such a
sentence match procedures about something else ("mất" in "thông báo mất tem"). Each event
(``data/life_events.yaml``) says how people describe it, which catalog words to search with
when the question's own words name no procedure well, and what else people in that situation
usually need next, shown as "Bạn cũng có thể cần".

Related procedures are written in the data as the catalog names them and found in whatever
catalog is loaded, so the data holds no procedure codes and survives a catalog update; a name
that carries a variant's qualifier (foreign, border, re-registration...) the phrase does not
ask for is never chosen for it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from re import Pattern

import yaml

from motcua.answer.families import Families, default_families, folded_pattern
from motcua.search.procedures import ProcedureIndex
from motcua.text.normalize import fold, syllables
from motcua.text.tokenize import is_stopword

__all__ = ["LifeEvent", "LifeEvents", "default_events"]


@dataclass(frozen=True)
class LifeEvent:
    """One situation: how people say it, what to search with, what they need next."""

    key: str
    label: str
    says: Pattern[str]
    expand: str
    related: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    return [fold(w) for w in syllables(text) if not is_stopword(w)]


class LifeEvents:
    """Recognises the life event a question describes and resolves its related procedures.

    ``min_share``: the share of a related phrase's words a procedure name must hold to stand
    for it; ``commune_bonus`` prefers the commune-level procedure among equals (the one the
    person can do at their own service centre).
    """

    def __init__(self, events: Sequence[LifeEvent], *, families: Families | None = None,
                 min_share: float = 0.8, commune_bonus: float = 0.1) -> None:
        self.events = list(events)
        self.families = families if families is not None else default_families()
        self.min_share = min_share
        self.commune_bonus = commune_bonus
        self._resolved: weakref.WeakKeyDictionary[
            ProcedureIndex, tuple[list[_Name], dict[str, str | None]]] = (
            weakref.WeakKeyDictionary())

    def match(self, question: str) -> LifeEvent | None:
        """The first event, in the data's order, whose phrases the question uses."""
        text = " ".join(fold(question).split())
        return next((e for e in self.events if e.says.search(text)), None)

    def related(self, event: LifeEvent, index: ProcedureIndex,
                exclude: Iterable[str] = ()) -> list[str]:
        """Codes of the event's related procedures in ``index``, in the data's order, without
        ``exclude`` (the procedure already answered) and without repeats."""
        skip = set(exclude)
        out: list[str] = []
        for phrase in event.related:
            code = self.resolve(phrase, index)
            if code is not None and code not in skip and code not in out:
                out.append(code)
        return out

    def resolve(self, phrase: str, index: ProcedureIndex) -> str | None:
        """The procedure of ``index`` that a catalog-style phrase names, or None.

        Scored by the share of the phrase's words in the name, a bonus when the phrase occurs
        in the name as written, the commune level, and a small cost per extra word (the
        shortest name that says it is the plain case). Cached per loaded index."""
        names, resolved = self._per_index(index)
        if phrase in resolved:
            return resolved[phrase]
        wanted = set(_words(phrase))
        flat = " ".join(fold(phrase).split())
        own = set(self.families.qualifiers_of(phrase))
        best: tuple[float, str] | None = None
        for name in names:
            share = len(wanted & name.words) / max(len(wanted), 1)
            if share < self.min_share or (name.qualifiers - own):
                continue
            score = share + (0.5 if flat in name.flat else 0.0)
            score += self.commune_bonus if name.commune else 0.0
            score -= 0.005 * max(name.length - len(wanted), 0)
            if best is None or score > best[0]:
                best = (score, name.code)
        resolved[phrase] = best[1] if best else None
        return resolved[phrase]

    def _per_index(self, index: ProcedureIndex) -> tuple[list[_Name], dict[str, str | None]]:
        """The index's names prepared once (folded words, marked qualifiers), and the phrases
        resolved so far; dropped with the index when the server swaps in a new one."""
        found = self._resolved.get(index)
        if found is None:
            marked = {q.key for q in self.families.qualifiers if q.marked}
            names = []
            for doc in index.docs:
                words = _words(doc.name)
                names.append(_Name(doc.code, frozenset(words), " ".join(fold(doc.name).split()),
                                   "xa" in doc.levels, len(words),
                                   frozenset(self.families.qualifiers_of(doc.name)) & marked))
            found = (names, {})
            self._resolved[index] = found
        return found


@dataclass(frozen=True)
class _Name:
    code: str
    words: frozenset[str]
    flat: str
    commune: bool
    length: int
    qualifiers: frozenset[str]


def _load(text: str) -> list[LifeEvent]:
    data = yaml.safe_load(text)
    return [LifeEvent(key=e["key"], label=e["label"], says=folded_pattern(e["says"]),
                      expand=" ".join(str(e["expand"]).split()),
                      related=tuple(" ".join(str(r).split()) for r in e.get("related", ())))
            for e in data["events"]]


@cache
def default_events() -> LifeEvents:
    """The life events shipped in the package (``answer/data/life_events.yaml``)."""
    text = resources.files("motcua.answer").joinpath("data/life_events.yaml").read_text("utf-8")
    return LifeEvents(_load(text))
