"""Repository functions: documents and passages in and out of the database.

Why functions over a session: the caller owns the transaction (``Database.session()``), so an
import writes a document and all its passages, or nothing.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from motcua._errors import NotFound
from motcua.documents.metadata import NUMBER_RE
from motcua.documents.model import DocumentMeta, Passage
from motcua.documents.parse import ParsedDocument
from motcua.store.documents import DocumentPassageRow, DocumentRow

__all__ = ["add_document", "find_by_hash", "get_document", "list_documents", "meta_of",
           "passages_of", "to_dict"]


def find_by_hash(session: Session, content_hash: str) -> DocumentRow | None:
    return session.scalar(select(DocumentRow).where(DocumentRow.content_hash == content_hash))


def add_document(session: Session, doc: ParsedDocument, source: str = "") -> DocumentRow:
    meta = doc.meta
    row = DocumentRow(
        content_hash=doc.content_hash, filename=doc.filename, source=source, format=doc.format,
        number=meta.number, doc_type=meta.doc_type, issuer=meta.issuer, place=meta.place,
        issued_date=meta.issued_date, subject=meta.subject, signer=meta.signer,
        meta={"dates": meta.dates, "deadlines": meta.deadlines, "pages": doc.pages,
              "ocr_pages": doc.ocr_pages or []},
        text=doc.text,
    )
    row.passages = [
        DocumentPassageRow(ord=p.ord, path=p.path, text=p.text,
                           data=p.model_dump(exclude={"ord", "path", "text"}))
        for p in doc.passages
    ]
    session.add(row)
    session.flush()
    return row


MAX_REF_CHARS = 100
_MAX_ID = 2**63 - 1  # the largest id a BIGINT column holds; a larger one is unknown, not a 500
# ASCII digits only: str.isdigit() accepts "³" and "٣", which int() then refuses or reads
_ASCII_ID = re.compile(r"[0-9]{1,18}")


def _unknown(ref: int | str) -> NotFound:
    """The one "not found" for every ref that is not stored.

    Why it echoes only an id or a number-shaped ref: anything else (a server path, markup) is
    the caller's input that a response must not reflect, and it must read the same whether or
    not something of that name exists elsewhere on the server.
    """
    text = str(ref)
    shown = text if _ASCII_ID.fullmatch(text) or NUMBER_RE.fullmatch(text) else ""
    return NotFound(f"không tìm thấy văn bản {shown}" if shown else "không tìm thấy văn bản này",
                    hint="dùng mã (id) hoặc số hiệu của văn bản đã nhập, ví dụ 1672/NQ-UBTVQH15; "
                         "xem danh sách bằng 'motcua docs list'")


def get_document(session: Session, ref: int | str) -> DocumentRow:
    """A stored document by id, or by its number ("1672/NQ-UBTVQH15"); never a file path.

    Every other ref (empty, too long, control characters, non-ASCII digits, an id out of
    range) is ``NotFound`` before any query, so no input can reach the database as an error.
    """
    row: DocumentRow | None = None
    if isinstance(ref, bool) or not isinstance(ref, int | str):
        raise _unknown("")
    if isinstance(ref, int):
        row = session.get(DocumentRow, ref) if 0 < ref <= _MAX_ID else None
        if row is None:
            raise _unknown(ref)
        return row
    if not ref or len(ref) > MAX_REF_CHARS or not ref.isprintable():
        raise _unknown("")
    if _ASCII_ID.fullmatch(ref):
        row = session.get(DocumentRow, int(ref))
    if row is None:
        row = session.scalar(select(DocumentRow).where(DocumentRow.number == ref)
                             .order_by(DocumentRow.id.desc()).limit(1))
    if row is None:
        raise _unknown(ref)
    return row


def list_documents(session: Session) -> list[DocumentRow]:
    return list(session.scalars(select(DocumentRow).order_by(DocumentRow.id)))


def count_documents(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)


def meta_of(row: DocumentRow) -> DocumentMeta:
    extra: dict[str, Any] = row.meta or {}
    issued: date | None = row.issued_date
    return DocumentMeta(number=row.number, doc_type=row.doc_type, issuer=row.issuer,
                        place=row.place, issued_date=issued, subject=row.subject,
                        signer=row.signer, dates=extra.get("dates", []),
                        deadlines=extra.get("deadlines", []))


def passages_of(row: DocumentRow) -> list[tuple[int, Passage]]:
    return [(p.id, Passage(ord=p.ord, path=p.path, text=p.text, **(p.data or {})))
            for p in row.passages]


def to_dict(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id, "filename": row.filename, "format": row.format, "number": row.number,
        "doc_type": row.doc_type, "issuer": row.issuer, "place": row.place,
        "issued_date": row.issued_date.isoformat() if row.issued_date else None,
        "subject": row.subject, "signer": row.signer, "passages": len(row.passages),
        "ocr_pages": (row.meta or {}).get("ocr_pages", []),
    }
