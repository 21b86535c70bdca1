"""Metadata of Vietnamese administrative documents: number, type, issuer, place, date, subject,
signer, and the dates and deadlines in the body.

Why rules: the header follows the state format for administrative documents (Nghị định
30/2020/NĐ-CP): issuer top left, "Số: 12/QĐ-UBND", "<place>, ngày .. tháng .. năm ..", the type
in capitals, then the subject line or "V/v ..."; the signer's name closes the text. Rules read
that layout exactly and explain their mistakes; a model would need data we do not have.
"""

from __future__ import annotations

import re
from datetime import date

from motcua.documents.model import DocumentMeta
from motcua.documents.structure import split_sentences
from motcua.text.normalize import fold

__all__ = ["TYPES", "extract_metadata", "find_dates", "find_deadlines", "find_metadata_line",
           "metadata_intent", "province_key", "province_of", "type_from_number"]

TYPES = {
    "hiến pháp": "Hiến pháp", "bộ luật": "Bộ luật", "luật": "Luật", "pháp lệnh": "Pháp lệnh",
    "nghị định": "Nghị định", "nghị quyết": "Nghị quyết", "quyết định": "Quyết định",
    "thông tư liên tịch": "Thông tư liên tịch", "thông tư": "Thông tư", "chỉ thị": "Chỉ thị",
    "công văn": "Công văn", "kế hoạch": "Kế hoạch", "báo cáo": "Báo cáo",
    "thông báo": "Thông báo", "tờ trình": "Tờ trình", "hướng dẫn": "Hướng dẫn",
    "công điện": "Công điện", "quy chế": "Quy chế", "quy định": "Quy định",
    "chương trình": "Chương trình", "đề án": "Đề án", "kết luận": "Kết luận",
    "biên bản": "Biên bản", "giấy mời": "Giấy mời",
}
_CODE_TYPES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "NĐ": "Nghị định", "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch", "CT": "Chỉ thị", "CV": "Công văn", "KH": "Kế hoạch",
    "BC": "Báo cáo", "TB": "Thông báo", "TTr": "Tờ trình", "HD": "Hướng dẫn", "CĐ": "Công điện",
    "QH": "Luật", "KL": "Kết luận", "ĐA": "Đề án", "CTr": "Chương trình", "BB": "Biên bản",
    "GM": "Giấy mời", "QC": "Quy chế",
}
_UP = "A-ZĐÀ-Ỹ"
NUMBER_RE = re.compile(
    rf"(?<![\w/])(\d{{1,5}}(?:/\d{{4}})?[-/][{_UP}][{_UP}a-z0-9&Đđ]*(?:[-/][{_UP}a-z0-9&Đđ]+)*)"
)
_SO = re.compile(rf"\bSố\s*:?\s*{NUMBER_RE.pattern}")
_SO_KEM = re.compile(rf"\b(?:số|Số)\s+{NUMBER_RE.pattern}")
_DATE_VI = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_DATE_NUM = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_PLACE_DATE = re.compile(
    rf"(?<!\w)([{_UP}][\w.]*(?:[ \t]+[{_UP}][\w.]*){{0,4}})[ \t]*,[ \t]*"
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)
_DEADLINE = re.compile(
    r"\b(trước ngày|chậm nhất|hạn chót|thời hạn|không quá|hoàn thành trong|hoàn thành trước|"
    r"kể từ ngày|từ ngày|đến ngày|trong quý|trước \d{1,2}/\d{1,2})",
    re.I,
)
_NAME_WORD = rf"[{_UP}][a-zà-ỹđ]+"
_SIGNER = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
_MOTTO = ("cộng hòa xã hội", "cộng hoà xã hội", "độc lập - tự do", "đảng cộng sản việt nam")
_BODY_START = re.compile(r"^(?:Căn cứ|Xét đề nghị|Thực hiện|Kính gửi|Theo đề nghị|Hội nghị|"
                         r"QUYẾT NGHỊ|QUYẾT ĐỊNH:|Điều 1|I\s*[.-])")


def type_from_number(number: str | None) -> str | None:
    """The type that the number's code names ("1295/QĐ-UBND" → Quyết định)."""
    if not number:
        return None
    codes = re.split(r"[-/]", number)[1:]
    for raw in codes:
        code = re.sub(r"\d+$", "", raw)
        if code in _CODE_TYPES:
            return _CODE_TYPES[code]
    return None


def _parse_date(d: str, m: str, y: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def find_dates(text: str) -> list[str]:
    """Every calendar date written in the text, as ISO strings, in order, without repeats."""
    found: list[tuple[int, date]] = []
    for regex in (_DATE_VI, _DATE_NUM):
        for m in regex.finditer(text):
            parsed = _parse_date(*m.groups())
            if parsed:
                found.append((m.start(), parsed))
    seen: dict[str, None] = {}
    for _, d in sorted(found):
        seen.setdefault(d.isoformat(), None)
    return list(seen)


def find_deadlines(text: str) -> list[str]:
    """Sentences that set a time limit ("trước ngày 30 tháng 9 năm 2025", "chậm nhất ...")."""
    out: list[str] = []
    for sentence in split_sentences(text):
        if _DEADLINE.search(sentence) and (find_dates(sentence) or re.search(
                r"\d+\s*(?:ngày|tháng|năm|giờ)\b", sentence)):
            out.append(sentence)
    return out


def _header_lines(lines: list[str]) -> list[str]:
    head: list[str] = []
    for line in lines[:60]:
        if _BODY_START.match(line):
            break
        head.append(line)
    return head


_AUTHORITY = re.compile(r"^(?:ỦY BAN|UỶ BAN|CHỦ TỊCH|BỘ TRƯỞNG|HỘI ĐỒNG|CHÍNH PHỦ|THỦ TƯỚNG|"
                        r"BAN CHẤP HÀNH|GIÁM ĐỐC|QUỐC HỘI|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|"
                        r"BỘ CHÍNH TRỊ|BAN THƯỜNG VỤ)\b")


def _type_and_subject(head: list[str]) -> tuple[str | None, str | None]:
    """The type line in capitals ("QUYẾT ĐỊNH") and the subject lines under it, which may wrap
    over up to three lines and end where the enacting authority ("ỦY BAN ...") begins."""
    for i, line in enumerate(head):
        key = line.strip(" :.").lower()
        if key in TYPES and line.strip(" :.").isupper():
            parts: list[str] = []
            for cand in head[i + 1 : i + 6]:
                if cand.strip("-_* ") == "" or cand.startswith("-"):
                    if parts:
                        break
                    continue
                if _AUTHORITY.match(cand) or len(parts) == 3:
                    break
                parts.append(cand)
            return TYPES[key], " ".join(parts) or None
    for line in head:
        if re.match(r"^V/v\b|^Về việc\b", line, re.I):
            return None, line
    return None, None


def _issuer(head: list[str]) -> str | None:
    parts: list[str] = []
    for line in head:
        low = line.lower()
        if line.startswith("Số") or _DATE_VI.search(line) or any(m in low for m in _MOTTO):
            break
        if set(line) <= set("-*_ "):
            break
        if line.isupper():
            parts.append(line)
    return " ".join(parts) or None


def _signer(lines: list[str]) -> str | None:
    tail = lines[-40:]
    for line in reversed(tail):
        text = line.strip(" *._")
        if _SIGNER.match(text) and fold(text.split()[0]) not in {"noi", "luu", "kinh"}:
            return text
    return None


def extract_metadata(text: str) -> DocumentMeta:
    """Read the header, body and closing of a document's plain text."""
    lines = [" ".join(x.split()) for x in text.split("\n") if x.strip()]
    head = _header_lines(lines)
    head_text = "\n".join(head)
    m = _SO.search(head_text) or _SO.search("\n".join(lines[:80])) or _SO_KEM.search(
        "\n".join(lines[:20]))
    number = m.group(1).rstrip(".,;") if m else None
    doc_type, subject = _type_and_subject(head)
    if doc_type is None and subject is None:
        kem = re.search(r"kèm theo\s+(\w+(?:\s+\w+)?)\s+số", "\n".join(lines[:20]), re.I)
        if kem and kem.group(1).lower() in TYPES:
            doc_type = TYPES[kem.group(1).lower()]
    doc_type = doc_type or type_from_number(number)
    if (doc_type is None and number and re.match(r"^\d+/[^/]+$", number)) or (
            subject and subject.lower().startswith("v/v")):
        doc_type = doc_type or "Công văn"
    pd = _PLACE_DATE.search(head_text) or _PLACE_DATE.search("\n".join(lines[:80]))
    place = issued = None
    if pd:
        place = pd.group(1).strip()
        issued = _parse_date(pd.group(2), pd.group(3), pd.group(4))
    else:
        first = _DATE_VI.search("\n".join(lines[:20]))
        issued = _parse_date(*first.groups()) if first else None
    issuer = _issuer(head)
    if issuer is None:
        of = re.search(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\s+của\s+([^)\n,;]+)",
                       "\n".join(lines[:20]))
        issuer = of.group(1).strip() if of else None
    body = "\n".join(lines[len(head):])
    return DocumentMeta(
        number=number, doc_type=doc_type, issuer=issuer, place=place, issued_date=issued,
        subject=subject, signer=_signer(lines), dates=find_dates(body),
        deadlines=find_deadlines(body),
    )


_INTENTS = (
    ("signer", re.compile(r"\b(ai ky|nguoi ky|ky boi|do ai ky|ai la nguoi ky)\b")),
    # the document's own date only: "hoạt động từ ngày nào" is a date of the body (when.py)
    ("date", re.compile(r"\b(ngay ban hanh|ban hanh (vao )?(ngay|khi) nao|ban hanh ngay|"
                        r"ban hanh vao ngay|(duoc )?thong qua (vao )?(ngay|khi) nao|"
                        r"ky (vao )?(ngay|khi) nao|ngay ky)\b")),
    ("issuer", re.compile(r"\b(co quan nao ban hanh|ai ban hanh|do ai ban hanh|"
                          r"co quan ban hanh|don vi nao ban hanh)\b")),
    ("number", re.compile(r"\b(so hieu|so van ban|so bao nhieu)\b")),
)


def metadata_intent(question: str) -> str | None:
    """Which metadata field a question asks for ("Ai ký ...?" → "signer"), if any."""
    folded = fold(question)
    for name, regex in _INTENTS:
        if regex.search(folded):
            return name
    return None


def find_metadata_line(text: str, field: str, meta: DocumentMeta) -> str | None:
    """The line of the document that states ``field``, so the answer quotes the document."""
    lines = [" ".join(x.split()) for x in text.split("\n") if x.strip()]
    if field == "signer" and meta.signer:
        for i in range(len(lines) - 1, -1, -1):
            if lines[i] == meta.signer:
                titles = [x for x in lines[max(0, i - 3):i] if x.isupper()]
                return " ".join([*titles, meta.signer])
    wanted = {"date": meta.issued_date, "issuer": meta.issuer, "number": meta.number}
    if wanted.get(field):
        probe = {"date": _PLACE_DATE, "number": _SO}.get(field)
        for line in lines[:60]:
            if probe is not None and probe.search(line):
                return line
            if field == "issuer" and meta.issuer and line == meta.issuer.split()[0]:
                return meta.issuer
        if field == "issuer" and meta.issuer:
            return meta.issuer
    return None


_PROVINCE = re.compile(r"(?i:\b(?:tỉnh|thành phố)\s+)")
# accented: folded, "năm" (year) would stop at "Nam" of a name
_NOT_NAME_TEXT = ("năm về và giai đoạn đến trong theo nhiệm kỳ khóa khoá trực thuộc trung ương "
                  "sau khi")
_NOT_NAME = frozenset(_NOT_NAME_TEXT.split(" "))


def province_key(name: str) -> str:
    """"Tỉnh Lạng Sơn", "LẠNG SƠN", "lang son" → "langson"."""
    name = re.sub(r"(?i)^\s*(?:tỉnh|thành phố|tp\.?)\s+", "", name)
    return re.sub(r"[\W_]+", "", fold(name))


def province_of(meta: DocumentMeta) -> str | None:
    """The one province a document is about or issued in ("... CẤP XÃ CỦA TỈNH LẠNG SƠN NĂM
    2025", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"), title-cased; None for a national text or one
    that names several."""
    found: dict[str, str] = {}
    for text in (meta.subject or "", meta.issuer or ""):
        for m in _PROVINCE.finditer(text):
            words: list[str] = []
            rest = re.split(r"[,;.()\n]", text[m.end():], maxsplit=1)[0]
            for w in re.findall(r"[^\W\d_]+", rest)[:4]:
                if w.lower() in _NOT_NAME or (
                        not text.isupper() and not w[0].isupper()):
                    break
                words.append(w)
            if words:
                name = " ".join(words)
                name = name.title() if name.isupper() else name
                found.setdefault(province_key(name), name)
    return next(iter(found.values())) if len(found) == 1 else None
