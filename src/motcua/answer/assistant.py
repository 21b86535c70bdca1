"""The assistant: question in, grounded answer card (or a question back, or a refusal) out.

Construction: ``load_assistant(settings, where_provider=...)`` opens the store and the saved
index from the data home (``MOTCUA_HOME``); the service passes its per-commune
``WhereProvider``. Decisions, in order: guard rules (empty, gibberish, injection, private data)
→ search → confidence (does the best procedure actually share the question's words?) → ask
back when several procedures fit a short question equally well → answer card with citations.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from motcua._errors import InvalidQuestion
from motcua._settings import Settings, get_settings
from motcua.answer._protocol import WhereProvider
from motcua.answer._words import content, distinct
from motcua.answer.card import CardBuilder
from motcua.answer.dialogue import age_facts, is_aspect_question, new_words, topic_of
from motcua.answer.events import LifeEvent, LifeEvents, default_events
from motcua.answer.families import Families, default_families
from motcua.answer.fit import QuestionFit
from motcua.answer.guard import guard_reason
from motcua.answer.messages import MESSAGES, clarify_question, not_in_catalog
from motcua.answer.national import NationalNames, load_national_names
from motcua.answer.schema import AskResponse, NationalRef, ProcedureRef
from motcua.answer.short import aspect_of
from motcua.answer.uncovered import UncoveredNeeds, default_needs
from motcua.catalog.indexing import ProcedureRepository, load_index
from motcua.catalog.model import ParsedProcedure
from motcua.catalog.sample import is_sample_code
from motcua.search._protocol import Hit
from motcua.search.procedures import ProcedureIndex
from motcua.store.db import Database, open_database
from motcua.text.typos import unshorten

__all__ = ["Assistant", "assistant_for", "load_assistant"]

log = logging.getLogger(__name__)


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
        subject_fit: float = 0.45,
        subject_head_share: float = 0.7,
        families: Families | None = None,
        events: LifeEvents | None = None,
        event_name_share: float = 0.75,
        needs: UncoveredNeeds | None = None,
    ) -> None:
        self.needs = needs if needs is not None else default_needs()
        self.families = families if families is not None else default_families()
        self.events = events if events is not None else default_events()
        self.event_name_share = event_name_share
        self.national_twin = national_twin
        self.subject_fit = subject_fit
        self.subject_head_share = subject_head_share
        self.national = national
        self.national_fit = national_fit
        self.national_margin = national_margin
        self.clarify_coverage = clarify_coverage
        self.min_name_coverage = min_name_coverage
        self._sample_of: ProcedureIndex | None = None
        self._sample = False
        self._fit: QuestionFit | None = None
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
    def fit(self) -> QuestionFit:
        """The question-to-procedure measures over the index in use (new when it changes)."""
        if self._fit is None or self._fit.index is not self.index:
            self._fit = QuestionFit(self.index, self.families)
        return self._fit

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
        # a procedure's own name (an option pressed, a name pasted) settles it: no history
        query = question if self.fit.is_a_name(question) else self._query(
            self.index.fix_typing(unshorten(question)), [unshorten(h) for h in history])
        hits = self._search(query)
        asked = query  # the asker's words, before a life event adds the catalog's
        query, hits, event = self._with_event(query, hits)
        refs = [self._ref(h.doc_id, h.score) for h in hits]
        intent = self.fit.has_intent(query)
        elsewhere = self._elsewhere(query, refs) if intent else None
        if elsewhere is not None:
            # A procedure that exists nationally but that we do not hold: name it, hand over.
            return AskResponse(status="abstain", message=not_in_catalog(elsewhere),
                               reason="not_in_catalog", national=elsewhere)
        if intent and hits and self.needs.unanswered(asked, self.index, hits[0].doc_id) and (
                self.fit.names_well(asked, hits[0].doc_id) < self.event_name_share):
            return self._abstain("not_in_catalog")  # a need the catalog does not cover
        if not hits:
            return self._abstain("not_in_catalog" if intent else "off_topic")
        if not intent:
            # No word of asking for a procedure ("làm", "xin", "đăng ký"...), no known
            # colloquial name. Words that match a procedure well ("kết hôn với người nước
            # ngoài") are a request all the same: ask back with options, never refuse; a short
            # noun phrase needs less. Anything else (chit-chat) is a refusal.
            cover = self.fit.coverage(query, hits[0].doc_id)
            if cover >= self.clarify_coverage or (len(content(query)) <= 3 and cover >= 0.5):
                return AskResponse(status="clarify", message=MESSAGES["clarify"],
                                   procedures=refs, reason="ambiguous",
                                   clarify_question=clarify_question(distinct(refs)[:4]))
            return self._abstain("off_topic")
        cover = self.fit.coverage(query, hits[0].doc_id)
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
        if hits and self.fit.names_well(query, hits[0].doc_id) >= self.event_name_share:
            return query, hits, event
        expanded = f"{query} {event.expand}"
        return expanded, self._search(expanded), event

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
        if len(content(question)) <= 3 or not self.fit.has_intent(question):
            return False
        hits = self.index.search(question, 1)
        if not hits or self.fit.name_share(question, hits[0].doc_id) < self.min_name_coverage:
            return False
        return self.fit.coverage(topic, hits[0].doc_id) < self.min_coverage

    def _elsewhere(self, query: str, refs: list[ProcedureRef]) -> NationalRef | None:
        """A national procedure we do not hold that fits clearly better (``national``)."""
        if self.national is None:
            return None

        def twin(name: str) -> str | None:
            hit = self.index.search(name, 1)
            return self._ref(hit[0].doc_id, 0).name if hit else None

        found = self.national.elsewhere(query, [r.name for r in refs[:3]], twin,
                                        fit=self.national_fit, margin=self.national_margin,
                                        twin_fit=self.national_twin)
        doc = self.index.doc(refs[0].code) if refs and found is None else None
        # or the question names what it wants, and the best answer lacks it (``by_subject``)
        return found if doc is None else self.national.by_subject(
            query, f"{doc.name} {doc.field} {doc.body}", twin, fit=self.subject_fit,
            head_share=self.subject_head_share, twin_fit=self.national_twin)

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
