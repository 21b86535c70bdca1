"""Profiles in the database and the ``WhereProvider`` the assistant calls.

Why a cache with a short lifetime: every answer needs the asker's profile, and with several
server workers an import done through one worker (or the CLI) must reach the others without a
restart; a few seconds of staleness is harmless for opening hours.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from motcua._errors import UnknownCommune
from motcua.answer.schema import WhereFact
from motcua.catalog.model import ParsedProcedure
from motcua.communes.profile import CommuneProfile, Counter
from motcua.communes.seats import SEAT_SOURCE
from motcua.communes.units import resolve_unit
from motcua.store.db import Database
from motcua.store.models import utcnow
from motcua.store.service import CommuneProfileRow
from motcua.text import fold

__all__ = [
    "ProfileRegistry",
    "counter_for",
    "ensure_sample_profiles",
    "load_profiles",
    "save_profiles",
    "where_facts",
]

log = logging.getLogger(__name__)


def save_profiles(db: Database, profiles: Iterable[CommuneProfile]) -> int:
    """Insert or replace the given profiles in one transaction; returns how many."""
    n = 0
    with db.session() as s:
        for p in profiles:
            row = s.get(CommuneProfileRow, p.code)
            data = p.model_dump(exclude={"code", "name", "province"})
            if row is None:
                s.add(CommuneProfileRow(code=p.code, name=p.name, province=p.province, data=data))
            else:
                row.name, row.province, row.data, row.updated_at = (
                    p.name, p.province, data, utcnow())
            n += 1
    return n


def load_profiles(db: Database) -> list[CommuneProfile]:
    with db.session() as s:
        rows = s.scalars(select(CommuneProfileRow).order_by(CommuneProfileRow.code)).all()
        return [CommuneProfile.model_construct(code=r.code, name=r.name, province=r.province,
                                               **_counters(r.data)) for r in rows]


def ensure_sample_profiles(db: Database) -> None:
    """The bundled sample profiles, only into a store that has no profile yet."""
    from motcua.communes.profile import sample_profiles

    if not load_profiles(db):
        save_profiles(db, sample_profiles())


def _counters(data: dict[str, Any]) -> dict[str, Any]:
    out = dict(data)
    out["counters"] = [Counter.model_validate(c) for c in data.get("counters", [])]
    return out


def _fkey(text: str) -> str:
    return " ".join(fold(text).lower().split())


def counter_for(profile: CommuneProfile, procedure: ParsedProcedure) -> Counter | None:
    """The counter that lists the procedure's code, else the first whose fields match its
    field (folded, either contains the other: "Hộ tịch" matches "Hộ tịch (cấp xã)")."""
    for c in profile.counters:
        if procedure.code in c.procedures:
            return c
    field = _fkey(procedure.field)
    if not field:
        return None
    for c in profile.counters:
        for f in c.fields:
            k = _fkey(f)
            if k and (k == field or k in field or field in k):
                return c
    return None


def where_facts(profile: CommuneProfile, procedure: ParsedProcedure) -> list[WhereFact]:
    """Vietnamese facts for the answer card; empty when the commune does not take it."""
    counter = counter_for(profile, procedure)
    if counter is None and "xa" not in procedure.levels:
        return []
    facts: list[WhereFact] = []
    if profile.address:
        facts.append(WhereFact(text=f"Nộp hồ sơ tại: {profile.address}", commune=profile.name))
    elif profile.seat:
        unit = profile.name[:1].lower() + profile.name[1:]  # "xã Ba Sơn" inside a sentence
        facts.append(WhereFact(text=f"Trụ sở {unit}: {profile.seat} (theo {SEAT_SOURCE}"
                                    "; bộ phận một cửa có thể ở nơi khác, hãy hỏi lại xã)",
                               commune=profile.name))
    if counter is not None:
        label = f"Quầy số {counter.number}" + (f" ({counter.name})" if counter.name else "")
        facts.append(WhereFact(text=label, commune=profile.name, counter=counter.number))
    if profile.hours:
        facts.append(WhereFact(text=f"Giờ làm việc: {profile.hours}", commune=profile.name))
    if profile.phone:
        facts.append(WhereFact(text=f"Điện thoại: {profile.phone}", commune=profile.name))
    return facts


class ProfileRegistry:
    """Profiles by commune code, re-read from the database at most every ``ttl`` seconds."""

    def __init__(self, db: Database | None, *, ttl: float = 30.0,
                 profiles: Iterable[CommuneProfile] = (), province: str | None = None) -> None:
        self._db = db
        self._province = province
        self._ttl = ttl
        self._lock = threading.Lock()
        self._by_code = {p.code: p for p in profiles}
        self._loaded = 0.0 if db is not None else float("inf")

    def refresh(self) -> None:
        if self._db is None:
            return
        profiles = load_profiles(self._db)
        with self._lock:
            self._by_code = {p.code: p for p in profiles}
            self._loaded = time.monotonic()

    def get(self, code: str) -> CommuneProfile | None:
        if self._db is not None and time.monotonic() - self._loaded > self._ttl:
            self.refresh()
        return self._by_code.get(code)

    def __call__(self, commune: str | None, procedure: ParsedProcedure) -> list[WhereFact]:
        """The ``WhereProvider``: facts for the asker's commune, or none (catalog fallback)."""
        if not commune:
            return []
        try:
            code = resolve_unit(commune, province=self._province).code
        except UnknownCommune:
            log.debug("where: unknown commune", extra={"commune": commune[:60]})
            return []
        profile = self.get(code)
        return where_facts(profile, procedure) if profile else []
