from __future__ import annotations

from pathlib import Path

import pytest

from motcua._errors import IndexError_
from motcua.documents.index import IndexedPassage, PassageIndex, has_diacritics


def _index() -> PassageIndex:
    index = PassageIndex()
    index.build([
        IndexedPassage("a", "Sắp xếp xã Đông Lâm thành xã Na Mẫu.", "Sắp xếp các xã",
                       "Nghị quyết tỉnh Mẫu", {"type": "Nghị quyết", "year": 2025}),
        IndexedPassage("b", "Trên cơ sở Đề án, sắp xếp đơn vị hành chính tỉnh Mẫu tỉnh Mẫu.",
                       "Sắp xếp các xã", "Nghị quyết tỉnh Mẫu",
                       {"type": "Nghị quyết", "year": 2025}),
        IndexedPassage("c", "Người kết hôn phải đăng ký tại Ủy ban nhân dân cấp xã.",
                       "Đăng ký kết hôn", "Luật Hộ tịch", {"type": "Luật", "year": 2014}),
        IndexedPassage("d", "Nuôi cua biển ven bờ.", "", "Thông báo",
                       {"type": "Thông báo", "year": 2024}),
        IndexedPassage("e", "Mở cửa hàng ven bờ.", "", "Thông báo",
                       {"type": "Thông báo", "year": 2024}),
    ])
    return index


def test_index_rare_name_beats_repeated_province() -> None:
    assert _index().search("xã Đông Lâm tỉnh Mẫu sau sắp xếp")[0].doc_id == "a"


def test_index_folded_query_and_abbreviation() -> None:
    index = _index()
    assert index.search("dang ky ket hon")[0].doc_id == "c"
    assert index.search("kết hôn ở ubnd")[0].doc_id == "c"


def test_index_accents_separate_words_when_typed() -> None:
    index = _index()
    assert index.search("cửa ven bờ")[0].doc_id == "e"
    assert index.search("cua ven bờ")[0].doc_id == "d"
    assert {h.doc_id for h in index.search("cua ven bo")} == {"d", "e"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [({"type": "luật"}, {"c"}), ({"year": 2025}, {"a", "b"}), ({"type": "Công văn"}, set()),
     ({"type": None}, {"a", "b", "c"})],
)
def test_index_filters(filters: dict[str, object], expected: set[str]) -> None:
    hits = _index().search("xã", 10, **filters)
    assert {h.doc_id for h in hits} == expected


def test_index_save_load_roundtrip(tmp_path: Path) -> None:
    index = _index()
    index.save(tmp_path / "idx")
    index.save(tmp_path / "idx")  # replacing an existing index
    loaded = PassageIndex.load(tmp_path / "idx")
    assert [h.doc_id for h in loaded.search("đăng ký kết hôn")] == \
        [h.doc_id for h in index.search("đăng ký kết hôn")]
    assert loaded.idf("ket_hon") > loaded.idf("xa")


def test_index_missing_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(IndexError_) as info:
        PassageIndex.load(tmp_path / "nothing")
    assert "import" in (info.value.hint or "")


def test_index_empty_and_diacritics() -> None:
    assert PassageIndex().search("x") == []
    assert has_diacritics("cưới") and not has_diacritics("cuoi")
