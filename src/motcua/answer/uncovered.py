"""Needs the catalog may not cover: hand over instead of answering with something else.

Why: the catalog holds a few ministries. Some requests people often bring ("đi xuất khẩu lao
động", "hỗ trợ giống sau mưa đá", "trợ cấp xã hội cho bà") belong to others, and the national
index does not always have a name the question can be matched to; the best search hit then
shares only the asker's other words (a passport for "sang Nhật", a tax exemption for
"thiên tai"). ``data/uncovered.yaml`` lists such needs with the words a catalog name for them
would carry, so each entry falls silent by itself once a catalog that holds it is imported.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from re import Pattern

import yaml

from motcua.answer._words import adjacent
from motcua.answer.families import folded_pattern
from motcua.search.procedures import ProcedureIndex
from motcua.text.normalize import fold

__all__ = ["Need", "UncoveredNeeds", "default_needs"]

_OWN = 2  # word groups of the answer's name the question names besides the need


def _flat(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class Need:
    """One need: how people ask for it (every pattern must match), its catalog words."""

    key: str
    label: str
    says: tuple[Pattern[str], ...]
    catalog: str  # folded, as the names and texts it is looked for in


class UncoveredNeeds:
    """The needs of the data, checked against the loaded catalog."""

    def __init__(self, needs: Sequence[Need]) -> None:
        self.needs = list(needs)
        self._covered: weakref.WeakKeyDictionary[ProcedureIndex, frozenset[str]] = (
            weakref.WeakKeyDictionary())

    def match(self, question: str) -> Need | None:
        """The first need, in the data's order, that the question asks for."""
        text = _flat(question)
        return next((n for n in self.needs if all(p.search(text) for p in n.says)), None)

    def unanswered(self, question: str, index: ProcedureIndex, code: str) -> Need | None:
        """The need the question asks for when neither the catalog (no procedure name has
        the need's catalog words) nor the answer ``code`` is about it: its text lacks the
        catalog words, and the question, besides the need, shares fewer than ``_OWN`` word
        groups with its name ("xin phiếu lý lịch tư pháp để đi xuất khẩu lao động" asks for
        the extract, "ủy quyền lĩnh thay trợ cấp thất nghiệp" for the proxy)."""
        need = self.match(question)
        if need is None or need.key in self._covered_in(index):
            return None
        doc = index.doc(code)
        if doc is None or need.catalog in _flat(f"{doc.name} {doc.body}"):
            return None
        rest = _flat(question)
        for pattern in need.says:
            rest = pattern.sub(" | ", rest)  # the need's own words name nothing held
        own = set().union(*(adjacent(part) for part in rest.split("|")))
        return None if len(own & adjacent(doc.name)) >= _OWN else need

    def _covered_in(self, index: ProcedureIndex) -> frozenset[str]:
        """Keys of the needs some procedure name of ``index`` is about (once per index)."""
        found = self._covered.get(index)
        if found is None:
            names = [_flat(d.name) for d in index.docs]
            found = frozenset(n.key for n in self.needs
                              if any(n.catalog in name for name in names))
            self._covered[index] = found
        return found


def _load(text: str) -> list[Need]:
    data = yaml.safe_load(text)
    return [Need(key=n["key"], label=n["label"],
                 says=tuple(folded_pattern(s) for s in n["says"]),
                 catalog=_flat(str(n["catalog"])))
            for n in data["needs"]]


@cache
def default_needs() -> UncoveredNeeds:
    """The needs shipped in the package (``answer/data/uncovered.yaml``)."""
    text = resources.files("motcua.answer").joinpath("data/uncovered.yaml").read_text("utf-8")
    return UncoveredNeeds(_load(text))
