"""Dossier parser on synthetic strings in the portal's flattened shape."""

from __future__ import annotations

import pytest

from motcua.catalog.parse import grounded, is_note, parse_dossier, split_template
from motcua.catalog.parse.dossier import DOSSIER_HEADER

H = DOSSIER_HEADER


def test_parse_dossier_rows_and_counts():
    src = (
        f"--{H}Tờ khai đề nghị cấp giấy phép1 bản chínhGiấy tờ chứng minh nhân thân"
        "0 bản chính,1 bản saoẢnh chân dung cỡ 4x62 bản chính"
    )
    items = parse_dossier(src)
    assert [i.name for i in items] == [
        "Tờ khai đề nghị cấp giấy phép", "Giấy tờ chứng minh nhân thân", "Ảnh chân dung cỡ 4x6",
    ]
    assert [(i.originals, i.copies) for i in items] == [(1, None), (0, 1), (2, None)]
    assert items[1].count_text == "0 bản chính,1 bản sao"
    assert all(i.case == "" and i.section == "" for i in items)


def test_parse_dossier_sections_and_cases():
    src = (
        f"* Giấy tờ phải nộp:{H}Tờ khai thay đổi thông tin1 bản chính"
        f"* Giấy tờ phải xuất trình:{H}Giấy tờ tùy thân còn hiệu lực1 bản chính"
        f"Trường hợp người yêu cầu ủy quyền cho người khác{H}Văn bản ủy quyền hợp lệ1 bản sao"
    )
    items = parse_dossier(src)
    assert [(i.section, i.case) for i in items] == [
        ("nộp", ""), ("xuất trình", ""),
        ("xuất trình", "Trường hợp người yêu cầu ủy quyền cho người khác"),
    ]
    assert items[2].copies == 1 and items[2].originals is None


@pytest.mark.parametrize(
    ("row", "name", "template"),
    [
        ("Đơn đề nghị theo mẫu;Mau 03.docx", "Đơn đề nghị theo mẫu;", "Mau 03.docx"),
        ("Tờ khai đăng ký theo quy địnhMẫu TK-01 (1).doc", "Tờ khai đăng ký theo quy định",
         "Mẫu TK-01 (1).doc"),
        ("Báo cáo kết quả hoạt động.Phụ lục II.docx", "Báo cáo kết quả hoạt động.",
         "Phụ lục II.docx"),
        ("Hồ sơ kỹ thuật kèm theoMau 01.docxMau 02.docx", "Hồ sơ kỹ thuật kèm theo",
         "Mau 01.docxMau 02.docx"),
        ("Bản khai theo Mẫu 08-PL2 ban hành kèm theo Nghị định số 10/2020/NĐ-CPMau 08-PL2.docx",
         "Bản khai theo Mẫu 08-PL2 ban hành kèm theo Nghị định số 10/2020/NĐ-CP",
         "Mau 08-PL2.docx"),
        ("Giấy đề nghị không có biểu mẫu", "Giấy đề nghị không có biểu mẫu", ""),
        ("Tờ khai đề nghị (Mẫu XY1).10-Mẫu XY1.doc", "Tờ khai đề nghị (Mẫu XY1).",
         "10-Mẫu XY1.doc"),
        ("Tờ khai do người đại diện ký tên.m02b.pdf", "Tờ khai do người đại diện ký tên.",
         "m02b.pdf"),
        ("Đơn theo mẫu tại Thông tư số 01/2020/TT-BXY.mẫu 05 sửa.docx",
         "Đơn theo mẫu tại Thông tư số 01/2020/TT-BXY.", "mẫu 05 sửa.docx"),
        ("Giấy chứng nhận còn hiệu lực;1. Đơn cấp mới.docx", "Giấy chứng nhận còn hiệu lực;",
         "1. Đơn cấp mới.docx"),
        ("Văn bản đề nghị công nhận cơ sở9.000123.docx", "Văn bản đề nghị công nhận cơ sở",
         "9.000123.docx"),
        ("Bản sao giấy phép;giấy đề nghị cấp lại.docx", "Bản sao giấy phép;",
         "giấy đề nghị cấp lại.docx"),
    ],
)
def test_parse_dossier_template_names(row, name, template):
    assert split_template(row) == (name, template)
    (item,) = parse_dossier(f"--{H}{row}1 bản chính")
    assert (item.name, item.template) == (name, template)


@pytest.mark.parametrize(
    ("src", "names"),
    [
        # A count inside a name is followed by a space or punctuation: not a row end.
        (f"--{H}Hóa đơn thương mại (01 bản sao có chứng thực)1 bản chínhBiên lai1 bản chính",
         ["Hóa đơn thương mại (01 bản sao có chứng thực)", "Biên lai"]),
        (f"--{H}Giấy phép: 01 bản chính, kèm bản dịch1 bản chính",
         ["Giấy phép: 01 bản chính, kèm bản dịch"]),
        # Enumerated rows start with a lower-case letter.
        (f"--{H}a) Đơn đề nghị1 bản chínhb) Bản sao giấy phép0 bản chính,1 bản sao",
         ["a) Đơn đề nghị", "b) Bản sao giấy phép"]),
    ],
)
def test_parse_dossier_counts_inside_names(src, names):
    assert [i.name for i in parse_dossier(src)] == names


def test_parse_dossier_note_rows_are_kept_and_recognisable():
    src = (
        f"--{H}Trường hợp thông tin đã có trong Cơ sở dữ liệu quốc gia thì không phải nộp"
        "0 bản chínhTờ khai1 bản chính"
    )
    items = parse_dossier(src)
    assert items[0].originals == 0 and items[0].copies is None
    assert items[0].name.startswith("Trường hợp thông tin")
    assert [is_note(i) for i in items] == [True, False]
    assert not is_note(parse_dossier(f"--{H}Bản sao giấy phép0 bản chính,1 bản sao")[0])


@pytest.mark.parametrize("src", ["", "--", "----", "Không có thông tin", f"--{H}"])
def test_parse_dossier_empty_or_placeholder(src):
    assert parse_dossier(src) == []


def test_parse_dossier_values_grounded():
    src = f"--\n{H}Tờ khai\xa0 theo mẫu;Mau\u00a001.docx1 bản chính"
    (item,) = parse_dossier(src)
    for value in (item.name, item.template, item.count_text):
        assert grounded(value, src)
