"""Expansion of abbreviations and colloquial names into the catalog's own words.

Why data and not code: officials learn new colloquial names at the counter every week; they
extend ``data/abbreviations.tsv`` without touching Python.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from motcua._errors import FileFormatError
from motcua.text.normalize import fold, fold_syllable, syllables
from motcua.text.tokenize import is_stopword

__all__ = ["AbbreviationDictionary", "default_dictionary"]

_ACRONYM = re.compile(r"\b[A-ZĐ]{2,6}\b")
_HOI, _NGA = "\u0309", "\u0303"


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (two short syllables: the plain table is fast enough)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _hoi_nga(word: str) -> str:
    """``word`` with a hỏi or ngã tone written as one mark ("sữa", "sửa" → one form)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).replace(
        _NGA, _HOI))


def _one_tone_off(words: list[str], term: tuple[str, ...]) -> bool:
    """True when ``words`` are the phrase ``term`` but for one word typed with ngã for hỏi
    or hỏi for ngã ("sổ hộ khẫu"): the two tones sound alike in the south and centre, so
    they are confused in writing; in a phrase the other words say which word was meant,
    while a single word typed with another tone is another word ("sữa" is not "sửa"). Other
    tones are not: "đăng ký biện" is not "đăng ký biển"."""
    off = 0
    for w, t in zip(words, term, strict=True):
        if w == t or w == fold(t):
            continue
        if _hoi_nga(w) != _hoi_nga(t):
            return False
        off += 1
    return off == 1


def _is_spelling(term: str, expansion: str) -> bool:
    """True when ``expansion`` respells ``term`` syllable by syllable (folded, each within
    two letters), rather than naming it in other words."""
    a, b = syllables(term), syllables(expansion)
    return len(a) == len(b) and a != b and all(
        _distance(fold(x), fold(y)) <= 2 for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class AbbreviationDictionary:
    """Maps word sequences to an expansion text.

    A term written with diacritics ("cưới") matches the same word with diacritics and the
    same word typed without any ("cuoi"), but not a different accented word ("cuối"): a
    question that carries diacritics is trusted to mean what it says.
    """

    entries: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]]

    @classmethod
    def from_text(cls, text: str, *, source: str = "<text>") -> AbbreviationDictionary:
        entries: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
        for lineno, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
                raise FileFormatError(
                    f"{source}:{lineno}: expected 'term<TAB>expansion'",
                    hint="separate the term and its expansion with one tab",
                    path=source,
                    line=lineno,
                )
            term = tuple(syllables(parts[0]))
            key = tuple(fold(w) for w in term)
            entries.setdefault(key, []).append((term, parts[1].strip()))
        return cls(entries)

    @classmethod
    def from_path(cls, path: Path) -> AbbreviationDictionary:
        return cls.from_text(path.read_text(encoding="utf-8"), source=str(path))

    @cached_property
    def max_len(self) -> int:
        """The longest entry in syllables (kept: ``_spans`` reads it for every text, and a
        pass over every entry was most of the expansion of a short query)."""
        return max((len(k) for k in self.entries), default=0)

    def matches(self, text: str) -> list[tuple[str, str]]:
        """All (matched term, expansion) pairs found in ``text``, longest match first."""
        return [(term, expansion) for _, _, term, expansion in self._spans(syllables(text))]

    def spans(self, words: list[str]) -> list[tuple[int, int]]:
        """(start, length) of every entry found in ``words`` (syllables), longest first."""
        return [(start, n) for start, n, _, _ in self._spans(words)]

    def respell(self, text: str) -> str:
        """``text`` with its misspellings put right in place: an entry whose expansion has as
        many syllables as its term, each within two letters of it ("fép" → "phép", "hợp đồg"
        → "hợp đồng"), is a spelling, not an abbreviation; a phrase matched with a hỏi/ngã
        slip is written as the entry writes it. Replacing it keeps the word
        pairs the search scores ("giấy phép xây dựng"), which an expansion appended at the
        end breaks."""
        words = syllables(text)
        out: list[str] = []
        last = 0
        for start, n, term, expansion in self._spans(words):
            if _is_spelling(term, expansion):
                out += words[last:start] + syllables(expansion)
                last = start + n
            elif n > 1 and _one_tone_off(words[start:start + n], tuple(syllables(term))):
                out += words[last:start] + syllables(term)  # "sổ hộ khẫu": its tone put right
                last = start + n
        return " ".join(out + words[last:]) if out else text

    def _spans(self, words: list[str]) -> list[tuple[int, int, str, str]]:
        """(start, length, matched term, expansion) of every entry found, longest first."""
        folded = [fold_syllable(w) for w in words]
        found: list[tuple[int, int, str, str]] = []
        i = 0
        longest = self.max_len
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                hit = self._lookup(words[i : i + n], tuple(folded[i : i + n]))
                if hit is not None:
                    found.append((i, n, *hit))
                    i += n
                    break
            else:
                i += 1
        return found

    def _lookup(self, words: list[str], key: tuple[str, ...]) -> tuple[str, str] | None:
        for term, expansion in self.entries.get(key, ()):
            if len(words) == 1 and words[0] == key[0] and is_stopword(words[0]):
                continue  # unaccented "de" is far more often "để" than "đẻ"
            if all(w in (f, t) for w, f, t in zip(words, key, term, strict=True)) or (
                    len(words) > 1 and _one_tone_off(words, term)):
                return " ".join(term), expansion
        return None

    def expand_acronyms(self, text: str) -> str:
        """The text followed by the expansions of the upper-case acronyms it contains.

        Why only acronyms for documents: "BHYT" in a procedure name means exactly "bảo hiểm y
        tế", so both spellings must match; colloquial entries ("cưới") only make sense for
        questions.
        """
        extra = []
        for word in set(_ACRONYM.findall(text)):
            for _term, expansion in self.entries.get((fold(word),), ()):
                extra.append(expansion)
        return " ".join([text, *sorted(extra)]) if extra else text

    def spell_acronyms(self, text: str) -> str:
        """The text with each upper-case acronym it contains written out in place ("đóng BHXH
        tự nguyện" -> "đóng bảo hiểm xã hội tự nguyện").

        Why in place: a name measured word by word against a question (its subject before
        "cho", "đối với"..., its word pairs) loses an expansion appended at its end, and
        "BHXH" then matches nothing of "bảo hiểm xã hội".
        """
        def spelled(match: re.Match[str]) -> str:
            found = self.entries.get((fold(match.group(0)),))
            return found[0][1] if found else match.group(0)

        return _ACRONYM.sub(spelled, text)

    def expand(self, text: str) -> str:
        """The text followed by the expansions of every abbreviation it contains."""
        extra = [exp for _, exp in self.matches(text)]
        return " ".join([text, *extra]) if extra else text


@lru_cache(maxsize=1)
def default_dictionary() -> AbbreviationDictionary:
    data = resources.files("motcua.text").joinpath("data/abbreviations.tsv")
    return AbbreviationDictionary.from_text(data.read_text(encoding="utf-8"), source=str(data))
