"""Pruned top-k search (``documents._topk``) against the full pass it replaces: the same
hits and the same float32 scores, on generated passages with headings, titles, accents,
repeated passages (ties) and filters."""

from __future__ import annotations

import numpy as np
import pytest

import motcua.documents._topk as _topk
from motcua.documents._fusion import TermParts, accent_variants
from motcua.documents.index import PassageIndex
from motcua.search.bm25 import top_hits
from tests.documents._passages import QUERIES, heading_outside, index_of


def _full(index: PassageIndex, query: str, limit: int, **filters: object) -> list[
    tuple[str, float]
]:
    scores = index.scores(query)
    if filters:
        scores = np.where(index.mask(**filters), scores, 0).astype(np.float32)
    return [(h.doc_id, h.score) for h in top_hits(scores, index.ids, limit)]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("limit", [1, 3, 10, 50])
@pytest.mark.parametrize("few", [64, 0])
def test_topk_pruned_hits_equal_full_pass(seed: int, limit: int, few: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_topk, "SMALL", 0)  # prune even these small queries
    monkeypatch.setattr(_topk, "FEW", few)  # 0: candidates narrowed term by term to the end
    index = index_of(seed, 1500)
    for query in QUERIES:
        got = [(h.doc_id, h.score) for h in index.search(query, limit)]
        assert got == _full(index, query, limit), query


def test_topk_pruned_hits_equal_full_pass_with_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_topk, "SMALL", 0)
    index = index_of(4)
    for query in QUERIES:
        got = [(h.doc_id, h.score) for h in index.search(query, 5, year=2025)]
        assert got == _full(index, query, 5, year=2025), query


def test_topk_pruned_hits_equal_full_pass_fields_outside_body(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A heading field holding words the body lacks (not what build writes, but what
    ``fuse_term``'s dense path is for): still the full pass's hits."""
    monkeypatch.setattr(_topk, "SMALL", 0)
    monkeypatch.setattr(_topk, "FEW", 0)
    index = index_of(8, 800)
    heading_outside(index, 8)
    for query in QUERIES:
        got = [(h.doc_id, h.score) for h in index.search(query, 10)]
        assert got == _full(index, query, 10), query


def test_topk_pruned_hits_equal_full_pass_after_reload(tmp_path: object,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_topk, "SMALL", 0)
    index = index_of(5)
    index.save(tmp_path / "idx")  # type: ignore[operator]
    loaded = PassageIndex.load(tmp_path / "idx")  # type: ignore[operator]
    for query in QUERIES:
        assert [(h.doc_id, h.score) for h in loaded.search(query, 10)] == \
            _full(index, query, 10), query


def test_topk_small_query_left_to_full_pass() -> None:
    index = index_of(6, 50)
    parts = TermParts()
    folded = index.query_terms("xã")
    assert _topk.top_passages(parts, index.fields, index.weights, index.tie, folded,
                              accent_variants("xã"), len(index.ids), 10) is None
