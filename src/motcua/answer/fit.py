"""How well a question fits a procedure, and whether it asks for one at all.

Why apart from the assistant: these measures decide between answering, asking back and
handing over, and the life-event and national-index stages need them too; they depend only on
the loaded index, so one ``QuestionFit`` per index serves every question (with a small cache
of procedure words, since answers repeat few codes).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from motcua.answer._words import accent_aware, content, matched, phrases
from motcua.answer.families import Families
from motcua.search.procedures import ProcedureIndex, subject_of
from motcua.text.abbreviations import default_dictionary
from motcua.text.normalize import fold, syllables

__all__ = ["QuestionFit"]

# Where a procedure name's head (what is done) ends and its scope (for whom, where) begins.
_HEAD_END = re.compile(r"[,;(]| (?:cho|đối với|tại|của|theo|trong trường hợp|khi|thực hiện) ",
                       re.IGNORECASE)
# Words that ask for a procedure; the catalog's own leading verb phrases are added at run time.
_INTENT_WORDS = ("làm xin nộp cấp đổi khai ghi tách nhập chuyển hưởng sửa hủy xóa thẻ sổ giấy "
                 "phí")
_INTENT_PHRASES = ["đăng ký", "thủ tục", "hồ sơ", "giấy tờ", "lệ phí", "chứng thực",
                   "xác nhận", "gia hạn", "trình báo", "công nhận", "chế độ", "trợ cấp",
                   "giấy phép", "thành lập", "điều chỉnh", "cải chính", "khai báo", "cấp lại",
                   "giải quyết", "thế chấp", "kích hoạt", "khai thác", "tạm ngừng", "chấm dứt",
                   "thu hồi", "cấp đổi", "tiếp tục", "hòa giải", "tranh chấp", "phê duyệt",
                   "thông báo", "bổ sung", "thay đổi", "miễn giảm", "hoàn thuế"]
_CACHE = 4096


def _flat(text: str) -> str:
    return " ".join(fold(text).replace(".", " ").split())


class QuestionFit:
    """The measures over one loaded index (a new one when the server swaps the index)."""

    def __init__(self, index: ProcedureIndex, families: Families) -> None:
        self.index = index
        self.families = families
        self._intents: set[str] | None = None
        self._folded_intents: set[str] = set()
        self._words: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._names: frozenset[str] | None = None

    def is_a_name(self, text: str) -> bool:
        """True when ``text`` is a procedure's name as the catalog writes it (case, spaces and
        diacritics aside): what a pressed option or a copied name sends."""
        if self._names is None:
            self._names = frozenset(_flat(d.name) for d in self.index.docs)
        return _flat(text) in self._names

    def has_intent(self, query: str) -> bool:
        """Does the question ask for a procedure? An action word, a procedure's leading verb
        phrase from the catalog ("cấp lại", "gia hạn"), or a known colloquial name."""
        if self._intents is None:
            leading = Counter(" ".join(syllables(subject_of(d.name))[:2]) for d in self.index.docs)
            self._intents = {p for p, n in leading.items() if n >= 3 and " " in p}
            self._intents |= set(syllables(_INTENT_WORDS)) | {
                " ".join(syllables(p)) for p in _INTENT_PHRASES}
            self._folded_intents = {fold(i) for i in self._intents}
        words = syllables(query)
        grams = set(words) | {f"{a} {b}" for a, b in pairwise(words)}
        if grams & self._intents:
            return True
        folded = {fold(g) for g in grams if g == fold(g)}
        if folded & self._folded_intents:
            return True
        return bool(default_dictionary().matches(query))

    def coverage(self, query: str, code: str) -> float:
        """How well the procedure fits the question, 0..1 (1 = clearly this procedure).

        Two views, both accent-aware (a word typed with diacritics must match with them:
        "vô địch" is not "dịch vụ"): the share of the question's content words found in the
        procedure's text, and the share of the procedure's subject (its name without level
        and channel qualifiers) the question covers. A question that shares only stray words
        with a long body ("bố tôi mất" with "thông báo mất tem") is not a fit.
        """
        doc = self.index.doc(code)
        if doc is None:
            return 0.0
        words = content(default_dictionary().expand(query))
        if not words:
            return 0.0
        exact, folded = self._doc_words(code)
        question_side = matched(words, exact, folded) / len(words)
        subject = subject_of(default_dictionary().spell_acronyms(doc.name))
        name_side = self.name_share(query, code)
        expanded = syllables(default_dictionary().expand(query))
        shared = len(phrases(expanded) & phrases(syllables(subject)))
        return min(1.0, 0.5 * question_side + 0.5 * name_side + 0.2 * min(shared, 2))

    def name_share(self, query: str, code: str, *, head: bool = False) -> float:
        """The share of the procedure's subject words (its name without qualifiers of level
        and channel) that the question, with its expansions, contains; with ``head``, of the
        subject's words before its first "cho", "đối với", "tại"... (what is done, not for
        whom). A head of one content word ("Cấp, cấp lại ...", "Thủ tục cấp, công nhận ...")
        says nothing of what is done, and every question with "làm" (read as "cấp") would name
        it fully: such a name is measured on its whole subject."""
        doc = self.index.doc(code)
        if doc is None:
            return 0.0
        words = set(content(default_dictionary().expand(query)))
        subject = subject_of(default_dictionary().spell_acronyms(doc.name))
        if head:
            first = _HEAD_END.split(subject, maxsplit=1)[0]
            if len(set(content(first))) >= 2:
                subject = first
        name_words = set(content(subject))
        return len(accent_aware(words, name_words)) / max(len(name_words), 1)

    def names_well(self, query: str, code: str) -> float:
        """The larger of the subject share and, for a name that is no variant for a case the
        question does not state, the share of its head."""
        share = self.name_share(query, code)
        doc = self.index.doc(code)
        if doc is not None and not self.families.unstated(query, doc.name):
            share = max(share, self.name_share(query, code, head=True))
        return share

    def _doc_words(self, code: str) -> tuple[frozenset[str], frozenset[str]]:
        """A procedure's words, accented and folded (cached: answers repeat few codes)."""
        hit = self._words.get(code)
        if hit is None:
            doc = self.index.doc(code)
            text = f"{doc.name} {doc.field} {doc.body}" if doc else ""
            exact = frozenset(syllables(default_dictionary().expand_acronyms(text)))
            hit = (exact, frozenset(fold(w) for w in exact))
            if len(self._words) > _CACHE:
                self._words.clear()
            self._words[code] = hit
        return hit
