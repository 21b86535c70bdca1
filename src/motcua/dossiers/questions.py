"""The assistant's own question log, copied into the analytics store to ask about it.

Why a copy: citizens' questions live in the main store (``messages``, already redacted of
phone, ID and account numbers when they were written); officials ask about them with the
same words as about dossiers ("tuần này người dân hỏi gì nhiều nhất mà chưa có câu trả
lời?"), so the log is copied into a ``questions`` table beside ``dossiers``. The copy is
refreshed when a question about the log is asked and the last copy is older than a minute
(or with ``motcua data sync-questions``); it replaces the table in one transaction. A question
"found no procedure" when the assistant abstained because the catalog has none for it
(``not_in_catalog``) or none close enough (``low_confidence``); off-topic, gibberish,
injection and private-data refusals are not needs and are not counted as unanswered.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
import tempfile
from pathlib import Path

from motcua._errors import StoreError
from motcua._settings import get_settings
from motcua.dossiers.store import connect, writing
from motcua.text import fold

__all__ = ["TOPIC", "UNANSWERED_SQL", "ensure_fresh", "mentions_question_log", "question_key",
           "sync_questions"]

log = logging.getLogger(__name__)
UNANSWERED_SQL = "(status = 'abstain' AND reason IN ('not_in_catalog', 'low_confidence'))"
_FRESH = dt.timedelta(seconds=60)
TOPIC = (r"\b(?:nguoi dan|cong dan|ba con|nguoi ta|moi nguoi)\s+(?:hay\s+)?hoi\b|"
         r"\bcau hoi\b|\bduoc hoi\b")  # on folded text
_TOPIC = re.compile(TOPIC)


def question_key(text: str) -> str:
    """The same question however it was typed: folded words, nothing else."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text).lower()))


def mentions_question_log(folded: str) -> bool:
    return bool(_TOPIC.search(folded))


def _unit_names() -> dict[str, str]:
    from motcua.communes.units import list_units

    return {u.code: u.name for u in list_units()}


def sync_questions(target: Path, db_url: str | None = None) -> int:
    """Copy every citizen question with the assistant's verdict; returns the rows copied."""
    from sqlalchemy import and_, select
    from sqlalchemy.orm import aliased

    from motcua.store.db import open_database
    from motcua.store.service import Conversation, Message

    db = open_database(db_url or get_settings().db_url)
    asked, answer = aliased(Message), aliased(Message)
    query = (select(asked.created_at, Conversation.commune_code, Conversation.commune_name,
                    Conversation.channel, asked.text, answer.status, answer.reason,
                    answer.procedure_code)
             .join(Conversation, Conversation.id == asked.conversation_id)
             .join(answer, and_(answer.conversation_id == asked.conversation_id,
                                answer.created_at == asked.created_at,
                                answer.role == "assistant"))
             .where(asked.role == "citizen"))
    names = _unit_names()
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "q.csv"
        n = 0
        with staged.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            with db.session() as session:
                for when, code, name, channel, text, status, reason, proc in \
                        session.execute(query):
                    stamp = when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo \
                        else when
                    writer.writerow([stamp, names.get(code or "", name), code, channel,
                                     text, question_key(text), status, reason, proc])
                    n += 1
        with writing(target) as con:
            con.execute("DELETE FROM questions")
            if n:
                con.execute(
                    "INSERT INTO questions SELECT * FROM read_csv(?, header=false, delim=',', "
                    "quote='\"', escape='\"', columns={'asked_at': 'TIMESTAMP', 'commune': "
                    "'VARCHAR', 'commune_code': 'VARCHAR', 'channel': 'VARCHAR', 'question': "
                    "'VARCHAR', 'question_key': 'VARCHAR', 'status': 'VARCHAR', 'reason': "
                    "'VARCHAR', 'procedure_code': 'VARCHAR'})", [str(staged)])
            con.execute("DELETE FROM questions_sync")
            con.execute("INSERT INTO questions_sync VALUES (?, ?)", [dt.datetime.now(), n])
    log.info("question log copied", extra={"rows": n})
    return n


def ensure_fresh(target: Path) -> None:
    """Refresh the copy when it is older than a minute; an import in progress elsewhere (the
    file locked) leaves the last copy in place."""
    import duckdb

    if target.exists():
        con = connect(target)
        try:
            row = con.execute("SELECT max(synced_at) FROM questions_sync").fetchone()
        except duckdb.CatalogException:  # a store written before the question log existed
            row = None
        finally:
            con.close()
        if row and row[0] and dt.datetime.now() - row[0] < _FRESH:
            return
    try:
        sync_questions(target)
    except StoreError as exc:
        log.warning("question log not refreshed: analytics store busy",
                    extra={"error": str(exc)})
