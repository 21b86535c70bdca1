"""One card, many renderings: each plain-text target tested against its limit."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua._errors import InputError
from motcua.answer.render import (
    TELEGRAM_LIMIT,
    ZALO_LIMIT,
    option_labels,
    render_text,
    short_text,
)
from motcua.answer.schema import AskResponse, NationalRef, ProcedureRef
from tests.answer._card_records import REISSUE, respond

TODAY = dt.date(2026, 12, 3)


def _long_record(papers: int) -> dict:
    rows = "".join(f"- Giấy tờ thử nghiệm số {i} của người đề nghị, có xác nhận.1 bản chính"
                   for i in range(papers))
    return dict(REISSUE, thanh_phan_ho_so=f"Tên giấy tờMẫu đơn, tờ khaiSố lượng{rows}")


@pytest.mark.parametrize("limit", [ZALO_LIMIT, TELEGRAM_LIMIT, 300, 80])
@pytest.mark.parametrize("papers", [1, 40, 200])
def test_render_text_answer_within_limit(limit: int, papers: int) -> None:
    r = respond(_long_record(papers), today=TODAY)
    text = render_text(r, limit=limit)
    assert len(text) <= limit
    assert text.startswith("Cấp lại thẻ thử nghiệm")


def test_render_text_short_card_then_details_hint() -> None:
    r = respond(REISSUE, today=TODAY)
    r.answer.url = "https://dichvucong.gov.vn/p/1"  # type: ignore[union-attr]
    text = render_text(r)
    assert text.startswith(r.answer.short)  # type: ignore[union-attr]
    assert text.endswith("Xem chi tiết (đủ giấy tờ, lưu ý, căn cứ pháp lý): "
                         "https://dichvucong.gov.vn/p/1")


def test_short_card_budget_moves_papers_to_details() -> None:
    r = respond(_long_record(60), today=TODAY)
    assert r.answer is not None
    assert len(r.answer.short) <= 1200
    assert "giấy tờ khác: bấm “Xem chi tiết”" in r.answer.short
    assert all(f"Giấy tờ thử nghiệm số {i} " in r.answer.text for i in range(60))


def test_render_text_clarify_numbered_options() -> None:
    refs = [ProcedureRef(code=f"C.{i}", name=f"Cấp lại giấy thử nghiệm loại {i}", score=1.0)
            for i in range(1, 8)]
    r = AskResponse(status="clarify", message="Bạn cần làm việc nào?", procedures=refs)
    lines = render_text(r, limit=ZALO_LIMIT).splitlines()
    assert lines[0] == "Bạn cần làm việc nào?"
    assert lines[1] == "Cấp lại giấy thử nghiệm, bạn trả lời bằng số:"
    assert lines[2:] == [f"{i}. loại {i}" for i in range(1, 6)]


@pytest.mark.parametrize(("names", "shared", "labels"), [
    (["Cấp lại chứng nhận đăng ký xe bị mất", "Cấp lại chứng nhận đăng ký xe bị hỏng",
      "Cấp lại chứng nhận đăng ký xe sang tên"],
     "Cấp lại chứng nhận đăng ký xe", ["bị mất", "bị hỏng", "sang tên"]),
    (["Cấp lại thẻ căn cước", "Cấp đổi thẻ căn cước"], "",
     ["Cấp lại thẻ căn cước", "Cấp đổi thẻ căn cước"]),
    (["Đăng ký khai sinh", "Đăng ký khai sinh lưu động"], "Đăng ký",
     ["khai sinh", "khai sinh lưu động"]),  # two syllables at least stay with each option
    (["Đăng ký tạm trú"], "", ["Đăng ký tạm trú"]),
    (["Cấp lại tem thử nghiệm " + "rất dài " * 9, "Cấp đổi tem",
      "Cấp lại tem thử nghiệm " + "rất dài " * 9 + "(thực hiện ở cấp tỉnh)"], "",
     ["Cấp lại tem thử nghiệm " + "rất dài " * 8 + "rất dài", "Cấp đổi tem",
      "Cấp lại tem thử nghiệm " + "rất dài " * 9 + "(thực hiện ở cấp tỉnh)"]),
    ([], "", []),
])
def test_option_labels_say_shared_words_once(names: list[str], shared: str,
                                             labels: list[str]) -> None:
    assert option_labels(names) == (shared, labels)


def test_render_text_long_option_label_cut_at_a_word() -> None:
    name = "Cấp lại chứng nhận " + "rất dài " * 20 + "(thực hiện tại cấp xã)"
    r = AskResponse(status="clarify", message="?", procedures=[
        ProcedureRef(code="C.1", name=name, score=1.0)])
    option = render_text(r).splitlines()[-1]
    assert len(option) <= 95 and option.endswith("…")


def test_render_text_abstain_names_the_portal_link() -> None:
    national = NationalRef(code="N.1", name="Thủ tục khác", url="https://dichvucong.gov.vn/n1")
    r = AskResponse(status="abstain", message="Chưa có trong danh mục.", national=national)
    assert render_text(r).splitlines() == ["Chưa có trong danh mục.",
                                           "https://dichvucong.gov.vn/n1"]


def test_render_text_sample_says_so() -> None:
    r = AskResponse(status="abstain", message="Không rõ.", sample=True)
    assert "Dữ liệu mẫu" in render_text(r)


@pytest.mark.parametrize("limit", [0, -5])
def test_render_text_bad_limit_refused(limit: int) -> None:
    with pytest.raises(InputError, match="giới hạn độ dài"):
        render_text(AskResponse(status="abstain", message="x"), limit=limit)


def test_short_text_heads_the_checklist_once() -> None:
    r = respond(REISSUE, today=TODAY)
    assert r.answer is not None
    assert short_text(r.answer).count("Giấy tờ cần mang:") == 1


def test_render_text_other_cases_and_next_steps() -> None:
    r = respond(REISSUE, today=TODAY)
    r.variants = [ProcedureRef(code="V.1", score=0, name="Thủ tục đăng ký kết hôn có yếu tố "
                               "nước ngoài (thực hiện tại cấp xã)")]
    r.related = [ProcedureRef(code="R.1", score=0, name="Đăng ký thường trú"),
                 ProcedureRef(code="R.2", score=0, name="Đăng ký thường trú")]
    text = render_text(r)
    assert "Trường hợp khác: Thủ tục đăng ký kết hôn có yếu tố nước ngoài\n" in text
    assert "Bạn cũng có thể cần: Đăng ký thường trú" in text  # said once
    assert text.count("Đăng ký thường trú") == 1


def test_render_text_follow_up_keeps_one_fact() -> None:
    r = respond(REISSUE, today=TODAY, aspect="fee")
    r.related = [ProcedureRef(code="R.1", score=0, name="Đăng ký thường trú")]
    assert "Bạn cũng có thể cần" not in render_text(r)
