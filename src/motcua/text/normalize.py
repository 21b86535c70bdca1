"""Vietnamese text normalisation: NFC, one tone-mark placement, diacritic folding.

Why: the same word reaches us as NFD from PDFs, as "hoà" or "hòa" depending on the typist's
keyboard, and without any diacritics from phones. Matching must see them as one word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_syllable", "nfc", "normalize_text", "normalize_tone", "syllables"]

# Combining marks for the five tones (grave, acute, hook, tilde, dot below).
_TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
# Marks that are part of the vowel letter itself (circumflex, breve, horn).
_VOWEL_MODIFIERS = {"\u0302", "\u0306", "\u031b"}
_PLAIN_VOWELS = set("aeiouy")
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def nfc(text: str) -> str:
    """Compose to NFC and turn non-breaking and odd spaces into plain ones."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\xa0", " ").replace("\u200b", "")


def _split_letter(ch: str) -> tuple[str, str, str]:
    """Return (base letter, vowel modifiers, tone mark) of one precomposed letter."""
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    mods = "".join(c for c in decomposed[1:] if c in _VOWEL_MODIFIERS)
    tone = "".join(c for c in decomposed[1:] if c in _TONE_MARKS)
    return base, mods, tone


def _compose(base: str, mods: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + mods + tone)


@lru_cache(maxsize=65536)
def _retone_syllable(word: str) -> str:
    letters = [_split_letter(c) for c in word]
    tones = [t for _, _, t in letters if t]
    if len(tones) != 1:
        return word  # no tone, or not a Vietnamese syllable: leave it alone
    tone = tones[0]
    bases = [(b, m) for b, m, _ in letters]
    lower = [b.lower() for b, _ in bases]
    # Skip the initial consonant cluster; "qu" and "gi" (before a vowel) count as consonants.
    i = 0
    while i < len(lower) and lower[i] not in _PLAIN_VOWELS:
        i += 1
    if (i < len(lower) and i > 0 and lower[i - 1] == "q" and lower[i] == "u") or (
        i == 1 and lower[0] == "g" and lower[i] == "i" and i + 1 < len(lower)
        and lower[i + 1] in _PLAIN_VOWELS
    ):
        i += 1
    start = i
    while i < len(lower) and lower[i] in _PLAIN_VOWELS:
        i += 1
    cluster = list(range(start, i))
    if not cluster or any(c not in _PLAIN_VOWELS and not c.isalpha() for c in lower):
        return word
    has_final = i < len(lower)
    modified = [k for k in cluster if bases[k][1]]
    if modified:
        pos = modified[-1]
    elif len(cluster) == 1:
        pos = cluster[0]
    elif has_final:
        pos = cluster[-1]
    elif len(cluster) == 2:
        pos = cluster[0]
    else:
        pos = cluster[1]
    out = []
    for k, (b, m) in enumerate(bases):
        out.append(_compose(b, m, tone if k == pos else ""))
    return "".join(out)


def normalize_tone(text: str) -> str:
    """Put every tone mark where the traditional rule puts it (hoà → hòa, thuỷ → thủy, qúy → quý).
    """
    return _WORD_RE.sub(lambda m: _retone_syllable(m.group(0)), nfc(text))


def normalize_text(text: str) -> str:
    """NFC, one tone placement, collapsed white space. Casing is kept."""
    return " ".join(normalize_tone(text).split())


_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d), so "cấp lại căn cước" matches "cap lai can cuoc"."""
    return _WORD_RE.sub(lambda m: _fold_word(m.group(0)), nfc(text)).lower()


@lru_cache(maxsize=65536)
def fold_syllable(syllable: str) -> str:
    """``fold`` of one syllable, kept: query-side code folds word by word (abbreviation
    spans, accent variants, stopword flags), and for a long question those folds were a
    tenth of a document search."""
    return fold(syllable)


def syllables(text: str) -> list[str]:
    """Lower-case, tone-normalised syllables (runs of letters and digits)."""
    return [_retone_syllable(w) for w in _WORD_RE.findall(nfc(text).lower())]
