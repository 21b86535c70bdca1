from __future__ import annotations

import pytest

from motcua._errors import InputError
from motcua.documents.parse import parse_document
from motcua.documents.summarize import figure_values, summarize
from tests.documents._samples import DECISION, LETTER


def _summary(text: str, length: str = "short"):  # type: ignore[no-untyped-def]
    doc = parse_document(text.encode(), "x.txt")
    return summarize(doc.meta, doc.passages, length=length), doc


def test_summarize_every_sentence_is_from_the_document() -> None:
    summary, doc = _summary(DECISION, "long")
    flat = " ".join(doc.text.split())
    for item in [*summary.key_points, *summary.figures, *summary.deadlines]:
        assert item.text in flat
        assert item.location
    for a in summary.assignments:
        assert a.task in flat


def test_summarize_identity_figures_deadlines_assignments() -> None:
    summary, _ = _summary(DECISION, "long")
    assert (summary.doc_type, summary.number, summary.signer) == (
        "Quyết định", "12/QĐ-UBND", "Nguyễn Văn An")
    assert summary.issued_date == "2025-03-05"
    values = [v for f in summary.figures for v in f.values]
    assert "95%" in values and "120 triệu đồng" in values and "7 người" in values
    assert any("30 tháng 6 năm 2025" in d.text for d in summary.deadlines)
    who = {a.who for a in summary.assignments}
    assert "Sở Nội vụ" in who
    assert "Văn phòng Ủy ban nhân dân tỉnh" in who
    assert summary.legal_basis[0].text.startswith("Căn cứ Luật")


def test_summarize_short_is_shorter_and_diverse() -> None:
    short, _ = _summary(DECISION, "short")
    long, _ = _summary(DECISION, "long")
    assert len(short.key_points) <= 3 < len(long.key_points) or len(long.key_points) <= 3
    units = {k.location.split(",")[0] for k in short.key_points}
    assert len(units) >= 2  # not three sentences of the same article


def test_summarize_letter_without_structure() -> None:
    summary, _ = _summary(LETTER)
    assert summary.key_points
    assert any("15/7/2025" in d.text for d in summary.deadlines)


def test_summarize_bad_length() -> None:
    doc = parse_document(DECISION.encode(), "x.txt")
    with pytest.raises(InputError) as info:
        summarize(doc.meta, doc.passages, length="medium")
    assert info.value.hint


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Số hóa 95% hồ sơ, kinh phí 120 triệu đồng trước ngày 30 tháng 6 năm 2025 theo khoản 5 "
         "Điều 3.", ["95%", "120 triệu đồng"]),
        ("Tỉnh có 65 đơn vị hành chính cấp xã, gồm 61 xã và 04 phường.",
         ["65 đơn vị hành chính", "61 xã", "04 phường"]),
        ("Tăng 8,5 % so với năm 2024.", ["8,5 %"]),
        ("Không có số liệu.", []),
    ],
)
def test_summarize_figure_values(sentence: str, values: list[str]) -> None:
    assert figure_values(sentence) == values
