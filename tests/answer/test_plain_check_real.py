"""The rewording check over the real catalog's short cards (skips without the shared data).

Two promises: the card itself, given back unchanged, always passes (else good rewordings
would be refused for the card's own words), and each kind of harmful change made to a real
card is refused.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from motcua.answer.plain_check import check_plain
from motcua.answer.schema import AnswerCard


@pytest.fixture(scope="module")
def cards(real_assistant: Any, shared: Path) -> list[AnswerCard]:
    path = shared / "eval/procedure-questions.v2.dev.jsonl"
    questions = [json.loads(line).get("question") for line in path.open(encoding="utf-8")]
    out: dict[str, AnswerCard] = {}
    for q in questions:
        if not q:
            continue
        r = real_assistant.ask(q)
        if r.status == "answer" and r.answer is not None and r.answer.aspect is None:
            out.setdefault(r.answer.code, r.answer)
    assert len(out) > 100
    return list(out.values())


def test_check_plain_real_cards_unchanged_pass(cards: list[AnswerCard]) -> None:
    refused = {c.code: check_plain(c, c.short) for c in cards}
    assert {code: p for code, p in refused.items() if p} == {}


_DAYS = re.compile(r"(\d+) ngày")


def _changed_days(card: AnswerCard) -> str | None:
    m = _DAYS.search(card.short)
    if not m:
        return None
    return card.short[:m.start()] + f"{int(m.group(1)) + 1} ngày" + card.short[m.end():]


def _invented_fee(card: AnswerCard) -> str | None:
    return card.short.replace("Lệ phí: miễn phí", "Lệ phí: 50.000 đồng", 1) \
        if "Lệ phí: miễn phí" in card.short else None


def _dropped_paper(card: AnswerCard) -> str | None:
    lines = card.short.split("\n")
    papers = [i for i, line in enumerate(lines) if line.startswith("☐")]
    return "\n".join(lines[:papers[0]] + lines[papers[0] + 1:]) if papers else None


def _other_place(card: AnswerCard) -> str | None:
    return card.short.replace("cấp xã", "cấp tỉnh", 1) if "cấp xã" in card.short else None


@pytest.mark.parametrize("change", [_changed_days, _invented_fee, _dropped_paper, _other_place])
def test_check_plain_real_cards_changed_refused(cards: list[AnswerCard], change: Any) -> None:
    changed = [(c, text) for c in cards if (text := change(c)) is not None]
    assert len(changed) >= 20, "too few cards to change this way"
    passed = [c.code for c, text in changed if not check_plain(c, text)]
    assert passed == []
