from __future__ import annotations

import pytest

from motcua.documents.structure import split_passages, split_sentences
from tests.documents._samples import DECISION


def test_structure_paths_down_to_points() -> None:
    paths = [p.path for p in split_passages(DECISION)]
    assert "Điều 1, khoản 1" in paths
    assert "Điều 1, khoản 2, điểm a" in paths
    assert "Điều 1, khoản 2, điểm b" in paths
    assert "Điều 2, khoản 2" in paths
    assert paths[-1] == "phần cuối"


def test_structure_point_keeps_clause_lead() -> None:
    point = next(p for p in split_passages(DECISION) if p.path == "Điều 1, khoản 2, điểm b")
    assert "Tổ công tác có nhiệm vụ" in point.lead
    assert point.article_title == "Thành lập Tổ công tác"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Điều 1. A\n1. x\n2025. not a clause\n2. y", ["Điều 1, khoản 1", "Điều 1, khoản 2"]),
        ("Điều 3\nTiêu đề\n1.Không có dấu cách", ["Điều 3, khoản 1"]),
        ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung.", ["Điều 1"]),
        ("I. MỤC TIÊU\n1. Một\n2. Hai", ["mục I", "mục I, khoản 1", "mục I, khoản 2"]),
        ("Văn bản không có cấu trúc.", [""]),
    ],
)
def test_structure_table(text: str, expected: list[str]) -> None:
    assert [p.path for p in split_passages(text)] == expected


def test_structure_chapter_title_kept() -> None:
    p = split_passages("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung.")[0]
    assert p.chapter == "Chương I QUY ĐỊNH CHUNG"


def test_structure_long_text_chunked() -> None:
    text = "Điều 1. Dài\n" + "\n".join(f"Câu số {i} của điều này rất dài." for i in range(200))
    passages = split_passages(text, max_chars=500)
    assert len(passages) > 5
    assert all(len(p.text) <= 500 for p in passages)
    assert {p.path for p in passages} == {"Điều 1"}


def test_structure_sentences() -> None:
    assert split_sentences("Một câu. Hai câu; Ba câu.") == ["Một câu.", "Hai câu;", "Ba câu."]


def test_structure_pdf_line_wrap_is_not_a_clause() -> None:
    text = ("Điều 2. Hiệu lực\n1. Quyết định này thay thế các nội dung tương ứng đã được quy định "
            "tại khoản\n2. Điều 5 của Quyết định số 1/QĐ-UBND.\n2. Quyết định có hiệu lực từ "
            "ngày ký.")
    passages = split_passages(text)
    assert [p.path for p in passages] == ["Điều 2, khoản 1", "Điều 2, khoản 2"]
    assert "2. Điều 5" in passages[0].text
