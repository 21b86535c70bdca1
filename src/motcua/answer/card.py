"""Turning one stored procedure into a cited answer card.

Why every fact carries a citation with the exact source quote: a wrong fee or a missing paper
sends a person home for nothing; an official must be able to check any line of the card
against the catalog record it came from, and ``motcua eval`` checks them all.
"""

from __future__ import annotations

from motcua.answer.messages import SAMPLE_NOTICE
from motcua.answer.schema import (
    AnswerCard,
    ChannelFact,
    Citation,
    LegalFact,
    PaperFact,
    WhereFact,
)
from motcua.catalog.indexing import StoredProcedure
from motcua.catalog.model import (
    F_ADDRESS,
    F_AGENCY,
    F_CHANNELS,
    F_DOSSIER,
    F_LEGAL,
    Channel,
)
from motcua.catalog.parse import is_note
from motcua.catalog.sample import is_sample_code

__all__ = ["CardBuilder"]

_LEVEL_NAMES = {"xa": "cấp xã", "tinh": "cấp tỉnh", "bo": "cấp bộ", "khac": "cơ quan khác"}
_MAX_PAPERS = 30
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

    def build(self, where: list[WhereFact], commune: str | None) -> AnswerCard:
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
        where = where or self._default_where(commune)
        warnings = self._warnings(channels)
        online = ""
        if any(c.kind == "truc_tuyen" for c in p.channels):
            online = "Có thể nộp trực tuyến trên Cổng Dịch vụ công quốc gia"
            online += f": {p.url}" if p.url else " (dichvucong.gov.vn)."
        card = AnswerCard(
            code=p.code, name=p.name, levels=list(p.levels), field=p.field, url=p.url,
            text="", papers=papers, notes=notes, channels=channels, where=where, online=online,
            legal_basis=legal, warnings=warnings,
        )
        card.text = render_text(card)
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
        p = self.stored.parsed
        out: list[WhereFact] = []
        if "xa" in p.levels:
            place = commune or "xã/phường nơi bạn cư trú"
            out.append(WhereFact(
                text=f"Bộ phận Một cửa (Trung tâm phục vụ hành chính công) của {place}.",
                commune=commune))
        elif p.levels:
            names = ", ".join(_LEVEL_NAMES.get(lv, lv) for lv in p.levels)
            out.append(WhereFact(text=f"Thủ tục thực hiện ở {names}, không làm tại xã.",
                                 commune=commune))
        for agency in p.agencies[:2]:
            out.append(WhereFact(text=f"Cơ quan thực hiện: {agency}",
                                 cite=self.cite(F_AGENCY, agency)))
        if p.address:
            out.append(WhereFact(text=f"Địa chỉ tiếp nhận: {p.address}",
                                 cite=self.cite(F_ADDRESS, p.address)))
        return out

    def _warnings(self, channels: list[ChannelFact]) -> list[str]:
        p = self.stored.parsed
        out = []
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


def render_text(card: AnswerCard) -> str:
    """The card as plain Vietnamese text (chat channels, the CLI without --json)."""
    lines = [f"Thủ tục: {card.name} (mã {card.code})"]
    if card.papers:
        lines.append("Giấy tờ cần chuẩn bị:")
        for paper in card.papers:
            extra = f" — {paper.count}" if paper.count else ""
            case = f" [{paper.case}]" if paper.case else ""
            lines.append(f"  ☐ {paper.name}{extra}{case}")
    if card.notes:
        lines.append("Lưu ý về hồ sơ:")
        lines.extend(f"  • {note.name}" for note in card.notes)
    if card.channels:
        lines.append("Cách nộp, thời hạn và phí:")
        for ch in card.channels:
            lines.append(f"  • {ch.label}: thời hạn {ch.time}; phí, lệ phí: {ch.fee}")
            if ch.fee_note:
                lines.append(f"    ({ch.fee_note})")
    if card.where:
        lines.append("Nơi nộp:")
        lines.extend(f"  • {w.text}" for w in card.where)
    if card.online:
        lines.append(card.online)
    if card.legal_basis:
        lines.append("Căn cứ pháp lý:")
        lines.extend(f"  • {lb.number}: {lb.title}" for lb in card.legal_basis)
    lines.extend(f"⚠ {w}" for w in card.warnings)
    if is_sample_code(card.code):
        lines.append(f"⚠ {SAMPLE_NOTICE}")
        lines.append("Nguồn: dữ liệu mẫu minh họa, không phải danh mục chính thức "
                     f"(mã {card.code}).")
    else:
        lines.append(f"Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính, mã {card.code}.")
    return "\n".join(lines)
