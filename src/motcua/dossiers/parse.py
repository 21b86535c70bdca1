"""A Vietnamese question about dossiers -> a ``QuerySpec``, a clarifying question, or a refusal.

Why deterministic and strict: an official reports these figures upward, so a question is only
answered when every word of it is understood. The question is folded (no diacritics, so
"thang nao dong nhat" equals "tháng nào đông nhất"); names from the data (communes, fields,
procedures) are recognised first, since they contain ordinary words ("Thống Nhất", "Quý Hòa",
"Tân Tiến"); then time, measure, grouping, order and filters consume their phrases. Any word
left that is not filler means we did not understand it: we ask back instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from motcua.dossiers.questions import TOPIC, mentions_question_log
from motcua.dossiers.spec import Dim, Measure, QuerySpec
from motcua.dossiers.store import Vocabulary
from motcua.dossiers.timewords import TimeProblem, take_period
from motcua.text import fold

__all__ = ["Clarify", "Refuse", "parse_question"]


@dataclass(frozen=True)
class Clarify:
    message: str
    open: bool = False  # not understood (not a deliberate no): a model may try (text_to_sql)


@dataclass(frozen=True)
class Refuse:
    message: str
    open: bool = False


_REFUSE = (
    (r"\b(xoa|sua|cap nhat|them moi|ghi de|drop|delete|insert|update|truncate)\b",
     "Tôi chỉ đọc số liệu hồ sơ, không sửa hay xóa dữ liệu."),
    (r"\b(ho ten|so dien thoai|dia chi nha|can cuoc cua|cccd cua|cua ong|cua ba|nguoi nop|"
     r"cong dan nao|ai nop|ten nguoi)\b",
     "Tôi không tra cứu hồ sơ của từng người; chỉ trả lời số liệu tổng hợp."),
    (r"\b(du bao|se co|sap toi|thang sau|tuan sau|nam sau|quy sau|du kien)\b",
     "Câu hỏi dự báo chưa được hỗ trợ ở đây; tôi chỉ trả lời số liệu đã có."),
    (r"\b(tai sao|vi sao|nguyen nhan|ly do|do dau)\b",
     "Dữ liệu hồ sơ không ghi lý do; tôi chỉ đếm và tính tỷ lệ."),
    (r"\b(hai long|danh gia cua nguoi dan|phan anh|kien nghi)\b",
     "Dữ liệu đã nhập không có mức độ hài lòng hay phản ánh của người dân."),
    (r"\b(le phi|phi|so tien|tien phi|doanh thu|thu ngan sach)\b",
     "Dữ liệu đã nhập không có số tiền phí, lệ phí."),
    (r"\b(can bo nao|cong chuc nao|nhan vien nao|nguoi xu ly)\b",
     "Dữ liệu đã nhập không ghi cán bộ xử lý từng hồ sơ."),
    (r"\b(trung binh|trung vi|tang truong|tang bao nhieu|giam bao nhieu|bao nhieu ngay|"
     r"mat bao lau|thoi gian giai quyet)\b",
     "Tôi chưa tính trung bình, thời gian xử lý hay mức tăng giảm; hãy hỏi số hồ sơ hoặc "
     "tỷ lệ (đúng hạn, trễ hạn, trực tuyến, thanh toán trực tuyến, số hóa)."),
    (r"\b(thoi tiet|bong da|gia vang|chung khoan|viet (mot )?bai|lam tho|dich sang)\b",
     "Tôi chỉ trả lời câu hỏi thống kê hồ sơ một cửa."),
)
_NOT_YET = "Tôi chưa tính"  # a refusal of what the data holds but the parser cannot compute
_GROUPS = r"\b(bien gioi|vung cao|vung sau|vung xa|mien nui|dac biet kho khan|ngheo)\b"
_BETWEEN = (r"(?:(?:ho so|ket qua|giai quyet|xu ly|tra|thu tuc hanh chinh|thu tuc|tthc|"
            r"duoc|da|nop|tiep nhan|dang ky) )*")  # words between "tỷ lệ" and what it counts
_MEASURES = (  # order matters: rates before the counts their words contain
    (rf"\bty le {_BETWEEN}(?:thanh toan|nop phi|nop tien) (?:truc tuyen|online)\b",
     Measure.PAID_ONLINE_RATE),
    (rf"\bty le {_BETWEEN}so hoa(?: ket qua| ho so)*(?: giai quyet)?(?: tthc| thu tuc)?\b",
     Measure.DIGITISED_RATE),
    (rf"\bty le {_BETWEEN}(?:dung han|dung hen|dung thoi han)\b", Measure.ON_TIME_RATE),
    (rf"\bty le {_BETWEEN}(?:tre han|qua han|tre hen|cham)\b", Measure.LATE_RATE),
    (rf"\bty le {_BETWEEN}(?:truc tuyen|online|qua mang)\b", Measure.ONLINE_RATE),
    (r"\b(?:tre han|qua han|tre hen|cham tra|cham)\b", Measure.LATE),
    (r"\b(?:dung han|dung hen)\b", Measure.ON_TIME),
)
_DIMS = (
    (r"\b(?:xa|phuong|xa phuong|xa/phuong|don vi|dia phuong)\b", Dim.COMMUNE),
    (r"\b(?:thu tuc|tthc|thu tuc hanh chinh|loai ho so)\b", Dim.PROCEDURE),
    (r"\blinh vuc\b", Dim.FIELD),
    (r"\b(?:kenh|kenh nop|hinh thuc nop|hinh thuc)\b", Dim.CHANNEL),
    (r"\bthang\b", Dim.MONTH),
    (r"\bquy\b", Dim.QUARTER),
    (r"\bnam\b", Dim.YEAR),
    (r"\b(?:thu|ngay trong tuan|thu trong tuan)\b", Dim.WEEKDAY),
    (r"\b(?:gio|khung gio)\b", Dim.HOUR),
    (r"\bngay\b", Dim.DAY),
    (r"\btuan\b", Dim.WEEK),
)
_UNANSWERED = (r"\b(?:ma )?(?:chua|khong) (?:co |duoc )?(?:cau )?tra loi(?: duoc)?\b|"
               r"\b(?:ma )?(?:chua|khong) (?:co|tim thay|tim duoc|thay) thu tuc(?: nao)?\b")
_CHANNEL = ((r"\b(?:nop |qua )?(?:truc tuyen|online|qua mang|dich vu cong)\b", "truc_tuyen"),
            (r"\b(?:nop )?(?:truc tiep|tai quay)\b", "truc_tiep"),
            (r"\b(?:qua )?(?:buu chinh|buu dien)\b", "buu_chinh"))
_STATUS = ((r"\b(?:dang xu ly|dang giai quyet|chua giai quyet|chua co ket qua|chua xong|"
            r"ton dong)\b", "dang_xu_ly"),
           (r"\b(?:da tra ket qua|da tra)\b", "da_tra"),
           (r"\b(?:bi tu choi|tu choi|bi tra lai)\b", "tu_choi"),
           (r"\b(?:da huy|bi huy|rut ho so)\b", "da_huy"),
           (r"\b(?:da giai quyet|duoc giai quyet|da co ket qua|da xu ly)\b", "resolved"))
_NOT_NAMES = frozenset(("nao", "bien", "vung", "mien", "dac", "ngheo", "thang", "quy", "nam",
                        "thu", "gio", "ngay", "linh", "kenh", "dat"))
_WORDS = (
    "ho so hs cua trong o tai co bao nhieu la gi the nao cho toi biet xem hay liet ke thong "
    "dem tong luong duoc da va voi cac nhung hien nay nhu ra sao theo giua moi tung hang ban "
    "oi em anh chi vui long xin a nhe vay nhi ve tinh hinh so sanh tiep nhan nhan nop phat "
    "sinh he thong du lieu tren dia ban tinh lang son bo phan mot cua chi so muc nhieu nhat "
    "cao lon it thap dong nguoi khach top danh sach sach dang ky ket qua tat ca toan bo tong "
    "so tai day cu the gom co trong do vao khi tai muc phan tram con bi "
)
_FILLER = frozenset("".join(_WORDS).split())


def _clean(question: str) -> str:
    text = fold(question).lower().replace("đ", "d")
    text = re.sub(r"\bti le\b", "ty le", text)
    text = re.sub(r"\b(?:ngay thu|thu|ngay) (nao|may) trong tuan\b", r"thu \1", text)
    text = re.sub(r"\bngay thu (nao|may)\b", r"thu \1", text)
    text = re.sub(r"(?<=\d),(?=\d)", ".", text)  # 80,5% is 80.5%
    text = re.sub(r"(?<=[a-z0-9])[.](?=\d)", "§", text)  # keep 1.001193, MAU.0001, 05.07.2026
    text = re.sub(r"[^a-z0-9/§ ]+", " ", text).replace("§", ".")
    return " " + " ".join(text.split()) + " "


def _names(values: tuple[str, ...] | list[str], strip: tuple[str, ...] = ()) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        k = " ".join(re.sub(r"[^a-z0-9 ]+", " ", fold(value).lower()).split())
        for prefix in strip:
            k = k.removeprefix(prefix)
        if k:
            out.setdefault(k, value)
    return out


def _take(text: str, pattern: str) -> tuple[str, list[re.Match[str]]]:
    found = list(re.finditer(pattern, text))
    for m in reversed(found):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text, found


def _alternation(names: dict[str, str]) -> str:
    return "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True))


def _take_names(text: str, spec: QuerySpec, vocab: Vocabulary) -> str:
    communes = _names(vocab.communes, ("xa ", "phuong ", "dac khu ", "thi tran "))
    if communes:
        text, hits = _take(text, r"(?:\b(?:ubnd|uy ban nhan dan) )?(?:\b(?:xa|phuong|dac khu|"
                                 rf"thi tran) )?\b({_alternation(communes)})\b")
        spec.communes = list(dict.fromkeys(communes[m.group(1)] for m in hits))
    procs = {fold(c).lower(): c for c, _ in vocab.procedures}
    names = {k: c for k, c in _names([n for _, n in vocab.procedures], ("thu tuc ",)).items()
             if len(k.split()) >= 3}
    by_name = {k: next(c for c, n in vocab.procedures if n == v) for k, v in names.items()}
    if procs:
        text, hits = _take(text, rf"\b({_alternation(procs)})(?![0-9.])")
        spec.procedures = [procs[m.group(1)] for m in hits]
    if by_name:
        text, hits = _take(text, rf"(?:\bthu tuc )?\b({_alternation(by_name)})\b")
        spec.procedures += [by_name[m.group(1)] for m in hits]
    fields = _names(vocab.fields)
    if fields:
        text, hits = _take(text, rf"(?:\blinh vuc )?\b({_alternation(fields)})\b")
        spec.fields = list(dict.fromkeys(fields[m.group(1)] for m in hits))
    return text


def parse_question(question: str, vocab: Vocabulary, today: dt.date,
                   ) -> QuerySpec | Clarify | Refuse:
    spec = QuerySpec()
    text = _clean(question)
    if not text.strip():
        return Clarify("Anh/chị muốn hỏi số liệu gì về hồ sơ?")
    text = _take_names(text, spec, vocab)
    for pattern, message in _REFUSE:
        if re.search(pattern, text):
            return Refuse(message, open=message.startswith(_NOT_YET))
    if re.search(_GROUPS, text):
        return Clarify("Dữ liệu đã nhập chưa có danh sách nhóm xã này (biên giới, vùng cao...). "
                       "Anh/chị nêu tên các xã cần so sánh, ví dụ: 'so sánh tỷ lệ đúng hạn "
                       "giữa xã Đồng Đăng và xã Na Sầm'.")
    try:
        text, spec.period = take_period(text, today)
    except TimeProblem as exc:
        return Clarify(str(exc))
    if mentions_question_log(text):
        text, _ = _take(text, TOPIC)
        spec.source, spec.measure = "questions", Measure.QUESTIONS
        text, hits = _take(text, _UNANSWERED)
        spec.unanswered = bool(hits)
    for pattern, measure in _MEASURES:
        if spec.source == "questions":
            break
        text, hits = _take(text, pattern)
        if hits:
            spec.measure = measure
            break
    if re.search(r"\bty le\b", text):
        return Clarify("Tỷ lệ nào: đúng hạn, trễ hạn, nộp trực tuyến, thanh toán trực tuyến "
                       "hay số hóa kết quả?")
    text, tops = _take(text, r"\b(?:top )?(\d{1,3}) (?=(?:xa|phuong|don vi|thu tuc|tthc|"
                             r"linh vuc|thang|ngay)\b)")
    return _finish(text, spec, tops)


_THRESHOLD = (r"\b(duoi|nho hon|it hon|thap hon|kem hon|tren|lon hon|nhieu hon|cao hon|vuot|"
              r"qua|tu)\s+(\d+(?:\.\d+)?)(?:\s+phan tram)?(?:\s+tro (len|xuong))?\b")
_BELOW = frozenset(("duoi", "nho hon", "it hon", "thap hon", "kem hon"))


def _threshold(m: re.Match[str]) -> tuple[str, float] | None:
    word, number, way = m.group(1), float(m.group(2)), m.group(3)
    if word == "tu":
        return None if way is None else (">=" if way == "len" else "<=", number)
    return ("<" if word in _BELOW else ">", number)


def _finish(text: str, spec: QuerySpec, tops: list[re.Match[str]]) -> QuerySpec | Clarify:
    text, limits = _take(text, _THRESHOLD)
    if limits:
        spec.having = _threshold(limits[0])
        if spec.having is None or len(limits) > 1:
            return Clarify("Ngưỡng nào: dưới, trên, từ ... trở lên hay từ ... trở xuống?")
    for pattern, value in _STATUS:
        text, hits = _take(text, pattern)
        if hits:
            spec.status = value
            break
    for pattern, channel in _CHANNEL:
        text, hits = _take(text, pattern)
        if hits and spec.channel and spec.channel != channel:
            return Clarify("Anh/chị hỏi kênh nộp nào: trực tiếp, trực tuyến hay bưu chính?")
        spec.channel = channel if hits else spec.channel
    text, asc = _take(text, r"\b(?:it|thap|vang|kem)\b(?:\s+[a-z]+){0,3}?\s+nhat\b")
    text, desc = _take(text, r"\b(?:nhieu|cao|lon|dong|tot|pho bien)\b(?:\s+[a-z]+){0,3}?\s+nhat\b|"
                             r"\bnhat\b|\bcao diem\b|\btap trung(?: nhieu)?(?: vao| o)?\b")
    text, more = _take(text, r"\b(?:cao|nhieu|lon|tot) hon\b")
    text, less = _take(text, r"\b(?:thap|it|kem) hon\b")
    if (more or less) and len(spec.communes) < 2:
        return Clarify("Anh/chị muốn so sánh giữa những xã nào? Ví dụ: 'xã Na Sầm và xã Đồng "
                       "Đăng, xã nào có tỷ lệ đúng hạn cao hơn?'")
    asc, desc = asc or less, desc or more
    if asc or desc:
        spec.order = "asc" if asc else "desc"
    if m := re.search(r"\b(xa|phuong) ([a-z]+(?: [a-z]+)?)\b", text):
        name = " ".join(w for w in m.group(2).split() if w not in _FILLER)
        if name and name.split()[0] not in _NOT_NAMES:
            return Clarify(f"Không có xã/phường '{name}' trong dữ liệu đã nhập. "
                           "Anh/chị kiểm tra lại tên xã (có thể gõ không dấu).")
    text, which = _take(text, r"\b(?:nao|may|gi)\b")
    text, groups_by = _take(text, r"\b(?:theo|tung|moi|hang|cac|giua|top)\b")
    dims = []
    for pattern, dim in _DIMS:
        text, hits = _take(text, pattern)
        dims += [dim] if hits else []
    if len(dims) > 1:
        return Clarify("Mỗi lần tôi nhóm theo một thứ: xã, thủ tục, lĩnh vực, kênh nộp, tháng, "
                       "quý, thứ hoặc giờ. Anh/chị muốn nhóm theo gì?")
    spec.group = dims[0] if dims else None
    if spec.source == "questions":
        if spec.fields or spec.procedures or spec.channel or spec.status:
            return Clarify("Với câu hỏi của người dân, tôi lọc được theo xã và thời gian; "
                           "lĩnh vực, thủ tục, kênh nộp và trạng thái là của hồ sơ.")
        if spec.group is None and (which or spec.order or tops):
            spec.group = Dim.QUESTION
    if re.search(r"\bdong\b", text) and spec.group:  # "tháng nào đông?"
        text, _ = _take(text, r"\bdong\b")
        spec.order = spec.order or "desc"
    left = [w for w in text.split() if w not in _FILLER]
    if left:
        return Clarify("Tôi chưa hiểu phần '" + " ".join(left[:6]) + "' của câu hỏi. Tôi trả "
                       "lời số hồ sơ, số trễ hạn, tỷ lệ đúng hạn/trễ hạn/trực tuyến/thanh toán "
                       "trực tuyến/số hóa, theo xã, thủ tục, lĩnh vực, kênh, tháng, quý, thứ, "
                       "giờ, trong một khoảng thời gian.", open=True)
    if spec.group is None and len(spec.communes) > 1:
        spec.group = Dim.COMMUNE
    if tops:
        spec.top_k = int(tops[0].group(1))
        if spec.top_k == 0 or spec.group is None:
            return Clarify("Anh/chị muốn xem bao nhiêu và theo xã, thủ tục hay lĩnh vực?")
    if spec.order and spec.group is None:
        return Clarify(f"'{'Thấp' if spec.order == 'asc' else 'Cao'} nhất' theo gì: xã, thủ "
                       "tục, lĩnh vực, tháng hay thứ trong tuần?")
    if spec.having:
        if spec.group is None:
            return Clarify("Lọc theo ngưỡng cần nhóm: những xã, thủ tục hay tháng nào?")
        spec.order = spec.order or ("asc" if spec.having[0] in ("<", "<=") else "desc")
        return spec
    if which and spec.group is not None:
        if spec.order is None:
            return Clarify("Anh/chị muốn biết nhiều nhất (cao nhất) hay ít nhất (thấp nhất)?")
        spec.which = spec.top_k is None
    if spec.top_k and spec.order is None:
        return Clarify(f"{spec.top_k} mục nhiều nhất hay ít nhất?")
    if groups_by and spec.group is None:
        return Clarify("Anh/chị muốn xem theo xã, thủ tục, lĩnh vực, kênh nộp hay thời gian?")
    return spec
