"""Redaction of personal data before a question is stored or logged.

Why markers instead of deletion: an official reading a handed-over conversation (and the
analytics of unanswered questions) still needs to see *that* the citizen gave an ID number or
a phone, only never the number itself.

Why a matching view instead of matching the text: citizens type full-width digits
(``０９１２…``), ``＠``, no-break or doubled spaces, zero-width joiners, "x (at) gmail.com".
``_view`` folds those characters one for one (NFKC where it gives one ASCII character, spaces
for invisible ones, ``-`` for dashes), so every span found in the view is the same span in the
original, and only the personal spans are replaced: everything else is returned untouched.

Why numbers are cut into chunks instead of one regex per format: a number may be written in
groups ("0912  345  607", "001/099/012349", "+84 912 345 678") and glued to a label
("sdt0912345605"), while procedure codes (1.001193.000.00.00.H12), dossier codes
(000.00.19.H36-250101-0001), document numbers (123/2015/NĐ-CP), amounts (1.500.000đ) and dates
must stay. A chunk is digits joined by single ``.``/``-``/``/``; a chunk glued to a code
(letters or ``.``/``-``/``/`` and more characters on either side) is never personal; chunks
joined by spaces are read together, longest personal reading first. The formats are fixed by
law (12-digit CCCD starting with a province code 0xx, 9-digit CMND, 10-digit mobiles from 0 or
+84, 11-digit landlines), a library would add nothing but weight.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MARKERS", "contains_personal_data", "redact"]

MARKERS = {
    "email": "[email]",
    "cccd": "[số CCCD]",
    "cmnd": "[số CMND]",
    "phone": "[số điện thoại]",
    "account": "[số tài khoản]",
    "tax": "[mã số thuế]",
    "insurance": "[số BHXH/BHYT]",
    "passport": "[số hộ chiếu]",
}

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63"


class _Fold(dict[int, int]):
    """``str.translate`` table filled on first sight of a character (then a C-level hit)."""

    def __missing__(self, cp: int) -> int:
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch)
        if ch in _INVISIBLE or (ch.isspace() and ch not in "\n\r"):
            out = ord(" ")
        elif ch in _DASHES:
            out = ord("-")
        elif len(folded) == 1 and folded.isascii() and folded.isprintable():
            out = ord(folded)
        else:
            out = cp
        self[cp] = out
        return out


_FOLD = _Fold()
_BRACKETS = str.maketrans("()[]{}", "      ")


def _view(text: str) -> str:
    """The text with look-alike characters folded to ASCII, same length, same positions."""
    return text if text.isascii() else text.translate(_FOLD)


# --- e-mails -------------------------------------------------------------------------------
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_AT = r"(?:\s*(?:@|[(\[{]\s*(?:at|a\s?còng)\s*[)\]}])\s*|\s+(?:at|a\s?còng)\s+)"
_DOT = r"(?:\s*(?:\.|[(\[{]\s*(?:dot|chấm)\s*[)\]}])\s*|\s+(?:dot|chấm)\s+)"
_AT_WORD = re.compile(r"\bat\b|còng", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_TLD = r"(?:com|net|org|edu|gov|info|biz|vn|io|me|co)(?![\w.])"
# "x (at) gmail.com", "x [at] gmail [dot] com", "x @ gmail . com", "x a còng gmail chấm com".
_EMAIL_LOOSE = re.compile(r"(?<![\w.+\-])[a-z0-9._%+\-]*[a-z0-9]" + _AT
                          + r"[a-z0-9\-]+(?:" + _DOT + r"[a-z0-9\-]+)*" + _DOT + _TLD,
                          re.IGNORECASE)

# --- numbers announced by their label --------------------------------------------------------
_FILL = r"(?:\s*(?:số|là|:|\.|#|-))*\s*"
_LABELLED = [
    (re.compile(r"(?<!\w)(?:stk|số tài khoản|tài khoản(?: ngân hàng)?|tk)" + _FILL
                + r"(\d(?:[ .\-]?\d){5,18})(?!\w)", re.IGNORECASE), "account"),
    (re.compile(r"(?<!\w)(?:mst|mã số thuế)" + _FILL + r"(\d{10}(?:-\d{3})?)(?![\w\-])",
                re.IGNORECASE), "tax"),
    (re.compile(r"(?<!\w)(?:bhxh|bhyt|bảo hiểm (?:xã hội|y tế))" + _FILL
                + r"([A-Z]{2}\d{13}|\d{10})(?!\w)", re.IGNORECASE), "insurance"),
    (re.compile(r"(?<!\w)(?:hộ chiếu|passport)" + _FILL + r"([A-Z]\d{7,8})(?!\w)",
                re.IGNORECASE), "passport"),
]

# --- bare numbers ---------------------------------------------------------------------------
_CHUNK = re.compile(r"\d+(?:[.\-/]\d+)*")
_SOFT_GAP = re.compile(r" {1,3}| {0,2}[.\-] {0,2}")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_CURRENCY = re.compile(r"\s?(?:đ|đồng|vnđ|vnd|dong)(?!\w)", re.IGNORECASE)
_SEPS = ".-/"
_MAX_DIGITS = 12


def _glued_to_code(view: str, start: int, end: int) -> bool:
    """True when the chunk is one piece of a longer code, word or amount."""
    before = view[start - 1] if start else ""
    if before in _SEPS and start >= 2 and view[start - 2].isalnum():
        return True
    if before.isalpha() or before == "_":
        i = start - 1
        while i > 0 and view[i - 1].isalpha():
            i -= 1
        # "sdt0912…", "CCCD001…" are labels; "H36-…", "QH15" after a separator are codes.
        if i > 0 and (view[i - 1] in _SEPS + "_" or view[i - 1].isdigit()):
            return True
    after = view[end] if end < len(view) else ""
    if after.isalpha() or after == "_":
        return True
    return after in _SEPS and end + 1 < len(view) and view[end + 1].isalnum()


def _kind(view: str, chunks: list[tuple[int, int]], plus: bool) -> str | None:
    """What a run of chunks is, or None when it is not personal data."""
    parts = [view[a:b] for a, b in chunks]
    digits = "".join(ch for p in parts for ch in p if ch.isdigit())
    n, multi = len(digits), len(parts) > 1
    if not multi and (_THOUSANDS.fullmatch(parts[0]) or _CURRENCY.match(view, chunks[0][1])):
        return None  # an amount: 1.500.000, 70.000 đồng
    if any("/" in p for p in parts):  # dates and document numbers use slashes; IDs rarely
        return None if multi else {12: "cccd", 9: "cmnd"}.get(n)
    lead0 = digits[0] == "0"
    if digits.startswith("84") and n in (11, 12) and (plus or multi or n == 11):
        return "phone"
    if lead0 and n in (10, 11):
        return "phone"
    if n == 12 and (lead0 or not multi):
        return "cccd"
    if n == 9 and (lead0 or not multi or [len(p) for p in parts] == [3, 3, 3]):
        return "cmnd"
    return None


def _number_spans(view: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    bare = view.translate(_BRACKETS)  # "(+84)912…" reads as " +84 912…"
    chunks = [piece for m in _CHUNK.finditer(bare)
              if not any(a < m.end() and m.start() < b for a, b, _ in taken)
              and not _glued_to_code(bare, m.start(), m.end())
              for piece in _at_slashes(bare, m.start(), m.end())]
    runs: list[list[tuple[int, int]]] = []
    for chunk in chunks:
        if runs and _SOFT_GAP.fullmatch(bare, runs[-1][-1][1], chunk[0]):
            runs[-1].append(chunk)
        else:
            runs.append([chunk])
    out: list[tuple[int, int, str]] = []
    for run in runs:
        i = 0
        sizes = [sum(ch.isdigit() for ch in bare[a:b]) for a, b in run]
        while i < len(run):
            # Readings of 9 to 12 digits only (no personal number is longer), longest first.
            readings, count = [], 0
            for j in range(i, len(run)):
                count += sizes[j]
                if count > _MAX_DIGITS and j > i:
                    break
                if count >= 9:
                    readings.append(j)
            for j in reversed(readings):
                start = run[i][0]
                plus = start > 0 and bare[start - 1] == "+"
                kind = _kind(bare, run[i:j + 1], plus)
                if kind:
                    start -= plus
                    if start > 0 and view[start - 1] == "(" and ")" in view[start:run[j][1]]:
                        start -= 1  # "(+84)912345678", "(024) 3826 1234"
                    out.append((start, run[j][1], kind))
                    i = j + 1
                    break
            else:
                out += _slash_pieces(bare, run[i])
                i += 1
    return out


def _at_slashes(bare: str, start: int, end: int) -> list[tuple[int, int]]:
    """The chunk, or its slash-separated pieces when one of them is as long as a personal
    number: "0912345678/0205 3812 345" is two phones, the second one spaced, while dates and
    document numbers ("01/7/2025", "1672/2025") keep their slashes."""
    pieces = bare[start:end].split("/")
    if len(pieces) == 1 or max(len(p) for p in pieces) < 9:
        return [(start, end)]
    out, pos = [], start
    for piece in pieces:
        out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out


def _slash_pieces(bare: str, chunk: tuple[int, int]) -> list[tuple[int, int, str]]:
    """"0912345678/0987654321": two numbers given at once, each read alone."""
    start, end = chunk
    if "/" not in bare[start:end]:
        return []
    out, pos = [], start
    for piece in bare[start:end].split("/"):
        kind = _kind(bare, [(pos, pos + len(piece))], False) if len(piece) >= 9 else None
        if kind:
            out.append((pos, pos + len(piece), kind))
        pos += len(piece) + 1
    return out


def _spans(text: str) -> list[tuple[int, int, str]]:
    view = _view(text)
    taken: list[tuple[int, int, str]] = []
    if "@" in view or _AT_WORD.search(view):
        taken += [(m.start(), m.end(), "email") for m in _EMAIL.finditer(view)]
        for m in _EMAIL_LOOSE.finditer(view):
            if not any(a < m.end() and m.start() < b for a, b, _ in taken):
                taken.append((m.start(), m.end(), "email"))
    if _DIGIT.search(view):  # every other kind has digits: skip them on plain prose
        for pattern, kind in _LABELLED:
            for m in pattern.finditer(view):
                if not any(a < m.end(1) and m.start(1) < b for a, b, _ in taken):
                    taken.append((m.start(1), m.end(1), kind))
        taken += _number_spans(view, taken)
    return sorted(taken)


def redact(text: str) -> str:
    """Replace e-mails, phone numbers, ID numbers and labelled account, tax, insurance and
    passport numbers by markers; every other character of ``text`` is returned as it was."""
    if not text:
        return text
    spans = _spans(text)
    if not spans:
        return text
    out, pos = [], 0
    for start, end, kind in spans:
        out += [text[pos:start], MARKERS[kind]]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def contains_personal_data(text: str) -> bool:
    return bool(text) and bool(_spans(text))
