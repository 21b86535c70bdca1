"""The dossier-question eval: a generated export, 200 questions, gold answers in plain Python.

Why the gold is computed here and not through the parser: each question is written from a
template *with its parameters* (commune, month, measure...), and its gold answer is computed
directly over the generated ``Dossier`` rows with the formulas of docs/dossiers.md, sharing no
code with the parser or the SQL. Half of the questions are written without diacritics. The
unsupported shape holds questions the tool must ask back about or refuse (never answer).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from motcua.dossiers.generate import Dossier, generate, write_csv, write_xlsx
from motcua.text import fold

__all__ = ["EvalQuestion", "build_questions", "run_eval"]

TODAY = dt.date(2026, 6, 30)
_AS_OF = dt.datetime(2026, 6, 30)
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass(frozen=True)
class EvalQuestion:
    shape: str
    question: str
    gold: Any  # a number, a label, a list of [label, value], or "unsupported"


def _late(d: Dossier) -> bool:
    if d.result_at is not None:
        return d.due_at is not None and d.result_at > d.due_at
    return d.status == "dang_xu_ly" and d.due_at is not None and d.due_at < _AS_OF


def _on_time(d: Dossier) -> bool:
    return d.result_at is not None and (d.due_at is None or d.result_at <= d.due_at)


def _pct(num: int, den: int) -> float | None:
    return None if den == 0 else (2000 * num + den) // (2 * den) / 10


_RATES: dict[str, tuple[str, Callable[[list[Dossier]], float | None]]] = {
    "on_time": ("tỷ lệ giải quyết đúng hạn", lambda ds: _pct(
        sum(map(_on_time, ds)), sum(_on_time(d) or _late(d) for d in ds))),
    "late": ("tỷ lệ trễ hạn", lambda ds: _pct(
        sum(map(_late, ds)), sum(_on_time(d) or _late(d) for d in ds))),
    "online": ("tỷ lệ nộp trực tuyến", lambda ds: _pct(
        sum(d.channel == "truc_tuyen" for d in ds), len(ds))),
    "paid": ("tỷ lệ thanh toán trực tuyến", lambda ds: _pct(
        sum(d.paid_online is True for d in ds), sum(d.paid_online is not None for d in ds))),
    "digitised": ("tỷ lệ số hóa kết quả", lambda ds: _pct(
        sum(d.digitised is True for d in ds), sum(d.result_at is not None for d in ds))),
}


def _in(ds: Iterable[Dossier], start: dt.date, end: dt.date) -> list[Dossier]:
    return [d for d in ds if start <= d.received_at.date() < end]


def _best(groups: Mapping[str, float | int | None], desc: bool = True) -> str:
    items = [(v, k) for k, v in groups.items() if v is not None]
    items.sort(key=lambda vk: ((-vk[0] if desc else vk[0]), vk[1]))
    return items[0][1]


def _group(ds: Iterable[Dossier], key: Callable[[Dossier], str]) -> dict[str, list[Dossier]]:
    out: dict[str, list[Dossier]] = defaultdict(list)
    for d in ds:
        out[key(d)].append(d)
    return out


_PERIODS = (  # phrase, start, end (today is 30/06/2026)
    ("quý 3", dt.date(2025, 7, 1), dt.date(2025, 10, 1)),
    ("quý 4 năm 2025", dt.date(2025, 10, 1), dt.date(2026, 1, 1)),
    ("quý 1/2026", dt.date(2026, 1, 1), dt.date(2026, 4, 1)),
    ("quý trước", dt.date(2026, 1, 1), dt.date(2026, 4, 1)),
    ("năm nay", dt.date(2026, 1, 1), dt.date(2027, 1, 1)),
    ("năm 2025", dt.date(2025, 1, 1), dt.date(2026, 1, 1)),
    ("tháng 3/2026", dt.date(2026, 3, 1), dt.date(2026, 4, 1)),
    ("tháng 8", dt.date(2025, 8, 1), dt.date(2025, 9, 1)),
    ("tháng trước", dt.date(2026, 5, 1), dt.date(2026, 6, 1)),
    ("6 tháng đầu năm", dt.date(2026, 1, 1), dt.date(2026, 7, 1)),
)
_UNSUPPORTED = (
    "so sánh tỷ lệ đúng hạn giữa các xã biên giới", "dự báo số hồ sơ tháng sau",
    "vì sao xã {c} trễ hạn nhiều?", "hồ sơ của ông Nguyễn Văn An đến đâu rồi",
    "xóa các hồ sơ trễ hạn", "thời gian giải quyết trung bình của xã {c}",
    "lệ phí thu được năm nay là bao nhiêu", "mức độ hài lòng của người dân quý 3",
    "tỷ lệ của xã {c}", "xã nào có hồ sơ trễ hạn", "cán bộ nào xử lý chậm nhất",
    "hồ sơ tháng 7 và tháng 8", "xã Hoa Mai Trắng có bao nhiêu hồ sơ", "cao nhất",
    "thời tiết Lạng Sơn hôm nay", "hồ sơ không đúng hạn của xã {c}",
    "số hồ sơ theo xã và theo tháng", "tháng 13 có bao nhiêu hồ sơ",
    "SELECT * FROM dossiers", "viết một bài thơ về hồ sơ",
)


def build_questions(rows: list[Dossier], *, n: int = 200, seed: int = 0) -> list[EvalQuestion]:
    """``n`` questions over ``rows`` with gold answers; half without diacritics."""
    rng = random.Random(seed)
    communes = sorted({d.commune for d in rows})
    fields = sorted({d.field for d in rows})
    by_commune = _group(rows, lambda d: d.commune)
    out: list[EvalQuestion] = []

    def add(shape: str, text: str, gold: Any) -> None:
        out.append(EvalQuestion(shape, fold(text) if rng.random() < 0.5 else text, gold))

    makers: list[Callable[[], None]] = []

    def total() -> None:
        phrase, a, b = rng.choice(_PERIODS)
        add("count", f"Có bao nhiêu hồ sơ {phrase}?", len(_in(rows, a, b)))

    def commune_count() -> None:
        c, (phrase, a, b) = rng.choice(communes), rng.choice(_PERIODS)
        text = rng.choice(("{c} tiếp nhận bao nhiêu hồ sơ {p}?", "số hồ sơ của {c} {p}"))
        add("count", text.format(c=c.lower() if rng.random() < 0.3 else c, p=phrase),
            len(_in(by_commune[c], a, b)))

    def which_late() -> None:
        phrase, a, b = rng.choice(_PERIODS)
        groups = {c: sum(map(_late, _in(ds, a, b))) for c, ds in by_commune.items()}
        add("which", f"Xã nào trễ hạn nhiều nhất {phrase}?", _best(groups))

    def commune_rate() -> None:
        c, (phrase, a, b), r = rng.choice(communes), rng.choice(_PERIODS), rng.choice(
            list(_RATES))
        label, fn = _RATES[r]
        add("rate", f"{label} của {c} {phrase}", fn(_in(by_commune[c], a, b)))

    def rate_by_month() -> None:
        c, r = rng.choice(communes), rng.choice(list(_RATES))
        label, fn = _RATES[r]
        months = _group(by_commune[c], lambda d: f"{d.received_at:%Y%m}")
        gold = [[f"{k[4:]}/{k[:4]}", fn(v)] for k, v in sorted(months.items())]
        add("table", f"{label} của {c} theo tháng", gold)

    def top_procedures() -> None:
        k, (phrase, a, b) = rng.choice((3, 5, 10)), rng.choice(_PERIODS)
        counts = Counter(d.procedure_name for d in _in(rows, a, b))
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        add("topk", f"{k} thủ tục nhiều hồ sơ nhất {phrase}", [[n, v] for n, v in ranked])

    def busiest() -> None:
        kind = rng.choice(("tháng", "thứ", "giờ"))
        key: Callable[[Dossier], str] = {
            "tháng": lambda d: f"{d.received_at:%m/%Y}",
            "thứ": lambda d: _WEEKDAYS[d.received_at.weekday()],
            "giờ": lambda d: f"{d.received_at.hour:02d}h"}[kind]
        counts = {k: len(v) for k, v in _group(rows, key).items()}
        text = {"tháng": "Tháng nào đông nhất?", "thứ": "Thứ mấy đông nhất?",
                "giờ": "Giờ nào đông nhất?"}[kind]
        add("which", text, _best(counts))

    def compare() -> None:
        a, b = rng.sample(communes, 2)
        r = rng.choice(list(_RATES))
        label, fn = _RATES[r]
        gold = [[c, fn(by_commune[c])] for c in sorted((a, b))]
        add("table", f"so sánh {label} giữa {a} và {b}", gold)

    def field_count() -> None:
        f, (phrase, a, b) = rng.choice(fields), rng.choice(_PERIODS)
        add("count", f"lĩnh vực {f.lower()} có bao nhiêu hồ sơ {phrase}",
            sum(d.field == f for d in _in(rows, a, b)))

    def lowest_rate() -> None:
        (phrase, a, b), r = rng.choice(_PERIODS), rng.choice(("on_time", "online", "digitised"))
        label, fn = _RATES[r]
        groups = {c: fn(_in(ds, a, b)) for c, ds in by_commune.items()}
        add("which", f"xã nào có {label} thấp nhất {phrase}", _best(groups, desc=False))

    def online_count() -> None:
        phrase, a, b = rng.choice(_PERIODS)
        add("count", f"bao nhiêu hồ sơ nộp trực tuyến {phrase}",
            sum(d.channel == "truc_tuyen" for d in _in(rows, a, b)))

    def threshold() -> None:
        (phrase, a, b), r = rng.choice(_PERIODS), rng.choice(list(_RATES))
        label, fn = _RATES[r]
        groups = {c: fn(_in(ds, a, b)) for c, ds in by_commune.items()}
        values = sorted(v for v in groups.values() if v is not None)
        if not values:
            return
        limit = round(values[len(values) // 2])
        below = rng.random() < 0.5
        kept = [(v, c) for c, v in groups.items() if v is not None and (
            v < limit if below else v > limit)]
        kept.sort(key=lambda vc: (vc[0] if below else -vc[0], vc[1]))
        add("threshold", f"những xã nào có {label} {'dưới' if below else 'trên'} {limit}% "
            f"{phrase}", [[c, v] for v, c in kept])

    makers = [total, commune_count, which_late, commune_rate, rate_by_month, top_procedures,
              busiest, compare, field_count, lowest_rate, online_count, threshold]
    unsupported = [q.format(c=rng.choice(communes)) for q in _UNSUPPORTED]
    while len(out) < n - len(unsupported):
        rng.choice(makers)()
    for q in unsupported:
        add("unsupported", q, "unsupported")
    return out


def _matches(q: EvalQuestion, answer: dict[str, Any]) -> bool:
    if q.shape == "unsupported":
        return answer["status"] in ("clarify", "refuse")
    if answer["status"] != "answer":
        return False
    if q.shape in ("table", "topk", "threshold"):
        return [[t["label"], t["value"]] for t in answer["table"]] == q.gold
    return bool(answer["value"] == q.gold)


def run_eval(*, rows: int = 20_000, questions: int = 200, seed: int = 7,
             home: Path | None = None) -> dict[str, Any]:
    """Generate, import (CSV and XLSX halves), ask every question; accuracy per shape."""
    from motcua.dossiers.importer import import_exports
    from motcua.dossiers.query import ask

    data = generate(rows, seed=seed, end=TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        folder = home or Path(tmp)
        half = len(data) // 2
        files = [write_csv(folder / "xuat-1.csv", data[:half], seed=seed),
                 write_xlsx(folder / "xuat-2.xlsx", data[half:], seed=seed + 1)]
        target = folder / "dossiers.duckdb"
        import_exports(files, target=target)
        items = build_questions(data, n=questions, seed=seed)
        per: dict[str, list[bool]] = defaultdict(list)
        failures = []
        for q in items:
            answer = ask(q.question, path=target, today=TODAY)
            ok = _matches(q, answer)
            per[q.shape].append(ok)
            if not ok:
                failures.append({"shape": q.shape, "question": q.question, "gold": q.gold,
                                 "status": answer["status"], "value": answer["value"],
                                 "message": answer["message"]})
    supported = [ok for shape, oks in per.items() if shape != "unsupported" for ok in oks]
    return {"rows": rows, "questions": len(items),
            "accuracy": round(sum(supported) / max(1, len(supported)), 3),
            "unsupported_declined": round(sum(per["unsupported"]) / max(
                1, len(per["unsupported"])), 3),
            "by_shape": {s: {"n": len(v), "exact": round(sum(v) / len(v), 3)}
                         for s, v in sorted(per.items())},
            "failures": failures}
