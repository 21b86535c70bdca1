"""The dossier record as we store it, and the spellings exports use for its columns and values.

Why a fixed vocabulary: every commune's one-stop system exports the same facts under slightly
different headers ("Mã hồ sơ", "MA HO SO", "Mã HS") and values ("Trực tuyến", "Online",
"DVC trực tuyến"). We fold each to one key (no diacritics, lower case, letters and digits only)
and look it up here, so the importer maps without asking and the question parser and SQL only
ever see our canonical values.
"""

from __future__ import annotations

from enum import StrEnum

from motcua.text import fold

__all__ = [
    "CHANNEL_WORDS",
    "FIELD_LABELS",
    "HEADER_ALIASES",
    "NO",
    "REQUIRED",
    "STATUS_WORDS",
    "TABLE",
    "YES",
    "Channel",
    "Column",
    "Status",
    "key",
]

TABLE = "dossiers"


class Column(StrEnum):
    """Our columns (the DuckDB table's), in the order the importer writes them."""

    CODE = "code"
    PROCEDURE_CODE = "procedure_code"
    PROCEDURE_NAME = "procedure_name"
    FIELD = "field"
    COMMUNE = "commune"
    CHANNEL = "channel"
    RECEIVED_AT = "received_at"
    DUE_AT = "due_at"
    RESULT_AT = "result_at"
    RETURNED_AT = "returned_at"
    STATUS = "status"
    PAID_ONLINE = "paid_online"
    DIGITISED = "digitised"


class Channel(StrEnum):
    DIRECT = "truc_tiep"
    ONLINE = "truc_tuyen"
    POST = "buu_chinh"


class Status(StrEnum):
    PROCESSING = "dang_xu_ly"  # received, no result yet
    RESOLVED = "da_giai_quyet"  # a result exists, not yet handed over
    RETURNED = "da_tra"  # result handed to the citizen
    REJECTED = "tu_choi"  # refused or returned for lack of papers
    WITHDRAWN = "da_huy"  # withdrawn by the citizen or cancelled


FIELD_LABELS: dict[Column, str] = {
    Column.CODE: "Mã hồ sơ", Column.PROCEDURE_CODE: "Mã thủ tục",
    Column.PROCEDURE_NAME: "Tên thủ tục", Column.FIELD: "Lĩnh vực",
    Column.COMMUNE: "Đơn vị tiếp nhận", Column.CHANNEL: "Kênh nộp",
    Column.RECEIVED_AT: "Ngày tiếp nhận", Column.DUE_AT: "Ngày hẹn trả",
    Column.RESULT_AT: "Ngày có kết quả", Column.RETURNED_AT: "Ngày trả kết quả",
    Column.STATUS: "Trạng thái", Column.PAID_ONLINE: "Thanh toán trực tuyến",
    Column.DIGITISED: "Số hóa",
}
# Without these a row cannot be counted, dated or placed; the rest may be blank or absent.
REQUIRED = (Column.CODE, Column.COMMUNE, Column.RECEIVED_AT)


def key(text: str) -> str:
    """The folded lookup key: "Ngày  Tiếp-Nhận" and "ngay tiep nhan" give "ngaytiepnhan"."""
    return "".join(ch for ch in fold(str(text)).lower() if ch.isalnum())


def _keys(*spellings: str) -> list[str]:
    return [key(s) for s in spellings]


_HEADERS: dict[Column, list[str]] = {
    Column.CODE: _keys("Mã hồ sơ", "Mã HS", "Số hồ sơ", "Mã số hồ sơ", "Ma_ho_so", "MaHoSo",
                       "Số biên nhận", "Mã biên nhận"),
    Column.PROCEDURE_CODE: _keys("Mã thủ tục", "Mã TTHC", "Mã thủ tục hành chính", "MaTTHC"),
    Column.PROCEDURE_NAME: _keys("Tên thủ tục", "Tên TTHC", "Thủ tục", "Thủ tục hành chính",
                                 "Tên thủ tục hành chính", "TenTTHC"),
    Column.FIELD: _keys("Lĩnh vực", "Tên lĩnh vực", "Lĩnh vực TTHC", "LinhVuc"),
    Column.COMMUNE: _keys("Đơn vị tiếp nhận", "Xã tiếp nhận", "Đơn vị", "Cơ quan tiếp nhận",
                          "Xã/phường", "Xã, phường", "Đơn vị xử lý", "Nơi tiếp nhận",
                          "Xã phường tiếp nhận", "DonViTiepNhan"),
    Column.CHANNEL: _keys("Kênh nộp", "Hình thức nộp", "Kênh tiếp nhận", "Hình thức tiếp nhận",
                          "Phương thức nộp", "Nguồn hồ sơ"),
    Column.RECEIVED_AT: _keys("Ngày tiếp nhận", "Thời gian tiếp nhận", "Ngày nhận",
                              "Ngày nộp", "Ngày giờ tiếp nhận", "NgayTiepNhan"),
    Column.DUE_AT: _keys("Ngày hẹn trả", "Ngày hẹn trả kết quả", "Hạn giải quyết", "Hạn xử lý",
                         "Ngày hẹn", "NgayHenTra"),
    Column.RESULT_AT: _keys("Ngày có kết quả", "Ngày hoàn thành", "Ngày giải quyết",
                            "Ngày kết thúc xử lý", "Ngày xử lý xong", "NgayCoKetQua"),
    Column.RETURNED_AT: _keys("Ngày trả kết quả", "Ngày trả", "Ngày trả KQ", "NgayTra"),
    Column.STATUS: _keys("Trạng thái", "Tình trạng", "Trạng thái hồ sơ", "Tình trạng xử lý",
                         "TrangThai"),
    Column.PAID_ONLINE: _keys("Thanh toán trực tuyến", "Thanh toán trực tuyến (có/không)",
                              "Thanh toán online", "TT trực tuyến", "Đã thanh toán trực tuyến"),
    Column.DIGITISED: _keys("Số hóa", "Số hóa kết quả", "Đã số hóa", "Số hoá hồ sơ",
                            "Kết quả số hóa"),
}
HEADER_ALIASES: dict[str, Column] = {k: col for col, ks in _HEADERS.items() for k in ks}

CHANNEL_WORDS: dict[str, Channel] = {
    **dict.fromkeys(_keys("Trực tiếp", "Tại quầy", "Nộp trực tiếp", "Trực tiếp tại bộ phận "
                          "một cửa", "offline", "Tiếp nhận trực tiếp"), Channel.DIRECT),
    **dict.fromkeys(_keys("Trực tuyến", "Online", "Dịch vụ công trực tuyến", "DVC trực tuyến",
                          "DVCTT", "Cổng dịch vụ công", "Nộp trực tuyến", "Qua mạng",
                          "Trực tuyến toàn trình", "Trực tuyến một phần"), Channel.ONLINE),
    **dict.fromkeys(_keys("Bưu chính", "Bưu chính công ích", "BCCI", "Qua bưu điện",
                          "Bưu điện", "Nộp qua bưu chính"), Channel.POST),
}
STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(_keys("Đang xử lý", "Đang giải quyết", "Mới tiếp nhận", "Chờ xử lý",
                          "Đang thụ lý", "Chờ bổ sung"), Status.PROCESSING),
    **dict.fromkeys(_keys("Đã giải quyết", "Đã có kết quả", "Hoàn thành", "Chờ trả kết quả",
                          "Đã xử lý"), Status.RESOLVED),
    **dict.fromkeys(_keys("Đã trả kết quả", "Đã trả", "Đã trả KQ", "Trả kết quả"),
                    Status.RETURNED),
    **dict.fromkeys(_keys("Từ chối", "Từ chối giải quyết", "Không đủ điều kiện",
                          "Trả lại hồ sơ"), Status.REJECTED),
    **dict.fromkeys(_keys("Đã hủy", "Hủy", "Rút hồ sơ", "Công dân rút hồ sơ", "Dừng xử lý"),
                    Status.WITHDRAWN),
}
YES = frozenset(_keys("Có", "x", "1", "true", "yes", "Đã thanh toán", "Đã số hóa", "c"))
NO = frozenset(_keys("Không", "0", "false", "no", "Chưa", "Chưa thanh toán", "Chưa số hóa",
                     "k"))
