"""Whole-record parsing, junk rules, gaps and malformed records."""

from __future__ import annotations

from typing import Any

import pytest

from motcua._errors import FileFormatError
from motcua.catalog.model import ParsedProcedure
from motcua.catalog.parse import (
    junk_reason,
    parse_levels,
    parse_record,
    parse_results,
    parse_steps,
)
from motcua.catalog.parse.channels import CHANNEL_HEADER
from motcua.catalog.parse.dossier import DOSSIER_HEADER
from motcua.catalog.parse.legal import LEGAL_HEADER


def record(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "ma_thu_tuc": "9.000001",
        "ten_thu_tuc": "Đăng ký thử nghiệm dịch vụ mẫu",
        "detail_url": "https://example.invalid/thu-tuc/9.000001",
        "so_quyet_dinh": "100/QĐ-BTN",
        "cap_thuc_hien": "Cấp xã, Cấp tỉnh",
        "loai_thu_tuc": "Loại khác",
        "linh_vuc": "Thử nghiệm",
        "doi_tuong_thuc_hien": "Công dân Việt Nam",
        "co_quan_co_tham_quyen": "Ủy ban\xa0nhân dân cấp xã",
        "co_quan_thuc_hien": "Ủy ban nhân dân cấp xã",
        "dia_chi_tiep_nhan": "",
        "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
        "cach_thuc_thuc_hien": f"{CHANNEL_HEADER}Trực tiếp3 Ngày làm việcMiễn phí",
        "thanh_phan_ho_so": f"--{DOSSIER_HEADER}Tờ khai mẫu1 bản chính",
        "can_cu_phap_ly": f"{LEGAL_HEADER}Luật Thử nghiệm03/2023/QH15",
        "yeu_cau_dieu_kien": "Không có thông tin",
        "ket_qua_xu_ly": "Giấy xác nhận thử nghiệmMã: KQ.G99.000001Từ khóaKhông có thông tin"
        "Mô tảKhông có thông tinChọn cơ quan thực hiệnNộp hồ sơ",
    }
    base.update(overrides)
    return base


def test_parse_record_full():
    p = parse_record(record(), source="x.json")
    assert isinstance(p, ParsedProcedure)
    assert (p.code, p.name) == ("9.000001", "Đăng ký thử nghiệm dịch vụ mẫu")
    assert p.levels == ["xa", "tinh"]
    assert p.field == "Thử nghiệm"
    assert p.deciding_document == "100/QĐ-BTN"
    assert p.agencies == ["Ủy ban nhân dân cấp xã"]  # NBSP normalised, duplicates merged
    assert [c.kind for c in p.channels] == ["truc_tiep"]
    assert [d.name for d in p.dossier] == ["Tờ khai mẫu"]
    assert [(lb.number, lb.title) for lb in p.legal_basis] == [("03/2023/QH15", "Luật Thử nghiệm")]
    assert [s.text for s in p.steps] == ["Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả."]
    assert p.results == ["Giấy xác nhận thử nghiệm"]
    assert p.conditions == ""
    assert p.gaps == ["yeu_cau_dieu_kien"]
    assert ParsedProcedure.from_dict(p.to_dict()) == p


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"ten_thu_tuc": "Tên"}, "ma_thu_tuc"),
        ({"ma_thu_tuc": "1.000001"}, "ten_thu_tuc"),
        (record(ma_thu_tuc=12), "must be text"),
        (record(ten_thu_tuc=["a"]), "must be text"),
        (record(cach_thuc_thuc_hien={"a": 1}), "cach_thuc_thuc_hien"),
        (record(ma_thu_tuc="  "), "empty"),
        (record(ten_thu_tuc="Không có thông tin"), "empty"),
        (["not", "a", "dict"], "JSON object"),
    ],
)
def test_parse_record_malformed_raises_file_format_error(raw, message):
    with pytest.raises(FileFormatError) as info:
        parse_record(raw, source="bad.json")
    assert message in info.value.message
    assert info.value.hint


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("cach_thuc_thuc_hien", "Không có thông tin"),
        ("thanh_phan_ho_so", "--"),
        ("can_cu_phap_ly", ""),
        ("trinh_tu_thuc_hien", "Không có thông tin"),
        ("ket_qua_xu_ly", ""),
        ("cap_thuc_hien", ""),
        ("linh_vuc", "Không có thông tin"),
    ],
)
def test_parse_record_placeholder_fields_are_gaps(field, value):
    p = parse_record(record(**{field: value}))
    assert field in p.gaps


def test_parse_record_missing_optional_fields_are_gaps_not_errors():
    p = parse_record({"ma_thu_tuc": "9.000002", "ten_thu_tuc": "Thủ tục chỉ có tên"})
    assert p.channels == [] and p.dossier == [] and p.legal_basis == []
    assert {"cach_thuc_thuc_hien", "thanh_phan_ho_so", "can_cu_phap_ly"} <= set(p.gaps)


def test_parse_record_conditions_placeholder_followed_by_portal_ui_is_a_gap():
    p = parse_record(record(yeu_cau_dieu_kien="Không có thông tinTừ khóaKhông có thông tin"))
    assert p.conditions == "" and "yeu_cau_dieu_kien" in p.gaps


def test_parse_record_conditions_none_is_not_a_gap():
    p = parse_record(record(yeu_cau_dieu_kien="Không"))
    assert p.conditions == "" and "yeu_cau_dieu_kien" not in p.gaps


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Công bố Danh mục và Quy trình nội bộ thủ tục hành chính thuộc thẩm quyền giải quyết "
         "của Sở Mẫu", "catalog announcement, not a procedure"),
        ("Công bố Danh mục thủ tục hành chính mới ban hành lĩnh vực thử nghiệm",
         "catalog announcement, not a procedure"),
        ("Quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực mẫu",
         "internal workflow document, not a procedure"),
        ("Công bố hợp quy sản phẩm mẫu", None),
        ("Công bố mở cảng cá loại mẫu", None),
        ("Công bố Danh mục khu đất dự kiến thực hiện dự án mẫu", None),
        ("Đăng ký thử nghiệm dịch vụ mẫu", None),
    ],
)
def test_junk_reason_titles(title, reason):
    assert junk_reason(record(ten_thu_tuc=title)) == reason


@pytest.mark.parametrize("raw", [[], "text", {"ten_thu_tuc": 5}, {}])
def test_junk_reason_malformed_records_are_left_to_parse_record(raw):
    assert junk_reason(raw) in (None, "all essential fields empty or placeholders")


def test_junk_reason_all_essential_fields_empty():
    raw = record(
        cach_thuc_thuc_hien=CHANNEL_HEADER, thanh_phan_ho_so="--",
        can_cu_phap_ly="Không có thông tin", trinh_tu_thuc_hien="",
    )
    assert junk_reason(raw) == "all essential fields empty or placeholders"
    assert junk_reason(record(trinh_tu_thuc_hien="", thanh_phan_ho_so="--")) is None


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("Cấp xã", ["xa"]),
        ("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác", ["bo", "tinh", "xa", "khac"]),
        ("cấp tỉnh, Cấp tỉnh", ["tinh"]),
        ("", []),
        ("Cấp không rõ", []),
    ],
)
def test_parse_levels_labels(text, levels):
    assert parse_levels(text) == levels


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("Bước 1: Nộp hồ sơ. Bước 2: Nhận kết quả.",
         ["Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả."]),
        ("- Nộp hồ sơ\n\n- Nhận kết quả  ", ["- Nộp hồ sơ", "- Nhận kết quả"]),
        ("Một bước duy nhất", ["Một bước duy nhất"]),
        ("+ Bước 1: Lập hồ sơ. + Bước 2: Nộp hồ sơ.",
         ["+ Bước 1: Lập hồ sơ.", "+ Bước 2: Nộp hồ sơ."]),
        ("Không có thông tin", []),
    ],
)
def test_parse_steps_splitting(text, steps):
    assert [s.text for s in parse_steps(text)] == steps


@pytest.mark.parametrize(
    ("text", "results"),
    [
        ("Giấy phép mẫuMã: KQ.G01.000001Thông báo từ chốiMã: KQ.G01.000002"
         "Từ khóaKhông có thông tin",
         ["Giấy phép mẫu", "Thông báo từ chối"]),
        ("Văn bản trả lờiTừ khóaKhông có thông tinChọn cơ quan thực hiện", ["Văn bản trả lời"]),
        ("", []),
        ("Không có thông tin", []),
    ],
)
def test_parse_results_drop_portal_ui(text, results):
    assert parse_results(text) == results
