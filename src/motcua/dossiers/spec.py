"""The query spec a question is parsed into, and what each measure and grouping means in SQL.

Why a spec between the words and the SQL: the parser only decides *what* is asked (measure,
filters, grouping, time range, order, top-k); the SQL is then written by code from these
fixed definitions, so two spellings of one question give the same query, and the formulas
documented in docs/dossiers.md are the ones that run. Rates are percentages rounded half up to
one decimal in integer arithmetic (no float ties), NULL when nothing is counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["DIMENSIONS", "MEASURES", "Dim", "Measure", "MeasureDef", "Period", "QuerySpec",
           "late_sql", "on_time_sql"]


class Measure(StrEnum):
    COUNT = "count"
    LATE = "late"
    ON_TIME = "on_time"
    ON_TIME_RATE = "on_time_rate"
    LATE_RATE = "late_rate"
    ONLINE_RATE = "online_rate"
    PAID_ONLINE_RATE = "paid_online_rate"
    DIGITISED_RATE = "digitised_rate"
    QUESTIONS = "questions"  # citizens' questions to the assistant (the question log)


class Dim(StrEnum):
    COMMUNE = "commune"
    PROCEDURE = "procedure"
    FIELD = "field"
    CHANNEL = "channel"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    WEEKDAY = "weekday"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    QUESTION = "question"  # the question log: the same question however it was typed


def _ts(when: dt.datetime) -> str:
    return f"TIMESTAMP '{when:%Y-%m-%d %H:%M:%S}'"


def late_sql(as_of: dt.datetime) -> str:
    """Resolved after the due time, or still in process with the due time passed."""
    return ("((result_at IS NOT NULL AND due_at IS NOT NULL AND result_at > due_at) OR "
            f"(result_at IS NULL AND status = 'dang_xu_ly' AND due_at < {_ts(as_of)}))")


def on_time_sql() -> str:
    return "(result_at IS NOT NULL AND (due_at IS NULL OR result_at <= due_at))"


def _pct(num: str, den: str) -> str:
    return (f"CASE WHEN {den} = 0 THEN NULL ELSE "
            f"((2000 * {num} + {den}) // (2 * {den})) / 10.0 END")


@dataclass(frozen=True)
class MeasureDef:
    label: str  # Vietnamese, for messages: "số hồ sơ trễ hạn"
    unit: str

    def sql(self, measure: Measure, as_of: dt.datetime) -> str:
        late, on_time = late_sql(as_of), on_time_sql()
        decided = f"count_if({on_time} OR {late})"
        return {
            Measure.COUNT: "count(*)",
            Measure.QUESTIONS: "count(*)",
            Measure.LATE: f"count_if({late})",
            Measure.ON_TIME: f"count_if({on_time})",
            Measure.ON_TIME_RATE: _pct(f"count_if({on_time})", decided),
            Measure.LATE_RATE: _pct(f"count_if({late})", decided),
            Measure.ONLINE_RATE: _pct("count_if(channel = 'truc_tuyen')", "count(*)"),
            Measure.PAID_ONLINE_RATE: _pct("count_if(paid_online)", "count(paid_online)"),
            Measure.DIGITISED_RATE: _pct("count_if(digitised)",
                                         "count_if(result_at IS NOT NULL)"),
        }[measure]


MEASURES: dict[Measure, MeasureDef] = {
    Measure.COUNT: MeasureDef("số hồ sơ", "hồ sơ"),
    Measure.LATE: MeasureDef("số hồ sơ trễ hạn", "hồ sơ"),
    Measure.ON_TIME: MeasureDef("số hồ sơ giải quyết đúng hạn", "hồ sơ"),
    Measure.ON_TIME_RATE: MeasureDef("tỷ lệ giải quyết đúng hạn", "%"),
    Measure.LATE_RATE: MeasureDef("tỷ lệ trễ hạn", "%"),
    Measure.ONLINE_RATE: MeasureDef("tỷ lệ nộp trực tuyến", "%"),
    Measure.PAID_ONLINE_RATE: MeasureDef("tỷ lệ thanh toán trực tuyến", "%"),
    Measure.DIGITISED_RATE: MeasureDef("tỷ lệ số hóa kết quả", "%"),
    Measure.QUESTIONS: MeasureDef("số câu hỏi của người dân", "câu hỏi"),
}

_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_CHANNELS = (("truc_tiep", "Trực tiếp"), ("truc_tuyen", "Trực tuyến"), ("buu_chinh", "Bưu chính"))


@dataclass(frozen=True)
class DimDef:
    noun: str  # "xã", "tháng"
    label: str  # SQL of the shown label
    key: str  # SQL of the sort key (chronological for time)
    label_is_aggregate: bool = False  # the label is chosen among the group's rows


DIMENSIONS: dict[Dim, DimDef] = {
    Dim.COMMUNE: DimDef("xã/phường", "commune", "commune"),
    Dim.PROCEDURE: DimDef("thủ tục", "coalesce(procedure_name, procedure_code, 'Không rõ')",
                          "coalesce(procedure_name, procedure_code, 'Không rõ')"),
    Dim.FIELD: DimDef("lĩnh vực", "coalesce(field, 'Không rõ')", "coalesce(field, 'Không rõ')"),
    Dim.CHANNEL: DimDef("kênh nộp", "CASE channel " + " ".join(
        f"WHEN '{k}' THEN '{v}'" for k, v in _CHANNELS) + " ELSE 'Không rõ' END",
        "coalesce(channel, 'zz')"),
    Dim.MONTH: DimDef("tháng", "strftime(received_at, '%m/%Y')",
                      "date_trunc('month', received_at)"),
    Dim.QUARTER: DimDef("quý", "'Quý ' || quarter(received_at) || '/' || year(received_at)",
                        "year(received_at) * 10 + quarter(received_at)"),
    Dim.YEAR: DimDef("năm", "CAST(year(received_at) AS VARCHAR)", "year(received_at)"),
    Dim.WEEKDAY: DimDef("thứ", "CASE isodow(received_at) " + " ".join(
        f"WHEN {i} THEN '{d}'" for i, d in enumerate(_WEEKDAYS, start=1)) + " END",
        "isodow(received_at)"),
    Dim.HOUR: DimDef("khung giờ", "lpad(CAST(hour(received_at) AS VARCHAR), 2, '0') || 'h'",
                     "hour(received_at)"),
    Dim.DAY: DimDef("ngày", "strftime(received_at, '%d/%m/%Y')", "CAST(received_at AS DATE)"),
    Dim.WEEK: DimDef("tuần", "'Tuần ' || strftime(date_trunc('week', received_at), '%d/%m/%Y')",
                     "date_trunc('week', received_at)"),
    Dim.QUESTION: DimDef("câu hỏi", "min(question)", "question_key", label_is_aggregate=True),
}


@dataclass(frozen=True)
class Period:
    start: dt.datetime
    end: dt.datetime  # exclusive
    label: str  # "quý 3/2025"


@dataclass
class QuerySpec:
    measure: Measure = Measure.COUNT
    group: Dim | None = None
    communes: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)  # codes
    channel: str | None = None
    status: str | None = None  # a Status value, or "resolved" (a result exists)
    period: Period | None = None
    order: str | None = None  # "desc" | "asc"
    top_k: int | None = None
    which: bool = False  # "xã nào ... nhất": the answer is the first label
    source: str = "dossiers"  # or "questions": the assistant's question log
    unanswered: bool = False  # questions only: the assistant found no procedure
    having: tuple[str, float] | None = None  # groups whose value is ("<", 80.0) ...
