"""A query term's fused score at a few passages, and what pruning must know of a term first.

Why apart from ``_fusion``: pruning (``_topk``) reads common terms at a few candidate
passages instead of fusing them on all of theirs; the values must be the ones
``_fusion.fuse_term`` gives, to the bit, so this module repeats its float32 operations in its
order, on those passages only, and says here why each step matches.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from motcua.documents._fusion import COMMON_SHARE, MISMATCH
from motcua.search import BM25Index

__all__ = ["BOUND_MARGIN", "Facts", "Layout", "fuse_at", "term_facts", "term_layout"]

BOUND_MARGIN = 1e-4  # bounds are raised by this share, over float32 rounding
FACTS_MAX = 50_000  # terms whose facts are kept (a few hundred bytes each)
_ONE, _HALF = np.float32(1), np.float32(MISMATCH)


class Field(NamedTuple):
    docs: npt.NDArray[Any]  # the term's postings in the field (a view of the mapped arrays)
    weights: npt.NDArray[np.float32]  # their BM25 weights
    weight: float  # the field's weight
    same: bool  # the same postings as the body's


class Facts(NamedTuple):
    """What pruning needs of a query term before reading it: no pass over its postings."""

    touched: int  # passages its body postings hold (all of them when the body lacks it)
    bound: float  # at least its score in any passage
    scored: tuple[tuple[str, Field], ...]  # the fields that score it, in field order


class Layout(NamedTuple):
    """How ``fuse_term`` fuses the term (one check of its postings, kept)."""

    nested: bool  # fuse_term's sparse path, needed (damp) and checked: fields within the body
    fields: tuple[Field, ...]  # the fields that score it, in field order
    damp: int  # 0: never; 1: everywhere; 2: where its accented form is not (MISMATCH)
    accent: npt.NDArray[Any] | None  # the accented form's postings, for damp 2


def term_facts(memo: dict[tuple[Any, ...], Any], fields: Mapping[str, BM25Index],
               weights: Mapping[str, float], tie: float, term: str, variant: str | None,
               n: int) -> Facts:
    """The fields that score the term and a bound on its score (kept in ``memo``)."""
    key = ("facts", term, variant, tie, tuple(weights.items()))
    found = memo.get(key)
    if found is None:
        if len(memo) > FACTS_MAX:
            memo.clear()
        found = memo[key] = _term_facts(fields, weights, tie, term, variant, n)
    return found  # type: ignore[no-any-return,unused-ignore]


def _term_facts(fields: Mapping[str, BM25Index], weights: Mapping[str, float], tie: float,
                term: str, variant: str | None, n: int) -> Facts:
    """Why the bound from each field's largest weight: one pass over the term's weights
    (their fused score is ten); the idf alone (a weight is below idf (k1 + 1)) bounds a
    quarter looser and prunes less."""
    scored = []  # fuse_term's fields: weighted, accent only with an accented form
    tops = []
    for name, index in fields.items():
        weight = weights.get(name, 0.0)
        if weight and (name != "accent" or variant is not None):
            tid = index.vocab.get(variant if name == "accent" and variant else term)
            if tid is not None:
                lo, hi = int(index.indptr[tid]), int(index.indptr[tid + 1])
                scored.append((name, Field(index.postings[lo:hi], index.weights[lo:hi], weight,
                                           False)))
                tops.append(weight * float(index.weights[lo:hi].max()))
    if not scored:
        return Facts(0, 0.0, ())
    bound = ((1 - tie) * max(tops) + tie * sum(tops)) * (1 + BOUND_MARGIN)
    touched = len(scored[0][1].docs) if scored[0][0] == "body" else n
    return Facts(touched, bound, tuple(scored))


def term_layout(memo: dict[tuple[Any, ...], Any], fields: Mapping[str, BM25Index],
                weights: Mapping[str, float], facts: Facts, term: str, variant: str | None,
                n: int) -> Layout:
    """The term's layout, kept in ``memo`` (``TermParts.facts``)."""
    key = ("layout", term, variant, tuple(weights.items()))
    found = memo.get(key)
    if found is None:
        if len(memo) > FACTS_MAX:
            memo.clear()
        found = memo[key] = _layout(fields, facts, variant, n)
    return found  # type: ignore[no-any-return,unused-ignore]


def _layout(fields: Mapping[str, BM25Index], facts: Facts, variant: str | None,
            n: int) -> Layout:
    """Why nesting is checked only for a term that ``fuse_term`` would damp: without
    damping, its sparse and dense paths give the same score to every passage the term is in
    (0 + x == x, max(0, x) == x), so the dense formula is exact either way; the terms it
    damps are in a tenth of the passages at most, cheap to check, while checking the common
    ones was a pass over their postings per query term."""
    scored = facts.scored
    plain = tuple(f for _, f in scored)
    if not scored or scored[0][0] != "body" or next(iter(fields)) != "body":
        return Layout(False, plain, 0, None)
    docs = scored[0][1].docs
    damp, exact = 0, None
    if "accent" in fields and variant is not None:  # as fuse_term's _damp_sparse decides
        accent = fields["accent"]
        atid = accent.vocab.get(variant)
        if atid is None:
            damp = 1
        elif int(accent.indptr[atid + 1] - accent.indptr[atid]) < len(docs) <= COMMON_SHARE * n:
            damp, exact = 2, accent.postings[accent.indptr[atid]:accent.indptr[atid + 1]]
    out = [scored[0][1]]
    inside: npt.NDArray[np.bool_] | None = None
    for _, field in scored[1:]:
        same = len(field.docs) == len(docs) and np.array_equal(field.docs, docs)
        if not same and damp:  # what fuse_term checks, by a mark per passage
            if inside is None:
                inside = np.zeros(n, dtype=bool)
                inside[docs] = True
            if not inside[field.docs].all():
                return Layout(False, plain, 0, None)
        out.append(field._replace(same=same))
    return Layout(bool(damp), tuple(out), damp, exact)


def _find(docs: npt.NDArray[Any], at: npt.NDArray[Any]) -> (
    tuple[npt.NDArray[Any], npt.NDArray[np.bool_]]
):
    """Positions of the passages ``at`` in the postings ``docs`` (clipped), and which are
    there."""
    pos = docs.searchsorted(at)
    np.minimum(pos, len(docs) - 1, out=pos)
    return pos, docs[pos] == at


def fuse_at(facts: Layout, tie: float, at: npt.NDArray[Any]) -> npt.NDArray[np.float32]:
    """``fuse_term``'s score of the term at the passages ``at`` (ascending), 0 where absent.

    Every array runs over all of ``at``; a field's contribution is multiplied by whether it
    has the term there (x * 1 == x, x * 0 == 0, then total + 0 == total and max(best, 0) ==
    best for scores >= 0), which is ``fuse_term``'s ``total[pos] += ...`` and ``best[pos] =
    np.maximum(...)`` on those passages and nothing elsewhere; every field sums from zero
    (0 + x == x, so the body's first contribution is the same either way).
    """
    if not facts.fields:
        return np.zeros(len(at), dtype=np.float32)
    body_pos, body_hit = _find(facts.fields[0].docs, at)
    total = best = facts.fields[0].weights[body_pos] * facts.fields[0].weight * body_hit
    for field in facts.fields[1:]:
        if field.same:
            contribution = field.weights[body_pos] * field.weight * body_hit
        else:
            pos, hit = _find(field.docs, at)
            contribution = field.weights[pos] * field.weight * hit
        total = total + contribution
        best = np.maximum(best, contribution)
    part = (1 - tie) * best + tie * total
    if facts.damp == 1:
        part = part * np.float32(MISMATCH)
    elif facts.damp == 2 and facts.accent is not None:
        part = part * np.where(_find(facts.accent, at)[1], _ONE, _HALF)
    return part  # type: ignore[no-any-return,unused-ignore]
