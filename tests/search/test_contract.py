"""The contract every ``SearchBackend`` implementation passes, and the bare engine's folder."""

from collections.abc import Sequence
from pathlib import Path

import pytest

from motcua._errors import IndexError_
from motcua.search import BM25Index, SearchBackend
from motcua.search.testing import ContractDoc, SearchBackendContract

DOCS = [
    ("a", "Đăng ký khai sinh"),
    ("b", "Đăng ký kết hôn"),
    ("c", "Cấp lại thẻ căn cước"),
    ("d", "Đăng ký tạm trú cho sinh viên thuê trọ"),
]

BACKENDS = [BM25Index]


@pytest.fixture(params=BACKENDS, ids=lambda c: c.__name__)
def backend(request: pytest.FixtureRequest) -> SearchBackend:
    b = request.param()
    b.build(DOCS)
    return b


def test_backend_is_a_search_backend(backend: SearchBackend) -> None:
    assert isinstance(backend, SearchBackend)
    assert len(backend) == len(DOCS)


@pytest.mark.parametrize(("query", "best"), [("đăng ký kết hôn", "b"), ("dang ky ket hon", "b"),
                                             ("cap lai can cuoc", "c"), ("tạm trú", "d")])
def test_backend_ranks_the_matching_document_first(backend, query: str, best: str) -> None:
    assert backend.search(query, 3)[0].doc_id == best


def test_backend_returns_nothing_for_unknown_words(backend) -> None:
    assert backend.search("zzzz qqqq", 5) == []


def test_backend_respects_limit_and_order(backend) -> None:
    hits = backend.search("đăng ký", 2)
    assert len(hits) == 2
    assert hits[0].score >= hits[1].score


def test_backend_save_and_load_round_trip(backend, tmp_path: Path) -> None:
    backend.save(tmp_path / "ix")
    loaded = type(backend).load(tmp_path / "ix")
    assert [h.doc_id for h in loaded.search("khai sinh", 3)] == [
        h.doc_id for h in backend.search("khai sinh", 3)]


def test_backend_save_replaces_atomically(backend, tmp_path: Path) -> None:
    backend.save(tmp_path / "ix")
    backend.save(tmp_path / "ix")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ix"]


def test_backend_load_missing_raises_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexError_, match="không đọc được chỉ mục"):
        BM25Index.load(tmp_path / "nothing")


def test_bm25_corrects_one_typo() -> None:
    ix = BM25Index()
    ix.build(DOCS)
    assert ix.search("cuocx", 1)[0].doc_id == "c"


def test_bm25_empty_index_returns_nothing() -> None:
    ix = BM25Index()
    ix.build([])
    assert ix.search("khai sinh") == []


class TestBM25IndexContract(SearchBackendContract):
    """The shipped contract (``motcua.search.testing``) on the bare engine (no filters)."""

    def make_backend(self, docs: Sequence[ContractDoc]) -> SearchBackend:
        index = BM25Index()
        index.build([(d.id, d.text) for d in docs])
        return index
