"""Ranking metrics shared by every evaluation."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from motcua._errors import ConfigError

__all__ = ["mrr_at", "percentile", "plain_bm25_rankings", "ranking_metrics", "recall_at"]


def recall_at(ranked: Sequence[str], gold: Collection[str], k: int) -> float:
    """1.0 when any gold item is in the top ``k`` (a hit is any gold code)."""
    return 1.0 if any(r in gold for r in ranked[:k]) else 0.0


def mrr_at(ranked: Sequence[str], gold: Collection[str], k: int = 10) -> float:
    for i, r in enumerate(ranked[:k], start=1):
        if r in gold:
            return 1.0 / i
    return 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def ranking_metrics(rankings: Sequence[Sequence[str]],
                    golds: Sequence[Collection[str]]) -> dict[str, Any]:
    """Recall@1, Recall@5 (a hit is any gold item) and MRR@10 over paired rankings."""
    n = len(golds)
    if not n:
        return {"n": 0, "recall_at_1": 0.0, "recall_at_5": 0.0, "mrr_at_10": 0.0}
    pairs = list(zip(rankings, golds, strict=True))
    return {
        "n": n,
        "recall_at_1": round(sum(recall_at(r, g, 1) for r, g in pairs) / n, 4),
        "recall_at_5": round(sum(recall_at(r, g, 5) for r, g in pairs) / n, 4),
        "mrr_at_10": round(sum(mrr_at(r, g, 10) for r, g in pairs) / n, 4),
    }


def plain_bm25_rankings(ids: Sequence[str], texts: Sequence[str], queries: Sequence[str],
                        k: int = 10) -> list[list[str]]:
    """The baseline every eval reports beside motcua: bm25s defaults over lower-cased
    whitespace tokens, no Vietnamese handling at all."""
    try:
        import bm25s
    except ImportError as exc:
        raise ConfigError("the plain BM25 baseline needs the bm25s package",
                          hint="pip install -e '.[dev]' (or pip install bm25s)") from exc
    if not ids or not queries:
        return [[] for _ in queries]
    retriever = bm25s.BM25()
    retriever.index([t.lower().split() for t in texts], show_progress=False)
    docs, _ = retriever.retrieve([q.lower().split() for q in queries], k=min(k, len(ids)),
                                 show_progress=False)
    return [[ids[int(i)] for i in row] for row in docs]
