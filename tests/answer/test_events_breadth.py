"""Life events added for breadth (issue 9): sentences written for these tests, never eval
items. Matching is on folded text, so each event is also checked against the everyday
sentences whose folded words look like it."""

import pytest

from motcua.answer.events import default_events


@pytest.mark.parametrize(("question", "key"), [
    ("đàn lợn nhà tôi bị dịch chết gần hết", "livestock_disease"),
    ("con gà bị cúm phải tiêu hủy cả chuồng", "livestock_disease"),
    ("trâu bò trong thôn bị lở mồm long móng", "livestock_disease"),
    ("vùng này đang có dịch tả lợn châu phi", "livestock_disease"),
    ("rừng keo nhà tôi bị bão làm gãy hết", "forest_damage"),
    ("cháy rừng trồng trên đồi", "forest_damage"),
])
def test_events_breadth_match_situation(question: str, key: str) -> None:
    event = default_events().match(question)
    assert event is not None and event.key == key


def test_events_breadth_father_is_not_an_ox() -> None:
    event = default_events().match("bố tôi chết vì bệnh tim")  # "bố" folds like "bò"
    assert event is not None and event.key == "death"


@pytest.mark.parametrize("question", [
    "con lớn nhà tôi bị bệnh chết",  # "con lớn" (the eldest child) folds like "con lợn"
    "bão làm sập mái nhà",  # no forest: not the planted-forest check
    "cây héo chết hết",  # "héo" folds like "heo"
])
def test_events_breadth_look_alikes_are_not_new_events(question: str) -> None:
    event = default_events().match(question)
    assert event is None or event.key not in ("livestock_disease", "forest_damage")


@pytest.mark.parametrize("question", [
    "tôi cho thuê nhà trọ thì khai thuế thế nào",
    "cho thuê phòng cho sinh viên",
])
def test_events_breadth_landlord_is_not_a_tenant(question: str) -> None:
    event = default_events().match(question)
    assert event is None or event.key != "renting"
