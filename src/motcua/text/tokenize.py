"""Index terms for Vietnamese text: folded syllables and syllable bigrams.

Why syllable n-grams rather than a word segmenter: Vietnamese words are mostly two-syllable
compounds; adjacent-syllable bigrams capture them without a model, work the same on text
typed without diacritics (where segmenters fail), and cost nothing at query time. The
comparison with pyvi segmentation lives in ``bench/tokenizers.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from motcua.text.normalize import fold, syllables

__all__ = ["QUESTION_STOPWORDS", "Tokenizer", "tokenize"]

# Words that shape a citizen's question but never name a procedure. Kept short on purpose:
# BM25's idf handles the rest, and words like "không" also appear in real procedure names.
QUESTION_STOPWORDS = frozenset(
    fold(w)
    for w in (
        "thì là mà và của cho với để những các này kia ấy nào gì sao đâu bao nhiêu thế "
        "tôi em anh chị mình bạn ạ ơi nhé nhỉ à ừ vâng dạ muốn cần phải được có không "
        "làm thủ tục hồ sơ giấy tờ xin hỏi ở tại khi nếu rồi đã đang sẽ bị"
    ).split()
)


_I_Y = re.compile(r"^([bcdghklmnprstvx]+)y$")


def _spelling(syllable: str) -> str:
    """One spelling for the i/y variants that both stand in official texts (ký/kí, lý/lí)."""
    return _I_Y.sub(r"\1i", syllable)


@dataclass(frozen=True)
class Tokenizer:
    """Turns text into index terms.

    ``bigrams`` adds "a_b" terms for adjacent syllables; ``stopwords`` are dropped from the
    unigrams only, so "đăng ký kết hôn thế nào" keeps the bigram "ket_hon" and loses "the".
    """

    bigrams: bool = True
    stopwords: frozenset[str] = field(default_factory=frozenset)

    def __call__(self, text: str) -> list[str]:
        sylls = [_spelling(fold(s)) for s in syllables(text)]
        terms = [s for s in sylls if s not in self.stopwords]
        if self.bigrams:
            terms.extend(f"{a}_{b}" for a, b in zip(sylls, sylls[1:], strict=False))
        return terms


_DEFAULT = Tokenizer()


def tokenize(text: str) -> list[str]:
    """Folded syllables and bigrams, no stopwords removed (for documents)."""
    return _DEFAULT(text)
