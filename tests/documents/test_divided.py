from __future__ import annotations

from motcua.documents.ask import Candidate, answer
from motcua.documents.divided import shares_of
from motcua.documents.ingest.glue import unglue
from motcua.documents.model import Citation, SearchHit


def _cand(text: str, path: str, score: float, doc: int = 1) -> Candidate:
    """A passage as import leaves it (lost spaces put back)."""
    hit = SearchHit(passage_id=path, score=score, text=unglue(text), snippet="",
                    citation=Citation(document_id=doc, number="8/NQ-HĐND", path=path))
    return Candidate(hit, context="Nghị quyết sắp xếp các xã của tỉnh Mẫu")


# own sentences in the resolutions' form; the first glues words as converted PDFs do
PART = ("7. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Lũng Hạ và một phần diện "
        "tích tự nhiên, quy mô dân số củaxãPhai Cát thành xã mới có tên gọi là xã Lũng Hạ.")
REST = ("9. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Nà Mè, phần còn lại của "
        "xã Phai Cát sau khi sắp xếp theo quy định tại khoản 7 Điều này thành xã mới có tên "
        "gọi là xã Nà Mè.")
WHOLE = ("8. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Phai Cát (huyện Khác) và "
         "xã Bó Tờ thành xã mới có tên gọi là xã Bó Tờ.")
PLAIN = ("3. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Khau Vai và xã Pác Nặm "
         "thành xã mới có tên gọi là xã Pác Nặm.")


def test_divided_lists_every_part_each_cited() -> None:
    cands = [_cand(REST, "Điều 1, khoản 9", 12.0), _cand(PLAIN, "Điều 1, khoản 3", 10.0),
             _cand(PART, "Điều 1, khoản 7", 9.0)]
    for question in ("Xã Phai Cát tỉnh Mẫu sau sắp xếp thuộc xã nào?",
                     "xa phai cat tinh mau nhap vao dau"):
        result = answer(question, cands)
        assert result.status == "answer"
        assert [c.path for c in result.citations] == ["Điều 1, khoản 7", "Điều 1, khoản 9"]
        assert result.answer.startswith(
            "Xã Phai Cát được chia: một phần sáp nhập vào xã Lũng Hạ (Điều 1, khoản 7), "
            "phần còn lại vào xã Nà Mè (Điều 1, khoản 9).")
        assert len(result.sentences) == 2


def test_divided_ignores_a_whole_commune_of_the_same_name() -> None:
    cands = [_cand(PART, "Điều 1, khoản 7", 12.0), _cand(WHOLE, "Điều 1, khoản 8", 11.0),
             _cand(REST, "Điều 1, khoản 9", 10.0)]
    result = answer("Xã Phai Cát sau sắp xếp thuộc xã nào?", cands)
    assert "Điều 1, khoản 8" not in [c.path for c in result.citations]
    assert len(result.citations) == 2


def test_divided_only_within_the_same_document() -> None:
    cands = [_cand(PART, "Điều 1, khoản 7", 12.0), _cand(REST, "Điều 1, khoản 9", 11.0, doc=2)]
    result = answer("Xã Phai Cát sau sắp xếp thuộc xã nào?", cands)
    assert len(result.citations) == 1 and "được chia" not in result.answer


def test_divided_not_for_a_commune_merged_whole() -> None:
    cands = [_cand(PLAIN, "Điều 1, khoản 3", 12.0), _cand(PART, "Điều 1, khoản 7", 6.0)]
    result = answer("Xã Khau Vai tỉnh Mẫu nhập vào xã nào?", cands)
    assert result.citations[0].path == "Điều 1, khoản 3" and "được chia" not in result.answer


def test_divided_shares_read_glued_words() -> None:
    hit = SearchHit(passage_id=1, score=1.0, text=PART, snippet="",
                    citation=Citation(document_id=1, path="Điều 1, khoản 7"))
    [share] = shares_of(hit)
    assert (share.kind, share.unit, share.into) == ("một phần", "xã Phai Cát", "xã Lũng Hạ")


def test_divided_part_of_each_of_a_list() -> None:
    text = ("Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Cốc Lầu, một phần diện "
            "tích tự nhiên, quy mô dân số của các xã Bản Rịa, Nậm Lúc và xã Pha Long thành xã "
            "mới có tên gọi là xã Cốc Lầu.")
    hit = SearchHit(passage_id=1, score=1.0, text=text, snippet="",
                    citation=Citation(document_id=1, path="Điều 1, khoản 4"))
    assert [s.unit for s in shares_of(hit)] == ["xã Bản Rịa", "xã Nậm Lúc", "xã Pha Long"]


def test_divided_asked_unit_is_the_longest_name_as_whole_words() -> None:
    near = ("5. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Tà Vân và một phần "
            "diện tích tự nhiên, quy mô dân số của xã Bắc Hà thành xã mới có tên gọi là xã Tà "
            "Vân.")
    first = ("6. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Nà Hối, một phần "
             "diện tích tự nhiên, quy mô dân số của xã Tà Vân Đông thành xã mới có tên gọi là "
             "xã Nà Hối.")
    rest = ("7. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã Lùng Phình và phần "
            "còn lại của xã Tà Vân Đông sau khi sắp xếp theo quy định tại khoản 6 Điều này "
            "thành xã mới có tên gọi là xã Lùng Phình.")
    cands = [_cand(near, "Điều 1, khoản 5", 12.0), _cand(first, "Điều 1, khoản 6", 11.0),
             _cand(rest, "Điều 1, khoản 7", 10.0)]
    result = answer("Xã Tà Vân Đông sau sắp xếp thuộc xã nào?", cands)
    assert [c.path for c in result.citations] == ["Điều 1, khoản 6", "Điều 1, khoản 7"]
    assert "vào xã Nà Hối" in result.answer and "vào xã Lùng Phình" in result.answer


def test_divided_finds_parts_beyond_the_top_hits() -> None:
    cands = [_cand(PART, "Điều 1, khoản 7", 12.0), _cand(PLAIN, "Điều 1, khoản 3", 10.0)]
    rest = _cand(REST, "Điều 1, khoản 9", 1.0).hit
    asked: list[tuple[str, int | str]] = []

    def more(phrase: str, document_id: int | str) -> list[SearchHit]:
        asked.append((phrase, document_id))
        return [cands[0].hit, rest]  # the known hit is not counted twice

    result = answer("Xã Phai Cát sau sắp xếp thuộc xã nào?", cands, more=more)
    assert asked == [("xã Phai Cát", 1)]
    assert [c.path for c in result.citations] == ["Điều 1, khoản 7", "Điều 1, khoản 9"]


def test_divided_unit_word_of_the_question_counts() -> None:
    ward = ("2. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của phường Hạ Lang và một phần "
            "diện tích tự nhiên, quy mô dân số của phường Phai Cát thành phường mới có tên gọi là "
            "phường Hạ Lang.")
    ward_rest = ("3. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của phường Đông Khê và "
                 "phần còn lại của phường Phai Cát thành phường mới có tên gọi là phường Đông "
                 "Khê.")
    cands = [_cand(ward, "Điều 1, khoản 2", 12.0), _cand(ward_rest, "Điều 1, khoản 3", 11.0)]
    assert "được chia" not in answer("Xã Phai Cát sau sắp xếp thuộc xã nào?", cands).answer
    both = answer("Phường Phai Cát sau sắp xếp thuộc phường nào?", cands)
    assert both.answer.startswith("Phường Phai Cát được chia")
