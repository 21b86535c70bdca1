from __future__ import annotations

import json
from pathlib import Path

import pytest

from motcua._errors import FileFormatError
from motcua.eval.legal import evaluate_legal, load_corpus, load_questions


def _write(tmp_path: Path) -> tuple[Path, Path]:
    corpus = {
        "Luật Mẫu@1": "Phạm vi điều chỉnh\n\nLuật này quy định về đăng ký hộ tịch.",
        "Luật Mẫu@2": "Giải thích từ ngữ\n\nHộ tịch là những sự kiện cơ bản của cá nhân.",
        "Luật Khác@1": "Thời hạn\n\nCơ quan giải quyết trong 5 ngày làm việc.",
    }
    questions = [
        {"question_id": "q1", "text": "Luật này quy định về việc gì, đăng ký hộ tịch?",
         "relevant_articles": [{"law_id": "Luật Mẫu", "article_id": "1"}]},
        {"question_id": "q2", "text": "Thời hạn giải quyết là bao nhiêu ngày làm việc?",
         "relevant_articles": [{"law_id": "Luật Khác", "article_id": "1"}]},
    ]
    c, q = tmp_path / "articles.json", tmp_path / "train.json"
    c.write_text(json.dumps(corpus, ensure_ascii=False), "utf-8")
    q.write_text(json.dumps(questions, ensure_ascii=False), "utf-8")
    return q, c


def test_legal_metrics_and_baseline(tmp_path: Path) -> None:
    q, c = _write(tmp_path)
    result = evaluate_legal(q, c)
    assert result["n"] == 2 and result["recall_at_1"] == 1.0 and result["mrr_at_10"] == 1.0
    assert set(result["baseline"]) == {"recall_at_1", "recall_at_5", "recall_at_10",
                                       "mrr_at_10", "n"}


def test_legal_passages_variant(tmp_path: Path) -> None:
    corpus = [{"id": "Luật A", "articles": [{"id": "1", "text": "Điều về phim ảnh"}]}]
    questions = [{"example_id": "x", "statement": "phim ảnh",
                  "legal_passages": [{"law_id": "Luật A", "article_id": "1"}]}]
    (tmp_path / "p.json").write_text(json.dumps(corpus), "utf-8")
    (tmp_path / "q.json").write_text(json.dumps(questions), "utf-8")
    assert load_corpus(tmp_path / "p.json") == {"Luật A@1": "Điều về phim ảnh"}
    assert load_questions(tmp_path / "q.json")[0].gold == frozenset({"Luật A@1"})


@pytest.mark.parametrize(
    ("content", "loader"),
    [("not json", load_corpus), ("[1, 2]", load_corpus), ('{"a": 1}', load_questions),
     ('[{"text": "x"}]', load_questions)],
)
def test_legal_bad_files(tmp_path: Path, content: str, loader) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(FileFormatError) as info:
        loader(path)
    assert info.value.hint


@pytest.mark.shared
def test_legal_alqac_beats_baseline(shared: Path) -> None:
    base = shared / "data/legal/alqac2023"
    result = evaluate_legal(base / "train.json", base / "articles.json")
    assert result["n"] == 100
    assert result["mrr_at_10"] >= result["baseline"]["mrr_at_10"] + 0.10
