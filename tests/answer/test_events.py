"""Life events: a situation told in everyday words leads to the procedure it needs.

Every sentence here is our own, written for these rules (never an eval item)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from motcua.answer.assistant import Assistant
from motcua.answer.events import LifeEvents, default_events
from motcua.catalog.indexing import ProcedureRepository, search_doc
from motcua.search.procedures import ProcedureDoc, ProcedureIndex
from motcua.store import Procedure, open_database
from tests.answer.conftest import _proc

_LAW = ("60/2014/QH13", "Luật Hộ tịch")
_NAMES = [
    ("E.1", "Thủ tục đăng ký khai tử"),
    ("E.2", "Thủ tục đăng ký khai tử có yếu tố nước ngoài"),
    ("E.3", "Giải quyết hưởng chế độ tử tuất"),
    ("E.4", "Thủ tục đăng ký khai sinh"),
    ("E.5", "Đăng ký thường trú"),
    ("E.6", "Thủ tục thông báo mất tem kiểm định phương tiện"),
    ("E.7", "Tách thửa hoặc hợp thửa đất."),
    ("E.8", "Thủ tục đổi tiền không đủ tiêu chuẩn lưu thông"),
    ("E.9", "Xóa đăng ký thường trú"),
    ("E.10", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh"),
]
CATALOG = [_proc(code, name, "Tờ khai", "Miễn phí", "3 Ngày làm việc", "Ngày làm việc", _LAW)
           for code, name in _NAMES]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    path: Path = tmp_path_factory.mktemp("events")
    db = open_database(f"sqlite:///{path / 'e.db'}")
    with db.session() as s:
        for parsed, raw in CATALOG:
            s.add(Procedure(code=parsed.code, name=parsed.name, levels="xa", field=parsed.field,
                            version=1, content_hash="h", source="test", data=parsed.to_dict(),
                            raw=raw))
    index = ProcedureIndex()
    index.build([search_doc(p) for p, _ in CATALOG])
    return Assistant(index, ProcedureRepository(db))


@pytest.mark.parametrize(("question", "key"), [
    ("ông nội tôi vừa qua đời tối qua", "death"),
    ("me toi moi mat hom kia, gia dinh can lam gi", "death"),
    ("chồng chị ấy đã mất vì tai nạn", "death"),
    ("vợ tôi mới sinh em bé ở bệnh viện huyện", "birth"),
    ("nhà em vừa có em bé, mẹ tròn con vuông", "birth"),
    ("cụ nhà tôi đã tạ thế hôm qua", "death"),
    ("gia đình đang lo hậu sự cho ông", "death"),
    ("tháng sau hai đứa thành hôn", "marriage"),
    ("vợ chồng tôi về quê sinh sống hẳn", "moving"),
    ("định lợp lại mái nhà bằng tôn", "building"),
    ("mở tạp hóa nhỏ ở đầu ngõ", "business"),
    ("mua lại căn nhà có sổ hồng của người quen", "land_transfer"),
    ("hai đứa định cưới nhau vào tháng sau", "marriage"),
    ("hai vợ chồng quyết định ly hôn", "divorce"),
    ("muốn nhận đứa cháu mồ côi về nuôi", "adoption"),
    ("bố mẹ muốn chia mảnh đất cho ba anh em, mỗi người một sổ", "land_split"),
    ("tôi mua lại miếng đất của hàng xóm", "land_transfer"),
    ("đất ông cha để lại chưa có sổ đỏ", "land_first"),
    ("tờ năm trăm nghìn bị chuột gặm mất góc", "damaged_money"),
    ("tien bi chay mot nua", "damaged_money"),
    ("sinh viên lên thành phố thuê trọ", "renting"),
    ("cả nhà chuyển về ở với ông bà ngoại", "moving"),
    ("mới mua xe máy cũ của bạn", "vehicle_used"),  # the used purchase is a transfer
    ("định xây nhà hai tầng trên đất của bố mẹ", "building"),
    ("tôi muốn mở quán tạp hóa trước cửa nhà", "business"),
    ("bố tôi sắp nghỉ hưu", "retirement"),
    ("nhà bị lũ cuốn trôi hết", "disaster"),
    ("con gái tôi sắp đi du học", "travel_abroad"),
    ("nhà bên lấn sang đất nhà tôi gần một mét", "land_dispute"),
    ("hai nhà cãi nhau mãi về ranh giới đất", "land_dispute"),
    ("muốn chặt keo rừng trồng để bán", "forest"),
])
def test_events_match_situation(question: str, key: str) -> None:
    event = default_events().match(question)
    assert event is not None and event.key == key


@pytest.mark.parametrize("question", [
    "tôi bị mất giấy khai sinh",  # lost papers, nobody died
    "mẹ tôi mất thẻ căn cước",
    "lệ phí cấp bản sao trích lục hộ tịch",
    "cho tôi hỏi giờ làm việc của xã",
])
def test_events_no_death_when_a_paper_is_lost(question: str) -> None:
    event = default_events().match(question)
    assert event is None or event.key != "death"


def test_events_situation_gets_its_procedure(assistant: Assistant) -> None:
    # "mất" alone would match the inspection stamp; the event's words find the death record
    r = assistant.ask("bố tôi vừa mất sáng nay, gia đình phải làm gì ở xã")
    assert r.status == "answer" and r.answer is not None and r.answer.code == "E.1"
    assert r.event == "Người thân qua đời"


def test_events_related_next_steps_without_the_answer(assistant: Assistant) -> None:
    r = assistant.ask("bà ngoại tôi qua đời rồi, làm thủ tục gì")
    assert r.answer is not None and r.answer.code == "E.1"
    related = [p.code for p in r.related]
    assert related[:2] == ["E.3", "E.9"] and "E.1" not in related


def test_events_question_naming_a_procedure_keeps_it(assistant: Assistant) -> None:
    # the situation is only the reason: the procedure named is what is asked
    r = assistant.ask("đăng ký thường trú cho mẹ tôi về ở cùng sau khi bố tôi qua đời")
    assert r.answer is not None and r.answer.code == "E.5"


def test_events_resolve_skips_variant_not_asked_for() -> None:
    index = ProcedureIndex()
    index.build([ProcedureDoc("V.1", "Thủ tục đăng ký khai tử có yếu tố nước ngoài",
                              levels=["xa"]),
                 ProcedureDoc("V.2", "Thủ tục đăng ký khai tử", levels=["xa"]),
                 ProcedureDoc("V.3", "Đăng ký lại khai tử", levels=["xa"])])
    events = default_events()
    assert events.resolve("đăng ký khai tử", index) == "V.2"
    assert events.resolve("đăng ký khai tử có yếu tố nước ngoài", index) == "V.1"
    assert events.resolve("cấp giấy phép lái tàu bay", index) is None


def test_events_resolve_prefers_commune_level() -> None:
    index = ProcedureIndex()
    index.build([ProcedureDoc("L.1", "Đăng ký thường trú", levels=["tinh"]),
                 ProcedureDoc("L.2", "Đăng ký thường trú", levels=["xa"])])
    assert default_events().resolve("đăng ký thường trú", index) == "L.2"


def test_events_first_match_in_data_order() -> None:
    # a divorce mentions marriage words too; the more specific event comes first in the data
    event = default_events().match("cưới nhau được 5 năm giờ muốn ly hôn")
    assert event is not None and event.key == "divorce"


@pytest.mark.parametrize("text", ["", "   ", "???", "a" * 500])
def test_events_match_odd_input_gives_none_or_event(text: str) -> None:
    assert default_events().match(text) is None


def test_events_data_is_well_formed() -> None:
    events = default_events()
    keys = [e.key for e in events.events]
    assert len(keys) == len(set(keys)) >= 20
    assert all(e.label and e.expand for e in events.events)
    assert isinstance(events, LifeEvents)


@pytest.mark.shared
@pytest.mark.parametrize(("question", "words"), [
    ("bố tôi vừa qua đời ở nhà, gia đình cần làm gì", "khai tử"),
    ("ông bà muốn chia đất cho hai anh em mỗi người một sổ", "tách thửa"),
    ("tiền bị cháy xém một góc thì đổi ở đâu", "đổi tiền"),
    ("nhà hàng xóm lấn đất sang vườn nhà tôi, xã giải quyết thế nào", "tranh chấp đất"),
])
def test_events_real_catalog(real_assistant: Any, question: str, words: str) -> None:
    r = real_assistant.ask(question)
    assert r.status == "answer" and r.answer is not None, (r.status, r.reason)
    assert words in r.answer.name.lower(), r.answer.name
