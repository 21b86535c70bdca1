"""The short card: what to do and where, fee and time in plain words, then the checklist.

Why a second, short view of the same record: the full card is the catalog poured out (80
lines for a marriage); a person on a cheap phone, or a volunteer reading aloud at the counter,
needs the next step first. Every line states one source span (``ShortFact.quote``) with its
citation, so ``motcua eval`` checks the short card as it checks the full one; the few lines of
the assistant's own words only send the person to the officer. The full record stays behind
"Xem chi tiết".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from motcua.answer._words import content
from motcua.answer.checklist import asked_channel, checklist
from motcua.answer.fees import active_reductions, implausible, plain_fee, vnd
from motcua.answer.schema import Aspect, ShortFact, WhereFact
from motcua.answer.shorten import cut, first_sentence
from motcua.catalog.model import (
    F_ADDRESS,
    F_AGENCY,
    F_CHANNELS,
    F_DOSSIER,
    F_LEVEL,
    F_NAME,
    Channel,
)
from motcua.catalog.model import ParsedProcedure as Procedure
from motcua.catalog.parse import clean, is_note
from motcua.text.normalize import fold

__all__ = ["ShortBuilder", "agency_field", "aspect_of"]

Cite = Callable[[str, str], str]
# What filing online asks of a person, in one line (VNeID level 2 = the identity account
# activated with the police; level 1 cannot file).
VNEID_HELP = "Cần tài khoản VNeID mức 2 (Công an xã kích hoạt khi bạn làm căn cước)."
BUDGET = 1000  # characters of the short card; past it papers move to the details
_LOCAL_LINES = 3  # lines of the commune's profile (address, counter, hours) on the card
_AGENCY_MAX = 150
_NOTES = 2  # dossier notes on the short card, at most
_FOR_OFFICIALS = ("Người tiếp nhận", "Cơ quan", "Cán bộ", "Công chức")
# Description sentences that change the plan: a verification period, the opening days.
_HOURS = "Thời gian tiếp nhận hồ sơ: "
_PLAN = re.compile(r"(?:xác minh|niêm yết|thẩm tra)[^.;]{0,80}?\d+ ngày|" + _HOURS)
_ASPECTS: tuple[tuple[Aspect, tuple[str, ...]], ...] = (
    ("time", ("bao lau", "may ngay", "thoi gian", "thoi han", "khi nao", "bao gio", "lau khong")),
    ("fee", ("phi", "tien", "bao nhieu")),
    ("online", ("online", "truc tuyen", "qua mang", "vneid", "dich vu cong", "tren mang")),
    ("where", ("o dau", "cho nao", "noi nao", "nop o", "dia chi", "den dau")),
    ("papers", ("giay to", "ho so", "mang gi", "can gi", "nhung gi", "mang theo")),
)


# The record's fields that name agencies, in the order the parser reads them.
_AGENCY_FIELDS = (F_AGENCY, "co_quan_co_tham_quyen", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop")
_COMMUNE_WORD = re.compile(r"\b(?:xã|Xã|XÃ)\b(?! hội)")  # not "xã hội" (social)


def agency_field(raw: Mapping[str, Any], agency: str) -> str:
    """The record field an agency name was read from (its citation's field)."""
    for name in _AGENCY_FIELDS:
        if agency in clean(str(raw.get(name) or "")):
            return name
    return F_AGENCY


def aspect_of(question: str) -> Aspect | None:
    """Which one fact a follow-up asks for ("lệ phí bao nhiêu?" → fee), or None."""
    folded = f" {fold(question)} "
    for aspect, words in _ASPECTS:
        if any(f" {w} " in folded or f" {w}?" in folded for w in words):
            return aspect
    return None


class ShortBuilder:
    """Builds the short card's facts for one procedure; ``cite`` is the card's citation
    registry (``CardBuilder.cite``), so the short card and the full one share citation ids."""

    def __init__(self, procedure: Procedure, cite: Cite, *, question: str = "",
                 today: dt.date | None = None, raw: Mapping[str, Any] | None = None) -> None:
        self.p = procedure
        self.raw = raw or {}
        self.cite = cite
        self.question = question
        self.today = today or dt.date.today()

    def facts(self, local: list[WhereFact], aspect: Aspect | None = None) -> list[ShortFact]:
        """The whole short card, or with ``aspect`` only the one fact a follow-up asks for."""
        head = [self._name()]
        parts = {
            "where": lambda: self._where(local) + self._online(),
            "online": self._online_answer,
            "fee": self._fee,
            "time": lambda: self._time() + self._plan(),
            "papers": lambda: checklist(self.p.dossier, self.cite, question=self.question),
        }
        if aspect is not None:
            return head + parts[aspect]()
        facts = head + self._where(local) + self._online() + self._fee() + self._time()
        facts += self._plan() + checklist(self.p.dossier, self.cite, question=self.question)
        return _within_budget(facts + self._notes())

    def _notes(self) -> list[ShortFact]:
        """The record's dossier notes that concern the asker: those about the channel they
        named, or sharing two words of their situation beyond the procedure's name. Notes
        addressed to officials ("Người tiếp nhận ...") stay in the details."""
        asked = asked_channel(self.question)
        said = set(content(self.question)) - set(content(self.p.name))
        out: list[ShortFact] = []
        for item in self.p.dossier:
            if not is_note(item) or item.name.rstrip().endswith(":"):
                continue  # a paper, or the heading of a list ("... các giấy tờ sau:")
            span = first_sentence(item.name, 160)
            if not span or span.startswith(_FOR_OFFICIALS):
                continue
            mine = asked is not None and asked_channel(span) == asked
            if mine or len(said & set(content(span))) >= 2:
                out.append(ShortFact(kind="note", text=f"Lưu ý: {span}", quote=span,
                                     cite=self.cite(F_DOSSIER, span)))
        return out[:_NOTES]

    # -- lines ------------------------------------------------------------------------------
    def _name(self) -> ShortFact:
        short = self.p.name.strip()
        for sep in (" (", " thực hiện ", " tại cấp "):
            if len(short) > 60 and sep in short:
                short = short.split(sep)[0]
        return ShortFact(kind="name", text=short, quote=short, cite=self.cite(F_NAME, short))

    def _where(self, local: list[WhereFact]) -> list[ShortFact]:
        if not any(c.kind != "truc_tuyen" for c in self.p.channels) and self.p.channels:
            return []  # online only: _online says so
        # an agency "name" of hundreds of characters is the portal's text run into the field
        agencies = [cut(a, 100, explain=False) for a in self.p.agencies if len(a) <= _AGENCY_MAX]
        if "xa" in self.p.levels:
            agencies = [a for a in agencies if _COMMUNE_WORD.search(a)] or agencies
        out = [ShortFact(kind="where", text=f"Nộp tại: {a}", quote=a,
                         cite=self.cite(agency_field(self.raw, a), a)) for a in agencies[:2]]
        if self.p.address:
            address = cut(self.p.address, 160)
            out.append(ShortFact(kind="where", text=f"Địa chỉ tiếp nhận: {address}", quote=address,
                                 cite=self.cite(F_ADDRESS, address)))
        out += [ShortFact(kind="local", text=w.text) for w in local[:_LOCAL_LINES]]
        level = clean(str(self.raw.get(F_LEVEL) or ""))
        if not out and level:
            out.append(ShortFact(kind="where", text=f"Thực hiện tại: {level} (hỏi bộ phận một cửa "
                                 "nơi bạn cư trú)", quote=level, cite=self.cite(F_LEVEL, level)))
        if not out:
            out.append(ShortFact(kind="check", text="Danh mục không ghi cơ quan tiếp nhận; hãy "
                                 "hỏi bộ phận một cửa nơi bạn cư trú."))
        return out

    def _online(self) -> list[ShortFact]:
        online = [c for c in self.p.channels if c.kind == "truc_tuyen"]
        if not online:
            return []
        only = all(c.kind == "truc_tuyen" for c in self.p.channels)
        text = ("Chỉ nộp trực tuyến" if only else "Hoặc nộp trực tuyến") + \
            ": dichvucong.gov.vn"
        return [ShortFact(kind="online", text=text, quote=online[0].label,
                          cite=self.cite(F_CHANNELS, online[0].label)),
                ShortFact(kind="help", text=VNEID_HELP)]

    def _online_answer(self) -> list[ShortFact]:
        return self._online() or [ShortFact(
            kind="check", text="Danh mục không ghi cách nộp trực tuyến cho thủ tục này; hãy "
            "nộp trực tiếp hoặc hỏi cán bộ.")]

    def _by_value(self, value: Callable[[Channel], str]) -> dict[str, list[Channel]]:
        groups: dict[str, list[Channel]] = {}
        for c in self.p.channels:
            groups.setdefault(value(c), []).append(c)
        return groups

    def _fee(self) -> list[ShortFact]:
        out: list[ShortFact] = []
        groups = self._by_value(lambda c: c.fee.text)
        for text, channels in groups.items():
            fee = channels[0].fee
            which = _which(channels) if len(groups) > 1 else ""
            if not plain_fee(fee):
                out.append(ShortFact(kind="check", text=f"Lệ phí{which}: danh mục không ghi; hãy "
                                     "hỏi cán bộ."))
                continue
            line = f"Lệ phí{which}: {plain_fee(fee)}"
            if implausible(fee):
                line += " (con số này có thể ghi sai trong danh mục; hãy hỏi cán bộ trước khi nộp)"
            out.append(ShortFact(kind="fee", text=line, quote=text,
                                 cite=self.cite(F_CHANNELS, text)))
            out += self._reduction(channels)
        return out

    def _reduction(self, channels: list[Channel]) -> list[ShortFact]:
        """The reduction the fee note gives for today, with the reduced sum worked out."""
        fee = channels[0].fee
        found = active_reductions(fee.note, self.today)
        if not found or fee.amount_vnd is None:
            return []
        r = found[0]
        due = fee.amount_vnd * r.pay_percent // 100
        online = " khi nộp trực tuyến" if r.online_only else ""
        text = (f"Đến hết ngày {r.end:%d/%m/%Y}{online}: chỉ thu {r.pay_percent}% mức trên, "
                f"tức {vnd(due)}")
        return [ShortFact(kind="fee", text=text, quote=r.quote, cite=self.cite(F_CHANNELS, r.quote),
                          computed=f"{due} = {r.pay_percent}% × {fee.amount_vnd}")]

    def _time(self) -> list[ShortFact]:
        out: list[ShortFact] = []
        groups = self._by_value(lambda c: c.time.text)
        for text, channels in groups.items():
            t = channels[0].time
            which = _which(channels) if len(groups) > 1 else ""
            if (t.value is None and not text.strip()) or text == "Không có thông tin":
                out.append(ShortFact(kind="check", text=f"Thời hạn{which}: danh mục không ghi; "
                                     "hãy hỏi cán bộ."))
            elif t.unit_missing:
                out.append(ShortFact(
                    kind="time", quote=text, cite=self.cite(F_CHANNELS, text),
                    text=f"Thời hạn{which}: danh mục chỉ ghi số “{text}”, không ghi đơn vị (ngày "
                         "hay giờ); hãy hỏi cán bộ."))
            else:
                out.append(ShortFact(kind="time", text=f"Thời hạn{which}: {text.lower()}",
                                     quote=text, cite=self.cite(F_CHANNELS, text)))
        return out

    def _plan(self) -> list[ShortFact]:
        """Description facts that change the plan (a 30-day verification, opening days)."""
        out: list[ShortFact] = []
        for c in self.p.channels:  # every channel's: a verification holds whichever is used
            for m in _PLAN.finditer(c.description):
                starts = [i + len(sep) for sep in ("- ", "+ ", ". ")
                          if (i := c.description.rfind(sep, 0, m.start())) >= 0]
                span = first_sentence(c.description[max(starts, default=0):], 200)
                label = "Lưu ý"
                if span.startswith(_HOURS):  # "Thời gian tiếp nhận hồ sơ: Giờ hành chính ..."
                    span, label = span[len(_HOURS):].split(" (")[0], "Giờ nhận hồ sơ"
                if span and span not in {f.quote for f in out}:
                    out.append(ShortFact(kind="plan", text=f"{label}: {span}", quote=span,
                                         cite=self.cite(F_CHANNELS, span)))
        return out[:2]


def _which(channels: list[Channel]) -> str:
    labels = list(dict.fromkeys(c.label.lower() for c in channels))
    return f" ({', '.join(labels)})"


def _within_budget(facts: list[ShortFact]) -> list[ShortFact]:
    """Notes, then papers past the budget move to the details (latest groups first) and one
    line says how many papers; the lines before the checklist (where, fee, time) stay."""
    def size(fs: list[ShortFact]) -> int:
        return sum(len(f.text) + 1 for f in fs)

    if size(facts) <= BUDGET:
        return facts
    kept = list(facts)
    moved = 0
    more = ShortFact(kind="more", text="")
    while kept and kept[-1].kind in ("note", "paper", "case") and size(kept) + 60 > BUDGET:
        moved += kept.pop().kind == "paper"
    while kept and kept[-1].kind == "case":
        kept.pop()
    if moved:
        more.text = f"… và {moved} giấy tờ khác: bấm “Xem chi tiết”."
        kept.append(more)
    return kept
