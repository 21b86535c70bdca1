"""A resolution that rearranges units is summarised by its counts and structure."""

from __future__ import annotations

from motcua.documents.parse import parse_document
from motcua.documents.rearrange import find_rearrangement
from motcua.documents.summarize import summarize
from tests.documents._samples import DECISION

_NAMES = ["Nà Pò", "Bản Khe", "Lũng Vài", "Cốc Mặn", "Khau Đồn", "Pác Bó", "Nậm Rằng",
          "Tả Lèng"]


def _resolution() -> str:
    clauses = []
    for i, name in enumerate(_NAMES, start=1):
        kind = "phường" if i <= 2 else "xã"
        clauses.append(f"{i}. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã {name} "
                       f"và xã Thôn {i} thành {kind} mới có tên gọi là {kind} {name}.")
    clauses[3] = ("4. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Cốc Mặn và một "
                  "phần diện tích tự nhiên, quy mô dân số của xã Tà Sa thành xã mới có tên gọi "
                  "là xã Cốc Mặn.")
    clauses[4] = ("5. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Khau Đồn và "
                  "phần còn lại của xã Tà Sa sau khi sắp xếp theo quy định tại khoản 4 Điều "
                  "này thành xã mới có tên gọi là xã Khau Đồn.")
    clauses.append("9. Sau khi sắp xếp, tỉnh Mẫu có 9 đơn vị hành chính cấp xã, gồm 7 xã và "
                   "02 phường; trong đó có 6 xã, 2 phường hình thành sau sắp xếp quy định tại "
                   "Điều này và 01 xã không thực hiện sắp xếp là xã Mẫu Sơn.")
    body = "\n\n".join(clauses)
    return f"""ỦY BAN THƯỜNG VỤ QUỐC HỘI
Số: 9/NQ-MAU
Hà Nội, ngày 2 tháng 3 năm 2026

NGHỊ QUYẾT
VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH MẪU

QUYẾT NGHỊ:

Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Mẫu

{body}

Điều 2. Hiệu lực thi hành

1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.

2. Chính quyền địa phương ở các đơn vị hành chính cấp xã hình thành sau sắp xếp chính thức \
hoạt động từ ngày 01 tháng 4 năm 2026.

Điều 3. Tổ chức thực hiện

Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Mẫu có trách nhiệm tổ chức thi hành Nghị \
quyết này.
"""


def test_rearrange_summary_counts_and_structure_not_two_mergers() -> None:
    doc = parse_document(_resolution().encode(), "nq9.txt")
    summary = summarize(doc.meta, doc.passages)
    first = summary.key_points[0]
    assert first.text.startswith("Sau khi sắp xếp, tỉnh Mẫu có 9 đơn vị hành chính cấp xã")
    assert first.location == "Điều 1, khoản 9"
    assert [p.location.split(",")[0] for p in summary.key_points] == [
        "Điều 1", "Điều 2", "Điều 3"]
    assert not any("thành xã mới có tên gọi" in p.text for p in summary.key_points)
    flat = " ".join(doc.text.split())
    assert all(p.text in flat for p in summary.key_points)  # still the document's sentences
    lines = [s.text for s in summary.structure]
    assert lines[0] == ("Điều 1 (Sắp xếp các đơn vị hành chính cấp xã của tỉnh Mẫu): 9 khoản, "
                        "lập 8 đơn vị hành chính mới (6 xã, 2 phường); 1 đơn vị cũ bị chia "
                        "(xã Tà Sa) trong các khoản 4, 5.")
    assert lines[1:] == ["Điều 2: Hiệu lực thi hành", "Điều 3: Tổ chức thực hiện"]


def test_rearrange_long_summary_keeps_the_other_articles() -> None:
    doc = parse_document(_resolution().encode(), "nq9.txt")
    summary = summarize(doc.meta, doc.passages, length="long")
    assert any("01 tháng 4 năm 2026" in p.text for p in summary.key_points)
    assert not any("thành xã mới có tên gọi" in p.text for p in summary.key_points)


def test_rearrange_not_for_an_ordinary_decision() -> None:
    doc = parse_document(DECISION.encode(), "qd.txt")
    assert find_rearrangement(doc.passages) is None
    assert summarize(doc.meta, doc.passages).structure == []
