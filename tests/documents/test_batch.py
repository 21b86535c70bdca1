"""The rare terms' fused scores in one pass (``documents._batch``) against ``fuse_term`` one
term at a time: the same passages and the same float32 scores."""

from __future__ import annotations

import pytest

from motcua.documents._batch import fuse_many
from motcua.documents._fusion import accent_variants, fuse_term
from tests.documents._passages import QUERIES, heading_outside, index_of


@pytest.mark.parametrize("outside", [False, True])
@pytest.mark.parametrize("query", QUERIES)
def test_fuse_many_equals_fuse_term(query: str, outside: bool) -> None:
    index = index_of(9, 600)
    if outside:  # terms whose heading passages the body lacks: left to fuse_term
        heading_outside(index, 9)
    n = len(index.ids)
    accent_of = accent_variants(query)
    terms = list(dict.fromkeys(index.query_terms(query)))
    joined = fuse_many(index.fields, index.weights, index.tie, terms, accent_of, n)
    for i, term in enumerate(terms):
        if i not in joined:
            continue
        docs, part = joined[i]
        expected = fuse_term(index.fields, index.weights, index.tie, term, accent_of, n)
        assert expected is not None
        assert docs.tolist() == expected[0].tolist(), term
        assert part.tobytes() == expected[1].tobytes(), term


def test_fuse_many_leaves_out_terms_outside_the_body() -> None:
    index = index_of(10, 600)
    heading_outside(index, 10)
    terms = list(dict.fromkeys(index.query_terms("hồ sơ đăng ký kết hôn")))
    joined = fuse_many(index.fields, index.weights, index.tie, terms, {}, len(index.ids))
    assert len(joined) < len(terms)
