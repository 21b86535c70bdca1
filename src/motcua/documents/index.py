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
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from motcua._errors import IndexError_
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
# When the query has diacritics, a term that a passage matches only folded ("Hoằng Đông" for
# "Hoàng Đồng") counts this share: accented exact matches first, folded ones still found.
MISMATCH = 0.5
KEEP_MIN = 2048  # terms in this many passages or more have their scores kept (speed)
KEEP_FLOATS = 8_000_000  # kept scores at most (32 MB with their passages mapped)
COMMON_SHARE = 0.1  # terms in more passages than this share are not damped (speed)
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
        self._lock = threading.Lock()
        self._parts: OrderedDict[tuple[Any, ...], tuple[npt.NDArray[Any],
                                                        npt.NDArray[np.float32]]] = OrderedDict()
        self._kept = 0

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
        n = len(self.ids)
        scores = np.zeros(n, dtype=np.float32)
        if not n:
            return scores
        folded = self.query_terms(query)
        accent_of = self._accent_variants(query)
        for term in dict.fromkeys(folded):
            found = self._term_part(term, accent_of, n)
            if found is not None:
                docs, part = found
                count = folded.count(term)
                scores[docs] += part if count == 1 else count * part
        return scores

    @staticmethod
    def _accent_variants(query: str) -> dict[str, list[str]]:
        """The query's accented terms under their folded form."""
        accent_of: dict[str, list[str]] = {}
        for term in _accented(query) if has_diacritics(query) else []:
            key = "_".join(fold(x) for x in term.split("_"))
            accent_of.setdefault(key, []).append(term)
        return accent_of

    def _term_part(self, term: str, accent_of: dict[str, list[str]], n: int) -> (
        tuple[npt.NDArray[Any], npt.NDArray[np.float32]] | None
    ):
        """One term's dis-max score on the passages it occurs in (None: in none), kept for
        the terms in many passages.

        Why kept: the same common syllables ("hồ sơ", "xã", "cơ quan") come back query after
        query, and their fused scores were most of a long question's time; a term's score
        depends only on the term, its accented form and the weights, so a kept one is exact.
        """
        variant = accent_of[term][0] if term in accent_of else None
        key = (term, variant, self.tie, tuple(self.weights.items()))
        with self._lock:
            kept = self._parts.get(key)
            if kept is not None:
                self._parts.move_to_end(key)
                return kept
        found = self._fuse_term(term, accent_of, n)
        if found is not None and len(found[0]) >= KEEP_MIN:
            found[1].flags.writeable = False
            with self._lock:
                self._parts[key] = found
                self._kept += len(found[0])
                while self._kept > KEEP_FLOATS and len(self._parts) > 1:
                    _, (old, _) = self._parts.popitem(last=False)
                    self._kept -= len(old)
        return found

    def _fuse_term(self, term: str, accent_of: dict[str, list[str]], n: int) -> (
        tuple[npt.NDArray[Any], npt.NDArray[np.float32]] | None
    ):
        body = self.fields.get("body")
        tid = body.vocab.get(term) if body is not None else None
        if body is None or tid is None or not self.weights.get("body", 0.0):
            return self._term_part_dense(term, accent_of, n)
        lo, hi = body.indptr[tid], body.indptr[tid + 1]
        docs = np.asarray(body.postings[lo:hi])
        total = body.weights[lo:hi] * self.weights["body"]
        best = total.copy()
        accent_pos: Any = None
        for name, index in self.fields.items():
            weight = self.weights.get(name, 0.0)
            if name == "body" or not weight:
                continue
            if name == "accent":
                variants = accent_of.get(term, [])
                if not variants:
                    continue
                ftid = index.vocab.get(variants[0])
            else:
                ftid = index.vocab.get(term)
            if ftid is None:
                continue
            flo, fhi = index.indptr[ftid], index.indptr[ftid + 1]
            fdocs = index.postings[flo:fhi]
            if fhi - flo == len(docs) and np.array_equal(fdocs, docs):
                pos: Any = slice(None)  # the usual case: one accented form, same passages
            else:
                pos = np.searchsorted(docs, fdocs)
                if len(pos) and (pos[-1] >= len(docs) or not np.array_equal(docs[pos], fdocs)):
                    return self._term_part_dense(term, accent_of, n)  # not within the body's
            contribution = index.weights[flo:fhi] * weight
            total[pos] += contribution
            best[pos] = np.maximum(best[pos], contribution)
            if name == "accent":
                accent_pos = pos
        # best + tie * (others) == (1 - tie) * best + tie * total
        part = (1 - self.tie) * best + self.tie * total
        if "accent" in self.fields and term in accent_of:
            if accent_pos is None and not self.weights.get("accent", 0.0):
                accent_pos = self._positions(docs, self.fields["accent"], accent_of[term][0])
            self._damp_sparse(part, accent_pos, n)
        return docs, part

    @staticmethod
    def _positions(docs: npt.NDArray[Any], index: BM25Index, term: str) -> (
        npt.NDArray[Any] | None
    ):
        tid = index.vocab.get(term)
        if tid is None:
            return None
        return np.searchsorted(docs, index.postings[index.indptr[tid]:index.indptr[tid + 1]])

    @staticmethod
    def _damp_sparse(part: npt.NDArray[np.float32], exact: Any,
                     n: int) -> None:
        """Scale a term's score by MISMATCH in passages without its accented form (``exact``:
        their positions among the term's passages; None: no passage has it).

        Why not when every passage has it or the term is common: most terms have one
        accented form, and a term in a tenth of the passages hardly counts."""
        if exact is None:
            part *= MISMATCH
            return
        if isinstance(exact, slice) or len(exact) >= len(part) or len(part) > COMMON_SHARE * n:
            return
        keep = np.zeros(len(part), dtype=bool)
        keep[exact] = True
        part[~keep] *= MISMATCH

    def _term_part_dense(self, term: str, accent_of: dict[str, list[str]], n: int) -> (
        tuple[npt.NDArray[Any], npt.NDArray[np.float32]] | None
    ):
        """The general case (custom weights without the body, or an index whose fields
        disagree): every field over all passages."""
        best = np.zeros(n, dtype=np.float32)
        total = np.zeros(n, dtype=np.float32)
        touched = False
        for name, index in self.fields.items():
            weight = self.weights.get(name, 0.0)
            if not weight:
                continue
            if name == "accent":
                variants = accent_of.get(term, [])
                tid = index.vocab.get(variants[0]) if variants else None
            else:
                tid = index.vocab.get(term)
            if tid is None:
                continue
            lo, hi = index.indptr[tid], index.indptr[tid + 1]
            docs = index.postings[lo:hi]
            contribution = index.weights[lo:hi] * weight
            total[docs] += contribution
            best[docs] = np.maximum(best[docs], contribution)
            touched = True
        if not touched:
            return None
        part = (1 - self.tie) * best + self.tie * total
        return np.arange(n), part

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
        scores = self.scores(query)
        if filters:
            scores = np.where(self.mask(**filters), scores, 0).astype(np.float32)
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
                index.fields[name] = BM25Index.load(path / name, cls._tokenizer(name))
        return index
