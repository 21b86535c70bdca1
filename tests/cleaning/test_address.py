"""split_address: segments and readings of every way unit types are written."""

from __future__ import annotations

import pytest

from motcua.cleaning.address import province_splits, split_address, split_on_types


@pytest.mark.parametrize(("text", "types"), [
    ("Phường 3, Quận 5, Thành phố Hồ Chí Minh", ["Phường", "Quận", "Thành phố"]),
    ("P.3, Q.5, TP.HCM", ["Phường", "Quận", "Thành phố"]),
    ("P3, Q5, TPHCM", ["Phường", "Quận", ""]),
    ("X.Vũ Sơn, H.Bắc Sơn, T.Lạng Sơn", ["Xã", "Huyện", "Tỉnh"]),
    ("TT Na Dương - TX Sơn Tây - Hà Nội", ["Thị trấn", "Thị xã", ""]),
    ("xa vu son, huyen bac son, tinh lang son", ["Xã", "Huyện", "Tỉnh"]),
])
def test_split_address_reads_types(text: str, types: list[str]) -> None:
    assert [s.type_hint for s in split_address(text)] == types


def test_split_address_numbers_drop_leading_zeros() -> None:
    segs = split_address("Phường 03, Quận 05")
    assert [s.readings[0].key for s in segs] == ["3", "5"]


def test_split_address_keeps_dashed_names_whole() -> None:
    segs = split_address("Xã Chân Mây - Lăng Cô, Thành phố Huế")
    assert len(segs) == 2 and segs[0].readings[0].key == "chanmaylangco"


def test_split_address_every_segment_also_read_without_type() -> None:
    seg = split_address("Quan Hoa, Cau Giay, Ha Noi")[0]
    assert {r.key for r in seg.readings} == {"hoa", "quanhoa"}


def test_split_address_drops_country() -> None:
    assert len(split_address("Xã A, Tỉnh B, Việt Nam")) == 2


def test_split_on_types_cuts_addresses_without_commas() -> None:
    segs, cuts = split_on_types(split_address("Phường 3 Quận 5 TP.HCM"))
    assert [s.text for s in segs] == ["Phường 3", "Quận 5", "TP.HCM"] and cuts == 2


def test_split_on_types_respects_diacritics_and_cuts_province() -> None:
    segs, _ = split_on_types(split_address("Xóm 3 xã Nghi Phương huyện Nghi Lộc Nghệ An"))
    assert [s.text for s in segs] == ["Xóm 3", "xã Nghi Phương", "huyện Nghi Lộc Nghệ An"]
    splits = province_splits(segs, lambda key: key == "nghean")
    assert [s.text for s in splits[-1]] == ["Xóm 3", "xã Nghi Phương", "huyện Nghi Lộc",
                                           "Nghệ An"]


def test_province_splits_offers_every_province_suffix() -> None:
    segs = split_address("Thành phố Hà Tĩnh Hà Tĩnh")
    splits = province_splits(segs, lambda key: key in ("hatinh", "tinhhatinh"))
    assert [[s.text for s in alt] for alt in splits[1:]] == [
        ["Thành phố Hà Tĩnh", "Hà Tĩnh"], ["Thành phố Hà", "Tĩnh Hà Tĩnh"]]


def test_split_on_types_can_leave_one_cut_out() -> None:
    segs, cuts = split_on_types(split_address("xa nghi phuong huyen nghi loc"), {0})
    assert cuts == 2 and [s.text for s in segs] == ["xa nghi phuong", "huyen nghi loc"]
