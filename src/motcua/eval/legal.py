"""Legal article retrieval on ALQAC-style data: Recall@1/5/10 and MRR@10, with a plain BM25
baseline computed in the same run.

Why the baseline in the same run: a number without its baseline says nothing; "plain BM25 over
whitespace tokens" (bm25s, lower-cased, no Vietnamese handling) is what one gets for free.
Two formats are read: ``articles.json`` ({"law@article": text}) with ``train.json`` questions
(``relevant_articles``), and ``legal_passages.json`` ([{id, articles:[{id, text}]}]) with
``oct-train.json`` statements (``legal_passages``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from motcua._errors import FileFormatError
from motcua.documents.index import IndexedPassage, PassageIndex
from motcua.eval.metrics import mrr_at, plain_bm25_rankings
from motcua.text.normalize import nfc

__all__ = ["LegalQuestion", "evaluate_legal", "load_corpus", "load_questions", "metrics"]

log = logging.getLogger(__name__)
KS = (1, 5, 10)


@dataclass(frozen=True)
class LegalQuestion:
    id: str
    text: str
    gold: frozenset[str]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise FileFormatError(f"{path}: not readable JSON ({exc})",
                              hint="give the ALQAC JSON file", path=str(path)) from exc


def load_corpus(path: Path) -> dict[str, str]:
    """Article key ("law@article") → text, from either ALQAC corpus format."""
    data = _read_json(path)
    if isinstance(data, dict):
        return {nfc(k): nfc(str(v)) for k, v in data.items()}
    if isinstance(data, list) and all(isinstance(x, dict) and "articles" in x for x in data):
        return {nfc(f"{law['id']}@{art['id']}"): nfc(art["text"])
                for law in data for art in law["articles"]}
    raise FileFormatError(f"{path}: not an ALQAC article corpus",
                          hint="expected articles.json or legal_passages.json", path=str(path))


def load_questions(path: Path) -> list[LegalQuestion]:
    data = _read_json(path)
    if not isinstance(data, list):
        raise FileFormatError(f"{path}: expected a list of questions", path=str(path),
                              hint="give train.json or oct-train.json")
    out = []
    for i, item in enumerate(data):
        text = item.get("text") or item.get("statement") or item.get("question")
        gold = item.get("relevant_articles") or item.get("legal_passages")
        if not text or not gold:
            raise FileFormatError(f"{path}: question {i} has no text or no gold articles",
                                  hint="each question needs text/statement and "
                                       "relevant_articles/legal_passages", path=str(path))
        keys = frozenset(nfc(f"{g['law_id']}@{g['article_id']}") for g in gold)
        qid = str(item.get("question_id") or item.get("example_id") or i)
        out.append(LegalQuestion(qid, nfc(text), keys))
    return out


def metrics(ranked: Sequence[Sequence[str]], questions: Sequence[LegalQuestion]) -> dict[str, Any]:
    n = len(questions)
    out: dict[str, Any] = {f"recall_at_{k}": 0.0 for k in KS}
    mrr = 0.0
    for ranking, q in zip(ranked, questions, strict=True):
        for k in KS:
            out[f"recall_at_{k}"] += len(q.gold & set(ranking[:k])) / len(q.gold)
        mrr += mrr_at(ranking, q.gold, 10)
    out = {k: round(v / n, 4) if n else 0.0 for k, v in out.items()}
    out["mrr_at_10"] = round(mrr / n, 4) if n else 0.0
    out["n"] = n
    return out


def _split_article(key: str, text: str) -> IndexedPassage:
    law = key.split("@", 1)[0]
    title, _, body = text.partition("\n")
    return IndexedPassage(id=key, body=text, heading=title.strip() if body else "", title=law)


def build_index(corpus: dict[str, str], weights: dict[str, float] | None = None) -> PassageIndex:
    index = PassageIndex(weights)
    index.build([_split_article(k, v) for k, v in corpus.items()])
    return index


def baseline_rankings(corpus: dict[str, str], questions: Sequence[LegalQuestion]
                      ) -> list[list[str]]:
    """Plain BM25 (bm25s defaults) over lower-cased whitespace tokens."""
    keys = list(corpus)
    return plain_bm25_rankings(keys, [corpus[k] for k in keys], [q.text for q in questions])


def evaluate_legal(questions_path: Path, corpus_path: Path, *,
                   weights: dict[str, float] | None = None,
                   progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    corpus = load_corpus(corpus_path)
    questions = load_questions(questions_path)
    missing = {g for q in questions for g in q.gold} - set(corpus)
    if missing:
        log.warning("gold articles missing from corpus", extra={"missing": len(missing)})
    index = build_index(corpus, weights)
    ranked = []
    for i, q in enumerate(questions):
        ranked.append([h.doc_id for h in index.search(q.text, 10)])
        if progress:
            progress(i)
    result = metrics(ranked, questions)
    result["baseline"] = metrics(baseline_rankings(corpus, questions), questions)
    return result
