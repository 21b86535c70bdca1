"""The slip generator of ``bench/typos.py`` on sentences written here."""

from __future__ import annotations

import random

from bench.slips import KINDS, corrupt, telex
from bench.typos import sentences
from motcua.text.normalize import syllables

WORDS = syllables("cho hỏi thủ tục đăng ký kết hôn cần giấy tờ gì không")
NAME = list(range(4, 8))  # đăng ký kết hôn


def test_telex_keyboard_off_residue() -> None:
    assert telex("hồn") == "hoonf"
    assert telex("đăng") == "ddawng"
    assert telex("làm", marks=False) == "lamf"
    assert telex("kết", marks=False) == "kets"
    assert telex("đăng", tone=False) == "ddawng"


def test_corrupt_every_kind_changes_only_what_it_may() -> None:
    for kind in [*KINDS, "nodiac+drop_letter"]:
        out = corrupt(kind, WORDS, NAME, random.Random(kind))
        if out is None:
            continue
        assert out != WORDS, kind
        if kind not in ("nodiac_all", "nodiac_some", "shorthand") and "+" not in kind:
            changed = [i for i, (a, b) in enumerate(zip(WORDS, out, strict=True)) if a != b]
            assert len(changed) == 1 and changed[0] in NAME, kind


def test_corrupt_seeded_same_output() -> None:
    for kind in KINDS:
        assert corrupt(kind, WORDS, NAME, random.Random(3)) == corrupt(
            kind, WORDS, NAME, random.Random(3))


def test_corrupt_kinds_that_do_not_apply_return_none() -> None:
    words = syllables("hộ khẩu")
    assert corrupt("s_x", words, [0, 1], random.Random(1)) is None
    assert corrupt("nodiac_all", ["ho", "khau"], [0, 1], random.Random(1)) is None


def test_corrupt_specific_slips() -> None:
    assert corrupt("ch_tr", syllables("chứng thực"), [0], random.Random(1)) == ["trứng", "thực"]
    assert corrupt("final_n_ng_c_t", syllables("kết hôn"), [1], random.Random(1)) == [
        "kết", "hông"]
    assert corrupt("tone_hoi_nga", syllables("đổi tên"), [0], random.Random(1)) == [
        "đỗi", "tên"]
    shorthand = corrupt("shorthand", WORDS, NAME, random.Random(1))
    assert shorthand is not None and "không" not in shorthand and "gì" not in shorthand
    assert corrupt("nodiac+ch_tr", syllables("chứng thực"), [0], random.Random(1)) == [
        "trung", "thuc"]


def test_sentences_seeded_with_name_positions() -> None:
    names = ["Đăng ký kết hôn", "Cấp lại giấy khai sinh", "Chứng thực bản sao từ bản chính"]
    first = sentences(names, 3, seed=5)
    assert first == sentences(names, 3, seed=5)
    for words, where in first:
        assert where and all(0 <= i < len(words) for i in where)


def test_own_sentences_repeat_with_slip_positions() -> None:
    from bench.typos import OWN, own_sentences
    asked = own_sentences(seed=1, repeats=2)
    assert len(asked) == 2 * len(OWN)
    assert all(where for _, where in asked)
