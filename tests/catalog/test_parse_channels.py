"""Channels parser on synthetic strings in the portal's flattened shape."""

from __future__ import annotations

import pytest

from motcua.catalog.parse import grounded, parse_channels
from motcua.catalog.parse.channels import CHANNEL_HEADER, parse_fee_amount

H = CHANNEL_HEADER


def test_parse_channels_three_rows_with_units_and_fees():
    src = (
        f"{H}Trực tiếp5 Ngày làm việcMiễn phíTrực tuyến3 Ngày25,000 Việt Nam Đồng"
        "(Lệ phí 25.000 đồng/hồ sơ)Dịch vụ bưu chính2 GiờKhông có thông tin"
    )
    chs = parse_channels(src)
    assert [c.kind for c in chs] == ["truc_tiep", "truc_tuyen", "buu_chinh"]
    assert [c.time.text for c in chs] == ["5 Ngày làm việc", "3 Ngày", "2 Giờ"]
    assert [c.time.unit for c in chs] == ["Ngày làm việc", "Ngày", "Giờ"]
    assert chs[0].fee.free and not chs[0].fee.unknown
    assert chs[1].fee.text == "25,000 Việt Nam Đồng"
    assert chs[1].fee.amount_vnd == 25000
    assert chs[1].fee.note == "Lệ phí 25.000 đồng/hồ sơ"
    assert not chs[1].fee.conflict
    assert chs[2].fee.unknown


@pytest.mark.parametrize(
    ("body", "time_text", "value", "unit", "unit_missing"),
    [
        ("Trực tuyến1Miễn phí", "1", 1.0, None, True),
        ("Trực tuyến12Miễn phí", "12", 12.0, None, True),
        ("Trực tuyến7 Ngày làm việcMiễn phí", "7 Ngày làm việc", 7.0, "Ngày làm việc", False),
        ("Trực tuyến2 ThángMiễn phí", "2 Tháng", 2.0, "Tháng", False),
        ("Trực tuyếnKhông có thông tinMiễn phí", "Không có thông tin", None, None, False),
    ],
)
def test_parse_channels_time_units(body, time_text, value, unit, unit_missing):
    (ch,) = parse_channels(H + body)
    assert ch.time.text == time_text
    assert ch.time.value == value
    assert ch.time.unit == unit
    assert ch.time.unit_missing is unit_missing


@pytest.mark.parametrize(
    ("body", "time_text", "fee_text", "amount"),
    [
        # A bare time glued to the fee digits; the note names the amount in thousands.
        ("Trực tiếp1300 VNĐ(Lệ phí 300.000 đồng/lần)", "1", "300 VNĐ", 300),
        ("Trực tiếp245 VNĐ(45.000 đồng/bộ)", "2", "45 VNĐ", 45),
        # No hint in the note: the shortest time wins.
        ("Trực tiếp160,000 VNĐ", "1", "60,000 VNĐ", 60000),
        # With a unit nothing is glued.
        ("Trực tiếp3 Ngày150,000 VNĐ", "3 Ngày", "150,000 VNĐ", 150000),
        ("Trực tiếpKhông có thông tin2,500,000 VNĐ", "Không có thông tin", "2,500,000 VNĐ",
         2500000),
    ],
)
def test_parse_channels_glued_numbers(body, time_text, fee_text, amount):
    (ch,) = parse_channels(H + body)
    assert ch.time.text == time_text
    assert ch.fee.text == fee_text
    assert ch.fee.amount_vnd == amount


def test_parse_channels_channel_words_inside_description_are_not_rows():
    src = (
        f"{H}Trực tiếp10 Ngày làm việcMiễn phí- Trực tiếp: nộp tại Trung tâm phục vụ hành chính "
        "công; Trực tuyến: nộp qua Cổng dịch vụ công. Hồ sơ nộp trực tuyến được ưu tiên."
        "Trực tuyến8 Ngày làm việcMiễn phí"
    )
    chs = parse_channels(src)
    assert [c.kind for c in chs] == ["truc_tiep", "truc_tuyen"]
    assert chs[0].description.startswith("- Trực tiếp: nộp tại")
    assert "Trực tuyến: nộp qua" in chs[0].description


@pytest.mark.parametrize(
    ("body", "conflict"),
    [
        ("Trực tiếp5 NgàyMiễn phí(Lệ phí: 50.000 đồng/giấy)", True),
        ("Trực tiếp5 Ngày20 VNĐ(20.000 đồng/tờ khai)", True),
        ("Trực tiếp5 NgàyMiễn phí(Mức thu do Hội đồng nhân dân cấp tỉnh quyết định)", False),
        ("Trực tiếp5 NgàyMiễn phí(Miễn lệ phí)", False),
        ("Trực tiếp5 Ngày50,000 VNĐ(50.000 đồng/lần)", False),
        ("Trực tiếp5 NgàyKhông có thông tin(Phí 100.000 đồng)", False),
        ("Trực tiếp5 NgàyMiễn phí(a) Cấp lại: 300.000 đồng; (b) Cấp mới: miễn", True),
        ("Trực tiếp5 NgàyMiễn phíTrong thời hạn 05 ngày làm việc", False),
    ],
)
def test_parse_channels_fee_conflict(body, conflict):
    (ch,) = parse_channels(H + body)
    assert ch.fee.conflict is conflict


def test_parse_channels_note_with_nested_parentheses_then_description():
    src = (
        f"{H}Trực tiếp3 NgàyMiễn phí(Đồng (theo Thông tư số 12/2020/TT-BTC))"
        "Nộp tại bộ phận một cửa"
    )
    (ch,) = parse_channels(src)
    assert ch.fee.note == "Đồng (theo Thông tư số 12/2020/TT-BTC)"
    assert ch.description == "Nộp tại bộ phận một cửa"


def test_parse_channels_enumerator_is_description_not_note():
    (ch,) = parse_channels(f"{H}Trực tiếp3 NgàyMiễn phí(a) Trường hợp cấp mới: 3 ngày")
    assert ch.fee.note == ""
    assert ch.description == "(a) Trường hợp cấp mới: 3 ngày"


def test_parse_channels_text_time_cell():
    src = f"{H}Trực tuyếnKhông quy địnhMiễn phíQua Cổng dịch vụ côngTrực tiếpKhông quy địnhMiễn phí"
    chs = parse_channels(src)
    assert [c.time.text for c in chs] == ["Không quy định", "Không quy định"]
    assert all(c.time.value is None and not c.time.unit_missing for c in chs)


def test_parse_channels_usd_fee_has_no_vnd_amount():
    (ch,) = parse_channels(f"{H}Trực tiếp5 Ngày50 USD(Phí thẩm định)")
    assert ch.fee.text == "50 USD"
    assert ch.fee.amount_vnd is None


@pytest.mark.parametrize("src", ["", "Không có thông tin", "--", H, "   "])
def test_parse_channels_empty_or_placeholder(src):
    assert parse_channels(src) == []


def test_parse_channels_values_grounded_after_whitespace_normalisation():
    src = f"{H}Trực tiếp5\xa0Ngày làm việcMiễn phí(Ghi chú\n  nhiều   dòng)"
    (ch,) = parse_channels(src)
    assert ch.fee.note == "Ghi chú nhiều dòng"
    for value in (ch.time.text, ch.fee.text, ch.fee.note):
        assert grounded(value, src)


@pytest.mark.parametrize(
    ("digits", "amount"), [("20,000", 20000), ("1.350.000", 1350000), ("7", 7), ("1,2a", None)]
)
def test_parse_fee_amount_digits(digits, amount):
    assert parse_fee_amount(digits) == amount
