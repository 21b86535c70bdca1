from __future__ import annotations

import pytest

from motcua.documents.ingest import extract_text
from motcua.documents.ingest.glue import unglue


@pytest.mark.parametrize(("raw", "clean"), [
    ("quy mô dân số củaxãKiên Mộc thành", "quy mô dân số của xã Kiên Mộc thành"),
    ("Châu Sơn vàmột phần", "Châu Sơn và một phần"),
    ("thị trấn Bình Giathành xã mới", "thị trấn Bình Gia thành xã mới"),
    ("xã Bắc Xa,phần còn lại", "xã Bắc Xa, phần còn lại"),
    ("theo quy định tại khoản42 Điều này", "theo quy định tại khoản 42 Điều này"),
    ("cácxãPhúc Lộc vàxãHưng Đạo", "các xã Phúc Lộc và xã Hưng Đạo"),
    ("củathị trấn Na Sầm", "của thị trấn Na Sầm"),
    ("hìnhthành sau sắp xếp", "hình thành sau sắp xếp"),
    ("Phường 9 (thành phố Mẫu)thànhphường mới có tên gọilà phường Mẫu",
     "Phường 9 (thành phố Mẫu) thành phường mới có tên gọi là phường Mẫu"),
    ("xã Dân Thànhthànhphường mới", "xã Dân Thành thành phường mới"),
    ("xã Hồng Tháivà xã Nà Mè", "xã Hồng Thái và xã Nà Mè"),
    ("xã Quảng Longsau khi sắp xếp", "xã Quảng Long sau khi sắp xếp"),
])
def test_glue_lost_spaces_put_back(raw: str, clean: str) -> None:
    assert unglue(raw) == clean


@pytest.mark.parametrize("text", [
    "Xã Kiên Mộc thành xã mới có tên gọi là xã Kiên Mộc.",
    "diện tích 1,5 ha; Điều 1, khoản 2",
    "ứng dụng VNeID, eKYC, iPhone, VssID, McKinley",
    "Hà Nội, ngày 16 tháng 6 năm 2025",
])
def test_glue_clean_text_unchanged(text: str) -> None:
    assert unglue(text) == text


def test_glue_applies_to_prose_not_to_csv() -> None:
    assert "của xã Kiên" in extract_text("củaxãKiên Mộc".encode(), "a.txt").text
    assert "củaxãKiên" in extract_text("mã,tên\n1,củaxãKiên\n".encode(), "t.csv").text
