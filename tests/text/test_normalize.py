import unicodedata

import pytest

from motcua.text import fold, nfc, normalize_text, normalize_tone, syllables


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("qúy", "quý"), ("khoẻ", "khỏe"), ("Hoà Bình", "Hòa Bình"),
     ("hòa", "hòa"), ("Hoàng", "Hoàng"), ("người", "người"), ("giữ", "giữ"), ("thuở", "thuở")],
)
def test_normalize_tone_places_marks_traditionally(old: str, new: str) -> None:
    assert normalize_tone(old) == new


def test_normalize_tone_accepts_nfd_input() -> None:
    assert normalize_tone(unicodedata.normalize("NFD", "Lạng Sơn hoà")) == "Lạng Sơn hòa"


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Cấp lại căn cước", "cap lai can cuoc"), ("ĐĂNG KÝ", "dang ky"), ("đ", "d"), ("", "")],
)
def test_fold_removes_diacritics_and_case(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_nfc_replaces_non_breaking_spaces() -> None:
    assert nfc("xã\xa0phường") == "xã phường"


def test_normalize_text_collapses_whitespace() -> None:
    assert normalize_text("  thủ   tục\n hoà ") == "thủ tục hòa"


def test_syllables_splits_on_punctuation() -> None:
    assert syllables("Cấp lại CCCD, hoà-bình") == ["cấp", "lại", "cccd", "hòa", "bình"]
