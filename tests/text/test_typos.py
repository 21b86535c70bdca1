"""Typing slips: syllables no Vietnamese word is spelled like, and their likely repairs.

Our own words, never eval items."""

from __future__ import annotations

import pytest

from motcua.search.bm25 import BM25Index
from motcua.text.abbreviations import AbbreviationDictionary
from motcua.text.typos import is_vietnamese_syllable, repairs, unshorten


@pytest.mark.parametrize("word", ["nghieng", "khuyen", "quyet", "truong", "giay", "hoang",
                                  "oai", "a", "uong", "thuong", "xac", "nhan", "bi"])
def test_typos_real_syllables_are_vietnamese(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize(("slip", "first"), [
    ("dog", "dong"),    # đồg: the n of "ng" missed
    ("chug", "chung"),
    ("mih", "minh"),    # mìh
    ("fep", "phep"),    # teen spelling of "phép"
    ("lamf", "lam"),    # Telex tone key left in
    ("kets", "ket"),
    ("jay", "giay"),
])
def test_typos_slip_repaired(slip: str, first: str) -> None:
    assert not is_vietnamese_syllable(slip)
    assert repairs(slip)[0] == first


@pytest.mark.parametrize("word", ["", "x", "cccd", "123", "vneid"])
def test_typos_odd_input_never_raises(word: str) -> None:
    assert all(is_vietnamese_syllable(r) for r in repairs(word))


def test_bm25_corrects_a_short_slip() -> None:
    ix = BM25Index()
    ix.build([("a", "Đăng ký hợp đồng lao động"), ("b", "Đăng ký kết hôn")])
    # "đồg" (3 letters) was left as typed before: not a Vietnamese syllable, so repaired
    assert ix.correct("hợp đồg") == "hợp dong"
    assert ix.search("hop đồg", 1)[0].doc_id == "a"
    # a real short word is never replaced
    assert ix.correct("con") == "con"


def test_abbreviations_respell_in_place() -> None:
    d = AbbreviationDictionary.from_text("fép\tphép\ncty\tcông ty\nhợp đồg\thợp đồng\n")
    assert d.respell("giấy fép xây dựng") == "giấy phép xây dựng"
    assert d.respell("hợp đồg thuê nhà") == "hợp đồng thuê nhà"
    # an abbreviation names the thing in other words: expanded, never replaced
    assert d.respell("cty tnhh") == "cty tnhh"
    assert d.respell("") == ""


@pytest.mark.parametrize(("typed", "meant"), [
    ("có làm online đc ko", "có làm online được không"),
    ("cần giấy tờ j.", "cần giấy tờ gì."),
    ("làm ntn vs ạ", "làm như thế nào với ạ"),
    ("mất bn tiền", "mất bao nhiêu tiền"),
    ("đk hành nghề ở đâu", "đăng ký hành nghề ở đâu"),
    ("bao lâu thì đk", "bao lâu thì được"),
    ("nộp online dk ko", "nộp online được không"),
])
def test_typos_unshorten_chat_shorthand(typed: str, meant: str) -> None:
    assert unshorten(typed) == meant


@pytest.mark.parametrize("text", ["Tổ K phường R", "thửa đất 2/k", "mẫu k-1", "kho hàng",
                                  "ĐKKH với người nước ngoài"])
def test_typos_unshorten_leaves_codes_and_words(text: str) -> None:
    assert unshorten(text) == text
