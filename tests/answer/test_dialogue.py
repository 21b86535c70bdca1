"""Conversations: a follow-up refines the earlier request; matching words are asked back, not
refused. Every sentence here is our own, written for these rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua.answer.assistant import Assistant
from motcua.answer.dialogue import age_facts, is_aspect_question, new_words, topic_of
from motcua.catalog.indexing import ProcedureRepository, search_doc
from motcua.search.procedures import ProcedureIndex
from motcua.store import Procedure, open_database
from tests.answer.conftest import _proc

_LAW = ("60/2014/QH13", "Luật Hộ tịch")
_CU_TRU = ("68/2020/QH14", "Luật Cư trú")
FAMILY = [
    _proc("D.1", "Thủ tục đăng ký khai sinh", "Tờ khai đăng ký khai sinh", "Miễn phí",
          "3 Ngày làm việc", "Ngày làm việc", _LAW),
    _proc("D.2", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Tờ khai đăng ký khai sinh",
          "Miễn phí", "3 Ngày làm việc", "Ngày làm việc", _LAW),
    _proc("D.3", "Thủ tục đăng ký kết hôn", "Tờ khai đăng ký kết hôn", "Miễn phí",
          "5 Ngày làm việc", "Ngày làm việc", _LAW),
    _proc("D.4", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài", "Tờ khai đăng ký kết hôn",
          "1,000,000 Việt Nam Đồng", "15 Ngày làm việc", "Ngày làm việc", _LAW),
    _proc("D.5", "Thủ tục đăng ký khai tử", "Tờ khai đăng ký khai tử", "Miễn phí",
          "1 Ngày làm việc", "Ngày làm việc", _LAW),
    _proc("D.6", "Cấp thẻ căn cước cho người dưới 14 tuổi", "Tờ khai căn cước", "Miễn phí",
          "7 Ngày làm việc", "Ngày làm việc", _CU_TRU),
    _proc("D.7", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên", "Tờ khai căn cước",
          "Miễn phí", "7 Ngày làm việc", "Ngày làm việc", _CU_TRU),
    _proc("D.8", "Đăng ký tạm trú", "Tờ khai thay đổi thông tin cư trú", "15,000 Việt Nam Đồng",
          "3 Ngày làm việc", "Ngày làm việc", _CU_TRU),
    _proc("D.9", "Đăng ký thường trú", "Tờ khai thay đổi thông tin cư trú",
          "20,000 Việt Nam Đồng", "7 Ngày làm việc", "Ngày làm việc", _CU_TRU),
]


@pytest.fixture
def family(tmp_path: Path) -> Assistant:
    db = open_database(f"sqlite:///{tmp_path / 'd.db'}")
    with db.session() as s:
        for parsed, raw in FAMILY:
            s.add(Procedure(code=parsed.code, name=parsed.name, levels="xa", field=parsed.field,
                            version=1, content_hash="h", source="test", data=parsed.to_dict(),
                            raw=raw))
    index = ProcedureIndex()
    index.build([search_doc(p) for p, _ in FAMILY])
    return Assistant(index, ProcedureRepository(db))


def _top(family: Assistant, turns: list[str]) -> tuple[str, str | None]:
    r = family.ask(turns[-1], history=turns[:-1])
    return r.status, (r.answer.code if r.answer else None)


@pytest.mark.parametrize(("turns", "code"), [
    # facts about who and what happened, after the procedure was named
    (["cho tôi hỏi về thủ tục khai tử", "ông ngoại em vừa mất sáng nay tại nhà"], "D.5"),
    # an age decides between the two ID-card procedures
    (["làm thẻ căn cước cho con gái", "bé nhà em 11 tuổi"], "D.6"),
    (["làm thẻ căn cước cho con gái", "cháu 16 tuổi rồi ạ"], "D.7"),
    # a nationality makes it the foreign variant
    (["hỏi về đăng ký kết hôn", "vợ sắp cưới của anh là người Lào"], "D.4"),
    (["em muốn đăng ký khai sinh cho bé", "chồng em là người Hàn Quốc"], "D.2"),
    # fee, time or channel of the procedure already answered
    (["đăng ký thường trú cho con", "lệ phí bao nhiêu vậy"], "D.9"),
    (["đăng ký thường trú cho con", "nộp online được không ạ"], "D.9"),
    (["đăng ký thường trú cho con", "mấy ngày thì có kết quả"], "D.9"),
    # a complete new request starts a new topic
    (["đăng ký tạm trú", "giờ cho tôi hỏi thủ tục đăng ký khai sinh cho con mới sinh"], "D.1"),
])
def test_dialogue_follow_up_refines_earlier_request(family: Assistant, turns: list[str],
                                                    code: str) -> None:
    assert _top(family, turns) == ("answer", code)


def test_dialogue_reply_to_clarifying_question_settles_it(family: Assistant) -> None:
    first = family.ask("kết hôn")
    assert first.status == "clarify"
    assert _top(family, ["kết hôn", "chồng tương lai của tôi là người Nhật"]) == ("answer", "D.4")


def test_dialogue_situation_alone_leads_to_its_procedure(family: Assistant) -> None:
    # a death told without a request is the life event "Người thân qua đời": what the family
    # needs first is the death registration (answer/events.py), not a refusal
    r = family.ask("ông ngoại em vừa mất sáng nay tại nhà")
    assert r.answer is not None and r.answer.code == "D.5" and r.event == "Người thân qua đời"


@pytest.mark.parametrize("question", [
    "kết hôn với người nước ngoài", "tạm trú cho người đi thuê trọ",
])
def test_assistant_asks_back_when_words_match_procedures(family: Assistant,
                                                         question: str) -> None:
    r = family.ask(question)
    assert r.status in ("clarify", "answer") and r.procedures
    if r.status == "clarify":
        assert r.clarify_question


@pytest.mark.parametrize("question", [
    "hôm nay trời có mưa không", "giá vàng hôm nay bao nhiêu", "kể chuyện cười đi",
    "đội bóng nào mạnh nhất thế giới", "quán phở nào ngon nhất thành phố",
])
def test_assistant_still_refuses_chit_chat(family: Assistant, question: str) -> None:
    r = family.ask(question)
    assert r.status == "abstain" and r.reason == "off_topic"


@pytest.mark.parametrize(("text", "facts"), [
    ("con tôi 9 tuổi", "dưới 14 tuổi"), ("chau 15 tuoi", "từ đủ 14 tuổi trở lên"),
    ("bé 13t", "dưới 14 tuổi"), ("mẹ tôi 85 tuổi", "từ đủ 14 tuổi trở lên"),
    ("tôi có 2 con", ""), ("nộp 300 tuổi", ""), ("", ""),
])
def test_age_facts_in_catalog_words(text: str, facts: str) -> None:
    assert age_facts(text) == facts


@pytest.mark.parametrize(("text", "aspect"), [
    ("lệ phí bao nhiêu?", True), ("nộp online được không", True), ("mất bao lâu", True),
    ("bao lâu thì xong", True), ("cần giấy tờ gì", True), ("nop o dau", True),
    ("mất hộ chiếu ạ", False), ("cháu 9 tuổi", False), ("", False),
])
def test_is_aspect_question_cases(text: str, aspect: bool) -> None:
    assert is_aspect_question(text) is aspect


def test_topic_keeps_last_turns_and_new_words_skips_repeats() -> None:
    assert topic_of(["a", " ", "b", "c", "d"]) == "b c d"
    assert new_words("gia hạn giấy phép", "giấy phép nhà tôi hết hạn") == "gia"


def test_dialogue_pressed_option_name_settles_it(family: Assistant) -> None:
    # after a question back, the option's own name (a button press) is answered as it is,
    # not mixed with the earlier words
    first = family.ask("kết hôn")
    assert first.status == "clarify" and len(first.procedures) >= 2
    chosen = first.procedures[1]
    r = family.ask(chosen.name, history=["kết hôn"])
    assert r.status == "answer" and r.answer is not None and r.answer.code == chosen.code


def test_new_words_keeps_a_vocabulary_term_whole_when_the_turn_repeats_part_of_it() -> None:
    # "sổ" repeated alone must not leave "đỏ" alone: "sổ đỏ" is the land certificate
    assert "sổ đỏ" in new_words("sổ đỏ của bố tôi bị rách", "sổ cấp từ năm 2005")
    assert "bằng lái" in new_words("đổi bằng lái xe", "bằng cấp năm 2015 ạ")
    # repeated whole, the term is not carried twice
    assert new_words("sổ đỏ của bố", "sổ đỏ cấp năm 2005") == "của bố"
