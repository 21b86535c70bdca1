"""The table of document upload jobs (``motcua.documents.jobs``).

Why in the main database and not in the job queue: the queue (Huey's SQLite file or Redis) is
the consumer's, and its results are per machine and read once; a row here lets any worker of
any machine answer the uploader's poll, ties the job to its uploader, and holds the uploaded
bytes until the import has run (they are cleared then), so an accepted upload is never lost.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from motcua.store.models import Base, utcnow

__all__ = ["DocumentJobRow"]


class DocumentJobRow(Base):
    __tablename__ = "document_jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner: Mapped[str] = mapped_column(String(128))
    filename: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    replace: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
