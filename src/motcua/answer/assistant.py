"""The assistant: question in, grounded answer card (or a question back, or a refusal) out.

Construction: ``load_assistant(settings, where_provider=...)`` opens the store and the saved
index from the data home (``MOTCUA_HOME``); the service passes its per-commune
``WhereProvider``. Decisions, in order: guard rules (empty, gibberish, injection, private data)
→ search → confidence (does the best procedure actually share the question's words?) → ask
back when several procedures fit a short question equally well → answer card with citations.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from motcua._errors import InvalidQuestion
from motcua._settings import Settings, get_settings
from motcua.answer._protocol import WhereProvider
from motcua.answer._words import accent_aware, content, distinct, matched, phrases
from motcua.answer.card import CardBuilder
from motcua.answer.dialogue import age_facts, is_aspect_question, new_words, topic_of
from motcua.answer.events import LifeEvent, LifeEvents, default_events
from motcua.answer.families import Families, default_families
from motcua.answer.guard import guard_reason
from motcua.answer.messages import MESSAGES, clarify_question, not_in_catalog
from motcua.answer.national import NationalNames, load_national_names
from motcua.answer.schema import AskResponse, NationalRef, ProcedureRef
from motcua.answer.short import aspect_of
from motcua.catalog.indexing import ProcedureRepository, load_index
from motcua.catalog.model import ParsedProcedure
from motcua.catalog.sample import is_sample_code
from motcua.search._protocol import Hit
from motcua.search.procedures import ProcedureIndex, subject_of
from motcua.store.db import Database, open_database
from motcua.text.abbreviations import default_dictionary
from motcua.text.normalize import fold, syllables

__all__ = ["Assistant", "assistant_for", "load_assistant"]

log = logging.getLogger(__name__)
_PARENS = re.compile(r"\([^()]*\)")
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


class Assistant:
    """Implements ``AssistantProtocol`` over a procedure index and repository."""

    def __init__(
        self,
        index: ProcedureIndex,
        repo: ProcedureRepository,
        *,
        where_provider: WhereProvider | None = None,
        max_chars: int = 500,
        min_coverage: float = 0.5,
        clarify_ratio: float = 0.85,
        min_name_coverage: float = 0.6,
        clarify_coverage: float = 0.7,
        national: NationalNames | None = None,
        national_fit: float = 0.7,
        national_margin: float = 0.25,
        national_twin: float = 0.8,
        families: Families | None = None,
        events: LifeEvents | None = None,
        event_name_share: float = 0.75,
    ) -> None:
        self.families = families if families is not None else default_families()
        self.events = events if events is not None else default_events()
        self.event_name_share = event_name_share
        self.national_twin = national_twin
        self.national = national
        self.national_fit = national_fit
        self.national_margin = national_margin
        self.clarify_coverage = clarify_coverage
        self.min_name_coverage = min_name_coverage
        self._sample_of: ProcedureIndex | None = None
        self._sample = False
        self._intents: set[str] | None = None
        self._folded_intents: set[str] = set()
        self._words_cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self.index = index
        self.repo = repo
        self.where_provider = where_provider
        self.max_chars = max_chars
        self.min_coverage = min_coverage
        self.clarify_ratio = clarify_ratio

    # -- AssistantProtocol ------------------------------------------------------------------
    def search(self, query: str, *, level: str | None = None, field: str | None = None,
               limit: int = 10) -> list[ProcedureRef]:
        self._validate(query)
        if level not in (None, "xa", "tinh", "bo", "khac"):
            from motcua._errors import InputError

            raise InputError(f"cấp không hợp lệ: {level!r}", hint="use xa, tinh or bo")
        hits = self.index.search(query, limit, level=level, field=field)
        return [self._ref(h.doc_id, h.score) for h in hits]

    def get(self, code: str) -> ParsedProcedure:
        return self.repo.get(code).parsed

    def ask(self, question: str, *, commune: str | None = None,
            history: Sequence[str] = ()) -> AskResponse:
        response = self._decide(question, commune=commune, history=history)
        response.sample = self.sample
        return response

    @property
    def sample(self) -> bool:
        """True while the index holds the bundled sample (then every answer says so).

        Computed once per loaded index, so a server that reloads after an official import
        drops the flag; logged once per index so that operators see it in the log.
        """
        if self._sample_of is not self.index:
            self._sample_of = self.index
            self._sample = any(is_sample_code(d.code) for d in self.index.docs)
            if self._sample:
                log.warning("the bundled sample catalog is in use: answers are illustrative "
                            "until an official catalog is imported (motcua catalog import)",
                            extra={"procedures": len(self.index.docs)})
        return self._sample

    def _decide(self, question: str, *, commune: str | None,
                history: Sequence[str]) -> AskResponse:
        self._validate(question)
        reason = guard_reason(question)
        if reason:
            return self._abstain(reason)
        query = self._query(question, history)
        hits = self._search(query)
        query, hits, event = self._with_event(query, hits)
        refs = [self._ref(h.doc_id, h.score) for h in hits]
        intent = self._has_intent(query)
        elsewhere = self._elsewhere(query, refs) if intent else None
        if elsewhere is not None:
            # A procedure that exists nationally but that we do not hold: name it, hand over.
            return AskResponse(status="abstain", message=not_in_catalog(elsewhere),
                               reason="not_in_catalog", national=elsewhere)
        if not hits:
            return self._abstain("not_in_catalog" if intent else "off_topic")
        if not intent:
            # No word of asking for a procedure ("làm", "xin", "đăng ký"...), no known
            # colloquial name. Words that match a procedure well ("kết hôn với người nước
            # ngoài") are a request all the same: ask back with options, never refuse; a short
            # noun phrase needs less. Anything else (chit-chat) is a refusal.
            cover = self._coverage(query, hits[0].doc_id)
            if cover >= self.clarify_coverage or (len(content(query)) <= 3 and cover >= 0.5):
                return AskResponse(status="clarify", message=MESSAGES["clarify"],
                                   procedures=refs, reason="ambiguous",
                                   clarify_question=clarify_question(distinct(refs)[:4]))
            return self._abstain("off_topic")
        cover = self._coverage(query, hits[0].doc_id)
        if cover < self.min_coverage / 2:
            return self._abstain("not_in_catalog")  # asks for a procedure; nothing is close
        if cover < self.min_coverage:
            # It asks for a procedure but none fits: hand over rather than guess.
            return self._abstain("low_confidence", refs[:3])
        options = distinct(refs)
        close = [r for r in options[1:4] if r.score >= self.clarify_ratio * refs[0].score]
        if close and len(content(query)) <= 3 and not history:
            return AskResponse(status="clarify", message=MESSAGES["clarify"],
                               procedures=refs, reason="ambiguous",
                               clarify_question=clarify_question([options[0], *close]))
        stored = self.repo.get(hits[0].doc_id)
        builder = CardBuilder(stored)
        where = self.where_provider(commune, stored.parsed) if self.where_provider else []
        followup = bool(topic_of(history)) and is_aspect_question(question)
        card = builder.build(where, commune, question=question,
                             aspect=aspect_of(question) if followup else None)
        message = MESSAGES["sample" if is_sample_code(card.code) else "answer"]
        related = ([self._ref(c, 0.0) for c in self.events.related(event, self.index,
                                                                    exclude=[card.code])]
                   if event else [])
        siblings = set(self.families.siblings(card.name, [r.name for r in options[1:]]))
        variants = [r for r in options[1:] if r.name in siblings][:3]
        return AskResponse(status="answer", message=message, procedures=refs,
                           answer=card, citations=builder.citations,
                           event=event.label if event else None, related=related,
                           variants=variants)

    # -- internals --------------------------------------------------------------------------
    def _search(self, query: str, limit: int = 10) -> list[Hit]:
        """Search, then let the question's facts decide between look-alike variants (among
        twice as many candidates, so that a plain sibling ranked lower can come up)."""
        hits = self.index.search(self.families.without_ruled_out(query), 2 * limit)
        return self.families.rerank(query, hits, self._name_of)[:limit]

    def _with_event(self, query: str, hits: list[Hit]
                    ) -> tuple[str, list[Hit], LifeEvent | None]:
        """The query, hits and life event to answer with. A question that describes a life
        event and whose words do not already name a procedure well (the best hit's subject
        mostly covered, or the head of its name before "cho", "đối với"... when it is no
        variant for a case the question does not state) is searched again with the event's
        catalog words added."""
        event = self.events.match(query)
        if event is None:
            return query, hits, None
        if hits and self._names_well(query, hits[0].doc_id) >= self.event_name_share:
            return query, hits, event
        expanded = f"{query} {event.expand}"
        return expanded, self._search(expanded), event

    def _names_well(self, query: str, code: str) -> float:
        """The larger of the subject share and, for a name that is no variant for a case the
        question does not state, the share of its head."""
        share = self._name_share(query, code)
        if not self.families.unstated(query, self._name_of(code)):
            share = max(share, self._name_share(query, code, head=True))
        return share

    def _name_of(self, code: str) -> str:
        doc = self.index.doc(code)
        return doc.name if doc else ""

    def _query(self, question: str, history: Sequence[str]) -> str:
        """What to search for: the turn itself, or the earlier request it refines.

        With history, a turn about fee, time or channel stays on the earlier request; a turn
        that is a complete request of its own and unrelated to the earlier ones starts a new
        topic; anything else (facts, a reply to a question back) is read with the earlier turns.
        Stated ages are written out in the catalog's words (see ``dialogue``).
        """
        query = question
        topic = topic_of(history)
        if topic:
            if is_aspect_question(question):
                query = topic
            elif not self._starts_new_topic(question, topic):
                query = f"{question} {new_words(topic, question)}".strip()
        facts = age_facts(query)
        return f"{query} {facts}" if facts else query

    def _starts_new_topic(self, question: str, topic: str) -> bool:
        """A complete request (an intent word, several content words, most of a procedure's
        name) whose best procedure the earlier turns do not ask for. Facts alone ("chồng tôi
        là người Nhật") name no procedure, however well they match a variant's qualifier."""
        if len(content(question)) <= 3 or not self._has_intent(question):
            return False
        hits = self.index.search(question, 1)
        if not hits or self._name_share(question, hits[0].doc_id) < self.min_name_coverage:
            return False
        return self._coverage(topic, hits[0].doc_id) < self.min_coverage

    def _elsewhere(self, query: str, refs: list[ProcedureRef]) -> NationalRef | None:
        """A national procedure we do not hold that fits clearly better (``national``)."""
        if self.national is None:
            return None

        def twin(name: str) -> str | None:
            hit = self.index.search(name, 1)
            return self._ref(hit[0].doc_id, 0).name if hit else None

        return self.national.elsewhere(query, [r.name for r in refs[:3]], twin,
                                       fit=self.national_fit, margin=self.national_margin,
                                       twin_fit=self.national_twin)

    def _has_intent(self, query: str) -> bool:
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


    def _validate(self, question: object) -> None:
        if not isinstance(question, str):
            raise InvalidQuestion("câu hỏi phải là văn bản", hint="send the question as text")
        if len(question) > self.max_chars:
            raise InvalidQuestion(
                f"câu hỏi quá dài ({len(question)} ký tự, tối đa {self.max_chars})",
                hint="hãy hỏi ngắn gọn hơn",
            )

    def _ref(self, code: str, score: float) -> ProcedureRef:
        doc = self.index.doc(code)
        name, levels = (doc.name, doc.levels) if doc else (code, [])
        return ProcedureRef(code=code, name=" ".join(name.split()), score=round(score, 4),
                            levels=levels)

    def _coverage(self, query: str, code: str) -> float:
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
        subject = subject_of(doc.name)
        name_side = self._name_share(query, code)
        expanded = syllables(default_dictionary().expand(query))
        shared = len(phrases(expanded) & phrases(syllables(subject)))
        return min(1.0, 0.5 * question_side + 0.5 * name_side + 0.2 * min(shared, 2))

    def _name_share(self, query: str, code: str, *, head: bool = False) -> float:
        """The share of the procedure's subject words (its name without qualifiers of level
        and channel) that the question, with its expansions, contains; with ``head``, of the
        subject's words before its first "cho", "đối với", "tại"... (what is done, not for
        whom)."""
        doc = self.index.doc(code)
        if doc is None:
            return 0.0
        words = set(content(default_dictionary().expand(query)))
        subject = subject_of(doc.name)
        if head:
            subject = _HEAD_END.split(subject, maxsplit=1)[0]
        name_words = set(content(subject))
        return len(accent_aware(words, name_words)) / max(len(name_words), 1)

    def _doc_words(self, code: str) -> tuple[frozenset[str], frozenset[str]]:
        """A procedure's words, accented and folded (cached: answers repeat few codes)."""
        hit = self._words_cache.get(code)
        if hit is None:
            doc = self.index.doc(code)
            text = f"{doc.name} {doc.field} {doc.body}" if doc else ""
            exact = frozenset(syllables(default_dictionary().expand_acronyms(text)))
            hit = (exact, frozenset(fold(w) for w in exact))
            if len(self._words_cache) > 4096:
                self._words_cache.clear()
            self._words_cache[code] = hit
        return hit

    def _abstain(self, reason: str, refs: list[ProcedureRef] | None = None) -> AskResponse:
        key = reason if reason in MESSAGES else "off_topic"
        return AskResponse(status="abstain", message=MESSAGES[key], procedures=refs or [],
                           reason=reason)


def load_assistant(settings: Settings | None = None, *, where_provider: WhereProvider | None =
                   None, db: Database | None = None) -> Assistant:
    """The assistant over the store and index in the data home (``MOTCUA_HOME``)."""
    settings = settings or get_settings()
    db = db or open_database(settings.db_url)
    # rebuilt first when it is not at the store's generation (a killed import, a corrupt file)
    index = load_index(db, settings.index_dir, lock_seconds=settings.index_lock_seconds)
    return assistant_for(index, db, settings, where_provider=where_provider)


def assistant_for(index: ProcedureIndex, db: Database, settings: Settings, *,
                  where_provider: WhereProvider | None = None) -> Assistant:
    """The assistant over a loaded index: what the CLI and each server worker build (a new
    one per index the server swaps in), with the national names it does not hold."""
    national = load_national_names(db, held_codes={d.code for d in index.docs},
                                   held_names={d.name for d in index.docs})
    return Assistant(index, ProcedureRepository(db), where_provider=where_provider,
                     max_chars=settings.max_question_chars, national=national)
