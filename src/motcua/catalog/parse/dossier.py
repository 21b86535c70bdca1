"""Parse ``thanh_phan_ho_so``: the papers to submit or show, per case.

The portal flattened one or more three-column tables (paper name, form template, count), each
introduced by the header ``Tên giấy tờMẫu đơn, tờ khaiSố lượng`` and preceded by a heading: a
section marker ("* Giấy tờ phải nộp:"), a case ("Trường hợp ủy quyền ...") or "--" (none). A row
ends with its count ("1 bản chính", "0 bản chính,1 bản sao", "1 bản sao") glued to the next row;
a form template file name ("Mẫu 01.docx") sits glued between the name and the count.
"""

from __future__ import annotations

import re

from motcua.catalog.model import DossierItem
from motcua.catalog.parse._text import clean, is_placeholder

__all__ = ["DOSSIER_HEADER", "is_note", "parse_dossier", "split_template"]

DOSSIER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_SECTIONS = (("* Giấy tờ phải nộp:", "nộp"), ("* Giấy tờ phải xuất trình:", "xuất trình"))
# The portal's count is one digit; digits before it belong to the name ("năm 2026" + "1").
_COUNT_RE = re.compile(r"(\d) bản chính,(\d) bản sao|(\d) bản chính|(\d) bản sao")
# After a real count the next row starts glued: no space, comma, or lowercase continuation.
# Enumerators such as "b) ..." or "a. ..." are the lowercase exception.
_ENUM_RE = re.compile(r"[a-zđ][).]")
_NOT_ROW_START = frozenset(" ,;.:)/")
_EXT = r"\.(?i:docx|doc|pdf|xlsx|xls|rar|zip|odt)"
_FILE_RE = re.compile(_EXT + r"(?![a-z])")
_INSIDE_FILE_NAME = frozenset(" \t-_(.0123456789")  # before a keyword that is not a start
_NUMBERED_PREFIX_RE = re.compile(r"(?<!\d)\d{1,3}-$")
_NUMBERED_ITEM_RE = re.compile(r"[;.)](\d{1,2}\. \S)")  # "...hiệu lực;1. Đơn cấp mới.docx"
_CODE_FILE_RE = re.compile(r"[^\W\d](\d\.\d{6})")  # "...hàng không1.000574.docx"
_AFTER_SEMICOLON_RE = re.compile(r";(\S)")  # last resort: the name ended at ";"
_CHAIN_GAP = 80  # max length of one file name inside a chain of glued template names
# Where a template name usually starts: a form keyword glued to the text before it.
_TEMPLATE_WORD_RE = re.compile(
    r"(?:Mẫu|Mau|MẪU|MAU|mẫu|mau|Phụ lục|Phu luc|Phu lục|Phụ luc|PL|Phl|Phiếu|Phieu|Tờ khai|"
    r"To khai|BM|TK|Form|Bieu|Biểu)"
)


def _is_row_end(s: str, end: int) -> bool:
    if end >= len(s):
        return True
    nxt = s[end]
    if nxt in _NOT_ROW_START:
        return False
    if nxt.islower():
        return bool(_ENUM_RE.match(s, end))
    return True


def _template_start(name: str, first_ext: int) -> int:
    """Index where the glued template file name begins inside ``name`` (-1 = not found).

    File names contain dots, dashes and spaces, and the paper name before them has no
    separator, so we look, nearest first, for (1) a form keyword glued to a non-space
    character or following punctuation, possibly behind a numbered prefix ("10-Mẫu"), (2) a
    sentence break ". " / ";" / ")" before an upper case letter or before a file name without
    spaces, a numbered item ";1. Đơn"), a procedure-code file name, the text after the last
    ";", (3) the farthest lower→upper case change with no space ("phủMẫu").
    """
    lo = max(0, first_ext - 90)
    window = range(first_ext - 1, lo - 1, -1)
    for i in window:
        if i == 0 or not _TEMPLATE_WORD_RE.match(name, i):
            continue
        if name[i - 1] not in _INSIDE_FILE_NAME or (
            name[i - 1] == "." and i > 1 and not name[i - 2].isdigit()
        ):
            return i
        prefixed = _NUMBERED_PREFIX_RE.search(name, 0, i)  # "...(NA9).10-Mẫu NA9.doc"
        if prefixed and prefixed.start() > 0:
            before = name[prefixed.start() - 1]
            if not before.isspace() and not before.isalnum():
                return prefixed.start()
    for i in window:
        if i > 1 and name[i - 1] in ";.)" and name[i].isupper() and not name[i - 2].isdigit():
            return i
    for i in window:  # a file name without spaces after a sentence end: "...ký tên.m01a.pdf"
        if i > 1 and name[i - 1] in ";.)" and not name[i - 2].isdigit() and not any(
            c.isspace() for c in name[i:first_ext]
        ):
            return i
    for pattern in (_NUMBERED_ITEM_RE, _CODE_FILE_RE, _AFTER_SEMICOLON_RE):
        found = [m.start(1) for m in pattern.finditer(name, lo, first_ext)]
        if found:
            return found[-1]
    for i in range(max(1, first_ext - 60), first_ext):
        if name[i].isupper() and (name[i - 1].islower() or name[i - 1].isdigit()):
            return i
    return -1


def split_template(name: str) -> tuple[str, str]:
    """Split "paper name" + glued "template.docx" file names into (name, template)."""
    exts = list(_FILE_RE.finditer(name))
    if not exts or exts[-1].end() != len(name):
        return name, ""
    first = exts[-1]
    for prev in reversed(exts[:-1]):
        if first.start() - prev.end() > _CHAIN_GAP:
            break
        first = prev
    start = _template_start(name, first.start())
    if start <= 0:
        return name, ""
    return name[:start].strip(), name[start:].strip()


def is_note(item: DossierItem) -> bool:
    """True for rows the portal lists as papers but that are notes or group headings.

    They carry "0 bản chính" and no copies ("Trường hợp ... thì không phải nộp", "- Chứng cứ
    ... gồm một trong các giấy tờ sau:"); an answer should show them as remarks, not as a
    paper to bring.
    """
    return item.originals == 0 and not item.copies


def _item(text: str, count: re.Match[str] | None, case: str, section: str) -> DossierItem:
    name, template = split_template(text.strip())
    originals = copies = None
    count_text = ""
    if count is not None:
        count_text = count.group(0)
        if count.group(1) is not None:
            originals, copies = int(count.group(1)), int(count.group(2))
        elif count.group(3) is not None:
            originals = int(count.group(3))
        else:
            copies = int(count.group(4))
    return DossierItem(
        name=name, originals=originals, copies=copies, count_text=count_text,
        template=template, case=case, section=section,
    )


def _heading(text: str, section: str) -> tuple[str, str]:
    """(case, section) from the text before a table header."""
    case = text.strip()
    for marker, name in _SECTIONS:
        if case.startswith(marker):
            section, case = name, case[len(marker):].strip()
    if is_placeholder(case):
        case = ""
    return case, section


def _rows(chunk: str) -> tuple[list[tuple[str, re.Match[str] | None]], str]:
    """Rows (text, count match) of one table body and the text left after the last count."""
    rows: list[tuple[str, re.Match[str] | None]] = []
    pos = 0
    for m in _COUNT_RE.finditer(chunk):
        if m.start() < pos or not _is_row_end(chunk, m.end()):
            continue
        rows.append((chunk[pos : m.start()], m))
        pos = m.end()
    return rows, chunk[pos:]


def parse_dossier(text: str) -> list[DossierItem]:
    """All papers of one ``thanh_phan_ho_so`` value ([] when empty or a placeholder)."""
    if is_placeholder(text):
        return []
    s = clean(text)
    parts = s.split(DOSSIER_HEADER)
    items: list[DossierItem] = []
    section = ""
    case, section = _heading(parts[0], section) if len(parts) > 1 else ("", "")
    bodies = parts[1:] if len(parts) > 1 else parts
    for i, body in enumerate(bodies):
        rows, rest = _rows(body)
        items.extend(_item(t, m, case, section) for t, m in rows if t.strip())
        last = i == len(bodies) - 1
        if last:
            if rest.strip() and not is_placeholder(rest) and (rows or len(parts) > 1):
                items.append(_item(rest, None, case, section))
        else:
            case, section = _heading(rest, section)
    return items
