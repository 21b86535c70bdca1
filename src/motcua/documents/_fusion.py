"""The scoring kernel of ``PassageIndex``: one query term's dis-max score over the fields, on
the passages the term occurs in, and the kept scores of common terms.

Why apart from the index: the index says what a passage is and how a query is cut into terms;
this module is the arithmetic that makes a query fast (each term scored on its own passages,
common terms' fused scores kept), and it is easier to check and change on its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from motcua.documents.terms import _accented, has_diacritics
from motcua.search import BM25Index
from motcua.text.normalize import fold_syllable

__all__ = [
    "COMMON_SHARE",
    "KEEP_FLOATS",
    "KEEP_MIN",
    "MISMATCH",
    "Part",
    "TermParts",
    "accent_variants",
]

# When the query has diacritics, a term that a passage matches only folded ("Hoằng Đông" for
# "Hoàng Đồng") counts this share: accented exact matches first, folded ones still found.
MISMATCH = 0.5
KEEP_MIN = 2048  # terms in this many passages or more have their scores kept (speed)
KEEP_FLOATS = 8_000_000  # kept scores at most (32 MB with their passages mapped)
COMMON_SHARE = 0.1  # terms in more passages than this share are not damped (speed)
MAP_MIN = 1024  # a field's postings this long are placed among the body's by a map

Part = tuple[npt.NDArray[Any], npt.NDArray[np.float32]]  # passages (ascending), their scores


def accent_variants(query: str) -> dict[str, list[str]]:
    """The query's accented terms under their folded form (each syllable folded once per
    process: folding them anew was a tenth of a long question's search)."""
    accent_of: dict[str, list[str]] = {}
    for term in _accented(query) if has_diacritics(query) else []:
        key = "_".join(fold_syllable(x) for x in term.split("_"))
        accent_of.setdefault(key, []).append(term)
    return accent_of


class TermParts:
    """Each query term's fused score on its passages, the common terms' kept (LRU).

    Why kept: the same common syllables ("hồ sơ", "xã", "cơ quan") come back query after
    query, and their fused scores were most of a long question's time; a term's score
    depends only on the term, its accented form and the weights, so a kept one is exact.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple[Any, ...], Part] = OrderedDict()
        self._floats = 0
        # what pruning reads of a term before fusing it (documents._at), kept by it here
        self.facts: dict[tuple[Any, ...], Any] = {}

    def get(self, fields: Mapping[str, BM25Index], weights: Mapping[str, float], tie: float,
            term: str, accent_of: Mapping[str, list[str]], n: int) -> Part | None:
        """One term's dis-max score on the passages it occurs in (None: in none)."""
        variant = accent_of[term][0] if term in accent_of else None
        key = (term, variant, tie, tuple(weights.items()))
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
        found = fuse_term(fields, weights, tie, term, accent_of, n)
        if found is not None and len(found[0]) >= KEEP_MIN:
            found[1].flags.writeable = False
            with self._lock:
                self._kept[key] = found
                self._floats += len(found[0])
                while self._floats > KEEP_FLOATS and len(self._kept) > 1:
                    _, (old, _) = self._kept.popitem(last=False)
                    self._floats -= len(old)
        return found


def fuse_term(fields: Mapping[str, BM25Index], weights: Mapping[str, float], tie: float,
              term: str, accent_of: Mapping[str, list[str]], n: int) -> Part | None:
    """Dis-max over the fields on the body's postings of the term.

    Why the body's postings hold them all: the body is indexed with the heading and the
    title, so every passage another field matches is among them; an index whose fields
    disagree (or weights without the body) takes the dense path.
    """
    body = fields.get("body")
    tid = body.vocab.get(term) if body is not None else None
    if body is None or tid is None or not weights.get("body", 0.0):
        return _fuse_dense(fields, weights, tie, term, accent_of, n)
    lo, hi = body.indptr[tid], body.indptr[tid + 1]
    docs = np.asarray(body.postings[lo:hi])
    total = body.weights[lo:hi] * weights["body"]
    best = total.copy()
    accent_pos: Any = None
    for name, index in fields.items():
        weight = weights.get(name, 0.0)
        if name == "body" or not weight:
            continue
        ftid = _field_term(index, name, term, accent_of)
        if ftid is None:
            continue
        flo, fhi = index.indptr[ftid], index.indptr[ftid + 1]
        fdocs = index.postings[flo:fhi]
        if fhi - flo == len(docs) and np.array_equal(fdocs, docs):
            pos: Any = slice(None)  # the usual case: one accented form, same passages
        else:
            pos = _within(docs, fdocs, n)
            if pos is None:
                return _fuse_dense(fields, weights, tie, term, accent_of, n)  # not within
        contribution = index.weights[flo:fhi] * weight
        total[pos] += contribution
        best[pos] = np.maximum(best[pos], contribution)
        if name == "accent":
            accent_pos = pos
    # best + tie * (others) == (1 - tie) * best + tie * total
    part = (1 - tie) * best + tie * total
    if "accent" in fields and term in accent_of:
        if accent_pos is None and not weights.get("accent", 0.0):
            accent_pos = _positions(docs, fields["accent"], accent_of[term][0])
        _damp_sparse(part, accent_pos, n)
    return docs, part


def _within(docs: npt.NDArray[Any], fdocs: npt.NDArray[Any], n: int) -> (
    npt.NDArray[Any] | None
):
    """The positions of ``fdocs`` among ``docs`` (both ascending), None if one is not there.

    Why a map over all passages for long lists: a binary search per passage of a common
    term's other accented form ("tự" among the passages of "tu") took 0.1 ms at 100k
    passages; writing the positions once and reading them is a few times faster."""
    if len(fdocs) < MAP_MIN:
        pos = np.searchsorted(docs, fdocs)
        if len(pos) and (pos[-1] >= len(docs) or not np.array_equal(docs[pos], fdocs)):
            return None
        return pos
    where = np.full(n, -1, dtype=np.int32)
    where[docs] = np.arange(len(docs), dtype=np.int32)
    pos = where[fdocs]
    return None if (pos < 0).any() else pos


def _positions(docs: npt.NDArray[Any], index: BM25Index, term: str) -> npt.NDArray[Any] | None:
    tid = index.vocab.get(term)
    if tid is None:
        return None
    return np.searchsorted(docs, index.postings[index.indptr[tid]:index.indptr[tid + 1]])


def _damp_sparse(part: npt.NDArray[np.float32], exact: Any, n: int) -> None:
    """Scale a term's score by MISMATCH in passages without its accented form (``exact``:
    their positions among the term's passages; None: no passage has it).

    Why not when every passage has it or the term is common: most terms have one accented
    form, and a term in a tenth of the passages hardly counts."""
    if exact is None:
        part *= MISMATCH
        return
    if isinstance(exact, slice) or len(exact) >= len(part) or len(part) > COMMON_SHARE * n:
        return
    keep = np.zeros(len(part), dtype=bool)
    keep[exact] = True
    part[~keep] *= MISMATCH


def _field_term(index: BM25Index, name: str, term: str,
                accent_of: Mapping[str, list[str]]) -> int | None:
    """The term's id in one field: the accented field holds the term's first accented form."""
    if name == "accent":
        variants = accent_of.get(term, [])
        return index.vocab.get(variants[0]) if variants else None
    return index.vocab.get(term)


def _fuse_dense(fields: Mapping[str, BM25Index], weights: Mapping[str, float], tie: float,
                term: str, accent_of: Mapping[str, list[str]], n: int) -> Part | None:
    """The general case (custom weights without the body, or an index whose fields
    disagree): every field over all passages."""
    best = np.zeros(n, dtype=np.float32)
    total = np.zeros(n, dtype=np.float32)
    touched = False
    for name, index in fields.items():
        weight = weights.get(name, 0.0)
        if not weight:
            continue
        tid = _field_term(index, name, term, accent_of)
        if tid is None:
            continue
        lo, hi = index.indptr[tid], index.indptr[tid + 1]
        docs = index.postings[lo:hi]
        contribution = index.weights[lo:hi] * weight
        total[docs] += contribution
        best[docs] = np.maximum(best[docs], contribution)
        touched = True
    if not touched:
        return None
    part = (1 - tie) * best + tie * total
    return np.arange(n), part
