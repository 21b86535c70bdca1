"""The check of a plain-language rewording against its short card: tables of bad rewordings."""

from __future__ import annotations

import pytest

from motcua.answer.plain_check import check_plain
from tests.answer._plain_cards import ID_CARD, ID_CARD_PLAIN, MARRIAGE, MARRIAGE_PLAIN


def test_check_plain_good_rewordings_pass() -> None:
    assert check_plain(MARRIAGE, MARRIAGE_PLAIN) == []
    assert check_plain(ID_CARD, ID_CARD_PLAIN) == []


def test_check_plain_card_itself_passes() -> None:
    assert check_plain(MARRIAGE, MARRIAGE.short) == []
    assert check_plain(ID_CARD, ID_CARD.short) == []


def test_check_plain_nfd_and_old_tone_placement_pass() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", MARRIAGE_PLAIN).replace("hòa", "hoà")
    assert check_plain(MARRIAGE, text) == []


# (what was changed, old words, new words, the kinds of problem expected)
MARRIAGE_BAD = [
    ("invented fee", "Không mất tiền: miễn phí.", "Lệ phí 50.000 đồng.",
     {"number_added", "amount_changed", "free_dropped"}),
    ("fee with no amount", "Không mất tiền: miễn phí.", "Miễn phí, nhưng phải trả tiền mẫu.",
     {"fee_added"}),
    ("fee dropped", "Không mất tiền: miễn phí.\n", "", {"free_dropped"}),
    ("days changed", "3 ngày", "5 ngày", {"number_added", "number_dropped", "amount_changed",
                                        "amount_dropped"}),
    ("days in words changed", "3 ngày", "hai ngày", {"number_dropped", "amount_changed",
                                                 "amount_dropped"}),
    ("vague time", "3 ngày", "vài ngày", {"number_in_words", "number_dropped", "amount_dropped"}),
    ("count changed", "— một bản chính", "— 2 bản chính", {"amount_changed"}),
    ("place changed", "Ủy ban nhân dân cấp xã,", "Ủy ban nhân dân cấp tỉnh,", {"name_unknown"}),
    ("place invented", "Làm xong", "Có thể nộp ở Bưu điện. Làm xong", {"name_unknown"}),
    ("commune invented", "ở Trung tâm", "ở xã Kỳ Lừa, Trung tâm", {"name_unknown"}),
    ("paper changed", "Giấy xác nhận tình trạng hôn nhân", "Giấy xác nhận cư trú",
     {"name_unknown", "paper_dropped"}),
    ("paper invented", "Bạn cần mang:", "Bạn cần mang Sổ hộ khẩu và:", {"name_unknown"}),
    ("paper dropped", "☐ Thẻ căn cước hoặc hộ chiếu — 1 bản chính, để cán bộ xem\n", "",
     {"paper_dropped"}),
    ("link invented", "dichvucong.gov.vn.", "dichvucong.gov.vn hoặc http://dvc-langson.vn.",
     {"link_added"}),
    ("link dropped", " trên dichvucong.gov.vn", "", {"link_dropped"}),
    ("phone invented", "Làm xong", "Gọi 0205 3812 345. Làm xong", {"number_added"}),
    ("date invented", "Làm xong", "Hạn chót 30/06/2026. Làm xong", {"number_added"}),
]


@pytest.mark.parametrize(("old", "new", "kinds"), [b[1:] for b in MARRIAGE_BAD],
                         ids=[b[0] for b in MARRIAGE_BAD])
def test_check_plain_marriage_bad_rewording_refused(old: str, new: str, kinds: set[str]) -> None:
    assert old in MARRIAGE_PLAIN
    problems = check_plain(MARRIAGE, MARRIAGE_PLAIN.replace(old, new, 1))
    assert {p.kind for p in problems} == kinds, problems


ID_CARD_BAD = [
    ("amount changed", "12.500 đồng", "12.000 đồng", {"number_added", "number_dropped",
                                                     "amount_changed", "amount_dropped"}),
    ("amount in thousands words", "12.500 đồng", "12 nghìn rưỡi",
     {"number_added", "number_dropped", "amount_changed", "amount_dropped"}),
    ("time in vague words", "7 ngày", "mươi ngày", {"number_in_words", "number_dropped",
                                                   "amount_dropped"}),
    ("date changed", "31 tháng 12 năm 2026", "30 tháng 6 năm 2026",
     {"number_added", "number_dropped"}),
    ("percent changed", "50%", "30%", {"number_added", "number_dropped", "amount_changed",
                                       "amount_dropped"}),
    ("called free", "Tiền phải trả:", "Miễn phí, trừ khi", {"free_added"}),
    ("police level changed", "Công an cấp xã", "Công an cấp tỉnh", {"name_unknown"}),
    ("too long", "Mang theo:", "Mang theo:" + " Bạn nhớ nhé." * 80, {"too_long"}),
]


@pytest.mark.parametrize(("old", "new", "kinds"), [b[1:] for b in ID_CARD_BAD],
                         ids=[b[0] for b in ID_CARD_BAD])
def test_check_plain_id_card_bad_rewording_refused(old: str, new: str, kinds: set[str]) -> None:
    assert old in ID_CARD_PLAIN
    problems = check_plain(ID_CARD, ID_CARD_PLAIN.replace(old, new, 1))
    assert {p.kind for p in problems} == kinds, problems


def test_check_plain_swapped_channel_fees_refused() -> None:
    """The same figures, said of the other channel: refused."""
    swapped = ID_CARD_PLAIN.replace("trực tiếp 50.000 đồng, nộp trực tuyến 25.000 đồng",
                                    "trực tiếp 25.000 đồng, nộp trực tuyến 50.000 đồng")
    assert [p.kind for p in check_plain(ID_CARD, swapped)] == ["channel_changed"] * 2
    after = ID_CARD_PLAIN.replace("nộp trực tiếp 50.000 đồng, nộp trực tuyến 25.000 đồng",
                                  "50.000 đồng khi nộp trực tiếp, 25.000 đồng khi nộp online")
    assert check_plain(ID_CARD, after) == []
    both = ID_CARD_PLAIN.replace("nộp trực tiếp 50.000 đồng, nộp trực tuyến 25.000 đồng",
                                 "nộp trực tiếp hay trực tuyến lần lượt 50.000 đồng và "
                                 "25.000 đồng")
    assert check_plain(ID_CARD, both) == []  # two channels in one clause: not judged


@pytest.mark.parametrize("text", ["", "   \n ", "\n\n"])
def test_check_plain_empty_refused(text: str) -> None:
    assert [p.kind for p in check_plain(MARRIAGE, text)] == ["empty"]
