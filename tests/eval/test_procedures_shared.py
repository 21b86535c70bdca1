"""The procedure eval on the real catalog (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

from motcua.eval.procedures import ProcedureEval, load_items


def test_eval_procedures_dev_set_meets_quality_floor(real_assistant, shared: Path) -> None:
    """A floor well under the targets (the targets themselves are benchmarks)."""
    items = load_items(shared / "eval/procedure-questions.dev.jsonl")
    result = ProcedureEval(real_assistant).run(items, baseline=False)
    assert result["ungrounded_facts"] == 0, result["ungrounded_examples"]
    assert result["recall_at_5"] >= 0.9
    assert result["recall_at_1"] >= 0.8
    assert result["abstain_recall"] >= 0.9
