"""Seeded slips of typing Vietnamese on a phone, one kind at a time (``bench/typos.py``).

Why a generator rather than more eval items: eval files are few and fixed; a slip kind can be
applied to any number of clean sentences, so the consistency of each kind (the procedure
found for the corrupted sentence is the one found for the clean sentence) is measured on
hundreds of sentences and shows which kinds the search handles worst.

Every slip takes the sentence as words (lower case, with diacritics), the indexes of the
words it may touch (the procedure's name, not the template's question words, except for
chat shorthand), and a seeded ``random.Random``; it returns the corrupted words, or None
when the sentence has nothing the slip applies to.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Sequence

from motcua.text.normalize import fold

__all__ = ["KINDS", "SHORTHAND", "corrupt", "telex"]

Slip = Callable[[list[str], Sequence[int], random.Random], list[str] | None]

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONE_KEYS = {_ACUTE: "s", _GRAVE: "f", _HOOK: "r", _TILDE: "x", _DOT: "j"}
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
# Tones people confuse: hỏi and ngã (the south says them alike), sắc typed as ngã
# ("giẫy"), nặng as sắc.
_TONE_SLIP = {_HOOK: _TILDE, _TILDE: _HOOK, _ACUTE: _TILDE, _DOT: _ACUTE}
# Chat shorthand: a phrase of the sentence, and how people type it.
SHORTHAND: dict[str, tuple[str, ...]] = {
    "như thế nào": ("ntn",), "thế nào": ("ntn",), "bao nhiêu": ("bn", "bnhieu"),
    "không": ("k", "ko", "khong", "hông"), "được": ("dc", "đc", "đk"), "đăng ký": ("đk", "dk"),
    "gì": ("j", "gi"), "với": ("vs",), "giấy tờ": ("gt", "giấy tờ"), "ở đâu": ("ở đâu", "o dau"),
}
# Initials swapped by region or habit: ch/tr, s/x, d/gi/r, l/n.
_INITIAL_SLIPS = {
    "ch_tr": (("tr", ("ch",)), ("ch", ("tr",))),
    "s_x": (("s", ("x",)), ("x", ("s",))),
    "d_gi_r": (("gi", ("d", "r")), ("d", ("gi", "r")), ("r", ("d", "gi"))),
    "l_n": (("l", ("n",)), ("n", ("l",))),
}


def _letters(word: str) -> list[tuple[str, str, str]]:
    """(base letter, vowel modifiers, tone mark) of each letter of ``word``."""
    out = []
    for ch in word:
        parts = unicodedata.normalize("NFD", ch)
        mods = "".join(c for c in parts[1:] if c in (_CIRCUMFLEX, _BREVE, _HORN))
        tone = "".join(c for c in parts[1:] if c in _TONE_KEYS)
        out.append((parts[0], mods, tone))
    return out


def _compose(letters: Sequence[tuple[str, str, str]]) -> str:
    return unicodedata.normalize("NFC", "".join(b + m + t for b, m, t in letters))


def telex(word: str, *, marks: bool = True, tone: bool = True) -> str:
    """``word`` as its Telex keys with the keyboard off ("hồn" → "hoonf", "đăng" → "ddawng");
    without ``marks`` the vowel keys are lost ("lamf", "kets"), without ``tone`` the tone key
    ("ddang")."""
    keys, tone_key = [], ""
    for base, mods, mark in _letters(word):
        if base == "đ":
            keys.append("dd" if marks else "d")
            continue
        keys.append(base)
        if marks and _CIRCUMFLEX in mods:
            keys.append(base)
        elif marks and mods:
            keys.append("w")
        if mark:
            tone_key = _TONE_KEYS[mark]
    return "".join(keys) + (tone_key if tone else "")


def _pick(words: list[str], where: Sequence[int], rng: random.Random,
          ok: Callable[[str], bool]) -> int | None:
    eligible = [i for i in where if ok(words[i])]
    return rng.choice(eligible) if eligible else None


def _word_slip(ok: Callable[[str], bool], change: Callable[[str, random.Random], str]) -> Slip:
    """A slip of one eligible word of the name."""
    def slip(words: list[str], where: Sequence[int], rng: random.Random) -> list[str] | None:
        i = _pick(words, where, rng, ok)
        if i is None:
            return None
        out = list(words)
        out[i] = change(words[i], rng)
        return out if out != words else None
    return slip


def _nodiac_all(words: list[str], where: Sequence[int], rng: random.Random) -> list[str] | None:
    out = [fold(w) for w in words]
    return out if out != words else None


def _nodiac_some(words: list[str], where: Sequence[int], rng: random.Random) -> list[str] | None:
    out = [fold(w) if rng.random() < 0.5 else w for w in words]
    return out if out != words else None


def _telex(word: str, rng: random.Random) -> str:
    marks, tone = rng.choice(((True, True), (False, True), (True, False)))
    return telex(word, marks=marks, tone=tone) if telex(word, marks=marks, tone=tone) != fold(
        word) else telex(word)


def _drop(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    return word[:i] + word[i + 1:]


def _double(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    return word[:i + 1] + word[i:]


def _swap(word: str, rng: random.Random) -> str:
    spots = [i for i in range(len(word) - 1) if word[i] != word[i + 1]]
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def _tone(word: str, rng: random.Random) -> str:
    return _compose([(b, m, _TONE_SLIP.get(t, t)) for b, m, t in _letters(word)])


def _has_slip_tone(word: str) -> bool:
    return any(t in _TONE_SLIP for _, _, t in _letters(word))


def _final_ok(word: str) -> bool:
    f = fold(word)
    return f.endswith(("ng", "n", "c", "t")) and not f.endswith(("nh", "ch")) and len(f) > 2


def _final(word: str, rng: random.Random) -> str:
    if word.endswith("ng"):
        return word[:-1]
    if word.endswith("n"):
        return word + "g"
    return word[:-1] + ("t" if word.endswith("c") else "c")


def _initial_slip(pairs: tuple[tuple[str, tuple[str, ...]], ...]) -> Slip:
    def starts(word: str) -> tuple[str, tuple[str, ...]] | None:
        for prefix, into in pairs:
            if word.startswith(prefix) and not (prefix == "d" and word.startswith("đ")) \
                    and not (prefix in ("n", "d") and word.startswith(("ng", "nh", "gi"))):
                return prefix, into
        return None

    def change(word: str, rng: random.Random) -> str:
        found = starts(word)
        assert found is not None
        prefix, into = found
        return rng.choice(into) + word[len(prefix):]
    return _word_slip(lambda w: starts(w) is not None, change)


def _shorthand(words: list[str], where: Sequence[int], rng: random.Random) -> list[str] | None:
    text = " " + " ".join(words) + " "
    changed = text
    for phrase, forms in SHORTHAND.items():
        if f" {phrase} " in changed:
            changed = changed.replace(f" {phrase} ", f" {rng.choice(forms)} ", 1)
    return changed.split() if changed != text else None


def _accented(word: str) -> bool:
    return word != fold(word)


def _long(word: str) -> bool:
    return len(word) >= 3


KINDS: dict[str, Slip] = {
    "nodiac_all": _nodiac_all,
    "nodiac_some": _nodiac_some,
    "telex": _word_slip(_accented, _telex),
    "drop_letter": _word_slip(_long, _drop),
    "double_letter": _word_slip(_long, _double),
    "swap_letters": _word_slip(lambda w: len(w) >= 3 and len(set(w)) > 1, _swap),
    "shorthand": _shorthand,
    "tone_hoi_nga": _word_slip(_has_slip_tone, _tone),
    "final_n_ng_c_t": _word_slip(_final_ok, _final),
    **{kind: _initial_slip(pairs) for kind, pairs in _INITIAL_SLIPS.items()},
}


def corrupt(kind: str, words: list[str], where: Sequence[int], rng: random.Random,
            ) -> list[str] | None:
    """``words`` with one slip of ``kind``; "nodiac+" kinds also drop every diacritic, as
    most phone messages come (None: the kind does not apply to the sentence)."""
    if kind.startswith("nodiac+"):
        out = KINDS[kind.removeprefix("nodiac+")](words, where, rng)
        return [fold(w) for w in out] if out is not None else None
    return KINDS[kind](words, where, rng)
