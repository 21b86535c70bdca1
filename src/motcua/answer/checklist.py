"""The short checklist: each paper as a short name with its count, grouped by the case it
applies in ("Nếu nộp trực tuyến", "Nếu ủy quyền ...").

Why grouped: a record lists together what everyone brings and what only some bring (the
online form, the proxy's letter); a person reading it aloud at the counter must see the first
list at once and skip the cases that are not theirs. Which case is the asker's is read from
the question's words about the channel; the other cases stay, but only in the details when the
asker said how they will file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from motcua.answer.schema import ShortFact
from motcua.answer.shorten import cut, plain_count, split_condition
from motcua.catalog.model import F_DOSSIER, DossierItem
from motcua.catalog.parse import is_note
from motcua.text.normalize import fold

__all__ = ["Channel", "asked_channel", "checklist"]

Cite = Callable[[str, str], str]
Channel = str  # "truc_tuyen" | "truc_tiep" | "buu_chinh"

_CHANNEL_WORDS = {
    "truc_tuyen": ("truc tuyen", "truc tuyển", "online", "qua mang", "dich vu cong", "vneid"),
    "truc_tiep": ("truc tiep", "den nop", "tai quay"),
    "buu_chinh": ("buu chinh", "buu dien", "gui qua"),
}
_GROUP_LABELS = {"truc_tuyen": "Nếu nộp trực tuyến", "truc_tiep": "Nếu nộp trực tiếp",
                 "buu_chinh": "Nếu gửi qua bưu chính"}
_CASE_PREFIXES = ("Trường hợp ", "trường hợp ", "Nếu ", "nếu ", "Đối với ", "đối với ")


def asked_channel(text: str) -> Channel | None:
    """The channel a text speaks of (the asker's question, a condition), or None."""
    folded = fold(text)
    for kind, words in _CHANNEL_WORDS.items():
        if any(w in folded for w in words):
            return kind
    return None


@dataclass(frozen=True)
class _Line:
    group: str  # "" = everyone; else the label shown above the group
    group_quote: str  # the source span the group label states
    name: str
    count: str
    shown_only: bool  # a paper to show (xuất trình), not to hand in


def _group(item: DossierItem, condition: str) -> tuple[str, str]:
    """(label, quote) of the case a paper applies in; ("", "") when always needed."""
    source = condition or item.case
    if not source:
        return "", ""
    channel = asked_channel(source)
    if channel:
        return _GROUP_LABELS[channel], source
    quote = condition or cut(item.case, 90)
    for prefix in _CASE_PREFIXES:
        if quote.startswith(prefix):
            quote = quote[len(prefix):]
            break
    else:
        if not condition:  # a heading with no condition word ("Gia hạn tạm trú theo danh sách")
            return quote, quote
    if len(quote.split()) < 2:  # "(nếu có)": the paper is brought only when one exists
        return f"Nếu {quote} (không bắt buộc)", quote
    return f"Nếu {_lower_first(quote)}", quote


def _lower_first(text: str) -> str:
    """"Gia hạn ..." → "gia hạn ..." after "Nếu"; acronyms ("UBND") stay."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _lines(dossier: list[DossierItem]) -> list[_Line]:
    out: list[_Line] = []
    seen: set[tuple[str, str]] = set()
    for item in dossier:
        if is_note(item):
            continue
        split = split_condition(item.name)
        label, quote = _group(item, split.condition)
        if not split.name or (label, split.name) in seen:
            continue
        seen.add((label, split.name))
        out.append(_Line(label, quote, split.name, plain_count(item.count_text),
                         item.section == "xuất trình"))
    return out


def checklist(dossier: list[DossierItem], cite: Cite, *, question: str = "") -> list[ShortFact]:
    """Paper lines (kind paper) under case lines (kind case): everyone's papers first.

    When the question names a channel, the groups of the other channels are left to the
    details (they are not the asker's case).
    """
    asked = asked_channel(question)
    lines = _lines(dossier)
    mixed = len({ln.shown_only for ln in lines}) > 1  # else every paper is of the one kind
    if asked:
        others = {label for kind, label in _GROUP_LABELS.items() if kind != asked}
        lines = [ln for ln in lines if ln.group not in others]
    groups: dict[str, list[_Line]] = {}
    for ln in lines:
        groups.setdefault(ln.group, []).append(ln)
    facts: list[ShortFact] = []
    for label in sorted(groups, key=lambda g: g != ""):  # stable: everyone's first
        members = groups[label]
        if label:
            facts.append(ShortFact(kind="case", text=f"{label}:", quote=members[0].group_quote,
                                   cite=cite(F_DOSSIER, members[0].group_quote), group=label))
        for ln in members:
            count = f" — {ln.count}" if ln.count else ""
            show = " (xuất trình)" if ln.shown_only and mixed else ""
            facts.append(ShortFact(kind="paper", text=f"☐ {ln.name}{count}{show}", quote=ln.name,
                                   cite=cite(F_DOSSIER, ln.name), group=label))
    return facts
