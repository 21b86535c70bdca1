"""The answer contract shared by ``motcua ask --json`` and ``POST /api/v1/ask``.

Why pydantic: the same model validates, serialises and documents (OpenAPI) the answer, so the
CLI, the API and the docs cannot drift apart. Every fact in ``answer`` points at one entry of
``citations`` by ``cite``; a citation names the procedure code, the source field and the exact
quote found there.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "AnswerCard",
    "AskResponse",
    "ChannelFact",
    "Citation",
    "LegalFact",
    "NationalRef",
    "PaperFact",
    "ProcedureRef",
    "ShortFact",
    "WhereFact",
]

Status = Literal["answer", "clarify", "abstain"]


class ProcedureRef(BaseModel):
    code: str
    name: str
    score: float = Field(description="ranking score; comparable within one response only")
    levels: list[str] = Field(default_factory=list, description="xa | tinh | bo | khac")


class NationalRef(BaseModel):
    """A procedure of the national index whose details the catalog does not hold."""

    code: str
    name: str
    agency: str = ""
    field: str = ""
    url: str = Field(default="", description="its page on the national public-service portal")


class Citation(BaseModel):
    id: str = Field(description="referenced by the facts' 'cite'")
    code: str = Field(description="procedure code in the national catalog")
    field: str = Field(description="source field of the catalog record, e.g. thanh_phan_ho_so")
    quote: str = Field(description="the exact source text the fact rests on")
    version: int = 1


class PaperFact(BaseModel):
    name: str
    count: str = ""
    case: str = ""
    section: str = ""
    template: str = ""
    cite: str


class ChannelFact(BaseModel):
    kind: str
    label: str
    time: str
    time_unit_missing: bool = False
    fee: str
    fee_note: str = ""
    fee_conflict: bool = False
    cite: str


class LegalFact(BaseModel):
    number: str
    title: str
    cite: str


class WhereFact(BaseModel):
    text: str
    commune: str | None = None
    counter: str | None = None
    cite: str | None = None


ShortKind = Literal["name", "where", "local", "online", "fee", "time", "plan", "check", "case",
                    "paper", "note", "more", "help"]
Aspect = Literal["fee", "time", "online", "where", "papers"]


class ShortFact(BaseModel):
    """One line of the short card (``AnswerCard.short``) and the source span it states.

    ``quote`` is a verbatim span of the cited field (after the parsers' whitespace clean-up);
    ``text`` is the line as shown, in plain words around it. Lines of kind ``check`` (ask the
    officer), ``more`` (what the details hold) and ``local`` (the commune's own profile) are
    the assistant's or the commune's words and carry no catalog citation.
    """

    kind: ShortKind
    text: str
    quote: str = ""
    cite: str | None = None
    group: str = Field(default="", description="papers only: the case they apply in, '' = "
                       "always")
    computed: str = Field(default="", description="a figure worked out from the quote (a "
                          "reduced fee), written 'RESULT = PCT% × BASE' for the checker")


class AnswerCard(BaseModel):
    code: str
    name: str
    levels: list[str] = Field(default_factory=list)
    field: str = ""
    url: str = ""
    text: str = Field(description="the whole card as Vietnamese text, for chat channels")
    papers: list[PaperFact] = Field(default_factory=list, description="the checklist")
    notes: list[PaperFact] = Field(
        default_factory=list, description="dossier rows that are notes or conditions, not papers")
    channels: list[ChannelFact] = Field(default_factory=list)
    where: list[WhereFact] = Field(default_factory=list)
    online: str = ""
    legal_basis: list[LegalFact] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    short: str = Field(default="", description="the visible card as plain text: what a "
                       "messaging channel sends before 'Xem chi tiết' (every line from "
                       "``short_facts``)")
    short_facts: list[ShortFact] = Field(default_factory=list)
    aspect: Aspect | None = Field(default=None, description="set when a follow-up asked one "
                                  "thing (fee, time, online, where, papers): ``short`` is "
                                  "that one fact")
    plain: str | None = Field(default=None, description="``short`` reworded in plain "
                              "Vietnamese by the province's language model (MOTCUA_PHRASING="
                              "on), present only when a deterministic check found every "
                              "number, date, fee, paper, place and link in it in ``short`` and "
                              "none of them dropped; its facts are those of ``short_facts``")


class AskResponse(BaseModel):
    status: Status
    message: str = Field(description="a Vietnamese sentence for the person asking")
    procedures: list[ProcedureRef] = Field(default_factory=list)
    answer: AnswerCard | None = None
    citations: list[Citation] = Field(default_factory=list)
    clarify_question: str | None = None
    reason: str | None = Field(
        default=None, description="why it abstained or asks back: off_topic, empty, gibberish, "
        "private_data, injection, unsafe, low_confidence, not_in_catalog (a procedure outside our "
        "catalog: see ``national``; hand over to an officer), ambiguous")
    national: NationalRef | None = Field(
        default=None, description="with reason not_in_catalog: the national-index procedure "
        "that fits the question, named with its portal link (no details: we do not hold them)")
    event: str | None = Field(
        default=None, description="the life situation the question describes (\"Người thân "
        "qua đời\", \"Sinh con\"...), when one was recognised")
    variants: list[ProcedureRef] = Field(
        default_factory=list, description="with an answer: the look-alike procedures of its "
        "family among the candidates (foreign, border-area, re-registration...), offered as "
        "\"Trường hợp khác\"")
    related: list[ProcedureRef] = Field(
        default_factory=list, description="with an answer: what people in the same situation "
        "usually need next (\"Bạn cũng có thể cần\")")
    sample: bool = Field(
        default=False, description="true while the catalog in use is the bundled sample (no "
        "official catalog imported yet): every fact is illustrative, not official")
