"""The national index of procedure names: every procedure of the national portal, by name.

Why a separate table: the catalog (``procedures``) holds the full records of the ministries we
import; the national index holds only the name, agencies, field and portal link of all 5,926
procedures. The assistant uses it to recognise a request for a procedure that exists but whose
details we do not hold, and to name it and hand over instead of showing an unrelated one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from motcua.store.models import Base, utcnow

__all__ = ["NationalProcedure"]


class NationalProcedure(Base):
    __tablename__ = "national_procedures"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str] = mapped_column(Text, default="")
    field: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
