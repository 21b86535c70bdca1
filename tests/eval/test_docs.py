from __future__ import annotations

import json
from pathlib import Path

import pytest

from motcua._errors import FileFormatError, InputError
from motcua.eval.docs import evaluate_docs, load_doc_questions
from tests.documents._samples import DECISION, RESOLUTION_MD


def test_docs_eval_on_own_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nq.md").write_text(RESOLUTION_MD, "utf-8")
    (corpus / "qd.txt").write_text(DECISION, "utf-8")
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "a", "question": "Xã Đông Lâm (tỉnh Mẫu) sau sắp xếp thuộc đơn vị nào?",
         "gold_doc": "99/NQ-HĐND", "gold_article": "Điều 1", "gold_clause": 1,
         "gold_answer": "xã Na Mẫu"},
        {"id": "b", "question": "Xã Bắc Hòa tỉnh Mẫu sáp nhập thành xã nào?",
         "gold_doc": "99/NQ-HĐND", "gold_article": "Điều 1", "gold_clause": 2,
         "gold_answer": "xã Hòa Bình"},
    ]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    result = evaluate_docs(questions, corpus)
    assert result["n"] == 2
    assert result["clause_at_1"] == 1.0 and result["answer_accuracy"] == 1.0
    assert result["folded"]["clause_at_1"] == 1.0


@pytest.mark.parametrize("line", ["not json", '{"question": "x"}'])
def test_docs_bad_questions(tmp_path: Path, line: str) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(line, "utf-8")
    with pytest.raises(FileFormatError):
        load_doc_questions(path)


def test_docs_empty_corpus(tmp_path: Path) -> None:
    q = tmp_path / "q.jsonl"
    q.write_text("", "utf-8")
    with pytest.raises(InputError):
        evaluate_docs(q, tmp_path)


@pytest.mark.shared
def test_docs_reform_targets(shared: Path) -> None:
    result = evaluate_docs(shared / "eval/reform-questions.dev.jsonl",
                           shared / "data/documents/reform-2025")
    for form in (result, result["folded"]):
        assert form["clause_at_1"] >= 0.90
        assert form["answer_accuracy"] >= 0.90


@pytest.mark.shared
def test_docs_off_topic_questions_abstain(shared: Path) -> None:
    from motcua.documents.ask import answer
    from motcua.eval.docs import FolderCorpus

    corpus = FolderCorpus(shared / "data/documents/reform-2025")
    lines = (shared / "eval/procedure-questions.dev.jsonl").read_text("utf-8").splitlines()
    questions = [json.loads(x)["question"] for x in lines if x.strip()]
    answered = [q for q in questions
                if answer(q, corpus.hits(q, 5), idf=corpus.index.idf).status == "answer"]
    assert len(answered) <= 2, answered  # 0 of 54 when written; a little room for data drift
