"""Catalog records written for the short-card tests, in the portal's flattened format.

Written by hand (no text from the shared data): a re-issue with a dated fee reduction, a
verification period, opening hours, conditional papers and a note for officials; an
online-only one with an implausible fee and a time without a unit.
"""

from __future__ import annotations

from typing import Any

from motcua.answer.card import CardBuilder
from motcua.answer.schema import AskResponse, WhereFact
from motcua.catalog.indexing import StoredProcedure
from motcua.catalog.parse import parse_record

CH = "Hình thức nộpThời gianPhí, lệ phíMô tả"
NOTE = ("(Mức thu 70.000 đồng/thẻ. Kể từ ngày 01/01/2025 đến hết ngày 31/12/2025 mức thu khi "
        "nộp theo hình thức trực tuyến bằng 50% mức thu. Kể từ ngày 01/7/2025 đến hết ngày "
        "31/12/2026 mức thu lệ phí cấp lại thẻ bằng 50% mức thu nêu trên.)")
DESC = ("- Thời gian tiếp nhận hồ sơ: Giờ hành chính từ thứ 2 đến thứ 6 (trừ ngày lễ). - Trường "
        "hợp mất thẻ thì phải tiến hành xác minh trong thời hạn 30 ngày.")
REISSUE: dict[str, Any] = {
    "ma_thu_tuc": "X.1", "ten_thu_tuc": "Cấp lại thẻ thử nghiệm", "cap_thuc_hien": "Cấp xã",
    "linh_vuc": "Thử nghiệm",
    "co_quan_thuc_hien": "Công an cấp Xã", "co_quan_co_tham_quyen": "Cục quản lý trật tự, xã hội",
    "cach_thuc_thuc_hien": (f"{CH}Trực tiếp7 Ngày làm việc70,000 Việt Nam Đồng{NOTE}{DESC}"
                            f"Trực tuyến7 Ngày làm việc70,000 Việt Nam Đồng{NOTE}"),
    "thanh_phan_ho_so": (
        "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "- Tờ khai đề nghị cấp lại thẻ theo mẫu, có chữ ký của người đề nghị.1 bản chính"
        "- Văn bản ủy quyền (được chứng thực) trong trường hợp ủy quyền thực hiện thủ tục."
        "0 bản chính,1 bản sao"
        "- Mẫu điện tử tương tác (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực "
        "tuyến)1 bản chính"
        "- Tờ khai giấy (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp)"
        "1 bản chính"
        "- Người tiếp nhận có trách nhiệm kiểm tra hồ sơ.0 bản chính"),
    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật thử nghiệm01/2025/QH15",
}
ONLINE_ONLY: dict[str, Any] = {
    "ma_thu_tuc": "X.2", "ten_thu_tuc": "Đăng ký thử nghiệm trực tuyến", "cap_thuc_hien": "Cấp xã",
    "linh_vuc": "Thử nghiệm", "co_quan_thuc_hien": "Không có thông tin",
    "cach_thuc_thuc_hien": f"{CH}Trực tuyến340 Việt Nam Đồng",
    "thanh_phan_ho_so": "Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai thử nghiệm1 bản chính",
    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật thử nghiệm01/2025/QH15",
}


def stored(raw: dict[str, Any]) -> StoredProcedure:
    return StoredProcedure(parse_record(raw), raw, 1)


def respond(raw: dict[str, Any], **build: Any) -> AskResponse:
    """The answer ``ask`` would give for the record (card, short card and citations)."""
    where: list[WhereFact] = build.pop("where", [])
    builder = CardBuilder(stored(raw))
    card = builder.build(where, None, **build)
    return AskResponse(status="answer", message="", answer=card, citations=builder.citations)
