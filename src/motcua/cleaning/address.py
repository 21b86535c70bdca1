"""Split a free-text Vietnamese address into segments and read each segment's unit type.

Why readings instead of one parse: "Quan Hoa" without diacritics is either the ward Quan Hoa
or "Quận Hoa", "T. Lạng Sơn" is a province but "T" may start a name. Each segment therefore
offers every plausible (type, name) reading and the resolver keeps whichever one the unit
tables confirm, so a wrong guess here never produces a wrong answer there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache

from motcua.cleaning.units import accent_key, fast_fold, load_units, name_key
from motcua.text import nfc

__all__ = ["Reading", "Segment", "is_bare_type", "province_splits", "split_address",
           "split_on_types"]

# Abbreviation or full type word (folded) -> canonical type.
_TYPE_WORDS = {
    "thanh pho": "Thành phố", "tp": "Thành phố",
    "thi tran": "Thị trấn", "tt": "Thị trấn",
    "thi xa": "Thị xã", "tx": "Thị xã",
    "dac khu": "Đặc khu",
    "phuong": "Phường", "p": "Phường", "f": "Phường",
    "xa": "Xã", "x": "Xã",
    "quan": "Quận", "q": "Quận",
    "huyen": "Huyện", "h": "Huyện",
    "tinh": "Tỉnh", "t": "Tỉnh",
}
_PREFIX_RE = re.compile(
    r"^(thanh pho|thi tran|thi xa|dac khu|phuong|xa|quan|huyen|tinh|tp|tx|tt|p|f|x|q|h|t)"
    r"(\s*\.\s*|\s+|(?=\d))(?=\S)"
)
# Inside one segment (no commas written): where a new unit starts.
_INNER_TYPE_RE = re.compile(
    r"[\s\-](?=((?:thanh pho|thi tran|thi xa|dac khu|phuong|xa|quan|huyen|tinh)\s"
    r"|(?:tp|tx|tt|p|x|q|h|t)\.|(?:tp|tx|tt)\s|[pq]\d)\s*\S)"
)
# With diacritics written, a type word must carry its own ("Phương" is a name, not "Phường").
_ACCENTED_TYPES = {"thanh pho": "thành phố", "thi tran": "thị trấn", "thi xa": "thị xã",
                   "dac khu": "đặc khu", "phuong": "phường", "xa": "xã", "quan": "quận",
                   "huyen": "huyện", "tinh": "tỉnh"}
_SEPARATORS = re.compile(r"\s*[,;\n|/]\s*|\s+[-–—]\s+")
_POSTCODE = re.compile(r"[\s,;-]+\d{5,6}\s*$")
_COUNTRY = {"vietnam", "vn", "vietnamese"}
_MAX_SEGMENTS = 12


def fold_aligned(text: str) -> str:
    """Fold diacritics one character for one character, so offsets stay valid in the original."""
    return fast_fold(text)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a segment: its unit type (or "" when none is written) and name keys."""

    type: str
    key: str
    raw: str
    has_accents: bool

    @property
    def accented(self) -> str:
        """Computed only when two units share the folded key (rare, and cached)."""
        return accent_key(self.raw)


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    readings: tuple[Reading, ...]

    @property
    def type_hint(self) -> str:
        return self.readings[0].type if self.readings else ""


def _readings(text: str) -> tuple[Reading, ...]:
    folded = fold_aligned(text)
    has_accents = folded != text.lower()
    out: list[Reading] = []
    m = _PREFIX_RE.match(folded)
    if m:
        rest = text[m.end():]
        key = name_key(rest)
        if key:
            out.append(Reading(_TYPE_WORDS[m.group(1)], key, rest, has_accents))
    whole = name_key(text)
    if whole:
        out.append(Reading("", whole, text, has_accents))
    return tuple(out)


@lru_cache(maxsize=65536)
def _segment(text: str) -> Segment | None:
    """Registers repeat the same ward, district and province strings; read each once."""
    text = text.strip(" .:-–")
    if not text:
        return None
    readings = _readings(text)
    return Segment(text, readings) if readings else None


@lru_cache(maxsize=1)
def _dashed_re() -> re.Pattern[str]:
    pairs = sorted(load_units().dashed_names)
    alts = "|".join(rf"{re.escape(a)}\s*[-–]\s*{re.escape(b)}" for a, b in pairs)
    return re.compile(rf"\b(?:{alts})\b")


def _join_dashed_names(text: str) -> str:
    """Glue "Chân Mây - Lăng Cô" so that its dash is not read as a separator."""
    matches = list(_dashed_re().finditer(fold_aligned(text)))
    for m in reversed(matches):
        glued = re.sub(r"\s*[-–]\s*", "-", text[m.start():m.end()])
        text = text[:m.start()] + glued + text[m.end():]
    return text


def split_address(address: str) -> list[Segment]:
    """Segments from left (house, street) to right (province); trailing country names dropped."""
    text = _POSTCODE.sub("", nfc(address))  # "TP.HCM 700000": a postal code is not a unit
    if "-" in text or "–" in text:
        text = _join_dashed_names(text)
    parts = [p for p in _SEPARATORS.split(text) if p and p.strip()]
    segs = [s for s in (_segment(p) for p in parts[-_MAX_SEGMENTS:]) if s is not None]
    while segs and segs[-1].readings[-1].key in _COUNTRY:
        segs.pop()
    return segs


_BARE_TYPES = frozenset({"thanhpho", "thitran", "thixa", "dackhu", "phuong", "xa", "quan",
                         "huyen", "tinh", "tp", "tx", "tt", "p", "x", "q", "h", "t"})


def is_bare_type(seg: Segment) -> bool:
    """A piece that is only a type word ("huyen" before "quan ba") means a cut is misplaced."""
    return seg.readings[-1].key in _BARE_TYPES


def province_splits(segs: list[Segment],
                    is_province: Callable[[str], bool]) -> list[list[Segment]]:
    """``segs`` itself, then every way of cutting a province name off the last piece
    ("huyện Nghi Lộc Nghệ An"); "Thành phố Hà Tĩnh Hà Tĩnh" has two, so both are offered."""
    out = [segs]
    if not segs or is_province(segs[-1].readings[-1].key):
        return out
    words = segs[-1].text.split()
    for k in range(1, min(4, len(words) - 1) + 1):
        if is_province(name_key(" ".join(words[-k:]))):
            head, tail = _segment(" ".join(words[:-k])), _segment(" ".join(words[-k:]))
            if head is not None and tail is not None:
                out.append([*segs[:-1], head, tail])
    return out


def _written_as_type(text: str, start: int, folded_word: str) -> bool:
    full = _ACCENTED_TYPES.get(folded_word)
    return full is None or text[start:start + len(full)].lower() == full


def split_on_types(segments: list[Segment],
                   skip: Collection[int] = ()) -> tuple[list[Segment], int]:
    """Second chance for addresses typed without commas: cut each segment before type words.
    Without diacritics a cut may fall inside a name ("nghi phuong"), so the caller can retry
    with the cuts numbered in ``skip`` left out; the number of cuts is returned too."""
    out: list[Segment] = []
    seen = 0
    for seg in segments:
        folded = fold_aligned(seg.text)
        accented = folded != seg.text.lower()
        found = [m.end() for m in _INNER_TYPE_RE.finditer(folded)
                 if (not accented or _written_as_type(seg.text, m.end(), m.group(1).strip()))
                 and not (m.group(1).strip() == "xa" and folded[:m.start()].endswith("thi"))]
        cuts = [c for i, c in enumerate(found, start=seen) if i not in skip]
        seen += len(found)
        if not cuts:
            out.append(seg)
            continue
        bounds = [0, *cuts, len(seg.text)]
        for a, b in itertools.pairwise(bounds):
            s = _segment(seg.text[a:b])
            if s is not None:
                out.append(s)
    return out, seen
