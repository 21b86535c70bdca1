from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from motcua.documents.ingest.markdown import markdown_to_text
from motcua.documents.metadata import extract_metadata, find_dates, type_from_number
from motcua.documents.parse import parse_document
from tests.documents._samples import DECISION, LETTER, RESOLUTION_MD


def test_metadata_decision() -> None:
    m = extract_metadata(DECISION)
    assert m.number == "12/QĐ-UBND"
    assert m.doc_type == "Quyết định"
    assert m.issuer == "ỦY BAN NHÂN DÂN TỈNH MẪU"
    assert m.place == "Thành Mẫu"
    assert m.issued_date == date(2025, 3, 5)
    assert m.subject == "Về việc thành lập Tổ công tác số hóa hồ sơ"
    assert m.signer == "Nguyễn Văn An"
    assert any("30 tháng 6 năm 2025" in d for d in m.deadlines)


def test_metadata_official_letter() -> None:
    m = extract_metadata(LETTER)
    assert m.number == "2829-CV/CTĐ&TTN"
    assert m.doc_type == "Công văn"
    assert m.subject == "V/v báo cáo số liệu dân số"
    assert m.signer == "Trần Thị Bình"
    assert "2025-07-15" in m.dates


def test_metadata_markdown_resolution() -> None:
    m = extract_metadata(markdown_to_text(RESOLUTION_MD))
    assert m.number == "99/NQ-HĐND"
    assert m.doc_type == "Nghị quyết"
    assert m.issuer == "HỘI ĐỒNG MẪU"
    assert m.issued_date == date(2025, 6, 16)


@pytest.mark.parametrize(
    ("number", "expected"),
    [("1672/NQ-UBTVQH15", "Nghị quyết"), ("1295/QĐ-UBND", "Quyết định"),
     ("72/2025/QH15", "Luật"), ("2829-CV/CTĐ&TTN", "Công văn"), ("1/XYZ", None), (None, None)],
)
def test_metadata_type_from_number(number: str | None, expected: str | None) -> None:
    assert type_from_number(number) == expected


def test_metadata_dates_invalid_skipped() -> None:
    assert find_dates("ngày 31 tháng 2 năm 2025 và 01/07/2025") == ["2025-07-01"]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "number", "doc_type", "signer", "issued"),
    [
        ("1672_NQ-UBTVQH15.md", "1672/NQ-UBTVQH15", "Nghị quyết", "Trần Thanh Mẫn",
         date(2025, 6, 16)),
        ("60-NQ_TW.md", "60-NQ/TW", "Nghị quyết", "Tô Lâm", date(2025, 4, 12)),
        ("1027_CTK-CSCL.md", "1027/CTK-CSCL", "Công văn", None, date(2025, 6, 25)),
        ("915_CTK-CSCL.csv", "915/CTK-CSCL", "Công văn", None, None),
    ],
)
def test_metadata_real_documents(shared: Path, name: str, number: str, doc_type: str,
                                 signer: str | None, issued: date | None) -> None:
    path = shared / "data/documents/reform-2025" / name
    doc = parse_document(path.read_bytes(), name)
    assert doc.meta.number == number
    assert doc.meta.doc_type == doc_type
    assert doc.meta.signer == signer
    assert doc.meta.issued_date == issued


@pytest.mark.shared
def test_metadata_real_resolution_subject_and_issuer(shared: Path) -> None:
    path = shared / "data/documents/reform-2025/1672_NQ-UBTVQH15.md"
    doc = parse_document(path.read_bytes(), path.name)
    assert doc.meta.issuer == "ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    assert "LẠNG SƠN" in (doc.meta.subject or "")
    assert doc.meta.place == "Hà Nội"
    assert any("30 tháng 9 năm 2025" in d for d in doc.meta.deadlines)


@pytest.mark.parametrize(
    ("question", "intent"),
    [("Ai ký quyết định này?", "signer"), ("nghi quyet ban hanh ngay nao", "date"),
     ("Cơ quan nào ban hành công văn?", "issuer"), ("Số hiệu văn bản là gì?", "number"),
     ("Xã nào được thành lập?", None)],
)
def test_metadata_question_intent(question: str, intent: str | None) -> None:
    from motcua.documents.metadata import metadata_intent

    assert metadata_intent(question) == intent



def test_metadata_wrapped_subject_stops_at_authority() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH MẪU\nSố: 7/KH-UBND\nTỉnh Mẫu, ngày 1 tháng 2 năm 2025\n"
            "KẾ HOẠCH\nTriển khai chuyển đổi số trong giải quyết\nthủ tục hành chính năm 2025\n"
            "ỦY BAN NHÂN DÂN TỈNH MẪU\nI. MỤC ĐÍCH\n1. Nâng cao chất lượng.")
    m = extract_metadata(text)
    assert m.doc_type == "Kế hoạch"
    assert m.subject == "Triển khai chuyển đổi số trong giải quyết thủ tục hành chính năm 2025"
    assert m.place == "Tỉnh Mẫu" and m.number == "7/KH-UBND"
