"""Which tokenisation ranks procedures better: syllable n-grams or word segmentation?

Run: ``python bench/tokenizers.py`` (needs ../shared). Same BM25 (motcua's engine), same
corpus (procedure name + field), same questions; only the tokenizer changes. The result is
recorded in docs/benchmarks.md and decided motcua's default (syllables + bigrams).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from motcua.eval.metrics import mrr_at, recall_at
from motcua.search.bm25 import BM25Index
from motcua.text.normalize import fold, nfc, syllables
from motcua.text.tokenize import Tokenizer

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _pyvi(folded: bool) -> Callable[[str], list[str]]:
    from pyvi import ViTokenizer

    def tok(text: str) -> list[str]:
        words = ViTokenizer.tokenize(nfc(text).lower()).split()
        words = [w for w in words if any(c.isalnum() for c in w)]
        return [fold(w) if folded else w for w in words]

    return tok


def main() -> None:
    root = SHARED / "data" / "catalog" / "dichvucong-2026"
    if not root.is_dir():
        sys.exit(f"shared catalog not found at {root}")
    docs = []
    for f in sorted(root.glob("*/*.json")):
        r = json.loads(f.read_text("utf-8"))
        docs.append((r["ma_thu_tuc"], f"{r['ten_thu_tuc']} {r['linh_vuc']}"))
    qs = [json.loads(line) for line in
          (SHARED / "eval" / "procedure-questions.dev.jsonl").read_text("utf-8").splitlines()]
    qs = [q for q in qs if q["gold"]]
    variants: dict[str, Callable[[str], list[str]]] = {
        "syllables (folded)": Tokenizer(bigrams=False),
        "syllables + bigrams (folded, motcua)": Tokenizer(bigrams=True),
        "syllables (accented)": lambda t: syllables(t),
        "pyvi words (accented)": _pyvi(False),
        "pyvi words (folded)": _pyvi(True),
    }
    print("| tokenizer | R@1 | R@5 | MRR@10 | R@1 nodiac | build s |")
    print("|---|---|---|---|---|---|")
    for name, tok in variants.items():
        t0 = time.perf_counter()
        ix = BM25Index(tok)
        ix.build(docs)
        build = time.perf_counter() - t0
        r1 = r5 = mrr = 0.0
        nd = [0.0, 0]
        for q in qs:
            ranked = [h.doc_id for h in ix.top(ix.term_scores(tok(q["question"])), 10)]
            r1 += recall_at(ranked, q["gold"], 1)
            r5 += recall_at(ranked, q["gold"], 5)
            mrr += mrr_at(ranked, q["gold"], 10)
            if q.get("style") == "nodiac":
                nd[0] += recall_at(ranked, q["gold"], 1)
                nd[1] += 1
        n = len(qs)
        print(f"| {name} | {r1/n:.3f} | {r5/n:.3f} | {mrr/n:.3f} | {nd[0]/max(nd[1],1):.3f} "
              f"| {build:.1f} |")


if __name__ == "__main__":
    main()
