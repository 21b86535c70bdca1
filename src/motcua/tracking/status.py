"""A dossier's status: the national portal's ten sync codes, read from exports, told plainly.

Why the portal's codes rather than our own words: every one-stop system synchronises its
dossiers to the national public-service portal with these ten states, so an export or an API
can give us the number or its label, and a citizen gets the same state the portal shows.
The numbers follow the order of the portal's list (mới đăng ký = 1 ... đã trả kết quả = 10);
a label, a number or one of the usual one-stop spellings below is accepted on import.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from motcua.dossiers.schema import key

__all__ = ["LABELS", "DossierStatus", "describe", "parse_status"]


class DossierStatus(StrEnum):
    NEW = "1"  # mới đăng ký (submitted online, not received yet)
    RECEIVED = "2"  # được tiếp nhận
    NOT_RECEIVED = "3"  # không được tiếp nhận
    PROCESSING = "4"  # đang xử lý
    SUPPLEMENT = "5"  # yêu cầu bổ sung
    FINANCIAL = "6"  # nghĩa vụ tài chính
    WITHDRAWN = "7"  # rút hồ sơ
    STOPPED = "8"  # dừng xử lý
    DONE = "9"  # đã xử lý xong
    RETURNED = "10"  # đã trả kết quả


LABELS: dict[DossierStatus, str] = {
    DossierStatus.NEW: "Mới đăng ký", DossierStatus.RECEIVED: "Được tiếp nhận",
    DossierStatus.NOT_RECEIVED: "Không được tiếp nhận", DossierStatus.PROCESSING: "Đang xử lý",
    DossierStatus.SUPPLEMENT: "Yêu cầu bổ sung", DossierStatus.FINANCIAL: "Nghĩa vụ tài chính",
    DossierStatus.WITHDRAWN: "Rút hồ sơ", DossierStatus.STOPPED: "Dừng xử lý",
    DossierStatus.DONE: "Đã xử lý xong", DossierStatus.RETURNED: "Đã trả kết quả",
}

# What the state means for the citizen, in one or two plain sentences.
_PLAIN: dict[DossierStatus, str] = {
    DossierStatus.NEW: "Hồ sơ đã được gửi, đang chờ cán bộ một cửa tiếp nhận.",
    DossierStatus.RECEIVED: "Hồ sơ đã được tiếp nhận và sẽ được chuyển đi giải quyết.",
    DossierStatus.NOT_RECEIVED: "Hồ sơ không được tiếp nhận. Bạn liên hệ bộ phận một cửa để "
                                "biết lý do và cách nộp lại.",
    DossierStatus.PROCESSING: "Hồ sơ đang được giải quyết.",
    DossierStatus.SUPPLEMENT: "Hồ sơ cần bổ sung giấy tờ. Bạn liên hệ bộ phận một cửa để biết "
                              "cần bổ sung gì.",
    DossierStatus.FINANCIAL: "Hồ sơ đang chờ bạn nộp phí, lệ phí hoặc thuế (nghĩa vụ tài "
                             "chính) trước khi giải quyết tiếp.",
    DossierStatus.WITHDRAWN: "Hồ sơ đã được rút theo yêu cầu của người nộp.",
    DossierStatus.STOPPED: "Hồ sơ đã dừng xử lý. Bạn liên hệ bộ phận một cửa để biết lý do.",
    DossierStatus.DONE: "Hồ sơ đã giải quyết xong, kết quả đang chờ bạn đến nhận.",
    DossierStatus.RETURNED: "Kết quả đã được trả cho người nộp.",
}
_OPEN = {DossierStatus.NEW, DossierStatus.RECEIVED, DossierStatus.PROCESSING,
         DossierStatus.SUPPLEMENT, DossierStatus.FINANCIAL}

_WORDS: dict[str, DossierStatus] = {
    **{key(label): status for status, label in LABELS.items()},
    **{key(status.value): status for status in DossierStatus},
    **dict.fromkeys(map(key, ("Đăng ký mới", "Chờ tiếp nhận", "Mới nộp")), DossierStatus.NEW),
    **dict.fromkeys(map(key, ("Đã tiếp nhận", "Mới tiếp nhận", "Tiếp nhận")),
                    DossierStatus.RECEIVED),
    **dict.fromkeys(map(key, ("Từ chối tiếp nhận", "Từ chối", "Trả lại hồ sơ")),
                    DossierStatus.NOT_RECEIVED),
    **dict.fromkeys(map(key, ("Đang giải quyết", "Đang thụ lý", "Chờ xử lý")),
                    DossierStatus.PROCESSING),
    **dict.fromkeys(map(key, ("Chờ bổ sung", "Yêu cầu bổ sung giấy tờ", "Bổ sung hồ sơ")),
                    DossierStatus.SUPPLEMENT),
    **dict.fromkeys(map(key, ("Yêu cầu thực hiện nghĩa vụ tài chính", "Chờ nộp phí",
                              "Chờ thanh toán")), DossierStatus.FINANCIAL),
    **dict.fromkeys(map(key, ("Công dân yêu cầu rút hồ sơ", "Rút", "Đã rút", "Đã hủy")),
                    DossierStatus.WITHDRAWN),
    **dict.fromkeys(map(key, ("Dừng", "Tạm dừng")), DossierStatus.STOPPED),
    **dict.fromkeys(map(key, ("Đã giải quyết", "Hoàn thành", "Đã có kết quả", "Chờ trả kết quả",
                              "Xử lý xong")), DossierStatus.DONE),
    **dict.fromkeys(map(key, ("Đã trả", "Đã trả KQ", "Trả kết quả")), DossierStatus.RETURNED),
}


def parse_status(value: object) -> DossierStatus:
    """The status named by a number (1-10) or a label; ``ValueError`` in Vietnamese if none."""
    text = str(value).strip() if value is not None else ""
    if text.endswith(".0"):  # Excel gives numbers as floats
        text = text[:-2]
    found = _WORDS.get(key(text))
    if found is None:
        raise ValueError(f"trạng thái {text[:40]!r} không nằm trong 10 trạng thái của Cổng "
                         "DVC quốc gia (số 1-10 hoặc tên, ví dụ 'Đang xử lý')")
    return found


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def describe(*, code: str, procedure_name: str, status: DossierStatus,
             received_at: dt.date | None, due_at: dt.date | None, result_at: dt.date | None,
             returned_at: dt.date | None, pickup_place: str, today: dt.date) -> str:
    """The status told to the citizen: one short sentence per line, each ending in a full
    stop so that the web page (which joins lines) reads as well as a chat message."""
    name = f" ({procedure_name})" if procedure_name else ""
    lines = [f"Hồ sơ {code}{name}: {LABELS[status].lower()}.", _PLAIN[status]]
    if received_at:
        lines.append(f"Ngày tiếp nhận: {_day(received_at)}.")
    if status in _OPEN and due_at:
        lines.append(f"Ngày hẹn trả kết quả: {_day(due_at)}.")
        if due_at < today:
            lines.append("Hồ sơ đã quá ngày hẹn; bạn có thể hỏi bộ phận một cửa.")
    if status in (DossierStatus.DONE, DossierStatus.RETURNED) and result_at:
        lines.append(f"Ngày có kết quả: {_day(result_at)}.")
    if status == DossierStatus.RETURNED and returned_at:
        lines.append(f"Ngày trả kết quả: {_day(returned_at)}.")
    if pickup_place and status != DossierStatus.RETURNED \
            and status not in (DossierStatus.WITHDRAWN, DossierStatus.NOT_RECEIVED):
        lines.append(f"Nơi nhận kết quả: {pickup_place.rstrip('.')}.")
    return "\n".join(lines)
