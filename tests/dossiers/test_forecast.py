"""Peak forecast: held-back error against the seasonal-naive baseline, and helper suggestions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from motcua._errors import InputError
from motcua.dossiers.forecast import forecast
from motcua.dossiers.store import connect

TODAY = dt.date(2026, 6, 30)  # a Tuesday: the week of 29/06 is not over


def _store(tmp_path: Path, monday_8h: list[int]) -> Path:
    """26 weeks up to 28/06/2026: Monday 8h gets ``monday_8h[week % len]`` arrivals, every
    weekday 14h two; one commune."""
    target = tmp_path / "d.duckdb"
    con = connect(target, write=True)
    first = dt.datetime(2026, 6, 22) - dt.timedelta(weeks=25)
    rows = []
    for w in range(26):
        monday = first + dt.timedelta(weeks=w)
        for i in range(monday_8h[w % len(monday_8h)]):
            rows.append((f"M{w}-{i}", monday.replace(hour=8, minute=i % 60)))
        for d in range(5):
            for i in range(2):
                rows.append((f"A{w}-{d}-{i}", (monday + dt.timedelta(days=d)).replace(hour=14)))
    con.executemany("INSERT INTO dossiers (code, commune, commune_code, received_at, status, "
                    "source) VALUES (?, 'Xã Hữu Lũng', '06385', ?, 'da_tra', 't')", rows)
    con.close()
    return target


def test_forecast_suggests_helpers_for_the_monday_peak(tmp_path: Path) -> None:
    (result,) = forecast(path=_store(tmp_path, [20]), today=TODAY, per_staff=6, staff=1)
    assert result.weeks_seen == 26 and result.next_weeks == ["2026-06-29", "2026-07-06"]
    assert result.model_mae == 0 and result.naive_mae == 0
    assert result.suggestions == ["Thứ Hai 8h-9h tại Xã Hữu Lũng: cần thêm 3 người hỗ trợ "
                                  "(dự kiến tới 20 hồ sơ/giờ)"]


def test_forecast_beats_seasonal_naive_on_alternating_weeks(tmp_path: Path) -> None:
    (result,) = forecast(path=_store(tmp_path, [24, 12]), today=TODAY)
    assert result.model_mae is not None and result.naive_mae is not None
    assert result.model_mae < result.naive_mae
    assert result.peaks[0]["weekday"] == "Thứ Hai" and result.peaks[0]["extra_staff"] == 2


def test_forecast_no_peak_when_staff_suffices(tmp_path: Path) -> None:
    (result,) = forecast(path=_store(tmp_path, [20]), today=TODAY, per_staff=10, staff=2)
    assert result.peaks == [] and result.suggestions == []


def test_forecast_on_generated_export_reports_both_errors(store: Path) -> None:
    results = forecast(path=store, today=TODAY)
    assert len(results) > 30
    assert all(r.model_mae is not None and r.naive_mae is not None for r in results
               if r.weeks_seen >= 16)


@pytest.mark.parametrize("kwargs", [{"weeks": 0}, {"weeks": 9}, {"holdout": 0},
                                    {"per_staff": 0}, {"staff": -1}, {"window": 1},
                                    {"commune": "Xã Không Có"}])
def test_forecast_bad_parameters_are_refused(store: Path, kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError):
        forecast(path=store, today=TODAY, **kwargs)  # type: ignore[arg-type]
