"""Diacritics put back on a question typed without them, from the catalog's own text.

Why: the sentence encoder (``search/semantic.py``) reads "dang ky ket hon" as noise; with its
accents restored ("đăng ký kết hôn") it finds the procedure. The catalog's names, bodies and
subjects give syllable and bigram counts of the language of procedures; a Viterbi pass picks
the likeliest accented form of each folded syllable given its left neighbour. Words the
catalog never uses stay as typed. Only the vector signal reads the result: the lexical
search folds anyway.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise

from motcua.text.normalize import fold, syllables

__all__ = ["AccentRestorer"]

_SMOOTH = 0.1


class AccentRestorer:
    """Bigram model over accented syllables, indexed by their folded form."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.unigrams: Counter[str] = Counter()
        self.bigrams: Counter[tuple[str, str]] = Counter()
        for text in texts:
            words = syllables(text)
            self.unigrams.update(words)
            self.bigrams.update(pairwise(words))
        self.forms: dict[str, list[str]] = defaultdict(list)
        for word in self.unigrams:
            self.forms[fold(word)].append(word)
        self.total = max(sum(self.unigrams.values()), 1)

    def _unigram(self, word: str) -> float:
        return math.log((self.unigrams.get(word, 0) + _SMOOTH) / self.total)

    def _transition(self, prev: str, word: str) -> float:
        backoff = (self.unigrams.get(word, 0) + _SMOOTH) / self.total
        return math.log((self.bigrams.get((prev, word), 0) + backoff)
                        / (self.unigrams.get(prev, 0) + 1))

    def restore(self, text: str) -> str:
        """The syllables of ``text`` with the likeliest diacritics (lower case)."""
        words = syllables(text)
        if not words:
            return text
        candidates = [self.forms.get(fold(w)) or [w] for w in words]
        best = {c: (self._unigram(c), [c]) for c in candidates[0]}
        for options in candidates[1:]:
            step = {}
            for word in options:
                score, path = max(((s + self._transition(prev, word), p)
                                   for prev, (s, p) in best.items()), key=lambda x: x[0])
                step[word] = (score, [*path, word])
            best = step
        return " ".join(max(best.values(), key=lambda x: x[0])[1])
