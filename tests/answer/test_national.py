"""Not in our catalog: a question for a national procedure we do not hold names it, with its
portal link, and hands over; a question the catalog answers is never refused for it."""

from __future__ import annotations

from pathlib import Path

import pytest

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
