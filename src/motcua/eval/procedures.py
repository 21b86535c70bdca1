"""``motcua eval procedures``: retrieval, abstention, latency and groundedness of ``ask``.

Why groundedness is counted here: every fee, time, paper and legal-basis item shown must be
found, as written, in the field of the catalog record its citation names. Zero is the only
acceptable count; the eval reports any other number loudly.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from motcua._errors import ConfigError, FileFormatError
from motcua.answer.assistant import Assistant
from motcua.answer.schema import AskResponse
from motcua.catalog.parse import clean
from motcua.eval.cards import ungrounded_short
from motcua.eval.metrics import (
    mrr_at,
    percentile,
    plain_bm25_rankings,
    ranking_metrics,
    recall_at,
)
from motcua.eval.task import Split, in_split, task_success
from motcua.text.normalize import fold

__all__ = ["EvalItem", "ProcedureEval", "load_items", "ungrounded_facts"]

_UNIT_NOTE = " (nguồn không ghi đơn vị thời gian)"


@dataclass(frozen=True)
class EvalItem:
    id: str
    question: str  # the last turn of a dialogue
    gold: tuple[str, ...]
    style: str = ""
    expect: str | None = None
    turns: tuple[str, ...] = ()  # a dialogue, oldest first; () for a single question

    @property
    def dialogue(self) -> tuple[str, ...]:
        """Every message the person sends, oldest first."""
        return self.turns or (self.question,)

    @property
    def abstain_expected(self) -> bool:
        return self.expect == "abstain" or not self.gold


def _turns(obj: dict[str, Any]) -> tuple[str, ...]:
    turns = obj.get("turns")
    if turns is None:
        return ()
    if (not isinstance(turns, list) or not turns
            or not all(isinstance(t, str) and t.strip() for t in turns)):
        raise TypeError("'turns' must be a non-empty list of non-empty strings")
    return tuple(turns)


def load_items(path: Path, *, split: Split | None = None) -> list[EvalItem]:
    """Read a JSONL question file (v1 or v2: ``turns``, ``expect``); a bad line is an error
    naming the line. With ``split``, only that fixed half of the items (``task.in_split``)."""
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FileFormatError(f"cannot read {path}: {exc}", path=str(path)) from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            turns = _turns(obj)
            item = EvalItem(
                id=str(obj.get("id", n)), question=turns[-1] if turns else str(obj["question"]),
                gold=tuple(obj.get("gold") or ()), style=str(obj.get("style", "")),
                expect=obj.get("expect"), turns=turns,
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise FileFormatError(
                f"{path}:{n}: expected a JSON object with 'question' (or 'turns') and 'gold' "
                f"({exc})",
                hint='e.g. {"id": "q1", "question": "...", "gold": ["1.001193"]}',
                path=str(path), line=n,
            ) from exc
        if in_split(item.id, split):
            items.append(item)
    return items


def _norm(text: str) -> str:
    """The parsers' own normalisation, so that parsing and checking cannot disagree."""
    return clean(text)


def ungrounded_facts(response: AskResponse, raw_of: Callable[[str], dict[str, Any]]) -> list[str]:
    """The facts of an answer card whose value is not found in its cited source field (the
    full card's, then the short card's: ``eval.cards.ungrounded_short``)."""
    if response.answer is None:
        return []
    cites = {c.id: c for c in response.citations}
    card = response.answer
    checks: list[tuple[str, str]] = []
    checks += [(p.cite, p.name) for p in [*card.papers, *card.notes]]
    for ch in card.channels:
        checks += [(ch.cite, ch.fee), (ch.cite, ch.time.removesuffix(_UNIT_NOTE))]
        if ch.fee_note:
            checks.append((ch.cite, ch.fee_note))
    for lb in card.legal_basis:
        checks += [(lb.cite, lb.number), (lb.cite, lb.title)]
    bad = []
    for cite_id, value in checks:
        cite = cites.get(cite_id)
        if value in ("không có thông tin",) and cite is not None:
            continue
        source = _norm(str(raw_of(cite.code).get(cite.field, ""))) if cite else ""
        if cite is None or _norm(value) not in source or _norm(cite.quote) not in source:
            bad.append(f"{cite.code if cite else '?'}:{cite.field if cite else '?'}: {value[:80]}")
    return bad + ungrounded_short(response, raw_of)  # the short card and its short names


def _metrics(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in rows if not r["abstain_expected"]]
    n_ans = len(answerable) or 1
    predicted_abstain = [r for r in rows if r["status"] == "abstain"]
    true_abstain = [r for r in predicted_abstain if r["abstain_expected"]]
    expected_abstain = [r for r in rows if r["abstain_expected"]]
    lat = [r["ms"] for r in rows]
    return {
        "n": len(rows),
        "task_success": round(sum(r["task"] for r in rows) / (len(rows) or 1), 4),
        "recall_at_1": round(sum(r["r1"] for r in answerable) / n_ans, 4),
        "recall_at_5": round(sum(r["r5"] for r in answerable) / n_ans, 4),
        "mrr_at_10": round(sum(r["mrr"] for r in answerable) / n_ans, 4),
        "abstain_precision": round(len(true_abstain) / len(predicted_abstain), 4)
        if predicted_abstain else 1.0,
        "abstain_recall": round(len(true_abstain) / len(expected_abstain), 4)
        if expected_abstain else 1.0,
        "answerable_abstained": round(
            sum(1 for r in answerable if r["status"] == "abstain") / n_ans, 4),
        "p50_ms": round(percentile(lat, 50), 2),
        "p95_ms": round(percentile(lat, 95), 2),
        "ungrounded_facts": sum(r["ungrounded"] for r in rows),
    }


class ProcedureEval:
    """Runs every item through ``Assistant.ask`` and a plain BM25 baseline."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def run(self, items: Sequence[EvalItem], *, baseline: bool = True) -> dict[str, Any]:
        rows = []
        examples: list[str] = []
        self.assistant.ask("khởi động")  # warm caches so latency reflects steady state
        for item in items:
            response, ms = self._converse(item.dialogue)
            ranked = [p.code for p in response.procedures]
            bad = ungrounded_facts(response, lambda code: self.assistant.repo.get(code).raw)
            examples += bad[:3]
            rows.append({
                "id": item.id, "style": item.style, "status": response.status, "ms": ms,
                "abstain_expected": item.abstain_expected, "ungrounded": len(bad),
                "r1": recall_at(ranked, item.gold, 1), "r5": recall_at(ranked, item.gold, 5),
                "mrr": mrr_at(ranked, item.gold, 10), "top": ranked[:1],
                "task": task_success(response, item.gold, item.expect),
            })
        out = _metrics(rows)
        by_style: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            by_style[str(r["style"] or "unknown")].append(r)
        out["by_style"] = {s: _metrics(rs) for s, rs in sorted(by_style.items())}
        out["ungrounded_examples"] = examples[:10]
        out["misses"] = [
            {"id": r["id"], "status": r["status"], "top": r["top"]} for r in rows
            if not r["task"] or (not r["abstain_expected"] and not r["r1"])
        ]
        out["folded"] = self._folded(items)
        out["diacritics_gap"] = round(out["recall_at_1"] - out["folded"]["recall_at_1"], 4)
        if baseline:
            out["baseline"] = self._baseline(items)
        return out

    def _converse(self, turns: Sequence[str]) -> tuple[AskResponse, float]:
        """The final turn with the earlier ones as its history, as the service sends it (the
        assistant keeps no state between turns, so earlier answers change nothing); the
        response and its latency in ms."""
        start = time.perf_counter()
        response = self.assistant.ask(turns[-1], history=list(turns[:-1]))
        return response, (time.perf_counter() - start) * 1000

    def _folded(self, items: Sequence[EvalItem]) -> dict[str, Any]:
        """The same answerable questions typed without diacritics, as phones often send them:
        the fair measure of "no diacritics within 2 points" (same questions, not other ones)."""
        answerable = [i for i in items if not i.abstain_expected]
        responses = [self._converse([fold(t) for t in item.dialogue])[0] for item in answerable]
        out = ranking_metrics([[p.code for p in r.procedures] for r in responses],
                              [i.gold for i in answerable])
        abstained = sum(r.status == "abstain" for r in responses)
        out["answerable_abstained"] = round(abstained / (len(answerable) or 1), 4)
        return out

    def _baseline(self, items: Sequence[EvalItem]) -> dict[str, Any]:
        """Plain BM25 (bm25s, whitespace tokens, lower case) over the same names and bodies."""
        docs = self.assistant.index.docs
        answerable = [i for i in items if not i.abstain_expected]
        try:
            rankings = plain_bm25_rankings([d.code for d in docs],
                                           [f"{d.name} {d.field} {d.body}" for d in docs],
                                           [" ".join(i.dialogue) for i in answerable])
        except ConfigError as exc:
            return {"error": exc.message}
        return {"name": "bm25s whitespace"} | ranking_metrics(rankings,
                                                             [i.gold for i in answerable])
