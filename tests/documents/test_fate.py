from __future__ import annotations

import pytest

from motcua.documents.ask import Candidate
from motcua.documents.fate import prefer_old_names
from motcua.documents.model import Citation, SearchHit

# own names: the new xã Pác Nặm takes the name of an old one that went elsewhere
AS_NEW = ("15. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Khau Vai và xã Bó Tờ "
          "thành xã mới có tên gọi là xã Pác Nặm.")
AS_OLD = ("29. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Pác Nặm và xã Nà Hối "
          "thành xã mới có tên gọi là xã Nà Hối.")


def _cands() -> list[Candidate]:
    return [Candidate(SearchHit(passage_id=p, score=40.0, text=t, snippet="",
                                citation=Citation(document_id=1, path=p)))
            for p, t in (("Điều 1, khoản 15", AS_NEW), ("Điều 1, khoản 29", AS_OLD))]


@pytest.mark.parametrize("question", [
    "Xã Pác Nặm sau sắp xếp thuộc đơn vị hành chính nào?",
    "xa pac nam nhap vao dau",
    "Xã Pác Nặm sáp nhập thành xã nào?",
])
def test_fate_old_unit_clause_first(question: str) -> None:
    ranked = prefer_old_names(question, _cands())
    assert ranked[0].hit.citation.path == "Điều 1, khoản 29"
    assert ranked[1].hit.score < 40.0


@pytest.mark.parametrize("question", [
    "Xã Pác Nặm mới gồm những xã nào?",  # asks about the new unit
    "Xã Pác Nặm được hình thành từ những xã nào sau sắp xếp?",
    "Xã Pác Nặm ở đâu?",  # not a question about where an old unit went
])
def test_fate_other_questions_keep_the_ranking(question: str) -> None:
    ranked = prefer_old_names(question, _cands())
    assert [c.hit.citation.path for c in ranked] == ["Điều 1, khoản 15", "Điều 1, khoản 29"]
    assert all(c.hit.score == 40.0 for c in ranked)


def test_fate_a_table_of_new_units_goes_after_the_clause() -> None:
    table = "\n".join(f"{i} | 0{i}123 | Xã Pác Nặm {i} | Tỉnh Mẫu" for i in range(1, 8))
    cands = [Candidate(SearchHit(passage_id=p, score=s, text=t, snippet="",
                                 citation=Citation(document_id=1, path=p)))
             for p, s, t in (("Phụ lục I", 41.0, table), ("Điều 1, khoản 29", 40.0, AS_OLD))]
    ranked = prefer_old_names("xa pac nam tinh mau sap nhap thanh xa phuong nao", cands)
    assert ranked[0].hit.citation.path == "Điều 1, khoản 29"


def test_fate_the_asked_kind_of_unit_counts() -> None:
    ward = ("83. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của phường Bản Phố và các xã "
            "Nà Hối, Lùng Phình thành phường mới có tên gọi là phường Lùng Phình.")
    commune = ("27. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Bản Phố, Tả Văn "
               "và Sín Chéng thành xã mới có tên gọi là xã Sín Chéng.")
    cands = [Candidate(SearchHit(passage_id=p, score=s, text=t, snippet="",
                                 citation=Citation(document_id=1, path=p)))
             for p, s, t in (("Điều 1, khoản 83", 41.0, ward), ("Điều 1, khoản 27", 40.0,
                                                                 commune))]
    ranked = prefer_old_names("Xã Bản Phố sáp nhập thành xã phường nào?", cands)
    assert ranked[0].hit.citation.path == "Điều 1, khoản 27"
    kept = prefer_old_names("Phường Bản Phố sáp nhập thành xã phường nào?", cands)
    assert kept[0].hit.citation.path == "Điều 1, khoản 83"
