"""Ranking metrics shared by every evaluation."""

from __future__ import annotations

from collections.abc import Collection, Sequence

__all__ = ["mrr_at", "percentile", "recall_at"]


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
