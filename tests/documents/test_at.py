"""A term's fused score read at a few passages (``documents._at``) against ``fuse_term``'s
full pass: the same float32 values, to the bit, and a bound that holds."""

from __future__ import annotations

import numpy as np
import pytest

from motcua.documents._at import fuse_at, term_facts, term_layout
from motcua.documents._fusion import accent_variants, fuse_term
from tests.documents._passages import heading_outside, index_of


@pytest.mark.parametrize("query", ["đăng ký kết hôn", "cua ven bờ", "cửa biển", "tu tự",
                                   "xã tư"])
@pytest.mark.parametrize("outside", [False, True])
def test_fuse_at_equals_fuse_term_bitwise(query: str, outside: bool) -> None:
    index = index_of(7)
    if outside:  # heading words the body lacks: fuse_term's dense path
        heading_outside(index, 7)
    n = len(index.ids)
    accent_of = accent_variants(query)
    memo: dict[tuple[object, ...], object] = {}
    rng = np.random.default_rng(0)
    for term in dict.fromkeys(index.query_terms(query)):
        variant = accent_of[term][0] if term in accent_of else None
        full = fuse_term(index.fields, index.weights, index.tie, term, accent_of, n)
        expected = np.zeros(n, dtype=np.float32)
        if full is not None:
            expected[full[0]] = full[1]
        facts = term_facts(memo, index.fields, index.weights, index.tie, term, variant, n)
        layout = term_layout(memo, index.fields, index.weights, facts, term, variant, n)
        at = np.sort(rng.choice(n, size=120, replace=False)).astype(np.int32)
        assert fuse_at(layout, index.tie, at).tobytes() == expected[at].tobytes(), term
        assert float(expected.max()) <= facts.bound
