"""Turning one stored procedure into a cited answer card.

Why every fact carries a citation with the exact source quote: a wrong fee or a missing paper
sends a person home for nothing; an official must be able to check any line of the card
against the catalog record it came from, and ``motcua eval`` checks them all.
"""

from __future__ import annotations

import datetime as dt

from motcua.answer.fees import implausible
from motcua.answer.messages import SAMPLE_NOTICE
from motcua.answer.render import details_text, short_text
from motcua.answer.schema import (
    AnswerCard,
    Aspect,
    ChannelFact,
    Citation,
    LegalFact,
    PaperFact,
    ShortFact,
    WhereFact,
)
from motcua.answer.short import ShortBuilder, agency_field
from motcua.catalog.indexing import StoredProcedure
from motcua.catalog.model import (
    F_ADDRESS,
    F_CHANNELS,
    F_DOSSIER,
    F_LEGAL,
    Channel,
)
from motcua.catalog.parse import is_note
from motcua.catalog.sample import is_sample_code

__all__ = ["CardBuilder"]

_LEVEL_NAMES = {"xa": "cấp xã", "tinh": "cấp tỉnh", "bo": "cấp bộ", "khac": "cơ quan khác"}
_MAX_PAPERS = 200  # the details hold every paper (the short card holds what fits)
_MAX_LEGAL = 12


class CardBuilder:
    """Builds (card, citations) for one procedure."""

    def __init__(self, stored: StoredProcedure) -> None:
        self.stored = stored
        self.citations: list[Citation] = []
        self._ids: dict[tuple[str, str], str] = {}

    def cite(self, field: str, quote: str) -> str:
        key = (field, quote)
        if key not in self._ids:
            cid = f"c{len(self.citations) + 1}"
            self._ids[key] = cid
            self.citations.append(Citation(id=cid, code=self.stored.parsed.code, field=field,
                                           quote=quote, version=self.stored.version))
        return self._ids[key]

    def build(self, where: list[WhereFact], commune: str | None, *, question: str = "",
              aspect: Aspect | None = None, today: dt.date | None = None) -> AnswerCard:
        """The card; ``where``: the commune profile's facts. ``question`` lets the short card
        keep what concerns the asker; ``aspect`` (a follow-up about one thing) makes the short
        card that one fact; ``today`` decides which dated fee reductions apply."""
        p = self.stored.parsed
        facts = [
            (is_note(d), PaperFact(name=d.name, count=d.count_text, case=d.case,
                                   section=d.section, template=d.template,
                                   cite=self.cite(F_DOSSIER, d.name)))
            for d in p.dossier[:_MAX_PAPERS]
        ]
        papers = [f for note, f in facts if not note]
        notes = [f for note, f in facts if note]
        channels = [self._channel(c) for c in p.channels]
        legal = [
            LegalFact(number=lb.number, title=lb.title, cite=self.cite(F_LEGAL, lb.number))
            for lb in p.legal_basis[:_MAX_LEGAL]
        ]
        local = where
        where = where or self._default_where(commune)
        warnings = self._warnings(channels)
        online = ""
        if any(c.kind == "truc_tuyen" for c in p.channels):
            online = "Có thể nộp trực tuyến trên Cổng Dịch vụ công quốc gia"
            online += f": {p.url}" if p.url else " (dichvucong.gov.vn)."
        card = AnswerCard(
            code=p.code, name=p.name, levels=list(p.levels), field=p.field, url=p.url,
            text="", papers=papers, notes=notes, channels=channels, where=where, online=online,
            legal_basis=legal, warnings=warnings, aspect=aspect,
        )
        shorter = ShortBuilder(p, self.cite, question=question, today=today,
                               raw=self.stored.raw)
        card.short_facts = shorter.facts(local, aspect)
        if is_sample_code(p.code):
            card.short_facts.append(ShortFact(kind="check", text=f"⚠ {SAMPLE_NOTICE}"))
        card.text = details_text(card)
        card.short = short_text(card)
        return card

    def _channel(self, c: Channel) -> ChannelFact:
        time = c.time.text or "không có thông tin"
        if c.time.unit_missing:
            time = f"{c.time.text} (nguồn không ghi đơn vị thời gian)"
        fee_quote = c.fee.text or c.time.text or c.label
        return ChannelFact(
            kind=c.kind, label=c.label, time=time, time_unit_missing=c.time.unit_missing,
            fee=c.fee.text or "không có thông tin", fee_note=c.fee.note,
            fee_conflict=c.fee.conflict, cite=self.cite(F_CHANNELS, fee_quote),
        )

    def _default_where(self, commune: str | None) -> list[WhereFact]:
        """Where to go, from the record's own agency and address fields, each cited; a line
        of our own only when the record names no agency (then it says to ask)."""
        p = self.stored.parsed
        out: list[WhereFact] = []
        for agency in p.agencies[:2]:
            out.append(WhereFact(text=f"Cơ quan thực hiện: {agency}", commune=commune,
                                 cite=self.cite(agency_field(self.stored.raw, agency), agency)))
        if p.address:
            out.append(WhereFact(text=f"Địa chỉ tiếp nhận: {p.address}", commune=commune,
                                 cite=self.cite(F_ADDRESS, p.address)))
        if not out and "xa" in p.levels:
            out.append(WhereFact(text="Danh mục không ghi cơ quan tiếp nhận; hãy hỏi bộ phận "
                                      "một cửa của xã/phường nơi bạn cư trú.", commune=commune))
        elif not out and p.levels:
            names = ", ".join(_LEVEL_NAMES.get(lv, lv) for lv in p.levels)
            out.append(WhereFact(text=f"Thủ tục thực hiện ở {names}; danh mục không ghi cơ "
                                      "quan tiếp nhận.", commune=commune))
        return out

    def _warnings(self, channels: list[ChannelFact]) -> list[str]:
        p = self.stored.parsed
        out = []
        tiny = sorted({c.fee.text for c in p.channels if implausible(c.fee) and not c.fee.conflict})
        if tiny:
            out.append(f"Mức phí ghi trong danh mục ({', '.join(tiny)}) có thể bị ghi sai (thiếu "
                       "hàng nghìn). Hãy hỏi cán bộ một cửa trước khi nộp.")
        if any(c.fee_conflict for c in channels):
            out.append("Mức phí trong danh mục chưa thống nhất (ghi miễn phí nhưng phần mô tả nêu "
                       "mức thu). Hãy hỏi cán bộ một cửa trước khi nộp.")
        if any(c.time_unit_missing for c in channels):
            out.append("Danh mục không ghi rõ đơn vị thời gian giải quyết; hãy hỏi cán bộ.")
        if not p.dossier:
            out.append("Danh mục chưa có thông tin về thành phần hồ sơ; hãy hỏi cán bộ.")
        if not p.channels:
            out.append("Danh mục chưa có thông tin về cách nộp, phí và thời hạn; hãy hỏi cán bộ.")
        return out
