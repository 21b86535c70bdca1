"""Analytics for the officials' console: what citizens ask and where the catalog falls short.

Why aggregate in Python over a bounded window: the numbers are per day and commune over weeks,
a few thousand rows; one portable query keeps SQLite and PostgreSQL identical (their date
functions differ) and the code readable.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from motcua.store.db import Database
from motcua.store.models import utcnow
from motcua.store.service import Conversation, Feedback, Message

__all__ = ["summary"]


def summary(db: Database, *, days: int = 30, commune_code: str | None = None,
            top: int = 10) -> dict[str, Any]:
    """Questions per day and commune, top procedures, abstained and unhelpful questions,
    feedback rate; ``commune_code`` limits everything to one commune (an officer's view)."""
    since = utcnow() - timedelta(days=days)
    with db.session() as s:
        q = (select(Message, Conversation.commune_name, Conversation.commune_code)
             .join(Conversation, Conversation.id == Message.conversation_id)
             .where(Message.created_at >= since, Message.role.in_(("citizen", "assistant")))
             .order_by(Message.id))
        if commune_code is not None:
            q = q.where(Conversation.commune_code == commune_code)
        rows = s.execute(q).all()
        fq = (select(Feedback.message_id, Feedback.helpful, Feedback.comment)
              .join(Conversation, Conversation.id == Feedback.conversation_id)
              .where(Feedback.created_at >= since))
        if commune_code is not None:
            fq = fq.where(Conversation.commune_code == commune_code)
        feedback = {mid: (helpful, comment) for mid, helpful, comment in s.execute(fq).all()}

    per_day: Counter[tuple[str, str]] = Counter()
    procedures: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    abstained: list[dict[str, Any]] = []
    unhelpful: list[dict[str, Any]] = []
    last_question: dict[str, str] = {}
    answers = 0
    for msg, commune_name, _code in rows:
        if msg.role == "citizen":
            per_day[(msg.created_at.date().isoformat(), commune_name or "(không chọn)")] += 1
            last_question[msg.conversation_id] = msg.text
            continue
        answers += 1
        statuses[msg.status or "?"] += 1
        question = last_question.get(msg.conversation_id, "")
        if msg.status == "answer" and msg.procedure_code:
            procedures[msg.procedure_code] += 1
        if msg.status == "abstain":
            abstained.append({"question": question, "reason": msg.reason or "",
                              "at": msg.created_at})
        fb = feedback.get(msg.id)
        if fb is not None and not fb[0]:
            unhelpful.append({"question": question, "procedure_code": msg.procedure_code or "",
                              "comment": fb[1], "at": msg.created_at})
    rated = len(feedback)
    return {
        "days": days,
        "questions": sum(per_day.values()),
        "answers": answers,
        "statuses": dict(statuses),
        "per_day": [{"day": d, "commune": c, "count": n} for (d, c), n in sorted(per_day.items())],
        "top_procedures": [{"code": c, "count": n} for c, n in procedures.most_common(top)],
        "abstained": abstained[-50:][::-1],
        "unhelpful": unhelpful[-50:][::-1],
        "feedback_count": rated,
        "helpful_count": sum(1 for h, _ in feedback.values() if h),
        "feedback_rate": round(rated / answers, 3) if answers else 0.0,
    }
