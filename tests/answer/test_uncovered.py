"""Needs the catalog may not cover: asked for in everyday words, handed over, never answered
with an unrelated procedure; silent once the catalog holds them or the answer is about them.

Every sentence here is our own, written for these rules (never an eval item)."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua.answer.assistant import Assistant
from motcua.answer.uncovered import default_needs
from motcua.catalog.indexing import ProcedureRepository, search_doc
from motcua.search.procedures import ProcedureIndex
from motcua.store import Procedure, open_database
from tests.answer.conftest import _proc

_LAW = ("60/2014/QH13", "Luật Hộ tịch")


def _assistant(path: Path, names: list[tuple[str, str]]) -> Assistant:
    catalog = [_proc(code, name, "Tờ khai", "Miễn phí", "3 Ngày làm việc", "Ngày làm việc", _LAW)
               for code, name in names]
    db = open_database(f"sqlite:///{path / 'u.db'}")
    with db.session() as s:
        for parsed, raw in catalog:
            s.add(Procedure(code=parsed.code, name=parsed.name, levels="xa", field=parsed.field,
                            version=1, content_hash="h", source="test", data=parsed.to_dict(),
                            raw=raw))
    index = ProcedureIndex()
    index.build([search_doc(p) for p, _ in catalog])
    return Assistant(index, ProcedureRepository(db))


_HELD = [
    ("U.1", "Cấp hộ chiếu phổ thông ở trong nước"),
    ("U.2", "Miễn, giảm tiền thuê đất trong trường hợp thiên tai, hỏa hoạn"),
    ("U.3", "Giải quyết hưởng lương hưu, trợ cấp hàng tháng đối với cán bộ xã"),
    ("U.4", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"),
    ("U.5", "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp"),
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _assistant(tmp_path_factory.mktemp("uncovered"), _HELD)


@pytest.mark.parametrize(("question", "key"), [
    ("tôi muốn đi xuất khẩu lao động Đài Loan", "labour_abroad"),
    ("con trai tôi định đi làm việc ở Hàn Quốc theo hợp đồng", "labour_abroad"),
    ("di xuat khau lao dong nhat ban can giay to gi", "labour_abroad"),
    ("lũ cuốn trôi ruộng ngô, xã có hỗ trợ giống để trồng lại không", "disaster_recovery"),
    ("hạn hán làm chết lúa, nhà nước có bù thiệt hại không", "disaster_recovery"),
    ("mẹ tôi ngoài tám mươi, muốn xin tiền người già hằng tháng", "social_assistance"),
    ("làm hồ sơ trợ cấp cho người khuyết tật nặng ở đâu", "social_assistance"),
    ("công ty cho nghỉ việc, tôi muốn lĩnh tiền thất nghiệp", "unemployment"),
    ("cả nhà chuyển vào Nam, cần làm thủ tục chuyển trường cho cháu", "school_transfer"),
])
def test_match_everyday_request_finds_need(question: str, key: str) -> None:
    need = default_needs().match(question)
    assert need is not None and need.key == key


@pytest.mark.parametrize("question", [
    "đi du lịch Nhật Bản cần làm hộ chiếu không",
    "gia hạn bảo hiểm sắp hết hạn có được hỗ trợ giống không",  # "bảo" is no storm
    "nhà tôi bị thiên tai, có được giảm tiền thuê đất không",     # asks for no support
    "lương hưu của bố tôi chưa được nhận",
])
def test_match_other_requests_find_no_need(question: str) -> None:
    assert default_needs().match(question) is None


@pytest.mark.parametrize("question", [
    "tôi muốn đi xuất khẩu lao động Nhật Bản thì đăng ký ở đâu",
    "mưa đá làm hỏng vườn cam, xã có hỗ trợ giống để khôi phục sản xuất không",
    "bà tôi 90 tuổi sống một mình, xin trợ cấp xã hội thế nào",
    "tôi bị mất việc, làm sao để hưởng trợ cấp thất nghiệp",
])
def test_ask_uncovered_need_hands_over(assistant: Assistant, question: str) -> None:
    r = assistant.ask(question)
    assert (r.status, r.reason) == ("abstain", "not_in_catalog")
    assert r.answer is None and not r.procedures and "Gặp cán bộ" in r.message


@pytest.mark.parametrize(("question", "code"), [
    # the asker names a procedure we hold; the need is only the reason for it
    ("xin phiếu lý lịch tư pháp để đi xuất khẩu lao động", "U.4"),
    ("ủy quyền cho vợ lĩnh thay trợ cấp thất nghiệp", "U.5"),
])
def test_ask_held_procedure_for_a_need_is_answered(assistant: Assistant, question: str,
                                                  code: str) -> None:
    r = assistant.ask(question)
    assert r.status == "answer" and r.answer is not None and r.answer.code == code


def test_ask_need_the_catalog_holds_is_answered(tmp_path: Path) -> None:
    held = [*_HELD, ("U.9", "Hỗ trợ khôi phục sản xuất bị thiệt hại do thiên tai")]
    r = _assistant(tmp_path, held).ask("lũ quét làm hỏng ruộng, xã có hỗ trợ giống để khôi "
                                       "phục sản xuất không")
    assert r.status == "answer" and r.answer is not None and r.answer.code == "U.9"
