"""From a ``QuerySpec`` to SQL, checked by a validator, run on DuckDB, shaped into the answer.

Why a validator on SQL we wrote ourselves: it is the one gate any SQL must pass before it runs
(ours today, a language model's later): one SELECT, only the dossiers table, no table
functions, a LIMIT. The connection is read-only with external access off besides. The SQL in
the answer is exactly the SQL that ran, values written in, so an official can rerun it.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp

from motcua._errors import InputError, InvalidQuestion
from motcua._llm import ChatClient, client_from_settings
from motcua._settings import get_settings
from motcua.dossiers.parse import Clarify, Refuse, parse_question
from motcua.dossiers.questions import UNANSWERED_SQL, ensure_fresh, mentions_question_log
from motcua.dossiers.schema import TABLE
from motcua.dossiers.spec import DIMENSIONS, MEASURES, Dim, QuerySpec
from motcua.dossiers.store import dossier_path, select_rows, vocabulary
from motcua.dossiers.text_to_sql import TextToSQL
from motcua.text import fold

__all__ = ["MAX_ROWS", "UnsafeSQL", "ask", "build_sql", "validate_sql"]

log = logging.getLogger(__name__)
MAX_ROWS = 1000
_WHICH_ROWS = 5  # "xã nào ... nhất": the first is the answer, the next show how close it was
_ALLOWED_TABLES = frozenset({TABLE, "questions"})
_FORBIDDEN = (exp.Insert, exp.Update, exp.Delete, exp.Drop, exp.Create, exp.Alter,
              exp.Command, exp.Merge, exp.Copy, exp.Pragma, exp.Set, exp.Attach, exp.Use)


_STATUS_WORDS = {"dang_xu_ly": "đang xử lý", "da_tra": "đã trả kết quả", "tu_choi": "bị từ chối",
                 "da_huy": "đã hủy", "resolved": "đã có kết quả", "da_giai_quyet": "đã giải quyết"}


class UnsafeSQL(InputError):
    code = "unsafe_sql"


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _where(spec: QuerySpec) -> list[str]:
    out = [UNANSWERED_SQL] if spec.unanswered else []
    if spec.communes:
        out.append(f"commune IN ({', '.join(_q(c) for c in spec.communes)})")
    if spec.fields:
        out.append(f"field IN ({', '.join(_q(f) for f in spec.fields)})")
    if spec.procedures:
        out.append(f"procedure_code IN ({', '.join(_q(p) for p in spec.procedures)})")
    if spec.channel:
        out.append(f"channel = {_q(spec.channel)}")
    if spec.status == "resolved":
        out.append("result_at IS NOT NULL")
    elif spec.status:
        out.append(f"status = {_q(spec.status)}")
    if spec.period:
        out.append(f"received_at >= TIMESTAMP '{spec.period.start:%Y-%m-%d %H:%M:%S}' AND "
                   f"received_at < TIMESTAMP '{spec.period.end:%Y-%m-%d %H:%M:%S}'")
    return out


def build_sql(spec: QuerySpec, as_of: dt.datetime) -> str:
    """The one SELECT for ``spec``; on the question log the time column is ``asked_at``."""
    sql = _build(spec, as_of)
    return sql.replace("received_at", "asked_at") if spec.source == "questions" else sql


def _build(spec: QuerySpec, as_of: dt.datetime) -> str:
    table = "questions" if spec.source == "questions" else TABLE
    measure = MEASURES[spec.measure].sql(spec.measure, as_of)
    where = _where(spec)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    if spec.group is None:
        return f"SELECT {measure} AS value, count(*) AS n FROM {table}{clause} LIMIT 1"
    dim = DIMENSIONS[spec.group]
    if spec.order:
        direction = "DESC" if spec.order == "desc" else "ASC"
        order = f"value {direction} NULLS LAST, sort_key ASC"
        which_rows = 10 if spec.group == Dim.QUESTION else _WHICH_ROWS
        limit = spec.top_k or (which_rows if spec.which else MAX_ROWS)
    else:
        order, limit = "sort_key ASC", MAX_ROWS
    group = "sort_key" if dim.label_is_aggregate else "label, sort_key"
    having = f" HAVING value {spec.having[0]} {spec.having[1]:g}" if spec.having else ""
    if spec.having:
        limit = spec.top_k or MAX_ROWS
    return (f"SELECT {dim.label} AS label, {measure} AS value, count(*) AS n, "
            f"sum(count(*)) OVER () AS total, {dim.key} AS sort_key FROM {table}{clause} "
            f"GROUP BY {group}{having} ORDER BY {order} LIMIT {min(limit, MAX_ROWS)}")


def validate_sql(sql: str) -> exp.Select:
    """The parsed query when it is one safe SELECT over the allowed tables with a LIMIT."""
    try:
        statements = sqlglot.parse(sql, read="duckdb")
    except sqlglot.errors.ParseError as exc:
        raise UnsafeSQL("câu truy vấn không đọc được", hint=str(exc)[:200]) from None
    if len(statements) != 1 or not isinstance(statements[0], exp.Select):
        raise UnsafeSQL("chỉ chạy đúng một câu SELECT")
    tree = statements[0]
    for node in tree.walk():
        if isinstance(node, _FORBIDDEN):
            raise UnsafeSQL(f"câu truy vấn có lệnh không được phép ({type(node).__name__})")
        if isinstance(node, exp.Table) and (
                not isinstance(node.this, exp.Identifier) or node.name not in _ALLOWED_TABLES
                or node.args.get("db") or node.args.get("catalog")):
            raise UnsafeSQL(f"chỉ được đọc bảng {TABLE}", table=node.sql()[:80])
    limit = tree.args.get("limit")
    value = limit.expression if limit is not None else None
    if not isinstance(value, exp.Literal) or not value.is_int or int(value.name) > MAX_ROWS:
        raise UnsafeSQL(f"câu truy vấn cần LIMIT tối đa {MAX_ROWS}")
    return tree


def _answer(status: str, message: str, **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"status": status, "value": None, "unit": "", "table": [],
                           "sql": "", "rows": 0, "message": message}
    out.update(fields)
    return out


def _num(value: Any) -> int | float | None:
    if value is None:
        return None
    return value if isinstance(value, float) else int(value)


def _fmt(value: int | float | None, unit: str) -> str:
    if value is None:
        return "không có số liệu"
    text = f"{value:,}".replace(",", ".") if isinstance(value, int) else \
        f"{value:.1f}".replace(".", ",")
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def _scope(spec: QuerySpec) -> str:
    parts = []
    if spec.communes and spec.group != Dim.COMMUNE:
        parts.append("của " + ", ".join(spec.communes))
    if spec.procedures:
        parts.append("thủ tục " + ", ".join(spec.procedures))
    if spec.fields:
        parts.append("lĩnh vực " + ", ".join(spec.fields))
    if spec.unanswered:
        parts.append("chưa tìm được thủ tục")
    if spec.status:
        parts.append(_STATUS_WORDS[spec.status])
    if spec.channel:
        parts.append({"truc_tuyen": "nộp trực tuyến", "truc_tiep": "nộp trực tiếp",
                      "buu_chinh": "nộp qua bưu chính"}[spec.channel])
    if spec.period:
        label = spec.period.label
        parts.append(label if label.startswith("từ") else f"trong {label}")
    else:
        parts.append("trên toàn bộ dữ liệu")
    return " ".join(parts)


def run_spec(spec: QuerySpec, path: Path, as_of: dt.datetime) -> dict[str, Any]:
    sql = build_sql(spec, as_of)
    validate_sql(sql)
    rows = select_rows(path, sql)
    m = MEASURES[spec.measure]
    if spec.group is None:
        value, n = _num(rows[0]["value"]), int(rows[0]["n"])
        single = [{"label": m.label, "value": value}]
        message = f"{m.label.capitalize()} {_scope(spec)}: {_fmt(value, m.unit)}"
        message += f" (tính trên {n:,} hồ sơ).".replace(",", ".") if m.unit == "%" else "."
        return _answer("answer", message, value=value, unit=m.unit, table=single, sql=sql,
                       rows=n)
    table: list[dict[str, Any]] = [
        {"label": str(r["label"]), "value": _num(r["value"]), "rows": int(r["n"])} for r in rows]
    total = int(rows[0]["total"]) if rows else 0
    noun = DIMENSIONS[spec.group].noun
    if not table:
        what = "câu hỏi" if spec.source == "questions" else "hồ sơ"
        return _answer("answer", f"Không có {what} nào {_scope(spec)}.", unit=m.unit, sql=sql)
    if spec.which and spec.group == Dim.QUESTION:
        first = table[0]
        what = "chưa tìm được thủ tục" if spec.unanswered else "được hỏi"
        return _answer("answer", f"Câu hỏi {what} nhiều nhất {_scope(spec)}: “{first['label']}” "
                       f"({first['value']} lần).", value=first["label"], unit=m.unit,
                       table=table, sql=sql, rows=total)
    if spec.which:
        first = table[0]
        best = "cao nhất" if spec.order == "desc" else "thấp nhất"
        tie = [str(t["label"]) for t in table[1:] if t["value"] == first["value"]]
        message = (f"{noun.capitalize()} có {m.label} {best} {_scope(spec)}: {first['label']} "
                   f"({_fmt(_num(first['value']), m.unit)})")
        message += (f"; bằng với {', '.join(tie)}." if tie else ".")
        return _answer("answer", message, value=first["label"], unit=m.unit, table=table,
                       sql=sql, rows=total)
    if spec.having:
        op, limit = spec.having
        words = {"<": "dưới", "<=": "không quá", ">": "trên", ">=": "từ"}[op]
        shown = _fmt(int(limit) if float(limit).is_integer() and m.unit != "%" else limit,
                     m.unit)
        return _answer("answer", f"{len(table)} {noun} có {m.label} {words} {shown} "
                       f"{_scope(spec)}.", unit=m.unit, table=table, sql=sql, rows=total)
    head = (f"{len(table)} {noun} có {m.label} {'cao' if spec.order == 'desc' else 'thấp'} "
            f"nhất" if spec.order else f"{m.label.capitalize()} theo {noun}")
    return _answer("answer", f"{head} {_scope(spec)}: {len(table)} dòng.", unit=m.unit,
                   table=table, sql=sql, rows=total)


def ask(question: str, *, path: Path | None = None, today: dt.date | None = None,
        model: ChatClient | None = None) -> dict[str, Any]:
    """The answer to one question in the Interface's JSON shape (answer | clarify | refuse).

    ``model``: asked for SQL where the parser does not understand (``text_to_sql``); by
    default the configured LLM when MOTCUA_DOSSIER_SQL_MODEL=on, else none."""
    settings = get_settings()
    limit = settings.max_question_chars
    if not question.strip() or len(question) > limit:
        raise InvalidQuestion("câu hỏi trống hoặc quá dài", hint=f"hỏi ngắn gọn, tối đa {limit} "
                              "ký tự, ví dụ: 'xã nào trễ hạn nhiều nhất quý 3?'")
    path = path or dossier_path()
    today = today or dt.date.today()
    if mentions_question_log(fold(question).lower()):
        ensure_fresh(path)
    parsed = parse_question(question, vocabulary(path), today)
    if isinstance(parsed, Clarify | Refuse) and parsed.open:
        if model is None and settings.dossier_sql_enabled:
            model = client_from_settings(settings,
                                         timeout=settings.dossier_sql_timeout_seconds)
        written = TextToSQL(model).run(question, path, today) if model else None
        if written is not None:
            return written
    if isinstance(parsed, Refuse):
        return _answer("refuse", parsed.message)
    if isinstance(parsed, Clarify):
        return _answer("clarify", parsed.message)
    as_of = dt.datetime.combine(today, dt.time())  # overdue: due before today
    result = run_spec(parsed, path, as_of)
    log.info("dossier question answered", extra={"measure": parsed.measure.value,
                                                  "group": parsed.group, "rows": result["rows"]})
    return result
