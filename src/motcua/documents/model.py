"""Plain data shapes of the documents room, shared by ingest, index, answers and the API.

Why pydantic: the service helper mounts these as API responses unchanged, and the CLI prints
them with ``model_dump``; one definition keeps both outputs identical.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

__all__ = [
    "AskResult",
    "Citation",
    "DocumentMeta",
    "ExtractedText",
    "ImportResult",
    "Passage",
    "SearchHit",
]


class ExtractedText(BaseModel):
    """Text of one file as the format readers return it, before any structure is found."""

    text: str
    format: str
    pages: int = 1
    ocr_pages: list[int] = Field(default_factory=list)


class Passage(BaseModel):
    """The smallest citable unit: an article, a clause or a point (or a chunk of free text)."""

    ord: int
    path: str = ""
    part: str | None = None
    chapter: str | None = None
    section: str | None = None
    article: str | None = None
    article_title: str | None = None
    clause: int | None = None
    point: str | None = None
    lead: str = ""
    text: str


class DocumentMeta(BaseModel):
    number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_date: date | None = None
    subject: str | None = None
    signer: str | None = None
    dates: list[str] = Field(default_factory=list)
    deadlines: list[str] = Field(default_factory=list)

    @property
    def title(self) -> str:
        bits = [self.doc_type or "", self.number or "", self.subject or ""]
        return " ".join(b for b in bits if b)


class Citation(BaseModel):
    document_id: int | str
    number: str | None = None
    doc_type: str | None = None
    path: str = ""
    filename: str | None = None

    @property
    def label(self) -> str:
        head = " ".join(x for x in (self.doc_type, self.number) if x) or str(self.filename or "")
        return f"{head}, {self.path}" if self.path else head


class SearchHit(BaseModel):
    passage_id: int | str
    score: float
    text: str
    snippet: str
    citation: Citation
    title: str = ""


class AskResult(BaseModel):
    status: str = Field(description="answer | abstain")
    question: str
    answer: str = ""
    value: str | None = Field(default=None, description="the date a 'when' question asked "
                              "for, as the answer's sentence writes it (\"01/7/2025\")")
    sentences: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    passages: list[SearchHit] = Field(default_factory=list)


class ImportResult(BaseModel):
    filename: str
    status: str = Field(description="imported | unchanged | failed")
    document_id: int | None = None
    number: str | None = None
    doc_type: str | None = None
    passages: int = 0
    ocr_pages: list[int] = Field(default_factory=list)
    error: str | None = None
    hint: str | None = None
    code: str | None = Field(default=None, description="why it failed: file_format | conflict "
                             "| external_service")
    replaced: list[int] = Field(default_factory=list, description="ids of the documents of "
                                "the same number this one replaced (replace=true)")
