"""Arrivals by weekday and hour, a forecast for the next weeks, and where to add helpers.

Why this model: one-stop arrivals repeat by week (Monday mornings) and drift with the season
(Tết, the school year). The forecast for a slot (weekday, hour) is its mean over the last
``window`` weeks, scaled by how the last four weeks compare with that window (the level now).
It is judged on held-back weeks: each of the last ``holdout`` full weeks is forecast from the
weeks before it only, and its mean absolute error per open slot is reported beside the
seasonal-naive baseline's (the same slot one week earlier). The suggestion turns the next
week's forecast into helpers needed, at ``per_staff`` dossiers an hour for one person beyond
the ``staff`` already at the counters.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from motcua._errors import InputError
from motcua.dossiers.schema import TABLE
from motcua.dossiers.store import connect, dossier_path

__all__ = ["CommuneForecast", "forecast"]

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_LEVEL_WEEKS = 4
Grid = list[list[float]]  # [weekday 0..6][hour 0..23]


@dataclass
class CommuneForecast:
    commune: str
    weeks_seen: int
    model_mae: float | None  # per open slot (weekday-hour with arrivals in the history)
    naive_mae: float | None
    next_weeks: list[str]  # Mondays, ISO
    peaks: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def _zero() -> Grid:
    return [[0.0] * 24 for _ in range(7)]


def _predict(history: list[Grid], window: int) -> Grid:
    recent = history[-window:]
    level_now = sum(sum(map(sum, g)) for g in recent[-_LEVEL_WEEKS:]) / min(
        _LEVEL_WEEKS, len(recent))
    level_all = sum(sum(map(sum, g)) for g in recent) / len(recent)
    scale = level_now / level_all if level_all else 1.0
    out = _zero()
    for d in range(7):
        for h in range(24):
            out[d][h] = scale * sum(g[d][h] for g in recent) / len(recent)
    return out


def _mae(pred: Grid, real: Grid, open_slots: list[tuple[int, int]]) -> float:
    return sum(abs(pred[d][h] - real[d][h]) for d, h in open_slots) / max(1, len(open_slots))


def _peaks(pred: Grid, commune: str, per_staff: float, staff: int) -> list[dict[str, Any]]:
    peaks = []
    for d in range(7):
        h = 0
        while h < 24:
            extra = math.ceil(pred[d][h] / per_staff) - staff
            if extra < 1:
                h += 1
                continue
            start, top, most = h, extra, pred[d][h]
            while h + 1 < 24 and math.ceil(pred[d][h + 1] / per_staff) - staff >= 1:
                h += 1
                top = max(top, math.ceil(pred[d][h] / per_staff) - staff)
                most = max(most, pred[d][h])
            peaks.append({"weekday": _WEEKDAYS[d], "from": f"{start}h", "to": f"{h + 1}h",
                          "expected_per_hour": round(most, 1), "extra_staff": top,
                          "text": f"{_WEEKDAYS[d]} {start}h-{h + 1}h tại {commune}: cần thêm "
                                  f"{top} người hỗ trợ (dự kiến tới {most:.0f} hồ sơ/giờ)"})
            h += 1
    return peaks


def _grids(path: Path, commune: str | None) -> dict[str, dict[dt.date, Grid]]:
    con = connect(path)
    try:
        where, params = ("WHERE commune = ?", [commune]) if commune else ("", [])
        rows = con.execute(
            f"SELECT commune, CAST(date_trunc('week', received_at) AS DATE), "
            f"isodow(received_at) - 1, hour(received_at), count(*) FROM {TABLE} {where} "
            "GROUP BY ALL", params).fetchall()
    finally:
        con.close()
    out: dict[str, dict[dt.date, Grid]] = {}
    for name, week, d, h, n in rows:
        out.setdefault(name, {}).setdefault(week, _zero())[d][h] = float(n)
    return out


def forecast(*, commune: str | None = None, path: Path | None = None, weeks: int = 2,
             holdout: int = 4, window: int = 12, per_staff: float = 6.0, staff: int = 1,
             today: dt.date | None = None) -> list[CommuneForecast]:
    """Per commune (or the one named): error on held-back weeks and next weeks' peaks."""
    if not (1 <= weeks <= 8 and 1 <= holdout <= 26 and 2 <= window <= 52 and per_staff > 0
            and staff >= 0):
        raise InputError("tham số dự báo ngoài khoảng cho phép",
                         hint="--weeks 1..8, --holdout 1..26, --per-staff > 0, --staff >= 0")
    today = today or dt.date.today()
    this_monday = today - dt.timedelta(days=today.weekday())
    grids = _grids(path or dossier_path(), commune)
    if commune and not grids:
        raise InputError(f"không có hồ sơ của {commune!r}",
                         hint="ghi tên xã như trong dữ liệu, ví dụ 'Xã Hữu Lũng'")
    results = []
    for name, by_week in sorted(grids.items()):
        full = [w for w in by_week if w < this_monday]  # the current week is not over
        if not full:
            continue
        first = min(full)
        span = [first + dt.timedelta(weeks=i) for i in range((this_monday - first).days // 7)]
        series = [by_week.get(w, _zero()) for w in span]
        open_slots = [(d, h) for d in range(7) for h in range(24)
                      if any(g[d][h] for g in series)]
        model = naive = None
        if len(series) >= window + holdout:
            tests = range(len(series) - holdout, len(series))
            model = sum(_mae(_predict(series[:t], window), series[t], open_slots)
                        for t in tests) / holdout
            naive = sum(_mae(series[t - 1], series[t], open_slots) for t in tests) / holdout
        pred = _predict(series, window)
        peaks = _peaks(pred, name, per_staff, staff)
        results.append(CommuneForecast(
            name, len(series), None if model is None else round(model, 3),
            None if naive is None else round(naive, 3),
            [(this_monday + dt.timedelta(weeks=i)).isoformat() for i in range(weeks)],
            peaks, [p["text"] for p in peaks]))
    return results
