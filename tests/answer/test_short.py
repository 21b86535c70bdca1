"""The short card: next step first, plain words, every line grounded in its citation."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.answer.schema import AskResponse, WhereFact
from motcua.answer.short import aspect_of
from motcua.eval.cards import ungrounded_short
from tests.answer._card_records import ONLINE_ONLY, REISSUE, respond

TODAY = dt.date(2026, 12, 3)


def _raw(code: str) -> dict:
    return {"X.1": REISSUE, "X.2": ONLINE_ONLY}[code]


def _lines(r: AskResponse, kind: str) -> list[str]:
    assert r.answer is not None
    return [f.text for f in r.answer.short_facts if f.kind == kind]


def test_short_card_where_comes_from_the_agency_field_cited() -> None:
    r = respond(REISSUE, today=TODAY)
    assert r.answer is not None
    where = [f for f in r.answer.short_facts if f.kind == "where"]
    # "Cục quản lý trật tự, xã hội" is not a commune agency ("xã hội" is not "xã")
    assert [f.text for f in where] == ["Nộp tại: Công an cấp Xã"]
    cite = next(c for c in r.citations if c.id == where[0].cite)
    assert cite.field == "co_quan_thuc_hien"
    assert "Bộ phận Một cửa" not in r.answer.short


def test_short_card_fee_merged_and_reduction_applied_for_today() -> None:
    r = respond(REISSUE, today=TODAY)
    fees = _lines(r, "fee")
    assert fees == ["Lệ phí: 70.000 đồng",
                    "Đến hết ngày 31/12/2026: chỉ thu 50% mức trên, tức 35.000 đồng"]
    assert ungrounded_short(r, _raw) == []


def test_short_card_expired_reduction_not_shown() -> None:
    fees = _lines(respond(REISSUE, today=dt.date(2027, 1, 2)), "fee")
    assert fees == ["Lệ phí: 70.000 đồng"]


def test_short_card_keeps_plan_facts_from_the_description() -> None:
    plan = " ".join(_lines(respond(REISSUE, today=TODAY), "plan"))
    assert "xác minh trong thời hạn 30 ngày" in plan
    assert "Giờ nhận hồ sơ: Giờ hành chính từ thứ 2 đến thứ 6" in plan


def test_short_card_checklist_short_names_grouped_by_case() -> None:
    r = respond(REISSUE, today=TODAY)
    assert r.answer is not None
    text = r.answer.short
    assert "☐ Tờ khai đề nghị cấp lại thẻ theo mẫu — 1 bản chính" in text
    assert "Nếu ủy quyền thực hiện thủ tục:\n☐ Văn bản ủy quyền — 1 bản sao" in text
    assert "Nếu nộp trực tuyến:\n☐ Mẫu điện tử tương tác — 1 bản chính" in text
    assert "Người tiếp nhận" not in text  # a note for officials stays in the details
    assert "Người tiếp nhận có trách nhiệm kiểm tra hồ sơ." in r.answer.text
    assert r.answer.text.index("Văn bản ủy quyền (được chứng thực)") > 0  # full sentence kept


def test_short_card_channel_asked_drops_other_channels_groups() -> None:
    r = respond(REISSUE, today=TODAY, question="nộp online thì cần gì")
    assert r.answer is not None
    assert "Nếu nộp trực tuyến:" in r.answer.short
    assert "Nếu nộp trực tiếp:" not in r.answer.short
    assert "Tờ khai giấy (nếu người" in r.answer.text  # still in the details


def test_short_card_online_only_implausible_fee_and_missing_unit() -> None:
    r = respond(ONLINE_ONLY, today=TODAY)
    assert r.answer is not None
    assert _lines(r, "online") == ["Chỉ nộp trực tuyến: dichvucong.gov.vn"]
    assert _lines(r, "where") == []  # nothing to walk to
    fee = _lines(r, "fee")[0]
    assert fee.startswith("Lệ phí: 40 đồng") and "hỏi cán bộ" in fee
    assert any("40 Việt Nam Đồng" in w and "hỏi cán bộ" in w for w in r.answer.warnings)
    time = _lines(r, "time")[0]
    assert "không ghi đơn vị" in time and "hỏi cán bộ" in time
    assert ungrounded_short(r, _raw) == []


def test_short_card_commune_profile_lines_kept_without_catalog_citation() -> None:
    local = [WhereFact(text="Quầy số 2 (Tư pháp)", commune="Xã A", counter="2")]
    r = respond(REISSUE, today=TODAY, where=local)
    assert r.answer is not None
    assert "Quầy số 2 (Tư pháp)" in _lines(r, "local")
    assert ungrounded_short(r, _raw) == []


@pytest.mark.parametrize(("question", "aspect"), [
    ("lệ phí bao nhiêu?", "fee"), ("còn lệ phí bao nhiêu?", "fee"), ("mất bao lâu?", "time"),
    ("mấy ngày thì xong", "time"), ("nop online duoc ko", "online"), ("ở đâu?", "where"),
    ("nộp ở chỗ nào", "where"), ("cần giấy tờ gì", "papers"), ("cảm ơn", None),
])
def test_aspect_of_reads_the_one_thing_asked(question: str, aspect: str | None) -> None:
    assert aspect_of(question) == aspect


@pytest.mark.parametrize(("aspect", "kinds"), [
    ("fee", {"name", "fee"}), ("time", {"name", "time", "plan"}),
    ("online", {"name", "online", "help"}), ("where", {"name", "where", "online", "help"}),
    ("papers", {"name", "paper", "case"}),
])
def test_short_card_aspect_is_the_one_fact(aspect: str, kinds: set[str]) -> None:
    r = respond(REISSUE, today=TODAY, aspect=aspect)
    assert r.answer is not None and r.answer.aspect == aspect
    assert {f.kind for f in r.answer.short_facts} == kinds
    assert ungrounded_short(r, _raw) == []


def test_short_card_online_aspect_without_online_channel_says_so() -> None:
    raw = dict(REISSUE, cach_thuc_thuc_hien=REISSUE["cach_thuc_thuc_hien"].split("Trực tuyến7")[0])
    r = respond(raw, aspect="online")
    assert _lines(r, "check") and "không ghi cách nộp trực tuyến" in _lines(r, "check")[0]


def test_short_card_follow_up_in_conversation_gets_one_line(assistant) -> None:
    r = assistant.ask("lệ phí bao nhiêu?", history=["đăng ký tạm trú"])
    assert r.status == "answer" and r.answer is not None and r.answer.aspect == "fee"
    assert r.answer.short.splitlines()[1:] == ["Lệ phí: 15.000 đồng"]
    first = assistant.ask("đăng ký tạm trú")
    assert first.answer is not None and first.answer.aspect is None


@pytest.mark.parametrize(("turn", "aspect"), [
    ("nop online duoc ko", "online"), ("mất bao lâu?", "time"), ("ở đâu?", "where"),
    ("còn lệ phí bao nhiêu?", "fee"),
])
def test_short_card_follow_ups_typed_loosely_get_their_fact(assistant, turn: str,
                                                            aspect: str) -> None:
    r = assistant.ask(turn, history=["đăng ký tạm trú"])
    assert r.status == "answer" and r.answer is not None and r.answer.code == "T.3"
    assert r.answer.aspect == aspect
    assert len(r.answer.short) < 300


def test_short_card_agency_field_run_on_text_is_not_a_place() -> None:
    junk = "Cơ quan thực hiện chứng thực tiến hành chụp từ bản chính " + "và ghi lời chứng " * 12
    raw = dict(REISSUE, co_quan_thuc_hien=junk, co_quan_co_tham_quyen="Không có thông tin")
    r = respond(raw, today=TODAY)
    assert _lines(r, "where") == ["Thực hiện tại: Cấp xã (hỏi bộ phận một cửa nơi bạn cư trú)"]
    assert ungrounded_short(r, _raw_of(raw)) == []


def _raw_of(raw: dict):
    return lambda code: raw
