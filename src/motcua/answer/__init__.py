"""Answers: grounded answer cards with citations, clarify or abstain."""

from motcua.answer._protocol import AssistantProtocol, WhereProvider
from motcua.answer.assistant import Assistant, load_assistant
from motcua.answer.schema import AnswerCard, AskResponse, Citation, ProcedureRef, WhereFact

__all__ = [
    "AnswerCard",
    "AskResponse",
    "Assistant",
    "AssistantProtocol",
    "Citation",
    "ProcedureRef",
    "WhereFact",
    "WhereProvider",
    "load_assistant",
]
