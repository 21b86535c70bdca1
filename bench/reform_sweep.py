"""Ask the 34 reform resolutions about every old unit they rearrange, as an official would.

Usage: python bench/reform_sweep.py [SHARED_DIR] [--sample N]
Why beside ``motcua eval docs``: its 40 dev questions are few and two of their gold answers are
not what the text says; here the questions are made from the clauses themselves, so every one
has a known answer. Two sweeps, each question asked with diacritics and (every other one)
folded, through the same path as ``DocumentService.ask`` (``FolderCorpus`` + ``answer``):

- whole: an old unit merged whole ("xã A, xã B và xã C thành xã mới có tên gọi là xã D"), in
  the dev set's three forms; clause@1 (the top passage is its clause) and answer (the answer
  holds the new unit's name). Same-name units of one province count as misses: the question
  cannot say which is meant.
- divided: a unit given "một phần" / "phần còn lại" in two or more clauses; the answer must
  cite all of them.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from motcua.documents.ask import answer
from motcua.documents.divided import shares_of
from motcua.documents.model import Citation, SearchHit
from motcua.eval.docs import FolderCorpus
from motcua.text.normalize import fold

_FORMS = ["{U} ({P}) sau sắp xếp năm 2025 thuộc đơn vị hành chính nào?",
          "Theo nghị quyết sắp xếp đơn vị hành chính cấp xã của {P}, {u} được nhập vào đâu?",
          "{U} {P} sáp nhập thành xã phường nào?"]
_CLAUSE = re.compile(r"quy mô dân số của (.+?) thành (?:xã|phường|đặc khu) mới có tên gọi là "
                     r"((?:xã|phường|đặc khu) [^.*]+)")


def _province(subject: str | None) -> str:
    m = re.search(r"(TỈNH|THÀNH PHỐ) (.+?) NĂM 2025", subject or "")
    return m.group(0).replace(" NĂM 2025", "").title() if m else ""


def _whole_units(corpus: FolderCorpus) -> list[tuple[str, int, str, str, str]]:
    out = []
    for doc, p in corpus.passages.values():
        if not (doc.meta.number or "").endswith("UBTVQH15") or p.clause is None:
            continue
        m = _CLAUSE.search(" ".join(p.text.split()))
        if not m or "phần" in m.group(1):
            continue
        unit = None
        for part in re.split(r",\s*|\s+và\s+", m.group(1)):
            part = re.sub(r"\(.*?\)", "", part).strip()
            named = re.match(r"(?:các\s+)?(xã|phường|thị trấn)\s+(.+)$", part)
            if named:
                unit, name = named.group(1), named.group(2)
            elif unit and re.match(r"^[A-ZĐÀ-Ỹ]", part):
                name = part
            else:
                continue
            if re.fullmatch(r"[A-ZĐÀ-Ỹ][^\W\d_]*(?: [^\W\d_]+)*", name):
                out.append((doc.meta.number or "", p.clause, f"{unit} {name}",
                            _province(doc.meta.subject), m.group(2).strip()))
    return sorted(set(out))


def whole(corpus: FolderCorpus, sample: int) -> dict[str, float]:
    units = _whole_units(corpus)
    picked = random.Random(7).sample(units, min(sample, len(units)))
    at1 = ok = 0
    for k, (number, clause, unit, prov, new) in enumerate(picked):
        q = _FORMS[k % 3].format(U=unit[0].upper() + unit[1:], u=unit, P=prov)
        q = fold(q) if k % 2 else q
        cands = corpus.hits(q, 5)
        if cands:
            doc, p = corpus.passages[str(cands[0].hit.passage_id)]
            at1 += doc.meta.number == number and p.clause == clause
        r = answer(q, cands, idf=corpus.index.idf, more=corpus.in_document)
        ok += r.status == "answer" and fold(new) in fold(r.answer)
    n = len(picked)
    return {"units": len(units), "asked": n, "clause_at_1": round(at1 / n, 4),
            "answer": round(ok / n, 4)}


def divided(corpus: FolderCorpus) -> dict[str, float]:
    units: dict[tuple[str, str, str], set[int]] = {}
    for pid, (doc, p) in corpus.passages.items():
        if not (doc.meta.number or "").endswith("UBTVQH15") or p.clause is None:
            continue
        hit = SearchHit(passage_id=pid, score=1, text=p.text, snippet="",
                        citation=Citation(document_id=0))
        for s in shares_of(hit):
            key = (doc.meta.number or "", s.unit, _province(doc.meta.subject))
            units.setdefault(key, set()).add(p.clause)
    asked = ok = 0
    for (_, unit, prov), clauses in sorted(units.items()):
        if len(clauses) < 2:
            continue
        q = f"{unit[0].upper()}{unit[1:]} {prov} sau sắp xếp thuộc xã nào?"
        for text in (q, fold(q)):
            r = answer(text, corpus.hits(text, 5), idf=corpus.index.idf,
                       more=corpus.in_document)
            asked += 1
            ok += {f"Điều 1, khoản {c}" for c in clauses} <= {c.path for c in r.citations}
    return {"units": asked // 2, "asked": asked, "all_clauses_cited": ok,
            "share": round(ok / asked, 4) if asked else 0.0}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sample = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 600
    args = [a for a in args if a != str(sample)]
    shared = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared"
    corpus = FolderCorpus(shared / "data/documents/reform-2025")
    print(json.dumps({"whole": whole(corpus, sample), "divided": divided(corpus)}, indent=2))


if __name__ == "__main__":
    main()
