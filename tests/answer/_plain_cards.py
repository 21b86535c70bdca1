"""Two short cards (as the short-card builder writes them) and good rewordings of each."""

from __future__ import annotations

from motcua.answer.schema import AnswerCard, ShortFact


def card(code: str, lines: list[tuple[str, str]]) -> AnswerCard:
    facts = [ShortFact(kind=kind, text=text, quote=text, cite="c1")  # type: ignore[arg-type]
             for kind, text in lines]
    return AnswerCard(code=code, name=lines[0][1], text="...", short_facts=facts,
                      short="\n".join(t for _k, t in lines))


MARRIAGE = card("1.000894", [
    ("name", "Thủ tục đăng ký kết hôn"),
    ("where", "Nộp tại: Ủy ban nhân dân cấp xã"),
    ("where", "Địa chỉ tiếp nhận: Trung tâm Phục vụ hành chính công cấp xã"),
    ("online", "Hoặc nộp trực tuyến: dichvucong.gov.vn"),
    ("help", "Cần tài khoản VNeID mức 2 (Công an xã kích hoạt khi bạn làm căn cước)."),
    ("fee", "Lệ phí: miễn phí"),
    ("time", "Thời hạn: 3 ngày làm việc"),
    ("case", "Giấy tờ cần mang:"),
    ("paper", "☐ Tờ khai đăng ký kết hôn có đủ thông tin của hai bên — 1 bản chính"),
    ("paper", "☐ Thẻ căn cước hoặc hộ chiếu — 1 bản chính (xuất trình)"),
    ("case", "Nếu một bên đăng ký thường trú ở xã khác:"),
    ("paper", "☐ Giấy xác nhận tình trạng hôn nhân — 1 bản chính"),
])

MARRIAGE_PLAIN = """Đây là thủ tục đăng ký kết hôn.
Bạn nộp hồ sơ tại Ủy ban nhân dân cấp xã, ở Trung tâm Phục vụ hành chính công cấp xã.
Bạn cũng có thể nộp trực tuyến trên dichvucong.gov.vn. Khi đó cần tài khoản VNeID mức 2 \
(Công an xã kích hoạt khi bạn làm căn cước).
Không mất tiền: miễn phí.
Làm xong trong 3 ngày làm việc.
Bạn cần mang:
☐ Tờ khai đăng ký kết hôn có đủ thông tin của hai bên — 1 bản chính
☐ Thẻ căn cước hoặc hộ chiếu — 1 bản chính, để cán bộ xem
Nếu một bên đăng ký thường trú ở xã khác, mang thêm:
☐ Giấy xác nhận tình trạng hôn nhân — một bản chính"""

ID_CARD = card("1.001811", [
    ("name", "Cấp đổi thẻ căn cước"),
    ("where", "Nộp tại: Công an cấp xã"),
    ("online", "Hoặc nộp trực tuyến: dichvucong.gov.vn"),
    ("fee", "Lệ phí (trực tiếp): 50.000 đồng"),
    ("fee", "Lệ phí (trực tuyến): 25.000 đồng"),
    ("fee", "Đến hết ngày 31/12/2026 khi nộp trực tuyến: chỉ thu 50% mức trên, tức 12.500 đồng"),
    ("time", "Thời hạn: 7 ngày làm việc"),
    ("case", "Giấy tờ cần mang:"),
    ("paper", "☐ Thẻ căn cước đang sử dụng — 1 bản chính"),
])

ID_CARD_PLAIN = """Cấp đổi thẻ căn cước: bạn đến Công an cấp xã, hoặc nộp trực tuyến trên \
dichvucong.gov.vn.
Tiền phải trả: nộp trực tiếp 50.000 đồng, nộp trực tuyến 25.000 đồng.
Nộp trực tuyến đến hết ngày 31 tháng 12 năm 2026 thì chỉ thu 50% mức trên, tức 12.500 đồng.
Có kết quả sau 7 ngày làm việc.
Mang theo:
☐ Thẻ căn cước đang sử dụng — 1 bản chính"""
