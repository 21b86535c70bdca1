"""``motcua eval cards`` and the short-card grounding checker."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from motcua.answer.schema import AskResponse, ShortFact
from motcua.catalog.sample import write_sample_questions
from motcua.cli import app
from motcua.eval.cards import CardEval, most_asked, ungrounded_short
from tests.answer._card_records import REISSUE, respond

runner = CliRunner()


def _raw(code: str) -> dict[str, Any]:
    return REISSUE


def _with(fact: ShortFact) -> AskResponse:
    r = respond(REISSUE, today=dt.date(2026, 12, 3))
    assert r.answer is not None
    r.answer.short_facts.append(fact)
    return r


def test_ungrounded_short_clean_card_passes() -> None:
    assert ungrounded_short(respond(REISSUE, today=dt.date(2026, 12, 3)), _raw) == []


@pytest.mark.parametrize(("fact", "problem"), [
    (ShortFact(kind="paper", text="☐ Sổ hộ khẩu — 1 bản chính", quote="Sổ hộ khẩu", cite="c1"),
     "quote not in source"),
    (ShortFact(kind="paper", text="☐ Giấy khác", quote="Tờ khai đề nghị", cite="c1"),
     "quote not shown"),
    (ShortFact(kind="fee", text="Lệ phí: 90.000 đồng", quote="70,000 Việt Nam Đồng", cite="c1"),
     "number not in source"),
    (ShortFact(kind="fee", text="tức 30.000 đồng", quote="bằng 50% mức thu", cite="c1",
               computed="30000 = 50% × 70000"), "figure not derivable"),
    (ShortFact(kind="paper", text="☐ Tờ khai đề nghị", quote="Tờ khai đề nghị", cite="c999"),
     "no citation"),
    (ShortFact(kind="check", text="Hãy hỏi cán bộ.", quote="x", cite="c1"),
     "own words carry a citation"),
])
def test_ungrounded_short_flags_invented_facts(fact: ShortFact, problem: str) -> None:
    r = _with(fact)
    if fact.cite == "c1":  # point the citation at the field the invented value claims
        field = "cach_thuc_thuc_hien" if fact.kind == "fee" else "thanh_phan_ho_so"
        fact.cite = next(c.id for c in r.citations if c.field == field)
    bad = ungrounded_short(r, _raw)
    assert len(bad) == 1 and problem in bad[0]


def test_ungrounded_short_reduced_fee_figure_checked() -> None:
    r = respond(REISSUE, today=dt.date(2026, 12, 3))
    assert r.answer is not None
    reduced = next(f for f in r.answer.short_facts if f.computed)
    assert reduced.computed == "35000 = 50% × 70000"
    assert ungrounded_short(r, _raw) == []


def test_cli_eval_cards_sample(tmp_path: Path) -> None:
    questions = write_sample_questions(tmp_path / "q.jsonl")
    result = runner.invoke(app, ["eval", "cards", "--sample", "--json", str(questions)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n"] > 0 and data["ungrounded_short_facts"] == 0
    assert data["papers_missing_from_details"] == 0


def test_cli_eval_cards_bad_file_fails_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", "utf-8")
    result = runner.invoke(app, ["eval", "cards", "--sample", str(bad)])
    assert result.exit_code != 0
    assert "bad.jsonl:1" in str(result.exception)


def test_eval_cards_real_catalog_meets_targets(real_assistant: Any, shared: Path) -> None:
    files = sorted((shared / "eval").glob("procedure-questions*.jsonl"))
    if not files:
        pytest.skip(f"no procedure-questions*.jsonl under {shared / 'eval'}")
    items = most_asked(files, real_assistant.repo)
    result = CardEval(real_assistant.repo).run(items)
    assert result["n"] == 100
    assert result["short_chars_median"] <= 700 and result["short_chars_max"] <= 1200
    assert result["ungrounded_short_facts"] == 0, result["ungrounded_examples"]
    assert result["papers_missing_from_details"] == 0, result["missing_examples"]
