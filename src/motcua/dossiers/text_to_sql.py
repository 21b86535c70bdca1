"""A language model writes the SQL when the deterministic parser does not understand a question.

Why optional and fenced in: the parser answers the supported shapes exactly and says so when it
cannot; a province that runs a local model (any OpenAI-compatible server, ``MOTCUA_LLM_*``) may
let it try the rest ("thời gian giải quyết trung bình của thủ tục đăng ký kết hôn"). Its SQL is
never trusted: it must pass the same validator as ours (one SELECT, only the dossier and
question tables, no table functions, a LIMIT of at most ``MAX_ROWS``), it runs on the read-only
connection without external access, and the answer says that a model wrote the query and shows
it, so the official can check it. A model that is down, slow, or writes anything else leaves
the parser's own clarifying question or refusal in place: never a guess.

The model is only asked where the parser declined for want of understanding (``open``), never
where it refused on purpose (personal data, writing, forecasts, facts the data does not hold).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from motcua._errors import ExternalServiceError
from motcua._llm import ChatClient
from motcua.dossiers.schema import TABLE, Channel, Status
from motcua.dossiers.store import select_rows

__all__ = ["SYSTEM_PROMPT", "TextToSQL", "extract_sql"]

log = logging.getLogger(__name__)
_DECLINE = "KHONG_TRA_LOI"
_FENCE = re.compile(r"```(?:sql)?\s*(.*?)```", re.IGNORECASE | re.DOTALL)

SYSTEM_PROMPT = f"""Bạn viết đúng một câu SQL (DuckDB) trả lời câu hỏi thống kê của cán bộ.
Bảng {TABLE}: một dòng là một hồ sơ một cửa.
  code VARCHAR (mã hồ sơ), procedure_code VARCHAR, procedure_name VARCHAR, field VARCHAR
  (lĩnh vực), commune VARCHAR (xã/phường tiếp nhận, ví dụ 'Xã Na Sầm'), commune_code VARCHAR,
  channel VARCHAR ({", ".join(repr(c.value) for c in Channel)}: trực tiếp, trực tuyến, bưu chính),
  received_at TIMESTAMP (ngày tiếp nhận), due_at TIMESTAMP (ngày hẹn trả),
  result_at TIMESTAMP (ngày có kết quả), returned_at TIMESTAMP (ngày trả kết quả),
  status VARCHAR ({", ".join(repr(s.value) for s in Status)}),
  paid_online BOOLEAN, digitised BOOLEAN.
Bảng questions: câu hỏi người dân gửi trợ lý.
  asked_at TIMESTAMP, commune VARCHAR, channel VARCHAR, question VARCHAR, status VARCHAR.
Quy tắc: chỉ một câu SELECT, chỉ dùng hai bảng trên, luôn có LIMIT (tối đa 1000), không
dùng hàm đọc tệp. Trả lời bằng SQL trong khối ```sql ... ```, không giải thích. Nếu câu hỏi
không trả lời được bằng hai bảng này, chỉ trả lời {_DECLINE}."""


def extract_sql(reply: str) -> str | None:
    """The SQL in a model's reply: a fenced block, else the bare reply; None when it declined."""
    text = reply.strip()
    if not text or _DECLINE in text:
        return None
    fenced = _FENCE.search(text)
    sql = (fenced.group(1) if fenced else text).strip().rstrip(";").strip()
    return sql or None


class TextToSQL:
    """Asks ``model`` for SQL, validates it, runs it read-only; the answer or None."""

    def __init__(self, model: ChatClient) -> None:
        self.model = model

    def run(self, question: str, path: Path, today: dt.date) -> dict[str, Any] | None:
        """The answer in the Interface's shape, marked ``"source": "llm"``; None when the model
        declined, failed, or wrote SQL the validator refuses (each logged, the SQL never run)."""
        from motcua.dossiers.query import UnsafeSQL, validate_sql

        messages = [{"role": "system", "content": SYSTEM_PROMPT},
                    {"role": "user", "content": f"Hôm nay là {today.isoformat()}. {question}"}]
        try:
            sql = extract_sql(self.model.complete(messages))
        except ExternalServiceError as exc:
            log.warning("text-to-SQL model unavailable", extra={"error": str(exc)})
            return None
        if sql is None:
            return None
        try:
            validate_sql(sql)
        except UnsafeSQL as exc:
            log.warning("text-to-SQL reply refused by the validator",
                        extra={"reason": exc.message, "sql": sql[:300]})
            return None
        return self._execute(sql, path)

    def _execute(self, sql: str, path: Path) -> dict[str, Any] | None:
        import duckdb

        try:
            rows = select_rows(path, sql)  # at most MAX_ROWS: the validator bounds the LIMIT
        except duckdb.Error as exc:
            log.warning("text-to-SQL query failed", extra={"error": str(exc)[:200]})
            return None
        table = [{n: _plain(v) for n, v in r.items()} for r in rows]
        value = next(iter(table[0].values())) if len(table) == 1 and len(table[0]) == 1 else None
        shown = f": {value}" if value is not None else f" ({len(table)} dòng)"
        message = (f"Kết quả{shown}. Câu hỏi này ngoài các dạng có sẵn nên câu truy vấn dưới "
                   "đây do mô hình ngôn ngữ viết (đã kiểm tra: chỉ đọc, chỉ bảng hồ sơ); hãy "
                   "xem lại câu truy vấn trước khi dùng số liệu.")
        return {"status": "answer", "value": value, "unit": "", "table": table, "sql": sql,
                "rows": len(table), "message": message, "source": "llm"}


def _plain(value: Any) -> Any:
    """JSON-ready: dates and timestamps as ISO text, decimals as floats."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
