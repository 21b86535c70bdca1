"""clean_address: every written shape of an address, old and new, and the divided-commune rule."""

from __future__ import annotations

import pytest

from motcua.cleaning import clean_address
from motcua.cleaning.convert import REASONS

# (address, status, new ward code) -- real place names, written for these tests.
CASES = [
    ("Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội", "converted", "00097"),
    ("P. Phuc Xa, Q. Ba Dinh, TP. Ha Noi", "converted", "00097"),
    ("phuc xa, ba dinh, ha noi", "converted", "00097"),
    ("Số 5 ngõ 10, Phường Phúc Xá - Quận Ba Đình - Hà Nội", "converted", "00097"),
    ("Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội, Việt Nam", "converted", "00097"),
    ("PHƯỜNG PHÚC XÁ, QUẬN BA ĐÌNH, HÀ NỘI", "converted", "00097"),
    ("Phường Hồng Hà, Thành phố Hà Nội", "ok", "00097"),
    ("phuong hong ha, ha noi", "ok", "00097"),
    ("P3, Q5, TP HCM", "converted", "27301"),
    ("Phường 03, Quận 5, Thành phố Hồ Chí Minh", "converted", "27301"),
    ("Phường 3 Quận 5 TP.HCM", "converted", "27301"),
    ("Thị trấn Na Dương, Huyện Lộc Bình, Tỉnh Lạng Sơn", "converted", "06526"),
    ("TT. Na Dương, H. Lộc Bình, T. Lạng Sơn", "converted", "06526"),
    ("Thôn Bản Chắt, TT Na Duong, H Loc Binh, Lang Son", "converted", "06526"),
    ("Xã Chân Mây - Lăng Cô, Thành phố Huế", "ok", "20137"),
    ("Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu", "converted", "26732"),
    ("Xã Cẩm Giàng, Thành phố Hải Phòng", "ok", "10903"),
    ("Phường Bến Thành, Quận 1, TP.HCM", "converted", "26743"),
    ("Phường Bến Thành, TP.HCM", "ok", "26743"),
]


@pytest.mark.parametrize(("address", "status", "code"), CASES)
def test_clean_address_resolves(address: str, status: str, code: str) -> None:
    res = clean_address(address)
    assert (res.status, res.new_ward_code) == (status, code), res.to_dict()
    assert res.new_province and res.new_ward and res.candidates == []


def test_clean_address_divided_commune_is_ambiguous_with_all_candidates() -> None:
    res = clean_address("Xã Tân Xã, Huyện Thạch Thất, Thành phố Hà Nội")
    assert res.status == "ambiguous"
    assert res.candidate_codes == ["09982", "09988"]
    assert res.new_ward_code == "" and res.reason == "divided"
    assert res.new_province == "Thành phố Hà Nội"


def test_clean_address_divided_commune_with_street_still_not_guessed() -> None:
    res = clean_address("Số 1 đường Láng, Xã Tân Xã, Huyện Thạch Thất, Hà Nội")
    assert res.status == "ambiguous" and len(res.candidates) == 2


def test_clean_address_same_name_without_diacritics_is_ambiguous() -> None:
    res = clean_address("xa cam giang, hai phong")
    assert res.status == "ambiguous"
    assert res.candidate_codes == ["10888", "10903"]
    assert res.reason == "same_name_new"


def test_clean_address_new_address_not_converted_twice() -> None:
    first = clean_address("Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội")
    again = clean_address(f"{first.new_ward}, {first.new_province}")
    assert again.status == "ok" and again.new_ward_code == first.new_ward_code


def test_clean_address_keeps_street() -> None:
    res = clean_address("Số 7 Hàng Bún, Phường Phúc Xá, Quận Ba Đình, Hà Nội")
    assert res.street == "Số 7 Hàng Bún"
    assert res.old_ward == "Phường Phúc Xá" and res.old_district == "Quận Ba Đình"


@pytest.mark.parametrize(("address", "status", "reason"), [
    ("", "invalid", "empty"),
    ("   ", "invalid", "empty"),
    ("12345", "invalid", "no_letters"),
    ("x" * 600, "invalid", "too_long"),
    ("Nowhere street, Atlantis", "not_found", "province_not_found"),
    ("Phường Không Có, Thành phố Hà Nội", "not_found", "ward_not_found"),
])
def test_clean_address_bad_input_reports_reason(address: str, status: str, reason: str) -> None:
    res = clean_address(address)
    assert (res.status, res.reason) == (status, reason)
    assert res.new_ward_code == ""
    assert res.to_dict()["reason_text"] == REASONS[reason]


def test_clean_address_to_dict_shape() -> None:
    d = clean_address("Xã Tân Xã, Huyện Thạch Thất, Thành phố Hà Nội").to_dict()
    assert set(d) >= {"input", "status", "new_province", "new_ward", "new_ward_code",
                      "candidates", "reason", "old"}
    assert d["candidates"][0].keys() == {"code", "name", "province"}


@pytest.mark.parametrize(("address", "status", "code"), [
    ("Phường Hồng Hà, Quận Hoàn Kiếm, Hà Nội", "ok", "00097"),  # new ward, stale district
    ("Số 1, Phường Bến Thành, Quận 1, TP.HCM 700000", "converted", "26743"),  # postal code
    ("Phường Phúc Sá, Quận Ba Đình, Hà Nội", "converted", "00097"),  # package's known variant
    ("Xóm 3 xã Nghi Phương huyện Nghi Lộc Nghệ An", "converted", "17842"),  # no commas
    ("xom 3 xa nghi phuong huyen nghi loc nghe an", "converted", "17842"),
    ("xa tan thanh dong huyen cu chi tp hcm", "converted", "27541"),
    ("Xã Cẩm Lý, Huyện Lục Nam, Tỉnh Bắc Ninh", "converted", "07519"),  # new province, old rest
])
def test_clean_address_common_mixes(address: str, status: str, code: str) -> None:
    res = clean_address(address)
    assert (res.status, res.new_ward_code) == (status, code)


def test_clean_address_misspelling_gives_candidates_not_an_answer() -> None:
    res = clean_address("P. Phuc Xa, Q. Ba Dinhh, Ha Noi")
    assert res.status == "ambiguous" and res.reason == "spelling"
    assert res.candidate_codes == ["00097"] and res.new_ward_code == ""


def test_clean_address_equally_good_readings_are_merged_not_picked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from motcua.cleaning import convert
    from motcua.cleaning.units import load_units

    units = load_units()
    a, b = units.old_ward_by_key[("thanhphohanoi", "quanbadinh", "phucxa")][0], \
        units.old_ward_by_key[("thanhphohanoi", "quanbadinh", "giangvo")][0]
    tied = [convert._Match(30, 0, old_wards=[a]), convert._Match(30, 0, old_wards=[b])]
    monkeypatch.setattr(convert, "_interpretations", lambda segs, u: tied)
    res = convert.clean_address("anything, Hà Nội")
    assert res.status == "ambiguous"
    assert res.candidate_codes == sorted({*a.new_codes, *b.new_codes})
