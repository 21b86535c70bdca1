"""Redaction of personal data before storing or logging: every format citizens type goes,
codes, amounts, dates and document numbers stay, and the rest of the text is untouched."""

from __future__ import annotations

import pytest

from motcua.privacy import MARKERS, contains_personal_data, redact

EMAIL, PHONE = MARKERS["email"], MARKERS["phone"]
CCCD, CMND = MARKERS["cccd"], MARKERS["cmnd"]

# (what the citizen typed, what is stored); each is tested alone and inside a sentence
# ("Tôi là A, {x} nhé."). A label typed before the number stays, the number goes.
PERSONAL = [
    # e-mails
    ("nguyen.van.a@gmail.com", EMAIL),
    ("NGUYEN.VAN.A@GMAIL.COM", EMAIL),
    ("x (at) gmail.com", EMAIL),
    ("x [at] gmail [dot] com", EMAIL),
    ("x @ gmail . com", EMAIL),
    ("ｘ＠ｇｍａｉｌ．ｃｏｍ", EMAIL),
    ("x＠gmail.com", EMAIL),
    ("nguyenvana a còng gmail chấm com", EMAIL),
    ("x(at)langson.gov.vn", EMAIL),
    # phones
    ("0912345678", PHONE),
    ("0912 345 678", PHONE),
    ("0912  345  607", PHONE),
    ("0912.345.678", PHONE),
    ("0912-345-678", PHONE),
    ("0912 - 345 - 678", PHONE),
    ("+84 912 345 678", PHONE),
    ("+84912345678", PHONE),
    ("84912345678", PHONE),
    ("(+84)912345678", PHONE),
    ("(+84) 912 345 678", PHONE),
    ("sdt0912345605", "sdt" + PHONE),
    ("SĐT:0912345678", "SĐT:" + PHONE),
    ("0205 3812 345", PHONE),
    ("02053812345", PHONE),
    ("(0205) 3812 345", PHONE),
    ("+84 205 3812 345", PHONE),
    ("０９１２３４５６７８", PHONE),
    ("０９１２ ３４５ ６７８", PHONE),
    ("0912\u00a0345\u00a0678", PHONE),
    ("0912\u200b345678", PHONE),
    ("0912–345–678", PHONE),
    # ID numbers
    ("001099012347", CCCD),
    ("CCCD001099012347", "CCCD" + CCCD),
    ("001 099 012 347", CCCD),
    ("001/099/012349", CCCD),
    ("001.099.012.349", CCCD),
    ("001-099-012-349", CCCD),
    ("００１０９９０１２３４７", CCCD),
    ("012345678", CMND),
    ("123456789", CMND),
    ("012 345 678", CMND),
    # labelled numbers
    ("STK 19036688123018", "STK " + MARKERS["account"]),
    ("số tài khoản: 0451 0003 12345", "số tài khoản: " + MARKERS["account"]),
    ("mã số thuế 8012345678", "mã số thuế " + MARKERS["tax"]),
    ("mã số BHXH 2412345678", "mã số BHXH " + MARKERS["insurance"]),
    ("hộ chiếu số C1234567", "hộ chiếu số " + MARKERS["passport"]),
]

KEPT = [
    "1.001193", "2.000488", "MAU.0010", "thủ tục 1.001193.000.00.00.H12 cần gì",
    "mã 2.000986.000.00.00.H42",
    "70.000 đồng", "1.500.000đ", "100000 đ", "lệ phí 1.000.000.000 đồng", "2.000.000 VNĐ",
    "100.000.000 đồng", "123456789 đồng",
    "12/03/2026", "2026-03-12", "ngày 12/10/2025, năm 2025", "từ 12/03/2026 đến 15/03/2026",
    "12/03/2026 7h30",
    "Nghị định 123/2015/NĐ-CP", "số 18/2023/QH15", "Thông tư 04/2020/TT-BTP",
    "000.00.19.H36-250101-0001", "hồ sơ 000.00.19.H36-250101-0001 đã nhận",
    "mã bưu chính 240000", "năm 2026", "Điều 12 khoản 3", "7h30", "lúc 07:30",
    "quầy số 3, 12345", "làm giấy khai sinh cho con", "gặp anh ở quầy. Sau đó về",
    "trong 5 ngày, 15 ngày làm việc", "",
]


@pytest.mark.parametrize(("text", "expected"), PERSONAL)
def test_redact_personal_format_replaced_by_its_marker(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert redact(f"Tôi là A, {text} nhé.") == f"Tôi là A, {expected} nhé."
    assert redact(f"{text}\n{text}") == f"{expected}\n{expected}"
    assert contains_personal_data(text)


@pytest.mark.parametrize("text", KEPT)
def test_redact_codes_amounts_dates_and_documents_kept(text: str) -> None:
    assert redact(text) == text
    assert not contains_personal_data(text)


def test_redact_table_covers_the_issue_formats() -> None:
    assert len(PERSONAL) >= 18 and len(KEPT) >= 18


@pytest.mark.parametrize(("text", "expected"), [
    ("số CCCD của tôi là 001099012345", f"số CCCD của tôi là {CCCD}"),
    ("CCCD 001 099 012 345 nhé", f"CCCD {CCCD} nhé"),
    ("cmnd cũ 123456789.", f"cmnd cũ {CMND}."),
    ("gọi +84 912 345 678", f"gọi {PHONE}"),
    ("0912345678, 001099012345 và a@b.vn", f"{PHONE}, {CCCD} và {EMAIL}"),
    ("gọi 0912 345 678 0987 654 321", f"gọi {PHONE} {PHONE}"),
    ("hồ sơ 000.00.19.H36-250101-0001, sđt 0912345678",
     f"hồ sơ 000.00.19.H36-250101-0001, sđt {PHONE}"),
    ("lệ phí 70.000 đồng, gọi (0205) 3812 345", f"lệ phí 70.000 đồng, gọi {PHONE}"),
    ("mail: X@Gmail.Com.", f"mail: {EMAIL}."),
    ("sđt 0912345678/0987654321", f"sđt {PHONE}/{PHONE}"),
    ("sđt 0912345678/0205 3812 345", f"sđt {PHONE}/{PHONE}"),  # the second one spaced
    ("gọi 0205 3812 345/0912345678 nhé", f"gọi {PHONE}/{PHONE} nhé"),
    ("theo Nghị quyết 1672/2025 từ 01/7/2025", "theo Nghị quyết 1672/2025 từ 01/7/2025"),
    ("tel: 024.3826.1234; cmt 08 123 4567", f"tel: {PHONE}; cmt {CMND}"),
])
def test_redact_sentences_keep_everything_else(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_redact_returns_original_characters_outside_the_spans() -> None:
    """Full-width letters, Vietnamese in any normal form and odd spaces outside a personal
    span come back as they were: only the number itself is folded for matching."""
    text = "Ｔôi\u00a0cần Ｄấu\u3000đỏ (NFD: Đe\u0301), sđt ０９１２３４５６７８ ạ"
    assert redact(text) == f"Ｔôi\u00a0cần Ｄấu\u3000đỏ (NFD: Đe\u0301), sđt {PHONE} ạ"


def test_redact_markers_are_not_redacted_again() -> None:
    once = redact("0912345678 001099012345 a@b.vn STK 19036688123018")
    assert redact(once) == once
    assert set(MARKERS.values()) >= {"[số điện thoại]", "[số CCCD]"}
