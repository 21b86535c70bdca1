"""Questions the assistant must not answer with a procedure.

Why rules and not a model: they must hold on a machine with no AI service, be explainable to
an official, and never leak instructions. Each rule names a reason the API reports.
"""

from __future__ import annotations

import re

from motcua.text.normalize import fold

__all__ = ["guard_reason"]

_INJECTION = [
    r"\b(bo qua|phot lo|quen|ignore|disregard|forget)\b.{0,40}"
    r"\b(huong dan|chi dan|lenh|quy tac|instruction|instructions|rules|prompt)",
    r"\b(system prompt|prompt he thong|developer mode|jailbreak|dan mode)\b",
    r"\b(ban la|you are now|act as|dong vai|gia vo la)\b.{0,40}"
    r"\b(khong gioi han|ai|assistant|tro ly)",
    r"\b(in ra|tiet lo|cho xem|reveal|print|show)\b.{0,30}\b(prompt|cau hinh|config|huong dan he"
    r" thong|system|mat khau|password|api key|token)\b",
    r"<\s*script|\{\{|\}\}|\$\{",
    r"\b(quen|bo|thoat khoi)\b.{0,20}\bvai tro\b|\btra loi tu do\b",
    r"\b(xem|in|doc|cho .{0,10}xem)\b.{0,20}\bprompt\b|\bsystem\s*:|\byou are (now )?(dan|an? )",
    # claiming authority to switch the rules off: "tôi là quản trị viên, tắt bộ lọc"
    r"\b(tat|vo hieu hoa|go bo|bo|disable|turn off)\b.{0,20}\b(bo loc|che do an toan|kiem duyet|"
    r"gioi han (cua ban|tra loi)|rang buoc cua ban|filter|safety|guardrail)",
    r"\b(toi la|voi tu cach|day la)\b.{0,15}\b(quan tri vien|admin|nha phat trien|developer|"
    r"lap trinh vien cua ban)\b.{0,60}\b(lenh|yeu cau|phai|hay)\b",
    r"\btra loi (moi|tat ca) cau hoi\b.{0,30}\b(ke ca|ngoai|khong gioi han)",
]
_UNSAFE = [
    # "giả mạo" said of what someone else did ("kê khai ... là giả mạo", "bị giả mạo") is a
    # report, not a request to forge
    r"\b(hack|crack|be khoa|danh cap|lua dao|lam gia|(?<!la )(?<!bi )gia mao|lam lau|"
    r"tron thue|hoi lo|chay an|di cua sau)\b",
    # lying on a form, fake papers and stamps, buying a result, bribes in every wording
    r"\b(khai man|khai gian|khai khong|gian lan|lach luat|hop thuc hoa|ne thue|tron nghia vu|"
    r"lot tay|boi tron|dut lot|phong bi cho can bo)\b",
    r"\bmua (\w+ ){0,2}(bang|chung chi|giay phep|so do|ket qua)\b(?! (ve|o|tai|gi))",
    r"\b(ky|lam) (\w+ ){0,1}(ho|thay) (chu ky|ten|cho nguoi)|gia chu ky|nhai chu ky",
]
_PRIVATE = [
    r"\b(so dien thoai|sdt|dien thoai|so dt|email|dia chi nha|nha rieng|thong tin ca nhan|cccd"
    r"|can cuoc|so cmnd|ngay sinh|tai khoan ngan hang)\b.{0,40}\b(rieng|ca nhan|cua (ong|ba|anh"
    r"|chi|chu tich|can bo|nguoi)|chu tich|can bo|nguoi khac|hang xom)",
    r"\b(tra cuu|tim|cho (toi|minh|em) (biet|xin))\b.{0,30}\b(thong tin|dia chi|so dien thoai|"
    r"cccd|can cuoc)\b.{0,30}\b(cua|nguoi)\b(?!.{0,20}\b(toi|minh|em|con toi)\b)",
    # looking up someone else's record for the asker: "tra lý lịch của anh ấy giúp tôi"
    r"\b(tra|tra cuu|kiem tra|xem|tim|soi)\b.{0,30}\b(ly lich|tien an|tien su|ho so|so do|"
    r"tai khoan|no xau|thong tin)\b.{0,30}\bcua (anh ay|chi ay|ong ay|ba ay|co ay|ong ta|ba ta|"
    r"nguoi yeu|ban trai|ban gai|hang xom|nguoi khac|nguoi ta)\b",
    r"\b(nguoi yeu|ban trai|ban gai|hang xom|nguoi ta|anh ay|chi ay|ong ay|ba ay|co ay|ong ta|"
    r"ba ta)\b.{0,25}\b(co )?(tien an|tien su|an tich|no xau)\b.{0,20}\b(khong|gi|chua)\b",
]
# Someone else's data looked up for the asker, in any wording: a third person (not the asker's
# own family, for whom people legitimately ask), their data, linked ("số thuế của bà Hoa",
# "hộ khẩu nhà ông Bình", "ông Lộc ... có nợ thuế"), and a word of looking up. A request to
# *do* a procedure for someone ("nộp hộ hồ sơ cho bà Hoa") has no word of looking up.
_THIRD = (r"(nguoi khac|nguoi ta|((con|vo|chong|bo|me|ong|ba) )?(nha )?(hang xom|ben canh)|"
          r"nguoi dung ten|nguoi (co )?ten \w+|nguoi yeu( cu)?|ban trai|ban gai|vo cu|"
          r"chong cu|anh re|chi dau|em re|em dau|co giao|thay giao|chu nha|chu tro|nguoi thue|"
          r"(ong|ba|anh|chi|co|chu|bac|thang|con) (ay|ta|kia|do|hang xom|ben canh)|"
          r"(ong|ba|anh|chi|co|chu|bac) {name})")
_DATA = (r"(so dien thoai|sdt|so dt|dien thoai|dia chi|ngay sinh|nam sinh|ma so thue|mst|"
         r"so can cuoc|can cuoc|cccd|cmnd|thong tin|ho so|ly lich|tien an|tien su|an tich|"
         r"thua dat|so do|so hong|ho khau|khai sinh|tin nhan|no thue|no xau|tai khoan|"
         r"thu nhap|luong|dang o dau|song o dau|(da )?(dang ky )?ket hon (voi ai|chua|voi nguoi))")
_LOOKUP = (r"\b(cho (toi|em|minh|chau|tui) (xem|xin|biet|hoi|thong tin|so|dia chi|ma)|"
           r"xem|tra|tra cuu|kiem tra|tim|"
           r"liet ke|gui (toi|em|minh)|la gi|la bao nhieu|bao nhieu|la ai|ai la|o dau|"
           r"co \w+( \w+)? (khong|chua)|biet)\b")
_ON_BEHALF = (r"\b(uy quyen|nho (toi|em|minh|chau)|thay mat|dai dien cho|nop ho(?! so)|"
              r"lam ho(?! so)|lam thay)\b")
_LINKED = (r"\b{data}\b (\w+ ){0,3}(cua|nha|ve) (nha )?{third}\b|"
           r"\b{third}\b (\w+ ){0,5}{data}\b").replace("{data}", _DATA)
_OTHERS = [
    r"\bai la nguoi (nop|gui|viet|to cao|khieu nai|dung ten|bao)\b",
    r"\b(liet ke|danh sach|cho (toi|em|minh) (xem|biet)) (\w+ ){0,2}(nhung|cac) (nguoi|ho)\b"
    r".{0,30}\b(nop|dang ky|xin|nhan|co)\b",
    r"\bdanh sach\b.{0,40}\b(kem|co|gom|ca) (so dien thoai|sdt|dia chi|cccd|can cuoc)\b",
    r"\b(tin nhan|cau hoi|lich su) (cua )?(nguoi khac|nguoi ta|moi nguoi)\b",
]
# a name as people write it: "ông Tâm", "bà Nguyễn Thị Hoa" (capitalised in the question)
_NAME = re.compile(r"\b(?:ông|bà|anh|chị|cô|chú|bác) ((?:[A-ZĐ][^\W\d_]*)(?: [A-ZĐ][^\W\d_]*)*)")
_OTHERS_RE = [re.compile(p) for p in _OTHERS]
_LOOKUP_RE, _ON_BEHALF_RE = re.compile(_LOOKUP), re.compile(_ON_BEHALF)
_INJECTION_RE = [re.compile(p) for p in _INJECTION]
_PRIVATE_RE = [re.compile(p) for p in _PRIVATE]
_UNSAFE_RE = [re.compile(p) for p in _UNSAFE]
# Fake papers: "giả" folds into "giá" ("giấy tờ có giá" is a valuable paper), so the accented
# word is required when the question has diacritics; without any, a making or buying word
# must come first ("lam so do gia"), and "có giá", "giá trị" are read as value.
_FAKE = r"\b({papers}) ((?!{be} )\w+ ){{0,2}}{fake}\b(?! (tri|han|ca|dinh|hop|tang))"
_FAKE_ACCENTED = re.compile(_FAKE.format(
    papers="bằng|giấy|sổ|thẻ|dấu|con dấu|chữ ký|hồ sơ|chứng chỉ|giấy tờ", fake="giả",
    be="là|bị"))
_FAKE_FOLDED = re.compile(r"\b(lam|mua|ban|in|khac|lam ho) (\w+ ){0,2}" + _FAKE.format(
    papers="bang|giay|so|the|con dau|chu ky|ho so|chung chi|giay to", fake="(?<!co )gia",
    be="la|bi"))
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def guard_reason(question: str) -> str | None:
    """``empty``, ``gibberish``, ``injection``, ``private_data`` or ``unsafe`` (fraud, forgery,
    hacking, bribery); None when the question may proceed."""
    stripped = question.strip()
    if not stripped:
        return "empty"
    letters = _LETTER.findall(stripped)
    if len(letters) < 2 or len(letters) < 0.4 * len(stripped.replace(" ", "")):
        return "gibberish"
    folded = " ".join(fold(stripped).split())
    raw_lower = stripped.lower()
    if any(r.search(folded) or r.search(raw_lower) for r in _INJECTION_RE):
        return "injection"
    if any(r.search(folded) for r in _PRIVATE_RE) or _asks_others_data(stripped, folded):
        return "private_data"
    if any(r.search(folded) for r in _UNSAFE_RE):
        return "unsafe"
    spaced = " ".join(raw_lower.split())
    fake = _FAKE_FOLDED if folded == spaced else _FAKE_ACCENTED
    if fake.search(spaced):
        return "unsafe"
    return None


def _asks_others_data(question: str, folded: str) -> bool:
    """Whether ``question`` asks to see another person's data (``_THIRD``, ``_DATA``)."""
    if any(r.search(folded) for r in _OTHERS_RE):
        return True
    if not _LOOKUP_RE.search(folded) or _ON_BEHALF_RE.search(folded):
        return False
    names = [fold(m.group(1)).lower() for m in _NAME.finditer(question)]
    name = "(" + "|".join(re.escape(n) for n in names) + ")" if names else "(?!x)x"
    return bool(re.search(_LINKED.replace("{third}", _THIRD.replace("{name}", name)), folded))
