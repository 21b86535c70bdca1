"""Legal-basis parser on synthetic strings in the portal's flattened shape."""

from __future__ import annotations

import pytest

from motcua.catalog.parse import grounded, parse_legal
from motcua.catalog.parse.legal import LEGAL_HEADER

H = LEGAL_HEADER


def rows(src: str) -> list[tuple[str, str]]:
    return [(r.number, r.title) for r in parse_legal(src)]


def test_parse_legal_glued_rows():
    src = (
        f"{H}Luật Đăng ký thử nghiệm21/2019/QH14Nghị định quy định chi tiết Luật Đăng ký thử "
        "nghiệm45/2020/NĐ-CPThông tư hướng dẫn mức thu phí12/2021/TT-BTC"
    )
    assert rows(src) == [
        ("21/2019/QH14", "Luật Đăng ký thử nghiệm"),
        ("45/2020/NĐ-CP", "Nghị định quy định chi tiết Luật Đăng ký thử nghiệm"),
        ("12/2021/TT-BTC", "Thông tư hướng dẫn mức thu phí"),
    ]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        # A number inside a title, followed by "ngày", is not a row boundary.
        (f"{H}Nghị định số 45/2020/NĐ-CP ngày 01/4/2020 của Chính phủ quy định chi tiết"
         "45/2020/NĐ-CP",
         [("45/2020/NĐ-CP", "Nghị định số 45/2020/NĐ-CP ngày 01/4/2020 của Chính phủ quy định "
           "chi tiết")]),
        # Title ending with the same number, then the number cell.
        (f"{H}Thông tư 33/2022/TT-BTC33/2022/TT-BTC",
         [("33/2022/TT-BTC", "Thông tư 33/2022/TT-BTC")]),
        # Decision of the Prime Minister: "TTg" has a lower-case letter.
        (f"{H}Quyết định về chính sách hỗ trợ19/2024/QĐ-TTgLuật Thử nghiệm03/2023/QH15",
         [("19/2024/QĐ-TTg", "Quyết định về chính sách hỗ trợ"),
          ("03/2023/QH15", "Luật Thử nghiệm")]),
        # Decimal numbers and numbers without a year.
        (f"{H}Nghị quyết cắt giảm thủ tục77.4/2025/NQ-CPQuyết định công bố thủ tục2210/QĐ-UBND",
         [("77.4/2025/NQ-CP", "Nghị quyết cắt giảm thủ tục"),
          ("2210/QĐ-UBND", "Quyết định công bố thủ tục")]),
        # A title glued to a date: the year belongs to the title.
        (f"{H}Luật số 40/2024/QH15 ngày 27/6/202440/2024/QH15",
         [("40/2024/QH15", "Luật số 40/2024/QH15 ngày 27/6/2024")]),
        # A lower-case title glued after a number starts a new row.
        (f"{H}Luật Thử nghiệm03/2023/QH15quy định mức thu phí thử nghiệm08/2024/TT-BTC",
         [("03/2023/QH15", "Luật Thử nghiệm"),
          ("08/2024/TT-BTC", "quy định mức thu phí thử nghiệm")]),
        # An upper-case title glued to the issuer code.
        (f"{H}Nghị định mẫu15/2021/NĐ-CPLUẬT THỬ NGHIỆM03/2023/QH15",
         [("15/2021/NĐ-CP", "Nghị định mẫu"), ("03/2023/QH15", "LUẬT THỬ NGHIỆM")]),
        # An issuer code followed by a glued lower-case word that is not a syllable onset.
        (f"{H}Thông tư hướng dẫn07/2025/TT-VPCPquy định thí điểm11/2025/NĐ-CP",
         [("07/2025/TT-VPCP", "Thông tư hướng dẫn"), ("11/2025/NĐ-CP", "quy định thí điểm")]),
    ],
)
def test_parse_legal_hard_cases(src, expected):
    assert rows(src) == expected


def test_parse_legal_number_cell_without_issuer():
    assert rows(f"{H}Nghị quyết hỗ trợ sản xuất mẫu17/2024Luật Thử nghiệm03/2023/QH15") == [
        ("17/2024", "Nghị quyết hỗ trợ sản xuất mẫu"), ("03/2023/QH15", "Luật Thử nghiệm"),
    ]
    # A date inside a title is not a number cell.
    assert rows(f"{H}Thông tư ngày 15/5/2026 hướng dẫn12/2026/TT-BTC") == [
        ("12/2026/TT-BTC", "Thông tư ngày 15/5/2026 hướng dẫn"),
    ]


def test_parse_legal_trailing_title_without_number():
    assert rows(f"{H}Luật Thử nghiệm03/2023/QH15Bộ luật Mẫu") == [
        ("03/2023/QH15", "Luật Thử nghiệm"), ("", "Bộ luật Mẫu"),
    ]


@pytest.mark.parametrize("src", ["", "Không có thông tin", H, "--"])
def test_parse_legal_empty_or_placeholder(src):
    assert parse_legal(src) == []


def test_parse_legal_values_grounded():
    src = f"{H}Luật\xa0Thử   nghiệm\n03/2023/QH15"
    for r in parse_legal(src):
        assert grounded(r.number, src) and grounded(r.title, src)
