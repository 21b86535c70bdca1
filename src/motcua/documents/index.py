"""Passage search: BM25 over several fields of each passage, summed with weights (BM25F-lite).

Why several ``BM25Index`` fields rather than one text: the article title says what an article
is about in five words and deserves more weight than its body; the document title (type and
subject, e.g. "...của tỉnh Lạng Sơn") places a clause in its province; and an accented field
separates "cuối" from "cưới" when the user typed diacritics, while the folded field still
matches text typed without them. Weights were tuned on half of the ALQAC questions and checked
on the other half (``motcua eval legal``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from motcua._errors import IndexError_
from motcua.documents._fusion import TermParts, accent_variants
from motcua.documents._topk import top_passages
from motcua.documents.metadata import province_key
from motcua.documents.terms import (
    LEGAL_STOPWORDS,
    _accented,
    _folded,
    has_diacritics,
    stop_flags,
)
from motcua.search import BM25Index, Hit
from motcua.search._atomic import replace_dir
from motcua.search._manifest import Manifest, write_manifest
from motcua.search.bm25 import top_hits
from motcua.text.abbreviations import default_dictionary
from motcua.text.normalize import fold

__all__ = ["FIELD_WEIGHTS", "LEGAL_STOPWORDS", "IndexedPassage", "PassageIndex", "has_diacritics",
           "stop_flags"]

_FORMAT = 3  # 2: passages carry their province; 3: no syllable pair across punctuation

# Per query term, the best field counts fully and the others by this share (dis-max): a
# province named in a document's title, an article's heading and its body is one piece of
# evidence, not three, so it cannot outweigh the one clause that names the commune asked for.
TIE = 0.3
K1 = 0.6  # strong saturation: a table that repeats "Tỉnh Vĩnh Long" 30 times is one match
B = 0.75
FIELD_WEIGHTS: dict[str, float] = {"body": 1.0, "accent": 0.3, "heading": 0.8}


@dataclass
class IndexedPassage:
    """What the index needs of a passage: an id, three texts and the values filters read."""

    id: str
    body: str
    heading: str = ""
    title: str = ""
    filters: dict[str, Any] = field(default_factory=dict)


class PassageIndex:
    def __init__(self, weights: dict[str, float] | None = None, tie: float = TIE,
                 k1: float = K1, b: float = B) -> None:
        self.weights = dict(FIELD_WEIGHTS if weights is None else weights)
        self.tie = tie
        self.k1 = k1
        self.b = b
        self.fields: dict[str, BM25Index] = {}
        self.ids: list[str] = []
        self.filters: list[dict[str, Any]] = []
        self._by_province: dict[str, npt.NDArray[np.bool_]] = {}
        self._forget_parts()

    def _forget_parts(self) -> None:
        self._parts = TermParts()

    def __len__(self) -> int:
        return len(self.ids)

    @staticmethod
    def _tokenizer(name: str) -> Any:
        return _accented if name == "accent" else _folded

    def build(self, passages: Sequence[IndexedPassage]) -> None:
        self.ids = [p.id for p in passages]
        self.filters = [p.filters for p in passages]
        self._by_province = {}
        self._forget_parts()
        # The passage is indexed with its context (document title, article heading) so that
        # idf sees "đơn vị hành chính" in every clause of a resolution about them.
        full = [f"{p.title}\n{p.heading}\n{p.body}" for p in passages]
        texts = {"body": full, "accent": full, "heading": [p.heading for p in passages]}
        self.fields = {}
        for name, values in texts.items():
            index = BM25Index(self._tokenizer(name), k1=self.k1, b=self.b)
            index.build(list(zip(self.ids, values, strict=True)))
            self.fields[name] = index

    def query_terms(self, query: str, *, expand: bool = True) -> list[str]:
        text = default_dictionary().expand(query) if expand else query
        flags = stop_flags(text, accented=has_diacritics(query))
        return [t for t, stop in flags if not stop] + [
            f"{a}_{b}" for (a, _), (b, _) in pairwise(flags)]

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """Dis-max over the fields per query term, summed over the terms.

        Why each term is scored on its own passages only (its folded body postings, which
        hold every passage the other fields match, since the body is indexed with the heading
        and title): a pass over all passages per term and field was most of a query at 100k
        passages (p95 5.8 ms); the arithmetic is the same, in the same order, so the scores
        are the same to the bit.
        """
        return self._scores(self.query_terms(query), accent_variants(query))

    def _scores(self, folded: list[str], accent_of: dict[str, list[str]]) -> (
        npt.NDArray[np.float32]
    ):
        n = len(self.ids)
        scores = np.zeros(n, dtype=np.float32)
        if not n:
            return scores
        for term in dict.fromkeys(folded):
            found = self._parts.get(self.fields, self.weights, self.tie, term, accent_of, n)
            if found is not None:
                docs, part = found
                count = folded.count(term)
                scores[docs] += part if count == 1 else count * part
        return scores

    def idf(self, term: str) -> float:
        """Inverse document frequency of a folded term (or "a_b" pair) in the passages."""
        index = self.fields.get("body")
        if index is None or term not in index.vocab:
            return 0.0
        tid = index.vocab[term]
        df = float(index.indptr[tid + 1] - index.indptr[tid])
        n = len(self.ids)
        return float(np.log1p((n - df + 0.5) / (df + 0.5)))

    def mask(self, **wanted: Any) -> npt.NDArray[np.bool_]:
        """Passages whose filter values match every given (non-None) value."""
        keep = np.ones(len(self.ids), dtype=bool)
        active = {k: v for k, v in wanted.items() if v not in (None, "")}
        if not active:
            return keep
        if "province" in active:
            keep &= self._province_mask(str(active.pop("province")))
        for i, values in enumerate(self.filters if active else ()):
            for key, want in active.items():
                have = values.get(key)
                if isinstance(want, str):
                    if have is None or fold(want) not in fold(str(have)):
                        keep[i] = False
                elif have != want:
                    keep[i] = False
        return keep

    def _province_mask(self, province: str) -> npt.NDArray[np.bool_]:
        """Passages of that province's documents or of no one province's (a national text
        concerns every province); an array per province, kept: the console filters every
        search by the official's province."""
        cache = self._by_province
        key = province_key(province)
        if key not in cache:
            have = [f.get("province") for f in self.filters]
            cache[key] = np.array([h is None or province_key(str(h)) == key for h in have],
                                  dtype=bool)
        return cache[key]

    def search(self, query: str, limit: int = 10, **filters: Any) -> list[Hit]:
        """The ``limit`` best passages: the hits and scores of ``scores`` (``_topk`` finds
        them without scoring every passage on every term when the query is long)."""
        keep = self.mask(**filters) if filters else None
        folded, accent_of = self.query_terms(query), accent_variants(query)
        if self.ids and limit > 0:
            found = top_passages(self._parts, self.fields, self.weights, self.tie, folded,
                                 accent_of, len(self.ids), limit, keep)
            if found is not None:
                return [Hit(self.ids[i], score) for i, score in found]
        scores = self._scores(folded, accent_of)
        if keep is not None:
            scores = np.where(keep, scores, 0).astype(np.float32)
        return top_hits(scores, self.ids, limit)

    # -- persistence ----------------------------------------------------------------------
    def save(self, path: Path, *, generation: int | None = None) -> None:
        """Write every field, the metadata and the manifest (``generation``: the store
        generation the passages were read at) to a new folder, then swap it in whole."""
        with replace_dir(path, crash_points=True) as tmp:
            for name, index in self.fields.items():
                index.save(tmp / name)
            meta = {"format": _FORMAT, "weights": self.weights, "tie": self.tie, "ids": self.ids,
                    "filters": self.filters}
            (tmp / "passages.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            write_manifest(tmp, Manifest("documents", generation, len(self.ids)))

    @classmethod
    def load(cls, path: Path) -> PassageIndex:
        path = Path(path)
        try:
            meta = json.loads((path / "passages.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexError_(
                "chưa có chỉ mục văn bản, hoặc không đọc được",
                hint="nhập văn bản: motcua docs import THƯ_MỤC (hoặc motcua index rebuild "
                     "--documents)", path=str(path),
            ) from exc
        if meta.get("format") != _FORMAT:
            raise IndexError_("chỉ mục văn bản là định dạng cũ",
                              hint="chạy 'motcua index rebuild --documents'", path=str(path))
        index = cls(meta["weights"], meta.get("tie", TIE))
        index.ids = meta["ids"]
        index.filters = meta["filters"]
        for name in FIELD_WEIGHTS:
            if (path / name).is_dir():
                field = BM25Index.load(path / name, cls._tokenizer(name))
                # Plain arrays over the same mapped pages: slicing an np.memmap goes through
                # Python (__getitem__, __array_finalize__) on every posting list read.
                field.indptr, field.postings, field.weights = (
                    np.asarray(field.indptr), np.asarray(field.postings),
                    np.asarray(field.weights))
                index.fields[name] = field
        return index
