"""``motcua eval addresses``: accuracy, divided-commune safety and speed on a gold address file.

Why one scorer for every system: the figures for our resolver and for the two packages must come
from the same rows, the same rules and the same clock, or the comparison means nothing.
Speed is addresses per CPU-second of this process (one core, whatever else the machine runs).
Rules: on ordinary rows a prediction is right when its new ward code equals the gold code (an
``ambiguous`` answer is not right); on ``divided`` rows it is right only when it is ``ambiguous``
with exactly the gold candidate codes, and any confident single answer counts as confident-wrong.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from motcua._errors import FileFormatError, InputError
from motcua.cleaning.convert import clean_address
from motcua.cleaning.units import load_units

__all__ = ["GoldAddress", "Prediction", "evaluate_addresses", "load_gold", "score"]

REQUIRED_COLUMNS = ("address", "style", "new_ward_code")
CONFIDENT = ("ok", "converted")


@dataclass(frozen=True, slots=True)
class GoldAddress:
    id: str
    address: str
    style: str
    codes: tuple[str, ...]

    @property
    def divided(self) -> bool:
        return self.style == "divided"


@dataclass(slots=True)
class Prediction:
    status: str
    ward_code: str = ""
    candidates: list[str] = field(default_factory=list)


def load_gold(path: Path) -> list[GoldAddress]:
    if not path.is_file():
        raise InputError(f"Không tìm thấy tệp đáp án: {path}",
                         hint="truyền đường dẫn tệp CSV có các cột id,address,style,new_ward_code")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise FileFormatError(f"{path.name} thiếu cột {', '.join(missing)}",
                                  hint="tệp đáp án cần các cột id,address,style,new_ward_code")
        rows = [GoldAddress(r.get("id") or str(i), r["address"], r["style"],
                            tuple(c for c in r["new_ward_code"].split("|") if c))
                for i, r in enumerate(reader, start=2)]
    if not rows:
        raise FileFormatError(f"{path.name} không có dòng nào", hint="kiểm tra lại tệp")
    return rows


def _is_right(gold: GoldAddress, pred: Prediction) -> tuple[bool, bool]:
    """(right, confident_wrong_on_divided)."""
    if gold.divided:
        right = pred.status == "ambiguous" and set(pred.candidates) == set(gold.codes)
        return right, pred.status in CONFIDENT
    return pred.status in CONFIDENT and (pred.ward_code,) == gold.codes, False


def score(gold: list[GoldAddress], predict: Callable[[str], Prediction]) -> dict[str, Any]:
    """Run ``predict`` on every gold address once and compute the report's figures."""
    preds: list[Prediction] = []
    # CPU time of this process: "per second on one core", not disturbed by other processes.
    start, wall = time.process_time(), time.perf_counter()
    for g in gold:
        preds.append(predict(g.address))
    seconds = time.process_time() - start
    wall = time.perf_counter() - wall
    by_style: dict[str, Counter[str]] = {}
    statuses: Counter[str] = Counter()
    plain_right = plain_n = div_right = div_wrong = div_n = 0
    errors: list[dict[str, Any]] = []
    for g, p in zip(gold, preds, strict=True):
        right, confident_wrong = _is_right(g, p)
        c = by_style.setdefault(g.style, Counter())
        c["n"] += 1
        c["correct"] += right
        statuses[p.status] += 1
        if g.divided:
            div_n += 1
            div_right += right
            div_wrong += confident_wrong
        else:
            plain_n += 1
            plain_right += right
        if not right and len(errors) < 50:
            errors.append({"id": g.id, "style": g.style, "gold": "|".join(g.codes),
                           "status": p.status, "got": p.ward_code or "|".join(p.candidates)})
    return {
        "n": len(gold),
        "accuracy": round(plain_right / plain_n, 4) if plain_n else None,
        "by_style": {s: {"n": c["n"], "correct": c["correct"],
                         "accuracy": round(c["correct"] / c["n"], 4)}
                     for s, c in sorted(by_style.items())},
        "divided_n": div_n,
        "divided_correct": div_right,
        "divided_confident_wrong": div_wrong,
        "status_counts": dict(statuses),
        "addresses_per_second": round(len(gold) / seconds, 1) if seconds > 0 else None,
        "cpu_seconds": round(seconds, 4),
        "wall_seconds": round(wall, 4),
        "errors": errors,
    }


def motcua_predict(address: str) -> Prediction:
    r = clean_address(address)
    return Prediction(r.status, r.new_ward_code, r.candidate_codes)


def evaluate_addresses(path: Path, *, compare: bool = False) -> dict[str, Any]:
    """Our resolver's figures, plus the two packages' when ``compare`` is set."""
    gold = load_gold(path)
    load_units()  # the one-off index build is not part of the per-address speed
    clean_address("Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội")  # compiles the patterns
    report = score(gold, motcua_predict)
    report["system"] = "motcua"
    if compare:
        from motcua.cleaning._compare import package_predictors

        report["packages"] = {}
        for name, (predict, note) in package_predictors().items():
            sub = score(gold, predict)
            sub["note"] = note
            sub.pop("errors", None)
            report["packages"][name] = sub
    return report
