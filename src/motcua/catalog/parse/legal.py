"""Parse ``can_cu_phap_ly``: the legal basis as (document number, title) rows.

The portal flattened a two-column table (title, number) into
``Tên văn bản pháp lýMã văn bản<title><number><title><number>...`` with nothing between the
cells. A row ends at a document number (``123/2015/NĐ-CP``, ``60/2014/QH13``, ``12/2025/QĐ-TTg``,
``1404/QĐ-UBND``) that is followed by the next title or the end. A number *inside* a title
("Nghị định số 123/2015/NĐ-CP ngày ...") is followed by lower-case words, a comma or another
number, so it does not end the row.
"""

from __future__ import annotations

import re

from motcua.catalog.model import LegalBasis
from motcua.catalog.parse._text import clean, is_placeholder

__all__ = ["LEGAL_HEADER", "find_document_numbers", "parse_legal"]

LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"

_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
# Issuer codes seen at the end of document numbers; they are never trimmed.
_ISSUERS = frozenset(
    {
        "CP", "TTg", "BTC", "BTP", "NHNN", "BCA", "BNNMT", "BGTVT", "BXD", "BNNPTNT", "BTNMT",
        "BKHĐT", "BLĐTBXH", "VPCP", "BCT", "BYT", "BKHCN", "HĐND", "UBND", "BHXH", "BQP", "BNG",
        "BNV", "BGDĐT", "BVHTTDL", "BTTTT", "KTNN", "TANDTC", "VKSNDTC", "CTN", "UBCKNN", "TCHQ",
        "TCT", "BKH", "NĐ", "QĐ", "TT", "NQ", "TTLT", "PL", "CT",
    }
)
# Issuer parts: upper-case letters; only the National Assembly codes carry digits ("QH13",
# "UBTVQH15"); "TTg" is the one with a lower-case letter.
_PART = rf"(?:TTg|(?:UBTV)?QH\d{{0,2}}|[{_UP}]+)"
# Upper-case title words that a glued title adds to the issuer part ("NĐ-CPLUẬT").
_CAPS_WORDS = frozenset(
    {"LUẬT", "NGHỊ", "THÔNG", "QUYẾT", "QUY", "PHÁP", "CHỈ", "VĂN", "BỘ", "HIẾN", "SỬA", "VỀ",
     "BAN", "HƯỚNG", "NGHI", "THONG", "QUYET", "LUAT"}
)
_NUMBER_RE = re.compile(rf"(\d+)((?:\.\d+)?/(?:\d{{4}}/)?{_PART}(?:-{_PART})*)")
# Two-letter syllable onsets: an upper-case letter that starts the next title ("NĐ-CPThông").
_ONSETS = ("Ch", "Gh", "Gi", "Kh", "Ng", "Nh", "Ph", "Qu", "Th", "Tr")
_VOWELS = set("aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_FOLLOW_TITLE_RE = re.compile(r"\s*(?:ngày|của|và|về|tại|năm|được|,|;|\)|/|-)", re.IGNORECASE)
_MIN_YEAR, _MAX_YEAR = 1945, 2035
# A number cell without issuer ("24/2024") glued to its title, ending the row.
_BARE_NUMBER_RE = re.compile(rf"(?<=[^\d\s/])\d{{1,4}}/\d{{4}}(?=\s*$|[{_UP}])")


def _trim_glued_title(s: str, start: int, end: int) -> int:
    """Give back the start of a following title that the issuer part swallowed."""
    last = s[start:end].rsplit("-", 1)[-1].rsplit("/", 1)[-1]
    for i in range(1, len(last)):
        if last[i:] in _CAPS_WORDS:
            return end - len(last) + i
    if end >= len(s) or not s[end].islower() or end - 1 <= start or last in _ISSUERS:
        return end
    if last[:-1] in _ISSUERS:
        return end - 1
    cap = s[end - 1]
    if not cap.isupper():
        return end
    if s[end] in _VOWELS or cap + s[end] in _ONSETS:
        return end - 2 if s[end - 2] == "-" else end - 1
    return end


def _digits_start(s: str, start: int, digits: str) -> int:
    """Where the number's leading digits really start when glued to a date or a year.

    "ngày 29/6/202443/2024/QH15" or "năm 2024171/2024/QH15": the first four digits are the
    year that ends the title. Document numbers themselves have at most four digits.
    """
    if len(digits) > 4 and _MIN_YEAR <= int(digits[:4]) <= _MAX_YEAR:
        return start + 4
    return start


def find_document_numbers(s: str) -> list[tuple[int, int]]:
    """(start, end) of every document-number-shaped span in ``s``, in order."""
    spans = []
    for m in _NUMBER_RE.finditer(s):
        start = _digits_start(s, m.start(), m.group(1))
        end = _trim_glued_title(s, m.start(), m.end())
        spans.append((start, end))
    for m in _BARE_NUMBER_RE.finditer(s):
        if not any(a <= m.start() < b for a, b in spans):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def _ends_row(s: str, start: int, end: int) -> bool:
    rest = s[end:]
    if not rest.strip():
        return True
    if _FOLLOW_TITLE_RE.match(rest):
        return False
    nxt = rest.lstrip()[0]
    if nxt.isdigit():
        # A title ending with a number, then the number cell: the same number again.
        return not rest.lstrip().startswith(s[start:end])
    if nxt.islower():
        return not rest[0].isspace()  # a lower-case title glued to the number ("QH12quy")
    # "... số 123/2015/NĐ-CP Quy định ..." with a space: still inside the title.
    glued = not rest[0].isspace()
    return glued or not s[max(0, start - 4) : start].casefold().endswith("số ")


def parse_legal(text: str) -> list[LegalBasis]:
    """All (number, title) rows of one ``can_cu_phap_ly`` value ([] when empty/placeholder)."""
    if is_placeholder(text):
        return []
    s = clean(text)
    if s.startswith(LEGAL_HEADER):
        s = s[len(LEGAL_HEADER):]
    rows: list[LegalBasis] = []
    pos = 0
    for start, end in find_document_numbers(s):
        if start < pos or not _ends_row(s, start, end):
            continue
        title = s[pos:start].strip()
        rows.append(LegalBasis(number=s[start:end], title=title))
        pos = end
    rest = s[pos:].strip()
    if rest and not is_placeholder(rest):
        rows.append(LegalBasis(number="", title=rest))
    # A row whose title cell held only the number repeats a number that has a real title.
    titled = {r.number for r in rows if r.title}
    return [r for r in rows if r.title or r.number not in titled]
