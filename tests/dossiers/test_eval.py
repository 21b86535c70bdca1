"""The dossier eval: 200 questions on a generated export, gold computed over the rows."""

from __future__ import annotations

from motcua.dossiers.evaluate import build_questions, run_eval
from motcua.dossiers.generate import Dossier


def test_eval_builds_200_questions_half_without_diacritics(rows: list[Dossier]) -> None:
    items = build_questions(rows, n=200, seed=1)
    assert len(items) == 200
    shapes = {q.shape for q in items}
    assert {"count", "rate", "which", "table", "topk", "unsupported"} <= shapes
    plain = sum(q.question.isascii() for q in items)
    assert 60 <= plain <= 140


def test_eval_meets_targets() -> None:
    report = run_eval(rows=8000, questions=200, seed=11)
    assert report["questions"] == 200
    assert report["accuracy"] >= 0.95, report["failures"][:5]
    assert report["unsupported_declined"] == 1.0, report["failures"][:5]
    for shape, figures in report["by_shape"].items():
        assert figures["exact"] >= 0.95, (shape, report["failures"][:5])
