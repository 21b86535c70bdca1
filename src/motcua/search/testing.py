"""The contract every ``SearchBackend`` keeps, as a test mixin (like ``channels.testing``).

A backend's tests subclass ``SearchBackendContract`` and give one hook, ``make_backend(docs)``:
the backend holding exactly these documents (built anew on each call, replacing what it held).
Backends that keep filter values set ``supports_filters = True`` and get the filter tests;
the others must refuse filters. pytest collects the inherited ``test_`` methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest

from motcua._errors import InputError
from motcua.search._protocol import SearchBackend

__all__ = ["DOCS", "ContractDoc", "SearchBackendContract"]


@dataclass(frozen=True)
class ContractDoc:
    id: str
    text: str
    filters: dict[str, Any] = field(default_factory=dict)


DOCS = [
    ContractDoc("a", "Đăng ký khai sinh cho trẻ em",
                {"province": "Lạng Sơn", "year": 2024, "issuer": "Bộ Tư pháp"}),
    ContractDoc("b", "Đăng ký kết hôn", {"province": "Hà Nội", "year": 2023,
                                          "issuer": "Bộ Tư pháp"}),
    ContractDoc("c", "Cấp lại thẻ căn cước khi bị mất", {"province": "Lạng Sơn", "year": 2023,
                                                         "issuer": "Bộ Công an"}),
    ContractDoc("d", "Đăng ký tạm trú cho sinh viên thuê trọ", {"year": 2025}),
    ContractDoc("e", "Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ",
                {"province": "Hà Nội", "issuer": "Bộ Xây dựng"}),
]


class SearchBackendContract:
    """Inherit and implement ``make_backend``; every test here then runs for that backend."""

    supports_filters: ClassVar[bool] = False

    def make_backend(self, docs: Sequence[ContractDoc]) -> SearchBackend:
        raise NotImplementedError

    def test_backend_is_a_search_backend(self) -> None:
        backend = self.make_backend(DOCS)
        assert isinstance(backend, SearchBackend)
        assert len(backend) == len(DOCS)

    @pytest.mark.parametrize(("query", "best"), [
        ("đăng ký kết hôn", "b"), ("dang ky ket hon", "b"), ("cap lai can cuoc", "c"),
        ("tạm trú", "d"), ("khai sinh cho con", "a"), ("giấy phép xây dựng", "e")])
    def test_backend_ranks_the_matching_document_first(self, query: str, best: str) -> None:
        assert self.make_backend(DOCS).search(query, 3)[0].doc_id == best

    def test_backend_returns_nothing_for_unknown_words_or_empty_input(self) -> None:
        backend = self.make_backend(DOCS)
        assert backend.search("zzzz qqqq", 5) == []
        assert backend.search("", 5) == []
        assert backend.search("   ", 5) == []
        assert backend.search("khai sinh", 0) == []

    def test_backend_respects_limit_and_order(self) -> None:
        hits = self.make_backend(DOCS).search("đăng ký", 2)
        assert len(hits) == 2
        assert hits[0].score >= hits[1].score > 0
        everything = self.make_backend(DOCS).search("đăng ký", 50)
        assert len({h.doc_id for h in everything}) == len(everything) == 3

    def test_backend_build_replaces_what_it_held(self) -> None:
        self.make_backend(DOCS)
        backend = self.make_backend([ContractDoc("z", "Đăng ký hộ kinh doanh")])
        assert len(backend) == 1
        assert [h.doc_id for h in backend.search("đăng ký", 5)] == ["z"]

    def test_backend_empty_searches_nothing(self) -> None:
        backend = self.make_backend([])
        assert len(backend) == 0
        assert backend.search("đăng ký", 5) == []

    def test_backend_filters_narrow_or_are_refused(self) -> None:
        backend = self.make_backend(DOCS)
        if not self.supports_filters:
            with pytest.raises(InputError):
                backend.search("đăng ký", 5, province="Lạng Sơn")
            return
        # a province: its own documents and the national ones (no province), never another's
        ids = {h.doc_id for h in backend.search("đăng ký", 5, province="Lạng Sơn")}
        assert ids == {"a", "d"}
        assert {h.doc_id for h in backend.search("đăng ký", 5, province="Tỉnh Hà Nội")} == {
            "b", "d"}
        assert [h.doc_id for h in backend.search("đăng ký", 5, year=2023)] == ["b"]
        assert {h.doc_id for h in backend.search("đăng ký", 5, issuer="Tư pháp")} == {"a", "b"}
        assert backend.search("đăng ký", 5, issuer="Bộ Tài chính") == []
        assert backend.search("đăng ký", 5, province=None) != []  # None: no filter
