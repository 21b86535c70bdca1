"""Questions answered by documents: clause_at_1, clause_at_5 and answer_accuracy.

Why both forms of every question: citizens and officials type without diacritics as often as
with them; each question is also run folded to plain ASCII letters and reported under
``folded``, so a regression in either form shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from motcua._errors import FileFormatError, InputError
from motcua.documents.ask import Candidate, answer
from motcua.documents.fate import prefer_old_names
from motcua.documents.index import PassageIndex
from motcua.documents.ingest import SUPPORTED_SUFFIXES
from motcua.documents.model import Citation, Passage, SearchHit
from motcua.documents.parse import ParsedDocument, index_entries, parse_document
from motcua.text.normalize import fold, nfc

__all__ = ["DocQuestion", "FolderCorpus", "evaluate_docs", "load_doc_questions"]


@dataclass(frozen=True)
class DocQuestion:
    id: str
    question: str
    gold_doc: str
    gold_article: str | None
    gold_clause: int | None
    gold_answer: str


def load_doc_questions(path: Path) -> list[DocQuestion]:
    out = []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="check the path") from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            out.append(DocQuestion(
                id=str(item.get("id", lineno)), question=nfc(item["question"]),
                gold_doc=nfc(item["gold_doc"]), gold_article=item.get("gold_article"),
                gold_clause=item.get("gold_clause"), gold_answer=nfc(item["gold_answer"]),
            ))
        except (ValueError, KeyError, TypeError) as exc:
            raise FileFormatError(f"{path}:{lineno}: not a question record ({exc})",
                                  hint="each line needs question, gold_doc, gold_answer",
                                  path=str(path), line=lineno) from exc
    return out


class FolderCorpus:
    """Every supported file of a folder parsed and indexed in memory (no database)."""

    def __init__(self, folder: Path, *, ocr: bool = False) -> None:
        files = sorted(p for p in Path(folder).rglob("*")
                       if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        if not files:
            raise InputError(f"no documents in {folder}",
                             hint="give the folder that holds the documents")
        self.docs: list[ParsedDocument] = [parse_document(p.read_bytes(), p.name, ocr=ocr)
                                           for p in files]
        self.passages: dict[str, tuple[ParsedDocument, Passage]] = {}
        entries = []
        for d, doc in enumerate(self.docs):
            pairs = [(f"{d}#{p.ord}", p) for p in doc.passages]
            for pid, p in pairs:
                self.passages[pid] = (doc, p)
            entries.extend(index_entries(d, doc.meta, pairs, doc.filename))
        self.index = PassageIndex()
        self.index.build(entries)

    def hits(self, query: str, limit: int = 5, **filters: object) -> list[Candidate]:
        """The ranked passages as ``DocumentService.ask`` sees them (``fate.py`` included)."""
        out = []
        for hit in self.index.search(query, limit, **filters):
            doc, p = self.passages[hit.doc_id]
            citation = Citation(document_id=hit.doc_id.split("#")[0], number=doc.meta.number,
                                doc_type=doc.meta.doc_type, path=p.path, filename=doc.filename)
            out.append(Candidate(SearchHit(passage_id=hit.doc_id, score=hit.score, text=p.text,
                                           snippet="", citation=citation, title=doc.meta.title),
                                 context=f"{doc.meta.title} {p.lead}"))
        return prefer_old_names(query, out)

    def in_document(self, phrase: str, document_id: int | str) -> list[SearchHit]:
        """The passages of one document that best match ``phrase`` (divided units)."""
        return [c.hit for c in self.hits(phrase, 10, document=int(document_id))]


def _is_gold(q: DocQuestion, corpus: FolderCorpus, passage_id: str) -> bool:
    doc, p = corpus.passages[passage_id]
    if doc.meta.number != q.gold_doc:
        return False
    if q.gold_article and f"Điều {p.article}" != q.gold_article:
        return False
    return q.gold_clause is None or p.clause == q.gold_clause


def _run(questions: Sequence[DocQuestion], corpus: FolderCorpus, transform: Callable[[str], str]
         ) -> dict[str, Any]:
    at1 = at5 = correct = 0
    for q in questions:
        text = transform(q.question)
        cands = corpus.hits(text, 5)
        ids = [c.hit.passage_id for c in cands]
        gold = [_is_gold(q, corpus, str(i)) for i in ids]
        at1 += bool(gold[:1] and gold[0])
        at5 += any(gold)
        result = answer(text, cands, idf=corpus.index.idf, more=corpus.in_document)
        correct += result.status == "answer" and fold(q.gold_answer) in fold(result.answer)
    n = len(questions)
    return {"clause_at_1": round(at1 / n, 4) if n else 0.0,
            "clause_at_5": round(at5 / n, 4) if n else 0.0,
            "answer_accuracy": round(correct / n, 4) if n else 0.0, "n": n}


def evaluate_docs(questions_path: Path, corpus_dir: Path) -> dict[str, Any]:
    questions = load_doc_questions(questions_path)
    corpus = FolderCorpus(corpus_dir)
    result = _run(questions, corpus, lambda s: s)
    result["folded"] = _run(questions, corpus, fold)
    return result
