"""Look-alike procedures: the facts of a question decide between a family's variants.

Why: the catalog holds many procedures that share a subject and differ by one qualifier
("Đăng ký kết hôn", "... có yếu tố nước ngoài", "... tại khu vực biên giới", "... lưu động",
"Đăng ký lại kết hôn"). Their names share almost every word, so word overlap ranks them by
length and chance: "chồng tôi người Trung Quốc, đăng ký kết hôn" got the domestic marriage, and
"đăng ký kết hôn" alone could get the foreign one. The deciding fact is rarely a word of the
name: a nationality, "sổ lưu không còn", "ốm nặng không đi được", "hết hạn", "bị mất".

The rule is one for all families, with the vocabulary as data (``data/qualifiers.yaml``): a
variant whose qualifier the question states gains, a variant whose qualifier it does not state
loses to its plain sibling (a person at a commune counter most often needs the plain case), and
one whose qualifier the question rules out ("cả hai đều là người Việt") loses more.

The same rule tells apart what a procedure is for: a country ("Việt Nam – Lào"), an animal
("thủy sản", "trên cạn"), an asset ("tàu biển", "quyền sử dụng đất"). A question that names
another one ("Bằng Tường", "chở lợn", "thế chấp xe máy") rules the name out. Such words often
differ from common ones only by their diacritics ("lợn"/"lớn", "Lào"/"lao động"), so their
qualifiers match as written when the question has diacritics (``Exact``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from motcua.search._protocol import Hit
from motcua.text.normalize import fold, normalize_tone

__all__ = ["Exact", "Families", "Qualifier", "default_families", "exact_pattern", "folded_pattern",
           "lower"]

_ENUMERATES = re.compile(r"\btruong hop\b")
_PARENS = re.compile(r"\([^()]*\)")
_FILLER = frozenset(["thu", "tuc", "cho", "cua", "doi", "voi", "tai", "va", "o", "co"])


def folded_pattern(text: str, **subst: str) -> re.Pattern[str]:
    """A folded, whole-word regular expression from a YAML phrase list."""
    return re.compile(rf"(?<!\w)(?:{fold(_flat(text, **subst))})(?!\w)")


def exact_pattern(text: str, **subst: str) -> re.Pattern[str]:
    """A whole-word regular expression from a YAML phrase list, diacritics kept (lower case,
    one tone placement): for a text that is written with them (``lower``)."""
    return re.compile(rf"(?<!\w)(?:{lower(_flat(text, **subst))})(?!\w)")


def lower(text: str) -> str:
    """Lower case with diacritics, one tone placement and single spaces."""
    return " ".join(normalize_tone(text).lower().split())


def _flat(text: str, **subst: str) -> str:
    flat = " ".join(str(text).split())
    flat = re.sub(r"\s*\|\s*", "|", flat)
    for key, value in subst.items():
        flat = flat.replace("{" + key + "}", value)
    return flat


@dataclass(frozen=True)
class Exact:
    """A qualifier's phrases as written, for words that differ from common ones only by their
    diacritics ("lợn"/"lớn", "bò"/"bố", "Lào"/"lao động", "quỹ"/"quy định"): matched on a
    name or a question that carries diacritics; a question without any is read with the
    qualifier's folded phrases (``facts_plain``, ``against_plain`` when the YAML gives them)."""

    name: re.Pattern[str]
    facts: re.Pattern[str]
    against: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Qualifier:
    """One qualifier of a family: what marks it in a name, what states or rules out its fact."""

    key: str
    label: str
    name: re.Pattern[str]
    facts: re.Pattern[str]
    against: re.Pattern[str] | None = None
    marked: bool = True  # False: the default case, costs nothing when its fact is not stated
    group: str | None = None
    past: bool = False  # its ``against`` phrases tell something already done, not a request
    exact: Exact | None = None

    def in_name(self, folded_name: str, exact_name: str = "") -> bool:
        if self.exact is not None and exact_name:
            return bool(self.exact.name.search(exact_name))
        return bool(self.name.search(folded_name))

    def says(self, folded: str, exact: str) -> tuple[bool, bool]:
        """(states, rules out) for a question, folded and, when it has diacritics, as written
        (``exact``: "" when it has none)."""
        if self.exact is not None and exact:
            against = bool(self.exact.against and self.exact.against.search(exact))
            return (bool(self.exact.facts.search(exact) or self.exact.name.search(exact)),
                    against)
        against = bool(self.against and self.against.search(folded))
        # folded, an exact qualifier's own name words are the ambiguous ones ("lao")
        named = self.exact is None and bool(self.name.search(folded))
        return bool(self.facts.search(folded)) or named, against


@dataclass(frozen=True)
class Reading:
    """What a question says about the qualifiers: stated and ruled-out keys."""

    stated: frozenset[str]
    ruled_out: frozenset[str]


class Families:
    """Re-ranks search hits by the qualifiers their names carry and the question's facts.

    ``bonus`` and ``penalty`` are shares of the best hit's score, so that they weigh the same
    against any question; ``max_penalties`` bounds what one name with many qualifiers loses.
    """

    def __init__(self, qualifiers: Sequence[Qualifier], *, bonus: float = 0.15,
                 penalty: float = 0.12, against_penalty: float = 0.3,
                 max_penalties: int = 2) -> None:
        self.qualifiers = list(qualifiers)
        self.bonus, self.penalty = bonus, penalty
        self.against_penalty, self.max_penalties = against_penalty, max_penalties
        self._names: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}

    def read(self, question: str) -> Reading:
        text = " ".join(fold(question).split())
        exact = lower(question)
        exact = exact if exact != text else ""
        # A question that uses a variant's own marking words ("có yếu tố nước ngoài",
        # "lưu động", "cấp đổi") states it as surely as one that gives the fact.
        said = {q.key: q.says(text, exact) for q in self.qualifiers}
        ruled = {k for k, (_, against) in said.items() if against}
        stated = {k for k, (states, _) in said.items() if states and k not in ruled}
        return Reading(frozenset(stated), frozenset(ruled))

    def without_ruled_out(self, question: str) -> str:
        """``question`` without the words that rule out a ``past`` qualifier: "bọn em đăng ký
        kết hôn rồi" tells what is done, and its words must not make the search look for a
        marriage registration. The reading (``read``) still sees them."""
        flat = "".join(fold(c) if len(fold(c)) == 1 else " " for c in question)
        cut = sorted(m.span() for q in self.qualifiers if q.against and q.past
                     for m in q.against.finditer(flat))
        if not cut:
            return question
        out, last = [], 0
        for start, end in cut:
            if start >= last:
                out.append(question[last:start])
                last = end
            else:
                last = max(last, end)
        out.append(question[last:])
        return " ".join("".join(out).split())

    def unstated(self, question: str, name: str) -> set[str]:
        """The marked qualifiers ``name`` carries that ``question`` does not state: the name is
        a variant for a case the question does not say it is in."""
        reading = self.read(question)
        marked = {q.key for q in self.qualifiers if q.marked}
        return (set(self.qualifiers_of(name)) & marked) - reading.stated

    def siblings(self, name: str, others: Sequence[str]) -> list[str]:
        """The names among ``others`` in ``name``'s family: the same words once qualifiers
        are set aside (one name's within the other's), told apart by a qualifier."""
        keys, words = self._parse(name)
        out = []
        for other in others:
            other_keys, other_words = self._parse(other)
            if (other != name and set(other_keys) != set(keys) and words and other_words
                    and (other_words <= words or words <= other_words)):
                out.append(other)
        return out

    def qualifiers_of(self, name: str) -> tuple[str, ...]:
        """The qualifier keys a procedure name carries; a name that lists several acts of one
        group ("cấp, gia hạn, cấp lại, cấp đổi ...") covers them all and carries none of them."""
        return self._parse(name)[0]

    def _parse(self, name: str) -> tuple[tuple[str, ...], frozenset[str]]:
        """(qualifier keys, the name's other words): the words say which family it is in."""
        found = self._names.get(name)
        if found is None:
            exact = lower(_PARENS.sub(" ", name))
            folded = fold(exact)
            quals = [q for q in self.qualifiers if q.in_name(folded, exact)]
            groups: dict[str, int] = {}
            for q in quals:
                if q.group:
                    groups[q.group] = groups.get(q.group, 0) + 1
            keys = tuple(q.key for q in quals if not q.group or groups[q.group] == 1)
            for q in quals:
                if q.exact is not None:
                    exact = q.exact.name.sub(" ", exact)
            core = fold(exact)
            for q in quals:
                if q.exact is None:
                    core = q.name.sub(" ", core)
            words = frozenset(core.split()) - _FILLER
            found = (keys, words)
            self._names[name] = found
        return found

    def adjustment(self, reading: Reading, name: str,
                   siblings: Sequence[str] = ()) -> float:
        """The share of the best score this name gains (positive) or loses (negative).

        A name that enumerates cases ("... trong các trường hợp ...") carries its qualifiers
        as one case among several: they may gain, never cost. ``siblings``: the other
        candidates' names; a name without a stated qualifier that a sibling of its family
        (same words once qualifiers are set aside, one name's words within the other's)
        carries loses like a variant whose fact was not stated."""
        by_key = {q.key: q for q in self.qualifiers}
        keys, words = self._parse(name)
        gain, losses = 0.0, 0
        enumerates = bool(_ENUMERATES.search(fold(name)))
        for key in keys:
            if key in reading.stated:
                gain += self.bonus
            elif key in reading.ruled_out:
                gain -= self.against_penalty
            elif by_key[key].marked and not enumerates:
                losses += 1
        missing = reading.stated - set(keys)
        if missing and by_key.keys() & missing:
            for other in siblings:
                other_keys, other_words = self._parse(other)
                if (missing & set(other_keys) and other != name
                        and (other_words <= words or words <= other_words)):
                    losses += 1
                    break
        return gain - self.penalty * min(losses, self.max_penalties)

    def rerank(self, question: str, hits: Sequence[Hit],
               name_of: Callable[[str], str]) -> list[Hit]:
        """``hits`` re-scored and re-sorted (stable: equal scores keep the search order)."""
        if not hits:
            return []
        reading = self.read(question)
        top = max(h.score for h in hits)
        names = [name_of(h.doc_id) for h in hits]
        rescored = [replace(h, score=h.score + top * self.adjustment(reading, n, names))
                    for h, n in zip(hits, names, strict=True)]
        order = sorted(range(len(rescored)), key=lambda i: -rescored[i].score)
        return [rescored[i] for i in order]


def _load(text: str) -> list[Qualifier]:
    data = yaml.safe_load(text)
    countries = _flat(str(data.get("countries", "")))
    out = []
    for entry in data["qualifiers"]:
        against = entry.get("against")
        exact = None
        if entry.get("exact"):
            exact = Exact(name=exact_pattern(entry["name"]),
                          facts=exact_pattern(entry["facts"], countries=countries),
                          against=exact_pattern(against, countries=countries)
                          if against else None)
        plain_against = entry.get("against_plain", against)
        out.append(Qualifier(
            key=entry["key"], label=entry["label"],
            name=folded_pattern(entry["name"]),
            facts=folded_pattern(entry.get("facts_plain", entry["facts"]),
                                 countries=countries),
            against=folded_pattern(plain_against, countries=countries)
            if plain_against else None,
            marked=bool(entry.get("marked", True)), group=entry.get("group"),
            past=bool(entry.get("past", False)), exact=exact))
    return out


@cache
def default_families() -> Families:
    """The qualifiers shipped in the package (``answer/data/qualifiers.yaml``)."""
    text = resources.files("motcua.answer").joinpath("data/qualifiers.yaml").read_text("utf-8")
    return Families(_load(text))
