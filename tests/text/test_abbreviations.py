import pytest

from motcua._errors import FileFormatError
from motcua.text import AbbreviationDictionary, default_dictionary


def test_default_dictionary_loads_and_is_nonempty() -> None:
    assert len(default_dictionary().entries) > 50


@pytest.mark.parametrize(
    ("question", "expected"),
    [("cccd het han", "thẻ căn cước"), ("làm sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
     ("lam so do", "giấy chứng nhận quyền sử dụng đất"), ("Cà vẹt xe bị rách",
     "chứng nhận đăng ký xe"), ("thẻ BHYT", "bảo hiểm y tế")],
)
def test_dictionary_expands_colloquial_and_abbreviations(question: str, expected: str) -> None:
    assert expected in default_dictionary().expand(question)


def test_dictionary_accented_question_does_not_match_other_word() -> None:
    # "cuối" (end) must not be read as "cưới" (marry), though both fold to "cuoi".
    assert default_dictionary().matches("cuối năm") == []
    assert default_dictionary().matches("cuoi vo")


def test_dictionary_expand_acronyms_only_upper_case() -> None:
    d = default_dictionary()
    assert "bảo hiểm y tế" in d.expand_acronyms("thẻ BHYT")
    assert d.expand_acronyms("cưới vợ") == "cưới vợ"


@pytest.mark.parametrize("bad", ["no tab here", "term\t", "\texpansion", "a\tb\tc"])
def test_dictionary_rejects_malformed_lines(bad: str) -> None:
    with pytest.raises(FileFormatError, match=":1:"):
        AbbreviationDictionary.from_text(bad)


def test_dictionary_entries_are_well_formed() -> None:
    from importlib import resources

    text = resources.files("motcua.text").joinpath("data/abbreviations.tsv").read_text("utf-8")
    terms = [ln.split("\t")[0] for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert len(terms) == len(set(terms)), "duplicate terms in abbreviations.tsv"


def test_dictionary_unaccented_stopword_is_not_expanded() -> None:
    assert default_dictionary().matches("xin phieu de di lam") == []
    assert default_dictionary().matches("đẻ con")
