"""Small documents written for these tests (never copied from shared/)."""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH MẪU
Số: 12/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thành Mẫu, ngày 05 tháng 3 năm 2025

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác số hóa hồ sơ

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH MẪU

Căn cứ Luật Tổ chức chính quyền địa phương;

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác
1. Thành lập Tổ công tác số hóa hồ sơ gồm 7 người.
2. Tổ công tác có nhiệm vụ:
a) Số hóa 95% hồ sơ còn hiệu lực;
b) Báo cáo kết quả trước ngày 30 tháng 6 năm 2025.

Điều 2. Tổ chức thực hiện
1. Giao Sở Nội vụ chủ trì, hướng dẫn các xã thực hiện.
2. Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm bảo đảm kinh phí 120 triệu đồng.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""

LETTER = """BỘ MẪU
CỤC THỐNG KÊ MẪU
Số: 2829-CV/CTĐ&TTN
V/v báo cáo số liệu dân số

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 25 tháng 6 năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh.

Đề nghị các đơn vị gửi số liệu chậm nhất ngày 15/7/2025.

CỤC TRƯỞNG
Trần Thị Bình
"""

RESOLUTION_MD = """  ---------------------- ----------------------------------
    **HỘI ĐỒNG MẪU\\       **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\
     \\-\\-\\-\\-**           Độc lập - Tự do - Hạnh phúc**

   Số: 99/NQ-HĐND      *Hà Nội, ngày 16 tháng 6 năm 2025*
  ---------------------- ----------------------------------

**NGHỊ QUYẾT**

VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH MẪU NĂM 2025

**Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Mẫu**

1\\. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Đông Lâm và
thị trấn Na Mẫu thành xã mới có tên gọi là**xã Na Mẫu**.

2\\.Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Tây Hòa,
Bắc Hòa và Nam Hòa thành xã mới có tên gọi là **xã Hòa Bình**.

**Điều 2. Hiệu lực thi hành**

1\\. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.
"""
