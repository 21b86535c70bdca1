"""Tune the document-search field weights on half of the ALQAC questions, report the other half.

Usage: python bench/legal_weights.py [SHARED_DIR]
Why a split: the weights must generalise to unseen questions; tuning and reporting on the same
questions would overstate the gain.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from motcua.eval.legal import baseline_rankings, build_index, load_corpus, load_questions, metrics


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared"
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    base = shared / "data/legal/alqac2023"
    corpus = load_corpus(base / "articles.json")
    questions = load_questions(base / "train.json")
    tune, held = questions[0::2], questions[1::2]
    best: tuple[float, dict[str, float]] = (-1.0, {})
    for body, accent, heading, _title in itertools.product(
            [1.0], [0.0, 0.3, 0.6], [0.0, 0.4, 0.8, 1.2], [0.0]):
        weights = {"body": body, "accent": accent, "heading": heading}
        index = build_index(corpus, weights)
        ranked = [[h.doc_id for h in index.search(q.text, 10)] for q in tune]
        score = metrics(ranked, tune)["mrr_at_10"]
        if score > best[0]:
            best = (score, weights)
    index = build_index(corpus, best[1])
    ranked = [[h.doc_id for h in index.search(q.text, 10)] for q in held]
    default = build_index(corpus)
    default_ranked = [[h.doc_id for h in default.search(q.text, 10)] for q in held]
    report = {
        "held_out_with_shipped_weights": metrics(default_ranked, held),
        "best_weights": best[1], "tune_mrr_at_10": best[0],
        "held_out": metrics(ranked, held),
        "held_out_baseline": metrics(baseline_rankings(corpus, held), held),
    }
    sys.stdout.write(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
