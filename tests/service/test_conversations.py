"""The service repository on SQLite and PostgreSQL: exchanges, feedback, handovers, purge."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from motcua._errors import InputError, NotFound
from motcua.answer.schema import AnswerCard, AskResponse, ProcedureRef
from motcua.service import analytics
from motcua.service import conversations as conv
from motcua.store.db import Database, open_database
from motcua.store.service import AuditEntry, Conversation, Feedback, Handover, Message

ANSWER = AskResponse(status="answer", message="Thủ tục bạn cần:",
                     procedures=[ProcedureRef(code="1.001193", name="Khai sinh", score=2.0)],
                     answer=AnswerCard(code="1.001193", name="Khai sinh", text="..."))
ABSTAIN = AskResponse(status="abstain", message="Xin lỗi.", reason="off_topic")


def _count(db: Database, table: type) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def test_conversations_exchange_history_and_redaction(db: Database) -> None:
    ex = conv.record_exchange(db, question="khai sinh, sđt 0912345678", response=ANSWER,
                              commune_code="06187", commune_name="Phường Kỳ Lừa")
    ex2 = conv.record_exchange(db, question="còn lệ phí?", response=ABSTAIN,
                               conversation_id=ex.conversation_id)
    assert ex2.conversation_id == ex.conversation_id and ex2.message_id > ex.message_id
    assert conv.history(db, ex.conversation_id) == ["khai sinh, sđt [số điện thoại]",
                                                   "còn lệ phí?"]
    view = conv.get_conversation(db, ex.conversation_id, commune_code="06187")
    assert [m["role"] for m in view.messages] == ["citizen", "assistant", "citizen", "assistant"]
    assert view.messages[1]["procedure_code"] == "1.001193"
    with pytest.raises(NotFound):
        conv.get_conversation(db, ex.conversation_id, commune_code="06385")


def test_conversations_unknown_id_stores_nothing(db: Database) -> None:
    with pytest.raises(NotFound):
        conv.record_exchange(db, question="x", response=ANSWER, conversation_id="f" * 32)
    assert _count(db, Message) == 0 and _count(db, Conversation) == 0


def test_conversations_feedback_only_for_assistant_messages(db: Database) -> None:
    ex = conv.record_exchange(db, question="khai sinh", response=ANSWER)
    with pytest.raises(NotFound):
        conv.add_feedback(db, conversation_id=ex.conversation_id,
                          message_id=ex.message_id - 1, helpful=True)
    conv.add_feedback(db, conversation_id=ex.conversation_id, message_id=ex.message_id,
                      helpful=False, comment="gọi 0912345678")
    with db.session() as s:
        assert s.scalars(select(Feedback.comment)).one() == "gọi [số điện thoại]"


def test_conversations_handover_reply_close_inbox(db: Database) -> None:
    ex = conv.record_exchange(db, question="khai sinh", response=ANSWER, commune_code="06187",
                              commune_name="Phường Kỳ Lừa")
    assert conv.request_handover(db, conversation_id=ex.conversation_id, note="gấp") == "waiting"
    assert [i["conversation_id"] for i in conv.inbox(db, commune_code="06187")] == [
        ex.conversation_id]
    assert conv.inbox(db, commune_code="06385") == []
    assert len(conv.inbox(db, commune_code=None)) == 1
    with pytest.raises(InputError):
        conv.officer_reply(db, conversation_id=ex.conversation_id, text="  ", actor="cb",
                           commune_code="06187")
    with pytest.raises(NotFound):
        conv.officer_reply(db, conversation_id=ex.conversation_id, text="x", actor="cb",
                           commune_code="06385")
    conv.officer_reply(db, conversation_id=ex.conversation_id, text="Mời đến quầy 1",
                       actor="cb", commune_code="06187")
    polled = conv.messages_after(db, ex.conversation_id, ex.message_id)
    assert polled["handover"] == "answered"
    assert [m["role"] for m in polled["messages"]] == ["citizen", "officer"]
    conv.close_handover(db, conversation_id=ex.conversation_id, actor="cb", commune_code=None)
    assert conv.inbox(db, commune_code="06187") == []
    assert len(conv.inbox(db, commune_code="06187", status="closed")) == 1
    with db.session() as s:
        assert set(s.scalars(select(AuditEntry.action)).all()) == {"reply", "close"}


def test_analytics_summary_counts_gaps(db: Database) -> None:
    a = conv.record_exchange(db, question="khai sinh", response=ANSWER, commune_code="06187",
                             commune_name="Phường Kỳ Lừa")
    conv.record_exchange(db, question="thời tiết", response=ABSTAIN, commune_code="06385",
                         commune_name="Xã Hữu Lũng")
    conv.add_feedback(db, conversation_id=a.conversation_id, message_id=a.message_id,
                      helpful=False, comment="thiếu")
    s = analytics.summary(db)
    assert s["questions"] == 2 and s["answers"] == 2
    assert s["top_procedures"] == [{"code": "1.001193", "count": 1}]
    assert [x["question"] for x in s["abstained"]] == ["thời tiết"]
    assert [x["question"] for x in s["unhelpful"]] == ["khai sinh"]
    assert s["feedback_rate"] == 0.5
    assert {r["commune"] for r in s["per_day"]} == {"Phường Kỳ Lừa", "Xã Hữu Lũng"}
    only = analytics.summary(db, commune_code="06385")
    assert only["questions"] == 1 and only["feedback_count"] == 0


def test_conversations_concurrent_writes_bad_one_fails_alone(db: Database) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def ask(i: int) -> object:
        cid = "e" * 32 if i % 10 == 0 else None
        try:
            return conv.record_exchange(db, question=f"câu {i}", response=ANSWER,
                                        conversation_id=cid)
        except NotFound as exc:
            return exc

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(ask, range(60)))
    failed = [r for r in results if isinstance(r, NotFound)]
    stored = [r for r in results if isinstance(r, conv.Exchange)]
    assert len(failed) == 6 and len(stored) == 54
    assert len({r.message_id for r in stored}) == 54
    assert _count(db, Message) == 108 and _count(db, Conversation) == 54


def test_conversations_officer_reply_keeps_centre_phone(db: Database) -> None:
    ex = conv.record_exchange(db, question="khai sinh", response=ANSWER, commune_code="06187")
    conv.officer_reply(db, conversation_id=ex.conversation_id, actor="cb", commune_code="06187",
                       text="Gọi bộ phận một cửa: 0205 3812 345")
    last = conv.messages_after(db, ex.conversation_id)["messages"][-1]
    assert last["text"] == "Gọi bộ phận một cửa: 0205 3812 345"


def test_conversations_writes_from_two_processes(tmp_path) -> None:
    import multiprocessing

    url = f"sqlite:///{tmp_path / 'mp.db'}"
    open_database(url).dispose()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        counts = pool.map(_write_many, [url, url])
    assert counts == [40, 40]
    db = open_database(url)
    assert _count(db, Message) == 160
    assert (tmp_path / "mp.db.write-lock").exists()


def _write_many(url: str) -> int:
    from concurrent.futures import ThreadPoolExecutor

    db = open_database(url, migrate=False)
    with ThreadPoolExecutor(8) as pool:
        done = list(pool.map(lambda i: conv.record_exchange(db, question=f"q{i}",
                                                            response=ANSWER), range(40)))
    return len(done)


def test_conversations_handover_stays_with_its_commune_after_commune_change(
        db: Database) -> None:
    """Handed over in A, then the citizen picks B: A's officers keep it (inbox, page, reply,
    close), B's neither see nor open it until the citizen hands over in B too."""
    a, b = "06187", "06385"
    ex = conv.record_exchange(db, question="khai sinh", response=ANSWER, commune_code=a,
                              commune_name="Phường Kỳ Lừa")
    cid = ex.conversation_id
    conv.request_handover(db, conversation_id=cid, note="gấp")
    conv.record_exchange(db, question="còn lệ phí?", response=ABSTAIN, conversation_id=cid,
                         commune_code=b, commune_name="Xã Hữu Lũng")
    [item] = conv.inbox(db, commune_code=a)
    assert (item["conversation_id"], item["commune_code"], item["commune_name"]) == (
        cid, a, "Phường Kỳ Lừa")
    assert conv.inbox(db, commune_code=b) == []
    view = conv.get_conversation(db, cid, commune_code=a)
    assert (view.handover_status, view.commune_code, view.commune_name) == (
        "waiting", a, "Phường Kỳ Lừa")
    for act in (lambda: conv.get_conversation(db, cid, commune_code=b),
                lambda: conv.officer_reply(db, conversation_id=cid, text="x", actor="b",
                                           commune_code=b),
                lambda: conv.close_handover(db, conversation_id=cid, actor="b",
                                            commune_code=b)):
        with pytest.raises(NotFound):
            act()
    conv.officer_reply(db, conversation_id=cid, text="Mời đến quầy 1", actor="a",
                       commune_code=a)
    assert conv.messages_after(db, cid)["handover"] == "answered"

    assert conv.request_handover(db, conversation_id=cid) == "waiting"  # now in B: B's own
    assert [i["commune_code"] for i in conv.inbox(db, commune_code=b)] == [b]
    assert conv.get_conversation(db, cid, commune_code=b).handover_status == "waiting"
    assert conv.get_conversation(db, cid, commune_code=a).handover_status == "answered"
    assert len(conv.inbox(db, commune_code=None)) == 2 and _count(db, Handover) == 2

    conv.close_handover(db, conversation_id=cid, actor="a", commune_code=a)
    assert conv.inbox(db, commune_code=a) == []
    assert [i["status"] for i in conv.inbox(db, commune_code=b)] == ["waiting"]
    assert conv.messages_after(db, cid)["status"] == "handover"  # B's is still open
    conv.close_handover(db, conversation_id=cid, actor="b", commune_code=b)
    assert conv.messages_after(db, cid)["status"] == "closed"
    assert len(conv.inbox(db, commune_code=a, status="closed")) == 1


def test_conversations_never_handed_over_reached_by_current_commune_only(db: Database) -> None:
    ex = conv.record_exchange(db, question="khai sinh", response=ANSWER, commune_code="06187")
    conv.record_exchange(db, question="tiếp", response=ANSWER,
                         conversation_id=ex.conversation_id, commune_code="06385")
    assert conv.get_conversation(db, ex.conversation_id, commune_code="06385").messages
    with pytest.raises(NotFound):
        conv.get_conversation(db, ex.conversation_id, commune_code="06187")


@pytest.mark.parametrize("commune", [None, "06187"])
def test_conversations_handover_twice_at_once_one_row(db: Database, commune: str | None) -> None:
    """A double click: many handovers of one conversation at the same moment give one row and
    no error (with or without a commune selected)."""
    import threading

    ex = conv.record_exchange(db, question="khai sinh", response=ANSWER, commune_code=commune,
                              commune_name="Phường Kỳ Lừa" if commune else None)
    start, errors = threading.Barrier(4), []

    def click() -> None:
        start.wait()
        try:
            conv.request_handover(db, conversation_id=ex.conversation_id, note="cần gặp cán bộ")
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=click) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.session() as s:
        rows = s.scalars(select(Handover).where(
            Handover.conversation_id == ex.conversation_id)).all()
        assert [r.status for r in rows] == ["waiting"]


def test_conversations_no_commune_handover_is_unique_in_the_store(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    ex = conv.record_exchange(db, question="khai sinh", response=ANSWER)
    conv.request_handover(db, conversation_id=ex.conversation_id)
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Handover(conversation_id=ex.conversation_id, commune_code=None, status="waiting"))
