from __future__ import annotations

import pytest

from motcua.documents.ask import Candidate, answer
from motcua.documents.metadata import metadata_intent
from motcua.documents.model import Citation, SearchHit
from motcua.documents.when import date_mentions, when_kind
from motcua.text.normalize import fold


def _cand(text: str, path: str, score: float = 9.0, doc: int = 1) -> Candidate:
    hit = SearchHit(passage_id=path, score=score, text=text, snippet="",
                    citation=Citation(document_id=doc, number="7/NQ-HĐND", path=path))
    return Candidate(hit, context="Nghị quyết về việc sắp xếp các thôn của tỉnh Mẫu")


HEADER = ("HỘI ĐỒNG NHÂN DÂN TỈNH MẪU\nSố: 7/NQ-HĐND\nBến Mẫu, ngày 3 tháng 2 năm 2026\n"
          "Về việc sắp xếp các thôn và tổ dân phố")
START = ("2. Ủy ban nhân dân các xã chuẩn bị để các thôn mới hình thành sau sắp xếp chính thức "
         "hoạt động từ ngày 15 tháng 4 năm 2026.")
BOTH = ("5. Thống nhất sửa đổi quy chế thôn; bảo đảm hoàn thành trước ngày 31/3/2026, có hiệu "
        "lực từ ngày 01/4/2026; quy định thời gian chuyển tiếp.")
RELATIVE = "1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua."
NO_DATE = "3. Ủy ban nhân dân các xã chuẩn bị trụ sở cho các thôn mới hoạt động."


@pytest.mark.parametrize(("question", "kind"), [
    ("Thôn mới hoạt động từ ngày nào?", "start"),
    ("thon moi hoat dong tu ngay nao", "start"),
    ("Hạn hoàn thành sửa đổi quy chế thôn là khi nào?", "deadline"),
    ("Quy chế thôn phải xong trước ngày nào?", "deadline"),
    ("Bao giờ thì sắp xếp thôn?", "any"),
    ("Thôn Bản Mới nhập vào thôn nào?", None),
    ("Quy chế thôn hạn chế những gì?", None),
])
def test_when_kind_of_questions(question: str, kind: str | None) -> None:
    assert when_kind(question) == kind


@pytest.mark.parametrize(("question", "intent"), [
    ("Nghị quyết 7/NQ-HĐND ban hành ngày nào?", "date"),
    ("Nghị quyết được thông qua khi nào?", "date"),
    ("Văn bản ký ngày nào?", "date"),
    ("Thôn mới hoạt động từ ngày nào?", None),  # a date of the body, not of the header
    ("Hạn hoàn thành là ngày nào?", None),
])
def test_when_metadata_intent_only_for_the_documents_own_date(question: str,
                                                               intent: str | None) -> None:
    assert metadata_intent(question) == intent


def test_when_answer_from_the_body_never_the_header() -> None:
    cands = [_cand(HEADER, "", 12.0), _cand(START, "Điều 2, khoản 2", 9.0)]
    for question in ("Thôn mới hoạt động từ ngày nào?", "thon moi hoat dong tu ngay nao"):
        result = answer(question, cands)
        assert result.status == "answer"
        assert result.value == "15/4/2026"
        assert result.citations[0].path == "Điều 2, khoản 2"
        assert "3 tháng 2" not in result.answer


def test_when_header_alone_abstains() -> None:
    result = answer("Thôn mới hoạt động từ ngày nào?", [_cand(HEADER, "", 12.0),
                                                          _cand(NO_DATE, "Điều 2, khoản 3")])
    assert result.status == "abstain"


def test_when_picks_the_date_the_clause_ties_to_the_asked_event() -> None:
    cands = [_cand(BOTH, "Điều 1, khoản 5")]
    deadline = answer("Sửa đổi quy chế thôn phải hoàn thành trước ngày nào?", cands)
    start = answer("Quy chế thôn sửa đổi có hiệu lực từ ngày nào?", cands)
    assert (deadline.value, start.value) == ("31/3/2026", "01/4/2026")
    assert fold(deadline.answer).startswith("thong nhat sua doi quy che thon")


def test_when_prefers_a_sentence_with_a_date_over_one_without() -> None:
    cands = [_cand(NO_DATE, "Điều 2, khoản 3", 10.0), _cand(START, "Điều 2, khoản 2", 9.0)]
    result = answer("Các thôn mới hoạt động từ ngày nào?", cands)
    assert result.value == "15/4/2026"


def test_when_relative_date_of_the_act() -> None:
    result = answer("Nghị quyết này có hiệu lực thi hành từ ngày nào?",
                    [_cand(RELATIVE, "Điều 3, khoản 1")])
    assert result.status == "answer" and result.value == "ngày được thông qua"


def test_when_date_mentions_with_their_cues() -> None:
    mentions = date_mentions(BOTH)
    assert [(m.text, m.cue) for m in mentions] == [("ngày 31/3/2026", "deadline"),
                                                  ("ngày 01/4/2026", "start")]
    assert "hiệu lực" in mentions[1].before


def test_when_until_an_event() -> None:
    until = ("3. Ủy ban nhân dân các xã cũ tiếp tục hoạt động cho đến khi Ủy ban nhân dân các xã "
             "mới chính thức hoạt động.")
    result = answer("Ủy ban nhân dân các xã cũ hoạt động đến khi nào?",
                    [_cand(HEADER, "", 12.0), _cand(until, "Điều 2, khoản 3")])
    assert result.status == "answer" and result.citations[0].path == "Điều 2, khoản 3"
    assert result.value == "cho đến khi Ủy ban nhân dân các xã mới chính thức hoạt động"
