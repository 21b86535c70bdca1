"""Accented exact matches first, and the province filter of document search."""

from __future__ import annotations

import pytest

from motcua.documents.index import IndexedPassage, PassageIndex
from motcua.documents.metadata import province_key, province_of
from motcua.documents.model import DocumentMeta


def _index() -> PassageIndex:
    """Two look-alike communes of two provinces (own names) and one national text."""
    index = PassageIndex()
    index.build([
        IndexedPassage("north", "Sắp xếp xã Hoằng Đông và xã Nam Sơn thành xã Nam Sơn.", "",
                       "Nghị quyết tỉnh Bắc Mẫu", {"province": "Bắc Mẫu"}),
        IndexedPassage("north2", "Sắp xếp xã Hoằng Đông và xã Tây Sơn thành xã Hoằng Đông.",
                       "", "Nghị quyết tỉnh Bắc Mẫu", {"province": "Bắc Mẫu"}),
        IndexedPassage("south", "Sắp xếp phường Tam Hà và xã Hoàng Đồng thành phường Tam Hà.",
                       "", "Nghị quyết tỉnh Nam Mẫu", {"province": "Nam Mẫu"}),
        IndexedPassage("nation", "Danh mục mã xã Hoàng Đồng và xã Hoằng Đông mới.", "",
                       "Công văn mã đơn vị hành chính", {"province": None}),
        IndexedPassage("other", "Sắp xếp xã Bản Pò thành xã Bản Pò.", "",
                       "Nghị quyết tỉnh Nam Mẫu", {"province": "Nam Mẫu"}),
    ])
    return index


def _ids(index: PassageIndex, query: str, **filters: object) -> list[str]:
    return [h.doc_id for h in index.search(query, 10, **filters)]


def test_province_accented_exact_match_ranks_first() -> None:
    index = _index()
    assert _ids(index, "xã Hoàng Đồng")[0] in {"south", "nation"}
    assert _ids(index, "xã Hoàng Đồng").index("south") < _ids(index, "xã Hoàng Đồng").index(
        "north2")
    assert _ids(index, "xã Hoằng Đông")[0] in {"north", "north2", "nation"}
    assert "south" in _ids(index, "xã Hoằng Đông")  # a folded match is still found


def test_province_unaccented_query_decided_by_the_province() -> None:
    index = _index()
    assert set(_ids(index, "xa Hoang Dong")) >= {"north", "south"}
    filtered = _ids(index, "xa Hoang Dong", province="Nam Mẫu")
    assert next(i for i in filtered if i != "nation") == "south"
    assert _ids(index, "xa Hoang Dong", province="nam mau") == _ids(
        index, "xa Hoang Dong", province="Tỉnh Nam Mẫu")
    assert "north" not in _ids(index, "xa Hoang Dong", province="Nam Mẫu")
    assert "nation" in _ids(index, "xa Hoang Dong", province="Nam Mẫu")  # national texts stay
    assert "south" not in _ids(index, "xa Hoang Dong", province="Bắc Mẫu")


def test_province_filter_with_other_filters_and_unknown_province() -> None:
    index = _index()
    assert _ids(index, "xa Hoang Dong", province="Tây Mẫu") == ["nation"]
    assert _ids(index, "Bản Pò", province="Nam Mẫu", document=None) == ["other"]


@pytest.mark.parametrize(("subject", "issuer", "province"), [
    ("VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH BẮC MẪU NĂM 2025", "ỦY BAN THƯỜNG "
     "VỤ QUỐC HỘI", "Bắc Mẫu"),
    ("Về việc giao chỉ tiêu biên chế", "ỦY BAN NHÂN DÂN TỈNH NAM MẪU", "Nam Mẫu"),
    ("Kế hoạch của tỉnh Nam Mẫu về chuyển đổi số", None, "Nam Mẫu"),
    ("CỦA THÀNH PHỐ HÀ MẪU NĂM 2025", None, "Hà Mẫu"),
    ("V/v phối hợp giữa tỉnh Bắc Mẫu và tỉnh Nam Mẫu", None, None),  # two: no one province
    ("Hội nghị lần thứ mười một Ban Chấp hành Trung ương", None, None),
    (None, None, None),
])
def test_province_of_document(subject: str | None, issuer: str | None,
                              province: str | None) -> None:
    assert province_of(DocumentMeta(subject=subject, issuer=issuer)) == province


def test_province_key_spellings() -> None:
    assert province_key("Tỉnh Thanh Hóa") == province_key("thanh hoá") == "thanhhoa"
    assert province_key("Thành phố Hà Mẫu") == province_key("HÀ MẪU")
