"""Adding a parsed document when another of the same number may exist: refuse or replace.

Why refuse by default: officials cite a document by its number ("1672/NQ-UBTVQH15"), and the
summary and search routes resolve a number to one document; a second file of that number (a
draft, a wrong scan) used to take the real one's place silently. Replacing is therefore an
explicit request (``replace=true`` on upload, ``--replace`` on the command line), and it runs in
the caller's transaction: the old document and its passages go, the new one comes, or nothing.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from motcua._errors import Conflict
from motcua.documents import store
from motcua.documents.parse import ParsedDocument
from motcua.store.documents import DocumentRow

__all__ = ["add_or_replace"]

REPLACE_HINT = ("để thay văn bản cũ bằng tệp này, tải lên lại với replace=true "
                "(dòng lệnh: motcua docs import --replace)")


def add_or_replace(session: Session, doc: ParsedDocument, origin: str, *, replace: bool,
                   filename: str) -> tuple[DocumentRow, list[int]]:
    """The new row and the ids it replaced; ``Conflict`` when the number exists and
    ``replace`` is false (documents without a number never clash)."""
    number = doc.meta.number
    # the same bytes are not a clash: the unique hash makes that import "unchanged"
    same = list(session.scalars(
        select(DocumentRow).where(DocumentRow.number == number,
                                  DocumentRow.content_hash != doc.content_hash)
        .order_by(DocumentRow.id))) if number else []
    if same and not replace:
        old = same[-1]
        raise Conflict(f"{filename}: đã có văn bản số {number} (tệp {old.filename}, mã "
                       f"{old.id}) với nội dung khác", hint=REPLACE_HINT, number=number,
                       document_id=old.id)
    for old in same:
        session.delete(old)  # its passages go with it (cascade)
    session.flush()
    return store.add_document(session, doc, origin), [old.id for old in same]
