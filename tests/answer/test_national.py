"""Not in our catalog: a question for a national procedure we do not hold names it, with its
portal link, and hands over; a question the catalog answers is never refused for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from motcua.answer._words import adjacent
from motcua.answer.assistant import Assistant
from motcua.answer.national import NationalEntry, NationalNames, load_national_names, name_fit
from motcua.store import open_database
from motcua.store.national import NationalProcedure

URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
ENTRIES = [
    NationalEntry("2.000620", "Cấp Giấy phép bán lẻ rượu", "Phòng Kinh tế; Phòng Kinh tế",
                  "Lưu thông hàng hóa trong nước", URL + "1889"),
    NationalEntry("2.000233", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc "
                  "tại Việt Nam", "Sở Nội vụ", "Việc làm", URL + "749"),
    NationalEntry("1.001234", "Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm đối với cơ "
                  "sở sản xuất thực phẩm", "Sở Y tế", "An toàn thực phẩm", URL + "42"),
    # A twin of the catalog's own marriage registration under another code: never named.
    NationalEntry("9.000001", "Thủ tục đăng ký kết hôn", "UBND cấp xã", "Hộ tịch", URL + "7"),
]


@pytest.fixture
def national_assistant(assistant: Assistant) -> Assistant:
    assistant.national = NationalNames(ENTRIES)
    return assistant


@pytest.mark.parametrize(("question", "code"), [
    ("xin giấy phép bán lẻ rượu ở đâu", "2.000620"),
    ("mở quán bán rượu thì phải xin giấy phép bán lẻ rượu không", "2.000620"),
    ("xin giay phep ban le ruou o dau", "2.000620"),
    ("làm giấy phép lao động cho người nước ngoài làm việc tại xưởng", "2.000233"),
    ("cấp giấy chứng nhận an toàn thực phẩm cho cơ sở sản xuất bánh", "1.001234"),
])
def test_ask_national_procedure_not_held_names_it_and_hands_over(
        national_assistant: Assistant, question: str, code: str) -> None:
    r = national_assistant.ask(question)
    assert (r.status, r.reason) == ("abstain", "not_in_catalog")
    assert r.national is not None and r.national.code == code
    assert r.answer is None and not r.citations and not r.procedures
    assert r.national.name.rstrip(".") in r.message and r.national.url in r.message
    assert "Gặp cán bộ" in r.message


def test_ask_not_in_catalog_message_lists_each_agency_once(national_assistant: Assistant) -> None:
    r = national_assistant.ask("xin giấy phép bán lẻ rượu ở đâu")
    assert r.message.count("Phòng Kinh tế") == 1


@pytest.mark.parametrize("question", [
    "đăng ký kết hôn cần giấy tờ gì",
    "làm giấy khai sinh cho con",
    "dang ky tam tru o dau",
    "đăng ký thường trú cần những gì",
])
def test_ask_held_procedure_is_answered_despite_national_index(
        national_assistant: Assistant, question: str) -> None:
    r = national_assistant.ask(question)
    assert r.status == "answer" and r.reason is None and r.national is None


def test_ask_without_national_index_hands_over_without_a_name(assistant: Assistant) -> None:
    assert assistant.national is None
    r = assistant.ask("xin giấy phép bán lẻ rượu ở đâu")
    assert (r.status, r.reason, r.national) == ("abstain", "not_in_catalog", None)
    assert "Gặp cán bộ" in r.message and r.answer is None


def test_name_fit_rare_words_weigh_more() -> None:
    names = NationalNames(ENTRIES)
    rare = name_fit("bán lẻ rượu", ENTRIES[0].name, names.idf)
    common = name_fit("cấp giấy phép", ENTRIES[0].name, names.idf)
    assert rare > common


def test_load_national_names_leaves_out_what_the_catalog_holds(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'n.db'}")
    rows = [("1.000001", "Đăng ký khai sinh", "Bộ Tư pháp"),          # held by code
            ("1.000002", "Thủ tục đăng ký khai tử", "Bộ Tư pháp"),    # held ministry
            ("1.000009", "Đăng ký kết hôn (cấp xã)", "Bộ Y tế"),      # held by subject
            ("2.000620", "Cấp Giấy phép bán lẻ rượu", "Bộ Công thương")]
    with db.session() as s:
        for code, name, issuer in rows:
            s.add(NationalProcedure(code=code, name=name, issuer=issuer, agency="", field="",
                                    url=URL, source="t"))
    names = load_national_names(db, held_codes={"1.000001"},
                                held_names={"Thủ tục đăng ký kết hôn"})
    assert set(names.entries) == {"2.000620"}


def test_load_national_names_empty_store_disables_it(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'e.db'}")
    names = load_national_names(db, held_codes=set(), held_names=set())
    assert len(names) == 0 and names.best("giấy phép bán lẻ rượu") is None


def _no_twin(name: str) -> str | None:
    return None


SUBJECT_ENTRIES = [
    *ENTRIES[:2],
    NationalEntry("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ "
                  "trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng", "UBND cấp xã", "Bảo trợ xã hội",
                  URL + "2582"),
    NationalEntry("1.000111", "Hưởng chế độ thai sản đối với lao động nữ sinh con", "BHXH",
                  "Bảo hiểm xã hội", URL + "11"),
    NationalEntry("1.000222", "Đăng ký hỗ trợ tiền đóng học phí và chi phí sinh hoạt đối với "
                  "sinh viên", "Trường", "Giáo dục", URL + "22"),
    NationalEntry("1.000333", "Cấp giấy phép hoạt động điện lực thuộc thẩm quyền cấp của Ủy ban "
                  "nhân dân cấp tỉnh", "Sở Công Thương", "Điện", URL + "33"),
]
HELD = ["Đăng ký thành lập hộ kinh doanh", "Giải quyết hưởng chế độ thai sản",
        "Giải quyết hưởng lương hưu, trợ cấp hàng tháng đối với cán bộ xã",
        "Hỗ trợ chi phí phối giống nhân tạo gia súc"]


def _by_subject(question: str, answer: str, names: NationalNames | None = None,
                twin: Callable[[str], str | None] = _no_twin) -> str | None:
    names = names or NationalNames(SUBJECT_ENTRIES, held_names=HELD)
    ref = names.by_subject(question, answer, twin, fit=0.45, head_share=0.7, twin_fit=0.8)
    return ref.code if ref else None


@pytest.mark.parametrize(("question", "answer", "code"), [
    ("Tôi mở tiệm tạp hóa, muốn bán thêm rượu thì xin giấy phép bán lẻ rượu thế nào",
     "Đăng ký thành lập hộ kinh doanh Giấy đề nghị đăng ký hộ kinh doanh", "2.000620"),
    ("công ty tôi thuê kỹ sư người Hàn, làm giấy phép lao động cho anh ấy ở đâu",
     "Đăng ký thành lập hộ kinh doanh", "2.000233"),
    ("mẹ tôi ngoài 80 tuổi, muốn hưởng trợ cấp xã hội hàng tháng thì làm thế nào",
     "Giải quyết hưởng lương hưu, trợ cấp hàng tháng đối với cán bộ xã", "1.001776"),
    # the head ends before "thuộc thẩm quyền...": what is issued, not who issues it
    ("lắp điện mặt trời bán điện thì xin giấy phép hoạt động điện lực ở đâu",
     "Cấp giấy phép xây dựng", "1.000333"),
])
def test_by_subject_asked_thing_missing_from_answer_names_national(
        question: str, answer: str, code: str) -> None:
    assert _by_subject(question, answer) == code


@pytest.mark.parametrize(("question", "answer"), [
    # the answer itself has the words asked for
    ("xin giấy phép bán lẻ rượu ở đâu", "Cấp giấy phép bán lẻ rượu tại cửa hàng"),
    # the asked words are only the national name's scope (for whom), not its head
    ("lao động nữ sinh con thì hưởng chế độ thai sản thế nào", "Giải quyết hưởng chế độ "
     "thai sản"),
    # a shared word pair, but the national head is mostly something else
    ("xã có hỗ trợ tiền phối giống nhân tạo cho bò không", "Hỗ trợ chi phí phối giống nhân tạo "
     "gia súc"),
])
def test_by_subject_answer_covering_the_ask_is_kept(question: str, answer: str) -> None:
    assert _by_subject(question, answer) is None


def test_by_subject_words_a_held_name_has_are_not_a_new_subject() -> None:
    names = NationalNames(SUBJECT_ENTRIES, held_names=[*HELD, "Cấp giấy phép bán lẻ rượu"])
    assert _by_subject("xin giấy phép bán lẻ rượu", "Đăng ký thành lập hộ kinh doanh",
                       names) is None


def test_by_subject_twin_in_catalog_is_not_named() -> None:
    assert _by_subject("xin giấy phép bán lẻ rượu", "Đăng ký thành lập hộ kinh doanh",
                       twin=lambda name: "Cấp Giấy phép bán lẻ rượu") is None


def test_adjacent_pairs_skip_question_words() -> None:
    grams = adjacent("con sinh ở Trung Quốc, xin giấy phép lao động")
    assert "sinh trung" not in grams
    assert {"phep lao dong", "trung quoc"} <= grams


def test_ask_answer_lacking_the_asked_licence_hands_over(
        national_assistant: Assistant) -> None:
    r = national_assistant.ask("Vợ tôi người nước ngoài, đã đăng ký kết hôn, giờ xin giấy phép "
                               "lao động cho vợ đi làm thì làm sao")
    assert (r.status, r.reason) == ("abstain", "not_in_catalog")
    assert r.national is not None and r.national.code == "2.000233"


def test_name_fit_acronym_in_name_counts_as_its_words() -> None:
    # The catalog writes "BHXH" where the question says "bảo hiểm xã hội": the held name must
    # fit as well as a national one spelled out, or the question is handed elsewhere.
    held = "Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH"
    spelled = "Đăng ký, đăng ký lại, điều chỉnh đóng bảo hiểm xã hội tự nguyện; cấp sổ"
    question = "đóng bảo hiểm xã hội tự nguyện cho bà nội"
    assert name_fit(question, held) >= name_fit(question, spelled) - 0.05
