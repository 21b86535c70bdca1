"""The best passages of a query without scoring every passage on every term (MaxScore).

Why: a long question's common terms ("cơ quan", "hồ sơ", "xã") are in a quarter of the
passages each and were most of its time (at 100k passages, 97% of the postings a benchmark
query read belonged to terms whose scores together could not lift a passage into the top 10).
Terms are taken from the largest possible score down; once the terms left could not add
enough to reach the ``limit``-th best score found so far, only the passages already found are
scored on them, and those that cannot reach it any more are dropped. The survivors are then
scored on every term in the query's order with the same float32 operations as a full pass,
so hits and scores are the ones ``PassageIndex.scores`` gives, to the bit; ties keep the
first passages, as ``top_hits`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from motcua.documents._at import BOUND_MARGIN, fuse_at, term_facts, term_layout
from motcua.documents._batch import fuse_many
from motcua.documents._fusion import KEEP_MIN, Part, TermParts
from motcua.search import BM25Index

__all__ = ["top_passages"]

SMALL = 30_000  # a query touching fewer postings is scored in full (nothing to gain)
LOOKUP_COST = 8  # reading a term's score at one candidate costs this many postings' work
FEW = 32  # candidates this few are scored on every term at once
SEEDS = 4096  # a read term's passages give the first lower bound if it has at most this many
STRIDE = 16  # and every 16th passage
PROBE = 3  # more candidates than this many times the limit: probe the best ones first
RECHECK = 0.6  # the bound is looked at again once the terms left can add 40% less
_LOW = 1 - 4 * BOUND_MARGIN  # thresholds are lowered by this share (float32 sums in any order)


def _kth(values: npt.NDArray[Any], k: int) -> float:
    """The ``k``-th largest value (0 when there are fewer)."""
    if len(values) < k:
        return 0.0
    return float(np.partition(values, len(values) - k)[len(values) - k])


class _Query:
    def __init__(self, parts: TermParts, fields: Mapping[str, BM25Index],
                 weights: Mapping[str, float], tie: float, folded: list[str],
                 accent_of: Mapping[str, list[str]], n: int) -> None:
        self.parts, self.fields, self.weights, self.tie = parts, fields, weights, tie
        self.accent_of, self.n = accent_of, n
        self.terms = list(dict.fromkeys(folded))
        self.counts = [folded.count(t) for t in self.terms]
        self.facts = [term_facts(parts.facts, fields, weights, tie, t, self.variant(t), n)
                      for t in self.terms]
        rare = [i for i, f in enumerate(self.facts) if 0 < f.touched < KEEP_MIN]
        joined = fuse_many(fields, weights, tie, [self.terms[i] for i in rare], accent_of, n)
        self.rare = {rare[k]: part for k, part in joined.items()}

    def variant(self, term: str) -> str | None:
        return self.accent_of[term][0] if term in self.accent_of else None

    def full(self, i: int) -> Part | None:
        """Term ``i``'s score on all its passages, times its count in the query."""
        found = self.rare.get(i) or self.parts.get(self.fields, self.weights, self.tie,
                                                   self.terms[i], self.accent_of, self.n)
        if found is None or self.counts[i] == 1:
            return found
        return found[0], self.counts[i] * found[1]

    def at(self, i: int, at: npt.NDArray[Any]) -> npt.NDArray[np.float32]:
        """Term ``i``'s score at the passages ``at``, times its count in the query."""
        term = self.terms[i]
        layout = term_layout(self.parts.facts, self.fields, self.weights, self.facts[i], term,
                             self.variant(term), self.n)
        values = fuse_at(layout, self.tie, at)
        return values if self.counts[i] == 1 else self.counts[i] * values


def top_passages(parts: TermParts, fields: Mapping[str, BM25Index],
                 weights: Mapping[str, float], tie: float, folded: list[str],
                 accent_of: Mapping[str, list[str]], n: int, limit: int,
                 keep: npt.NDArray[np.bool_] | None = None) -> (
    list[tuple[int, float]] | None
):
    """The ``limit`` best passages (position, score) among ``keep``, best first; None when
    the query is small enough that a full pass is as fast (the caller scores it whole)."""
    query = _Query(parts, fields, weights, tie, folded, accent_of, n)
    touched = sum(f.touched for f in query.facts)
    if touched <= SMALL or limit <= 0:
        return None
    bounds = [f.bound * c for f, c in zip(query.facts, query.counts, strict=True)]
    order = sorted(range(len(bounds)), key=lambda i: -bounds[i])
    acc = np.zeros(n, dtype=np.float32)
    full: dict[int, Part] = {}
    left, done, checked = sum(bounds), 0.0, float("inf")
    seeds: npt.NDArray[Any] | None = None
    for j, i in enumerate(order):
        part = query.full(i)
        if part is not None:
            acc[part[0]] += part[1]
            full[i] = part
            if len(part[0]) <= SEEDS and (seeds is None or len(part[0]) > len(seeds)):
                seeds = part[0]
        left -= bounds[i]
        done += bounds[i]
        rest = order[j + 1:]
        # The terms left could still make any passage's score, or did at the last look.
        if not rest or left >= done or left > RECHECK * checked:
            continue
        checked = left
        budget = sum(query.facts[r].touched for r in rest) / LOOKUP_COST
        theta, some = _floor(acc, seeds, keep, limit, left)
        if left >= theta or some > budget:  # cannot prune, or not enough to gain
            continue
        alive = _above(acc, theta - left, keep)
        # alive holds the ``limit`` best partial scores: their ``limit``-th is exact
        theta = max(theta, _kth(acc[alive], limit) * _LOW)
        alive = alive[acc[alive] + left >= theta]
        if len(alive) <= budget:
            if len(alive) > PROBE * limit:
                theta = max(theta, _probe(query, alive, acc, rest, limit))
                alive = alive[acc[alive] + left >= theta]
            found, known = _narrow(query, alive, acc[alive].astype(np.float64), rest, bounds,
                                   limit, theta)
            return _exact(query, found, full, known, limit)
    theta, _ = _floor(acc, seeds, keep, limit, 0.0)  # every term read in full
    found = _above(acc, theta, keep)
    found = found[acc[found] >= _kth(acc[found], limit) * _LOW]
    return _exact(query, found, full, {}, limit)


def _floor(acc: npt.NDArray[np.float32], seeds: npt.NDArray[Any] | None,
           keep: npt.NDArray[np.bool_] | None, limit: int, left: float) -> tuple[float, int]:
    """A lower bound on the ``limit``-th best score, lowered for rounding: the ``limit``-th
    best partial score of the passages of a term read (or of every ``STRIDE``-th passage);
    and how many of those passages the terms ``left`` could still lift to it (at least as
    many candidates will be read). Why not of all passages: finding every touched passage
    is a pass over all of them, longer than the rest of a look."""
    if seeds is not None:
        picked = seeds if keep is None else seeds[keep[seeds]]
        if len(picked) >= limit:
            values = acc[picked]
            theta = _kth(values, limit) * _LOW
            return theta, int(np.count_nonzero(values + left >= theta))
    sample = acc[::STRIDE] if keep is None else acc[::STRIDE][keep[::STRIDE]]
    sample = sample[sample > 0]
    theta = _kth(sample, limit) * _LOW
    return theta, int(np.count_nonzero(sample + left >= theta))


def _above(acc: npt.NDArray[np.float32], floor: float,
           keep: npt.NDArray[np.bool_] | None) -> npt.NDArray[Any]:
    """The passages (ascending) with a partial score above 0 and at least ``floor``."""
    found = np.flatnonzero(acc >= max(floor, float(np.finfo(np.float32).tiny)))
    found = found.astype(np.int32) if len(acc) <= np.iinfo(np.int32).max else found
    return found if keep is None else found[keep[found]]


def _probe(query: _Query, alive: npt.NDArray[Any], acc: npt.NDArray[np.float32],
           rest: list[int], limit: int) -> float:
    """A lower bound on the ``limit``-th best score from the whole scores of the ``limit``
    best partial ones. Why: the partial scores' ``limit``-th is far below the final one on a
    long question, and every candidate it lets through is read on every term left."""
    best = alive[np.argpartition(acc[alive], len(alive) - limit)[len(alive) - limit:]]
    best.sort()
    scores = acc[best].astype(np.float64)
    for i in rest:
        scores += query.at(i, best)
    return _kth(scores, limit) * _LOW


def _narrow(query: _Query, found: npt.NDArray[Any], partial: npt.NDArray[np.float64],
            rest: list[int], bounds: list[float], limit: int, theta: float) -> (
    tuple[npt.NDArray[Any], dict[int, npt.NDArray[np.float32]]]
):
    """Score the candidates on the terms left, largest bound first, dropping those that can
    no longer reach the ``limit``-th best lower bound; the survivors, and the scores read
    of each term at them."""
    left = sum(bounds[i] for i in rest)
    read = np.empty((len(rest), len(found)), dtype=np.float32)
    done = 0
    for i in rest:
        if len(found) <= FEW:
            break
        read[done] = query.at(i, found)
        partial = partial + read[done]
        done += 1
        left -= bounds[i]
        theta = max(theta, _kth(partial, limit) * _LOW)
        alive = np.flatnonzero(partial + left >= theta)
        if len(alive) < len(found):
            found, partial, read = found[alive], partial[alive], read[:, alive]
    return found, {i: read[k] for k, i in enumerate(rest[:done])}


def _exact(query: _Query, found: npt.NDArray[Any], full: dict[int, Part],
           known: dict[int, npt.NDArray[np.float32]], limit: int) -> list[tuple[int, float]]:
    """The candidates' scores summed in the query's term order (as ``PassageIndex.scores``
    sums them), best first, ties by position (``known``: terms already read at them)."""
    scores = np.zeros(len(found), dtype=np.float32)
    for i in range(len(query.terms)):
        if i in known:
            scores += known[i]
        elif i in full:
            docs, part = full[i]
            pos = docs.searchsorted(found)
            hit = np.take(docs, pos, mode="clip") == found
            scores += np.where(hit, np.take(part, pos, mode="clip"), np.float32(0))
        elif query.facts[i].touched:
            scores += query.at(i, found)
    positive = scores > 0
    found, scores = found[positive], scores[positive]
    best = np.argsort(-scores, kind="stable")[:limit]
    return [(int(found[b]), float(scores[b])) for b in best]
