from motcua.text import tokenize
from motcua.text.tokenize import Tokenizer, is_stopword


def test_tokenize_same_terms_with_or_without_diacritics() -> None:
    assert tokenize("đăng ký kết hôn") == tokenize("dang ky ket hon")


def test_tokenize_unifies_i_y_spelling() -> None:
    assert tokenize("đăng ký") == tokenize("dang ki")


def test_tokenize_adds_bigrams() -> None:
    assert "khai_sinh" in tokenize("đăng ký khai sinh")


def test_tokenizer_stopwords_drop_unigrams_only() -> None:
    tok = Tokenizer(stopwords=True)
    terms = tok("kết hôn thế nào")
    assert "the" not in terms and "hon_the" in terms


def test_is_stopword_is_accent_aware() -> None:
    assert is_stopword("cần") and is_stopword("can")
    assert not is_stopword("cận") and not is_stopword("hộ")
