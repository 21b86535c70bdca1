"""Retrieval quality of every engine on the same corpora and the same questions.

Metrics (per question, then averaged): Recall@k is 1 when at least one gold id is in the top k
(a citizen needs one right procedure; ALQAC questions mostly have one gold article), MRR@10 is
1/rank of the first gold id in the top 10, else 0. Questions with no gold (the "abstain" items)
are not retrieval questions and are left out; they belong to ``motcua eval``.
"""

from __future__ import annotations

import importlib.util
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.corpus import Question, alqac, catalog_docs, procedure_questions
from bench.engines import ENGINES, make_engine
from motcua._errors import MotcuaError
from motcua.text import fold

__all__ = ["Ranker", "evaluate", "run_quality", "score"]

log = logging.getLogger(__name__)

Ranker = Callable[[str, int], list[str]]
KS = (1, 5, 10)


def score(ranked: Sequence[str], gold: frozenset[str]) -> dict[str, float]:
    out = {f"recall@{k}": float(any(d in gold for d in ranked[:k])) for k in KS}
    rr = next((1.0 / (i + 1) for i, d in enumerate(ranked[:10]) if d in gold), 0.0)
    out["mrr@10"] = rr
    return out


def evaluate(rank: Ranker, questions: Sequence[Question]) -> dict[str, dict[str, float]]:
    """Metrics overall ("all") and per question style, each with its question count ``n``."""
    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    for q in questions:
        s = score(rank(q.text, 10), q.gold)
        groups["all"].append(s)
        groups[q.style].append(s)
    return {style: _mean(rows) for style, rows in groups.items()}


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = rows[0].keys()
    out = {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in keys}
    out["n"] = len(rows)
    return out


def folded(questions: Sequence[Question]) -> list[Question]:
    """The same questions typed without diacritics (style "nodiac")."""
    return [Question(q.qid, fold(q.text), q.gold, "nodiac") for q in questions]


# -- the project's own pipelines, when they exist ---------------------------------------------
def _assistant_ranker(root: Path, work: Path) -> tuple[Ranker, str] | None:
    """``Assistant.search`` (the ``motcua ask`` ranking) when the lead's pipeline exists."""
    if importlib.util.find_spec("motcua.answer.assistant") is None:
        return None
    from bench import pipelines

    home = pipelines.catalog_home(root / "data/catalog/dichvucong-2026", work)
    return pipelines.assistant_ranker(home)


def _legal_ranker(root: Path, docs: Sequence[tuple[str, str]]) -> tuple[Ranker, str] | None:
    """The documents room's retriever when ``motcua.eval.legal`` exists."""
    if importlib.util.find_spec("motcua.eval.legal") is None:
        return None
    from bench import pipelines

    return pipelines.legal_ranker(docs, root / "data/legal/alqac2023/articles.json")


# -- the run -----------------------------------------------------------------------------------
def _engine_rankers(docs: Sequence[tuple[str, str]]) -> dict[str, Ranker]:
    rankers: dict[str, Ranker] = {}
    for name in ENGINES:
        engine = make_engine(name)
        engine.build(docs)
        rankers[name] = engine.query
    return rankers


def run_quality(root: Path, work: Path) -> dict[str, Any]:
    """Both question sets, every engine, plus motcua's pipelines where they exist (the
    catalog is imported into a data home under ``work`` for the ask pipeline)."""
    result: dict[str, Any] = {"sets": {}, "notes": {}}

    docs = catalog_docs(root)
    questions = procedure_questions(root)
    rankers = _engine_rankers(docs)
    notes: dict[str, str] = {}
    from bench.pipelines import Unavailable

    try:
        assistant = _assistant_ranker(root, work)
    except (ImportError, MotcuaError, OSError, Unavailable) as exc:  # still being built
        log.warning("ask pipeline unavailable: %s", exc)
        notes["motcua ask pipeline"] = f"not available at run time ({exc})"
        assistant = None
    if assistant is not None:
        rankers["motcua ask pipeline"], notes["motcua ask pipeline"] = assistant
    else:
        notes["motcua"] = ("motcua.answer.Assistant not available at run time: the motcua row "
                           "is the raw BM25Index with motcua.text.tokenize")
    result["sets"]["procedures"] = {
        "corpus": len(docs), "questions": len(questions),
        "engines": {n: _both(r, questions) for n, r in rankers.items()},
    }

    adocs, aquestions = alqac(root)
    rankers = _engine_rankers(adocs)
    try:
        legal = _legal_ranker(root, adocs)
    except (ImportError, MotcuaError, OSError) as exc:
        log.warning("legal retriever unavailable: %s", exc)
        notes["motcua legal retriever"] = f"not available at run time ({exc})"
        legal = None
    if legal is not None:
        rankers["motcua legal retriever"], notes["motcua legal retriever"] = legal
    else:
        notes["motcua (ALQAC)"] = ("motcua.eval.legal not available at run time: motcua row is "
                                   "the raw BM25Index with motcua.text.tokenize")
    result["sets"]["alqac"] = {
        "corpus": len(adocs), "questions": len(aquestions),
        "engines": {n: _both(r, aquestions) for n, r in rankers.items()},
    }
    result["notes"] = notes
    return result


def _both(rank: Ranker, questions: Sequence[Question]) -> dict[str, Any]:
    """As asked, and every question folded to no diacritics ("folded")."""
    as_asked = evaluate(rank, questions)
    as_asked["folded"] = evaluate(rank, folded(questions))["all"]
    log.info("quality %s", as_asked["all"])
    return as_asked
