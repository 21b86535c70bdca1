"""The address scorer on a gold file written here, and on the shared dev set when present."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from motcua._errors import FileFormatError, InputError
from motcua.cleaning.evaluate import Prediction, evaluate_addresses, load_gold, score

GOLD = [
    {"id": "g1", "address": "Phường Phúc Xá, Quận Ba Đình, Hà Nội", "style": "full",
     "new_ward_code": "00097"},
    {"id": "g2", "address": "phuc xa, ba dinh, ha noi", "style": "nodiac",
     "new_ward_code": "00097"},
    {"id": "g3", "address": "Xã Tân Xã, Huyện Thạch Thất, Hà Nội", "style": "divided",
     "new_ward_code": "09982|09988"},
]


def _gold_file(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "gold.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "address", "style", "new_ward_code"])
        w.writeheader()
        w.writerows(rows)
    return path


def test_evaluate_addresses_keys_and_perfect_run(tmp_path: Path) -> None:
    r = evaluate_addresses(_gold_file(tmp_path, GOLD))
    assert {"accuracy", "by_style", "divided_correct", "divided_confident_wrong",
            "addresses_per_second", "n"} <= set(r)
    assert (r["n"], r["accuracy"], r["divided_correct"], r["divided_confident_wrong"]) == (
        3, 1.0, 1, 0)


def test_evaluate_score_counts_confident_answers_on_divided_as_wrong(tmp_path: Path) -> None:
    gold = load_gold(_gold_file(tmp_path, GOLD))
    answers = {GOLD[0]["address"]: Prediction("converted", "00097"),
               GOLD[1]["address"]: Prediction("ambiguous", "", ["00097", "00001"]),
               GOLD[2]["address"]: Prediction("converted", "09982")}
    r = score(gold, lambda a: answers[a])
    assert r["accuracy"] == 0.5
    assert (r["divided_correct"], r["divided_confident_wrong"]) == (0, 1)
    assert r["by_style"]["nodiac"] == {"n": 1, "correct": 0, "accuracy": 0.0}


def test_evaluate_divided_needs_exactly_the_candidates(tmp_path: Path) -> None:
    gold = load_gold(_gold_file(tmp_path, GOLD[2:]))
    r = score(gold, lambda a: Prediction("ambiguous", "", ["09982"]))
    assert (r["divided_correct"], r["divided_confident_wrong"]) == (0, 0)


@pytest.mark.parametrize(("content", "error"), [
    (None, InputError),
    ("id,address\n1,x\n", FileFormatError),
    ("id,address,style,new_ward_code\n", FileFormatError),
])
def test_evaluate_bad_gold_file(tmp_path: Path, content: str | None,
                                error: type[Exception]) -> None:
    path = tmp_path / "gold.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(error):
        load_gold(path)


@pytest.mark.shared
def test_evaluate_addresses_dev_set_targets(shared: Path) -> None:
    path = shared / "eval" / "addresses.dev.csv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    r = evaluate_addresses(path)
    assert r["divided_confident_wrong"] == 0
    assert all(s["accuracy"] >= 0.98 for name, s in r["by_style"].items() if name != "divided")
