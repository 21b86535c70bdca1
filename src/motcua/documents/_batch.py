"""The fused scores of a query's rare terms, all in one pass over their joined postings.

Why: a long question has thirty or more terms in a few hundred passages each; fused one by
one (``_fusion.fuse_term``), each cost a dozen numpy calls for little work, which made most of
such a question's time. Joined, the calls are made once for all of them. The arithmetic is
``fuse_term``'s, element by element and in its field order, so the scores are the same to the
bit; a term whose other fields are not within its body postings (``fuse_term``'s dense path)
is left out and fused on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from motcua.documents._fusion import COMMON_SHARE, MISMATCH, Part
from motcua.search import BM25Index

__all__ = ["fuse_many"]


def _ranges(starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]) -> (
    npt.NDArray[np.int64]
):
    """The positions ``starts[k] .. starts[k] + lengths[k]`` of every k, one after another."""
    offsets = np.cumsum(lengths) - lengths
    return np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - offsets, lengths)


def _slices(index: BM25Index, tids: Sequence[int]) -> (
    tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]
):
    """The joined positions of the terms' postings, and each term's count."""
    ids = np.asarray(tids, dtype=np.int64)
    starts = np.asarray(index.indptr[ids], dtype=np.int64)
    lengths = np.asarray(index.indptr[ids + 1], dtype=np.int64) - starts
    return _ranges(starts, lengths), lengths


def fuse_many(fields: Mapping[str, BM25Index], weights: Mapping[str, float], tie: float,
              terms: Sequence[str], accent_of: Mapping[str, list[str]], n: int) -> (
    dict[int, Part]
):
    """``fuse_term`` of each of ``terms`` (by position) that its sparse path fuses."""
    body = fields.get("body")
    if body is None or not weights.get("body", 0.0) or next(iter(fields)) != "body":
        return {}
    if weights.get("accent", 0.0) == 0.0 and "accent" in fields and accent_of:
        return {}  # fuse_term damps from positions it reads apart then: left to it
    picked = [(i, body.vocab[t]) for i, t in enumerate(terms) if t in body.vocab]
    if len(picked) < 2:
        return {}
    where, lengths = _slices(body, [tid for _, tid in picked])
    owner = np.repeat(np.arange(len(picked), dtype=np.int64), lengths)
    docs = body.postings[where]
    keys = owner * n + docs
    total = body.weights[where] * weights["body"]
    best = total.copy()
    bad = np.zeros(len(picked), dtype=bool)
    accent_len = np.full(len(picked), -1, dtype=np.int64)
    accent_at: npt.NDArray[np.int64] | None = None
    for name, index in fields.items():
        weight = weights.get(name, 0.0)
        if name == "body" or not weight:
            continue
        owners, tids = [], []
        for k, (i, _) in enumerate(picked):
            form = accent_of.get(terms[i], [None])[0] if name == "accent" else terms[i]
            tid = index.vocab.get(form) if form is not None else None
            if tid is not None:
                owners.append(k)
                tids.append(tid)
        if not tids:
            continue
        fwhere, flengths = _slices(index, tids)
        fowner = np.repeat(np.asarray(owners, dtype=np.int64), flengths)
        fkeys = fowner * n + index.postings[fwhere]
        pos = np.searchsorted(keys, fkeys)
        inside = np.take(keys, pos, mode="clip") == fkeys
        if not inside.all():  # not within the body's postings: fuse_term's dense path
            bad[fowner[~inside]] = True
            pos, fwhere = pos[inside], fwhere[inside]
        contribution = index.weights[fwhere] * weight
        total[pos] += contribution
        best[pos] = np.maximum(best[pos], contribution)
        if name == "accent":
            accent_len[owners] = flengths
            accent_at = pos
    part = (1 - tie) * best + tie * total
    if "accent" in fields:  # fuse_term's _damp_sparse, term by term
        varied = np.array([terms[i] in accent_of for i, _ in picked], dtype=bool)
        part[(varied & (accent_len < 0))[owner]] *= MISMATCH
        some = varied & (accent_len >= 0) & (accent_len < lengths) & (lengths <= COMMON_SHARE * n)
        if some.any():
            exact = np.zeros(len(part), dtype=bool)
            if accent_at is not None:
                exact[accent_at] = True
            part[some[owner] & ~exact] *= MISMATCH
    out: dict[int, Part] = {}
    ends = np.cumsum(lengths)
    for k, (i, _) in enumerate(picked):
        if not bad[k]:
            lo, hi = int(ends[k] - lengths[k]), int(ends[k])
            out[i] = (docs[lo:hi], part[lo:hi])
    return out
