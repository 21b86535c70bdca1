from __future__ import annotations

import html
import re

import pytest

from motcua.documents.ask import Candidate, answer, snippet
from motcua.documents.model import Citation, SearchHit


def _cand(text: str, path: str, score: float, doc: int = 1) -> Candidate:
    hit = SearchHit(passage_id=path, score=score, text=text, snippet="",
                    citation=Citation(document_id=doc, number="9/NQ-HĐND", path=path))
    return Candidate(hit, context="Nghị quyết sắp xếp các xã của tỉnh Mẫu")


A = "1. Sắp xếp xã Tây Hòa (huyện Một) và xã Đông Lâm thành xã mới có tên gọi là xã Lâm Hòa."
B = "2. Sắp xếp xã Tây Hòa (huyện Hai) và xã Bắc Sơn thành xã mới có tên gọi là xã Sơn Hòa."
C = "3. Sắp xếp xã Nam Hà và xã Bắc Hà thành xã mới có tên gọi là xã Hà Nam."


def test_ask_answer_sentence_without_enumerator() -> None:
    result = answer("Xã Nam Hà tỉnh Mẫu nhập vào xã nào?", [_cand(C, "Điều 1, khoản 3", 9.0)])
    assert result.status == "answer"
    assert result.answer.startswith("Sắp xếp xã Nam Hà")
    assert result.citations[0].path == "Điều 1, khoản 3"


def test_ask_same_name_twice_shows_both_with_citations() -> None:
    cands = [_cand(A, "Điều 1, khoản 1", 10.0), _cand(B, "Điều 1, khoản 2", 9.8),
             _cand(C, "Điều 1, khoản 3", 3.0)]
    result = answer("Xã Tây Hòa tỉnh Mẫu sáp nhập thành xã nào?", cands)
    assert [c.path for c in result.citations] == ["Điều 1, khoản 1", "Điều 1, khoản 2"]
    assert "xã Lâm Hòa" in result.answer and "xã Sơn Hòa" in result.answer


def test_ask_twin_only_from_the_same_document() -> None:
    cands = [_cand(A, "Điều 1, khoản 1", 10.0), _cand(B, "Phụ lục", 9.8, doc=2)]
    result = answer("Xã Tây Hòa tỉnh Mẫu sáp nhập thành xã nào?", cands)
    assert len(result.citations) == 1


def test_ask_abstains() -> None:
    assert answer("Xã nào?", []).status == "abstain"
    result = answer("Thủ tục cấp giấy phép lái xe cần giấy tờ gì?",
                    [_cand(C, "Điều 1, khoản 3", 1.0)])
    assert result.status == "abstain" and result.passages


def test_ask_snippet_marks_words_with_or_without_diacritics() -> None:
    assert "<mark>Nam</mark> <mark>Hà</mark>" in snippet(C, "xa nam ha")
    long = "Mở đầu. " * 80 + C
    cut = snippet(long, "Nam Hà")
    assert cut.startswith("…") and "<mark>Hà</mark>" in cut


HOSTILE = ('Điều 3. Xã Nam Hà <script>alert(1)</script> giao <b>Hà</b> & "Nam" '
           '<img src=x onerror=alert(2)> thực hiện.')


@pytest.mark.parametrize("query", ["xa nam ha", "Hà", "script alert", "b img onerror",
                                   "không có từ này"])
def test_ask_snippet_escapes_document_markup(query: str) -> None:
    out = snippet(HOSTILE, query)
    unmarked = re.sub(r"</?mark>", "", out)
    assert "<" not in unmarked and ">" not in unmarked  # our marks are the only tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in unmarked
    assert html.unescape(unmarked) == " ".join(HOSTILE.split())


def test_ask_snippet_marks_only_our_words_in_escaped_text() -> None:
    out = snippet(HOSTILE, "Hà")
    assert out.count("<mark>") == 2 and "&lt;b&gt;<mark>Hà</mark>&lt;/b&gt;" in out
    assert html.unescape(re.sub(r"</?mark>", "", out)) == " ".join(HOSTILE.split())
