"""Spelling correction by context: the catalog's word pairs choose among one-slip variants.

Why: ``BM25Index.correct`` only sees one syllable at a time, so it cannot fix a slip that
leaves another real syllable ("cấp nại thẻ" for "cấp lại thẻ", "khai thác thôn" for "khai
thác thông", "trứng thực" for "chứng thực"), and for an unknown one it takes the most
frequent near word whatever its neighbours say. People's slips are few kinds: a letter
dropped, doubled or swapped, a regional confusion of initials (ch/tr, s/x, d/gi/r, l/n) or
finals (n/ng, c/t), Telex keys left in ("hoonf"). Among the variants of a syllable by one
such slip, the one that makes a word pair the catalog uses with its neighbours is what the
person meant. A known syllable is only replaced when it makes no catalog pair with either
neighbour and a variant makes a pair found in several documents: a word the catalog pairs
with its neighbour is taken as meant.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from motcua.search.bm25 import BM25Index
from motcua.text.normalize import fold, nfc, normalize_tone, syllables
from motcua.text.tokenize import index_form, is_stopword
from motcua.text.typos import is_vietnamese_syllable, repairs

__all__ = ["ContextSpeller", "slip_variants"]

# Documents a variant's word pairs must be found in before it replaces a known syllable.
_KNOWN_EVIDENCE = 3
# ... and how many times the pairs the syllable makes itself ("hải qua" is in one name).
_RATIO = 20
_CACHE = 4096
_INITIALS = (("ch", "tr"), ("s", "x"), ("d", "gi", "r"), ("l", "n"))
_FINALS = (("ng", "n"), ("c", "t"))
_TONE_KEYS = "sfrxj"
_WORD = re.compile(r"[^\W_]+")
_PUNCTUATION = re.compile(r"[,.;:!?()\[\]\"“”…/\n-]+")
_VOWELS = "aeiouy"


def _transplant(typed: str, term: str) -> str | None:
    """``term`` written with the marks of ``typed`` when they differ by one letter added,
    dropped or changed ("cũg" + "cung" → "cũng", "suất" + "xuat" → "xuất"), else None."""
    f = fold(typed)
    out: str | None = None
    if len(term) == len(f):
        out = "".join(t if t != b else c for c, b, t in zip(typed, f, term, strict=True))
    elif len(term) == len(f) + 1:
        i = next((i for i in range(len(f)) if f[i] != term[i]), len(f))
        out = typed[:i] + term[i] + typed[i:]
    elif len(term) + 1 == len(f):
        i = next((i for i in range(len(term)) if f[i] != term[i]), len(term))
        out = typed[:i] + typed[i + 1:]
    if out is None:
        return None
    out = normalize_tone(out)
    return out if index_form(out) == index_form(term) else None


def _deletions(word: str) -> set[str]:
    """``word`` less one letter each way, tone marks where the rule puts them ("hoàn" →
    "hòa")."""
    return {normalize_tone(word[:i] + word[i + 1:]) for i in range(len(word))}


def _osa_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap of
    neighbours (optimal string alignment distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def slip_variants(folded: str) -> set[str]:
    """What a folded syllable may have been before a regional or Telex slip: initials
    ch/tr, s/x, d/gi/r, l/n swapped, finals n/ng and c/t swapped, Telex keys removed
    ("hoonf" → "hon", "ddawng" → "dang"). Spelled like Vietnamese, ``folded`` excluded."""
    out: set[str] = set()
    for group in _INITIALS:
        initial = next((a for a in sorted(group, key=len, reverse=True)
                        if folded.startswith(a)), None)
        if initial is None or (initial == "n" and folded.startswith(("ng", "nh"))):
            continue
        out.update(b + folded[len(initial):] for b in group if b != initial)
    for group in _FINALS:
        for a in group:
            if folded.endswith(a) and not folded.endswith(("nh", "ch")):
                out.update(folded[: -len(a)] + b for b in group if b != a)
                break
    out.add(_untelex(folded))
    return {v for v in out if v != folded and is_vietnamese_syllable(v)}


def _untelex(folded: str) -> str:
    """``folded`` without the keys Telex uses for marks: a tone key at the end, "dd", a
    doubled vowel, "w" after a vowel."""
    word = folded
    if len(word) > 2 and word[-1] in _TONE_KEYS and word[-2] not in "sfrxj":
        word = word[:-1]
    word = word.replace("dd", "d")
    for v in "aeo":
        word = word.replace(v + v, v)
    return "".join(c for i, c in enumerate(word) if not (c == "w" and i and word[i - 1] in
                                                          _VOWELS))


class ContextSpeller:
    """Corrects the syllables of a question against one index's vocabulary and pairs."""

    def __init__(self, index: BM25Index, *, fallback: BM25Index | None = None,
                 pairs: BM25Index | None = None, texts: Iterable[str] = ()) -> None:
        self.index = index  # the known syllables
        self.fallback = fallback or index  # corrects what context cannot
        self.pairs = pairs or index  # whose word pairs are the evidence
        # each folded syllable's forms as the catalog writes them (``texts``: its names)
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for word in syllables(text):
                self.forms[index_form(word)][word] += 1
        self._by_key: dict[str, list[str]] | None = None
        # one question is searched several times (variants, reranking, a turn's topic)
        self._cache: dict[tuple[str, frozenset[str], bool], str] = {}

    def _df(self, term: str, index: BM25Index | None = None) -> int:
        index = index or self.index
        tid = index.vocab.get(term)
        return 0 if tid is None else int(index.indptr[tid + 1] - index.indptr[tid])

    def _pair(self, left: str, right: str) -> int:
        return self._df(f"{left}_{right}", self.pairs)

    def _keys(self) -> dict[str, list[str]]:
        """Each known syllable under itself and its one-letter deletions (symmetric delete
        lookup: candidates within one edit without scanning the vocabulary)."""
        if self._by_key is None:
            keys: dict[str, list[str]] = defaultdict(list)
            for term in self.index.vocab:
                if "_" in term or not term.isalpha():
                    continue
                for key in {term} | {term[:i] + term[i + 1:] for i in range(len(term))}:
                    keys[key].append(term)
            self._by_key = dict(keys)
        return self._by_key

    def candidates(self, folded: str) -> set[str]:
        """Known syllables one slip away from ``folded`` (index forms)."""
        keys = self._keys()
        out = {t for k in {folded} | {folded[:i] + folded[i + 1:] for i in range(len(folded))}
               for t in keys.get(k, ()) if _osa_one(folded, t)}
        out.update(index_form(v) for v in slip_variants(folded) if index_form(v) in
                   self.index.vocab)
        out.discard(folded)
        return out

    def _known_variants(self, word: str, *, accented: bool, both: bool, short: bool
                        ) -> set[str]:
        """What a known syllable may have been: a regional or Telex variant, or a known
        syllable with one letter more ("hoà thành": a letter dropped). A dropped letter
        leaves many known syllables ("nhà" of "nhận"): in a question typed with diacritics
        the rest must be a form the catalog writes less that letter ("hoà" of "hoàn", not
        "nhà" of "nhận"); without any, ``both`` neighbours must vouch for it. Never for a
        known syllable of two letters ("từ", "đi"); ``short`` allows it for an unknown one
        ("xc", "ết")."""
        folded = fold(word)
        out = {index_form(v) for v in slip_variants(folded)}
        if (len(folded) >= 3 or short) and (accented or both):
            for t in self._keys().get(folded, ()):
                if len(t) == len(folded) + 1 and (not accented or any(
                        word in _deletions(form) for form in self.forms.get(t, ()))):
                    out.add(t)
        return out

    def _evidence(self, left: str | None, term: str, right: str | None) -> int:
        return ((self._pair(left, term) if left else 0)
                + (self._pair(term, right) if right else 0))

    def _content(self, word: str | None) -> str | None:
        """The index form of a neighbour that can vouch for a known syllable: known, and
        not a question word (pairs like "cần_căn" say nothing of the citizen's need)."""
        if word is None or is_stopword(word):
            return None
        form = index_form(word)
        return form if form in self.index.vocab else None

    def fix(self, text: str, keep: frozenset[str] = frozenset()) -> str:
        """``text`` as typed, with only the corrected words replaced in place (written as
        the catalog most often writes them, without diacritics in a question typed without
        any), punctuation and the other words untouched: what the answer's checks read.
        Only what context or a typing repair vouches for: a word the catalog does not know
        and no pair explains stays as typed, since the checks for needs the catalog does not
        cover must read it."""
        text = nfc(text)
        fixed = self.correct(text, keep, nearest=False).split()
        spans = list(_WORD.finditer(text))
        if len(spans) != len(fixed):
            return text
        out, last = [], 0
        for m, new in zip(spans, fixed, strict=True):
            if fold(new) != fold(m.group(0)):
                out += [text[last:m.start()], new]
                last = m.end()
        return "".join([*out, text[last:]]) if out else text

    def _written(self, term: str, typed: str, accented: bool) -> str:
        """A corrected index term as the catalog writes it ("ki" → "ký"), the form sharing
        most marked letters with the ``typed`` word first ("cũg" → "cũng", not "cung")."""
        marked = {c for c in typed if c != fold(c)}
        kept = _transplant(typed, term) if marked else None
        if kept is not None:
            return kept
        forms = self.forms.get(term)
        if not forms:
            return term
        form = max(forms.items(), key=lambda kv: (len(marked & set(kv[0])), kv[1]))[0]
        return form if accented else fold(form)

    def correct(self, query: str, keep: frozenset[str] = frozenset(), *,
                nearest: bool = True) -> str:
        """``query`` with each slip put right by context; an unknown syllable no variant
        pairs with its neighbours goes to the fallback's ``BM25Index.correct``. Words on
        either side of a punctuation mark are not neighbours ("con mới sinh, chồng tôi").
        Without ``nearest``, the fallback is not asked."""
        key = (query, keep, nearest)
        cached = self._cache.get(key)
        if cached is None:
            accented = query != fold(query)
            fallback = self.fallback if nearest else None
            cached = " ".join(filter(None, (self._correct(part, keep, accented, fallback)
                                            for part in _PUNCTUATION.split(query))))
            if len(self._cache) >= _CACHE:
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def _correct(self, query: str, keep: frozenset[str], accented: bool,
                 fallback: BM25Index | None) -> str:
        words = syllables(query)
        out: list[str] = []
        for i, w in enumerate(words):
            f = fold(w)
            right = words[i + 1] if i + 1 < len(words) else None
            left = out[-1] if out else None
            if f in keep or not f.isalpha():
                new = w
            elif index_form(w) in self.index.vocab:
                new = self._known(w, left, right, accented=accented) if len(f) >= 2 else w
            else:
                new = self._unknown(w, left, right, keep, accented=accented, fallback=fallback)
            out.append(w if new == w else self._written(new, w, accented))
        return " ".join(out)

    def _unknown(self, word: str, left_word: str | None, right_word: str | None,
                 keep: frozenset[str], *, accented: bool, fallback: BM25Index | None
                 ) -> str:
        """An unknown syllable: the variant that pairs best with its neighbours (a typing
        repair of ``text.typos`` before any other), else the fallback's correction. A short
        one ("xc", "ết") has many neighbours by one edit: it needs the pairs a known one
        does (``_known``)."""
        f = fold(word)
        slip = not is_vietnamese_syllable(f)
        left = index_form(left_word) if left_word else None
        right = index_form(right_word) if right_word else None
        typed = [r for r in repairs(f) if r in self.index.vocab] if slip else []
        # spelled like a real word the catalog lacks ("nhắc"): without the fallback (the
        # answer's checks read the result) only the strict rule of known words may change it
        if (len(f) < 4 and not (slip and len(f) == 3) and not typed) or (
                fallback is None and not slip):
            fixed = self._known(word, left_word, right_word, accented=accented, known=False)
            return fixed if fixed != word or not fallback else fallback.correct(word, keep)
        scored = sorted(((self._evidence(left, c, right), self._df(c), c)
                         for c in typed or self.candidates(f)), reverse=True)
        if scored and (typed or scored[0][0] > 0):
            return scored[0][2]
        return fallback.correct(word, keep) if fallback else word

    def _known(self, word: str, left_word: str | None, right_word: str | None, *,
               accented: bool, known: bool = True) -> str:
        """A known syllable, or what it may have been (``_known_variants``) when the
        syllable pairs with none of its content neighbours and
        the variant pairs with every one of them, in ``_KNOWN_EVIDENCE`` documents at least
        (three times that with a single content neighbour)."""
        left, right = self._content(left_word), self._content(right_word)
        if left is None and right is None:
            return word
        own = self._evidence(left, index_form(word), right)
        best: tuple[int, int, str] | None = None
        variants = self._known_variants(word, accented=accented, short=not known,
                                        both=left is not None and right is not None)
        for c in variants:
            pairs = ([self._pair(left, c)] if left else []) + (
                [self._pair(c, right)] if right else [])
            if all(pairs) and sum(pairs) >= max(_KNOWN_EVIDENCE * (1 if len(pairs) == 2 else 3),
                                                _RATIO * own):
                best = max(best or (0, 0, ""), (sum(pairs), self._df(c), c))
        return best[2] if best else word
