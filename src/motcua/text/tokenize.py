"""Index terms for Vietnamese text: folded syllables and syllable bigrams.

Why syllable n-grams rather than a word segmenter: Vietnamese words are mostly two-syllable
compounds; adjacent-syllable bigrams capture them without a model, work the same on text
typed without diacritics (where segmenters fail), and cost nothing at query time. The
comparison with pyvi segmentation lives in ``bench/tokenizers.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from motcua.text.normalize import fold, syllables

__all__ = ["QUESTION_STOPWORDS", "Tokenizer", "index_form", "is_stopword", "tokenize"]

# Words that shape a citizen's question but never name a procedure. Kept short on purpose:
# BM25's idf handles the rest, and words like "không" also appear in real procedure names.
_QUESTION_WORDS = [
    "thì", "là", "mà", "và", "của", "cho", "với", "để", "những", "các", "này", "kia", "ấy",
    "nào", "gì", "sao", "đâu", "bao", "nhiêu", "thế", "tôi", "em", "anh", "chị", "mình", "bạn",
    "ạ", "ơi", "nhé", "nhỉ", "à", "ừ", "vâng", "dạ", "muốn", "cần", "phải", "được", "có",
    "không", "làm", "thủ", "tục", "hồ", "sơ", "giấy", "tờ", "xin", "hỏi", "ở", "tại", "khi",
    "nếu", "rồi", "đã", "đang", "sẽ", "bị",
]
# Accented forms; a word typed with diacritics is a stopword only if it is one of these
# ("cần" is, "cận" is not, though both fold to "can").
QUESTION_STOPWORDS_ACCENTED = frozenset(syllables(" ".join(_QUESTION_WORDS)))
QUESTION_STOPWORDS = frozenset(fold(w) for w in _QUESTION_WORDS)


def is_stopword(word: str) -> bool:
    """Accent-aware: "cần" and "can" are stopwords, "cận" is not."""
    if word == fold(word):
        return word in QUESTION_STOPWORDS
    return word in QUESTION_STOPWORDS_ACCENTED


_I_Y = re.compile(r"^([bcdghklmnprstvx]+)y$")


@lru_cache(maxsize=1 << 18)
def _spelling(syllable: str) -> str:
    """The index form of one syllable: folded, one spelling for the i/y variants that both
    stand in official texts (ký/kí, lý/lí). Cached: a corpus repeats a few thousand
    syllables millions of times, and this was most of the time a large index took to build."""
    return _I_Y.sub(r"\1i", fold(syllable))


def index_form(syllable: str) -> str:
    """The index term of one syllable (folded, i/y spelling unified): what the vocabulary
    and the "a_b" pair terms are keyed by."""
    return _spelling(syllable)


@dataclass(frozen=True)
class Tokenizer:
    """Turns text into index terms.

    ``bigrams`` adds "a_b" terms for adjacent syllables; with ``stopwords`` the question words
    are dropped from the unigrams (and pairs of two question words from the bigrams), so
    "đăng ký kết hôn thế nào" keeps "ket_hon" and "hon_the" and loses "the".
    """

    bigrams: bool = True
    stopwords: bool = False

    def __call__(self, text: str) -> list[str]:
        words = syllables(text)
        sylls = [_spelling(s) for s in words]
        stop = [self.stopwords and is_stopword(w) for w in words]
        terms = [s for s, st in zip(sylls, stop, strict=True) if not st]
        if self.bigrams:
            terms.extend(f"{sylls[i]}_{sylls[i + 1]}" for i in range(len(sylls) - 1)
                         if not (stop[i] and stop[i + 1]))
        return terms


_DEFAULT = Tokenizer()


def tokenize(text: str) -> list[str]:
    """Folded syllables and bigrams, no stopwords removed (for documents)."""
    return _DEFAULT(text)
