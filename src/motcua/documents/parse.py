"""One file → text, metadata and passages: the pipeline every entry point shares.

Why shared: the importer, the evaluation over a folder and the summary of a single file must
see the same passages and paths, or citations would differ between the CLI and the metrics.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from motcua.documents.index import IndexedPassage
from motcua.documents.ingest import extract_text
from motcua.documents.limits import ParseLimits
from motcua.documents.metadata import NUMBER_RE, extract_metadata, province_of, type_from_number
from motcua.documents.model import DocumentMeta, Passage
from motcua.documents.structure import split_passages

__all__ = ["ParsedDocument", "content_hash", "index_entries", "parse_document"]


@dataclass
class ParsedDocument:
    filename: str
    format: str
    content_hash: str
    text: str
    meta: DocumentMeta
    passages: list[Passage]
    pages: int = 1
    ocr_pages: list[int] | None = None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _number_from_filename(filename: str) -> str | None:
    """Official files are often named after their number ("915_CTK-CSCL.csv")."""
    stem = Path(filename).stem.replace("_", "/")
    m = NUMBER_RE.fullmatch(stem) or NUMBER_RE.match(stem)
    return m.group(1) if m else None


def parse_document(data: bytes, filename: str, *, ocr: bool = True,
                   limits: ParseLimits | None = None) -> ParsedDocument:
    """Parse in this process. Files from outside (uploads, imports) go through
    ``sandbox.parse_isolated``, which runs this in a child with time and memory limits."""
    extracted = extract_text(data, filename, ocr=ocr, limits=limits)
    meta = extract_metadata(extracted.text)
    if meta.number is None:
        meta.number = _number_from_filename(filename)
        if meta.doc_type is None:
            meta.doc_type = type_from_number(meta.number) or (
                "Công văn" if meta.number and re.match(r"^\d+/[^/]+$", meta.number) else None)
    return ParsedDocument(
        filename=Path(filename).name, format=extracted.format, content_hash=content_hash(data),
        text=extracted.text, meta=meta, passages=split_passages(extracted.text),
        pages=extracted.pages, ocr_pages=extracted.ocr_pages,
    )


def index_entries(doc_key: str | int, meta: DocumentMeta, passages: list[tuple[str, Passage]],
                  filename: str = "") -> list[IndexedPassage]:
    """Index records for a document's passages (``(passage_id, passage)`` pairs)."""
    title = " ".join(x for x in (meta.title, meta.issuer or "", Path(filename).stem) if x)
    filters = {
        "type": meta.doc_type, "issuer": meta.issuer, "number": meta.number,
        "year": meta.issued_date.year if meta.issued_date else None, "document": doc_key,
        "province": province_of(meta),
    }
    out = []
    for pid, p in passages:
        heading = p.lead if p.lead else (p.article_title or "")
        out.append(IndexedPassage(id=pid, body=p.text, heading=heading, title=title,
                                  filters=filters))
    return out
