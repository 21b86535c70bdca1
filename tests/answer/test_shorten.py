"""Short verbatim spans of the catalog's sentences."""

from __future__ import annotations

import pytest

from motcua.answer.shorten import cut, first_sentence, plain_count, split_condition


@pytest.mark.parametrize(("text", "short"), [
    ("- Tờ khai đăng ký kết hôn theo mẫu, có đủ thông tin của hai bên nam, nữ.",
     "Tờ khai đăng ký kết hôn theo mẫu"),
    ("+ Giấy chứng sinh do cơ sở y tế cấp;", "Giấy chứng sinh"),
    ("a) Bản sao giấy tờ chứng minh quan hệ nhân thân (nếu có)",
     "Bản sao giấy tờ chứng minh quan hệ nhân thân"),
    ("Giấy tờ, tài liệu có liên quan", "Giấy tờ, tài liệu có liên quan"),
    ("Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước "
     "hoặc các giấy tờ khác có dán ảnh",
     "Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử"),
])
def test_cut_keeps_the_leading_name(text: str, short: str) -> None:
    assert cut(text) == short
    assert short in text  # a verbatim span: the grounding check still holds


def test_cut_long_name_stops_at_a_word_within_limit() -> None:
    text = "Văn bản " + "rất dài " * 30
    short = cut(text, 40)
    assert len(short) <= 40 and short in text and not short.endswith(" ")


@pytest.mark.parametrize(("text", "name", "condition"), [
    ("- Văn bản ủy quyền (được chứng thực) trong trường hợp ủy quyền thực hiện thủ tục.",
     "Văn bản ủy quyền", "ủy quyền thực hiện thủ tục"),
    ("- Mẫu điện tử (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)",
     "Mẫu điện tử", "người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến"),
    ("- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.",
     "biên bản về việc trẻ bị bỏ rơi", "trẻ em bị bỏ rơi"),
    ("- Đối với người đại diện: Giấy giới thiệu của đơn vị.", "Giấy giới thiệu của đơn vị",
     "người đại diện"),
    # an alternative ("... trường hợp không có X thì Y") and an exception are no case
    ("- Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản người làm chứng.",
     "Giấy chứng sinh", ""),
    ("Tờ khai có ý kiến của chủ hộ, trừ trường hợp đã có ý kiến bằng văn bản.",
     "Tờ khai có ý kiến của chủ hộ", ""),
    ("Tờ khai thử nghiệm", "Tờ khai thử nghiệm", ""),
])
def test_split_condition_names_the_case(text: str, name: str, condition: str) -> None:
    split = split_condition(text)
    assert (split.name, split.condition) == (name, condition)
    assert split.name in text and split.condition in text


def test_first_sentence_stops_at_the_first_break() -> None:
    assert first_sentence("- Phải xác minh trong 30 ngày; sau đó cấp lại. Tiếp theo.") == \
        "Phải xác minh trong 30 ngày"


@pytest.mark.parametrize(("count", "plain"), [
    ("1 bản chính", "1 bản chính"), ("0 bản chính,1 bản sao", "1 bản sao"),
    ("1 bản chính,1 bản sao", "1 bản chính, 1 bản sao"), ("", ""),
])
def test_plain_count_drops_zero_parts(count: str, plain: str) -> None:
    assert plain_count(count) == plain
