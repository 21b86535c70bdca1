"""What the console's dossier page shows of one answer: formatted figures and chart bars.

Why on the server: the page keeps the console's rule of no script, and the chart is inline
SVG whose bar widths are attributes (``width="63.2%"``), which the Content-Security-Policy
(``style-src 'self'``, no inline styles) allows; nothing is fetched from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["CHART_MAX_BARS", "EXAMPLES", "AnswerView", "Bar", "answer_view", "vn_number"]

CHART_MAX_BARS = 40
_LABEL_CHARS = 36
_BAR_STEP = 38  # px per bar: a line of text, then the bar under it
EXAMPLES = (
    "Xã nào trễ hạn nhiều nhất quý 3?",
    "Tỷ lệ nộp trực tuyến theo tháng",
    "10 thủ tục nhiều hồ sơ nhất năm nay",
    "Tháng nào đông nhất?",
    "Tỷ lệ đúng hạn theo lĩnh vực",
    "Có bao nhiêu hồ sơ nộp trực tuyến?",
)


def vn_number(value: int | float | None, unit: str = "") -> str:
    """Vietnamese writing: 12.345 hồ sơ, 87,5%; a missing figure says so."""
    if value is None:
        return "không có số liệu"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    text = f"{value:,}".replace(",", ".") if isinstance(value, int) else \
        f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}".strip()


@dataclass(frozen=True)
class Bar:
    label: str  # shortened to fit a phone; ``title`` has it whole
    title: str
    text: str  # the value as written
    percent: float  # bar width, of the chart's width
    y: int  # top of the label line, px


@dataclass
class AnswerView:
    status: str
    message: str
    value: str = ""  # the number or label asked for, written out
    unit: str = ""
    rows: str = ""
    sql: str = ""
    table: list[dict[str, str]] = field(default_factory=list)
    value_head: str = "Giá trị"  # the table's headers: the unit is said once, there
    rows_head: str = ""  # empty when each group's count is its value (a count question)
    bars: list[Bar] = field(default_factory=list)
    chart_height: int = 0
    chart_note: str = ""


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[:_LABEL_CHARS - 1].rstrip() + "…"


def _bars(table: list[dict[str, Any]], unit: str) -> list[Bar]:
    shown = [r for r in table[:CHART_MAX_BARS] if isinstance(r.get("value"), int | float)]
    if len(shown) < 2:
        return []
    # A rate is drawn against 100%, a count against the largest one shown.
    top = max(100.0 if unit == "%" else 0.0, *(float(r["value"]) for r in shown), 1e-9)
    return [Bar(label=_short(str(r["label"])), title=str(r["label"]),
                text=vn_number(r["value"], unit),
                percent=round(max(float(r["value"]), 0.0) / top * 100, 1), y=i * _BAR_STEP)
            for i, r in enumerate(shown)]


def answer_view(answer: dict[str, Any]) -> AnswerView:
    """The page's view of ``motcua.dossiers.query.ask``'s JSON (the Interface's shape)."""
    unit = str(answer.get("unit") or "")
    view = AnswerView(status=str(answer["status"]), message=str(answer["message"]), unit=unit)
    if view.status != "answer":
        return view
    value = answer.get("value")
    view.value = value if isinstance(value, str) else (
        vn_number(value, unit) if value is not None else "")
    view.rows = vn_number(int(answer.get("rows") or 0))
    view.sql = str(answer.get("sql") or "")
    table: list[dict[str, Any]] = list(answer.get("table") or [])
    bare = "%" if unit == "%" else ""
    view.table = [{"label": str(r["label"]), "value": vn_number(r.get("value"), bare),
                   "rows": vn_number(r["rows"]) if "rows" in r else ""} for r in table]
    view.value_head = "Tỷ lệ (%)" if unit == "%" else (f"Số {unit}" if unit else "Giá trị")
    if any("rows" in r and r["rows"] != r.get("value") for r in table):
        view.rows_head = "Tổng số câu hỏi" if unit == "câu hỏi" else "Tổng số hồ sơ"
    view.bars = _bars(table, unit)
    view.chart_height = len(view.bars) * _BAR_STEP
    if view.bars and len(table) > CHART_MAX_BARS:
        view.chart_note = f"Biểu đồ vẽ {CHART_MAX_BARS} dòng đầu trong {len(table)} dòng."
    return view
