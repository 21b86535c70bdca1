"""The procedure index: field-weighted BM25 over names and bodies, with level filters.

Why two fields: a citizen's words mostly match a procedure's name ("đăng ký khai sinh"); the
body (field, results, paper names) breaks ties and catches paraphrases, but a long body must
not outvote a short exact name. Weights were tuned on the dev questions and checked on the
bundled sample (``bench/``).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from motcua._errors import IndexError_
from motcua.search._atomic import replace_dir
from motcua.search._manifest import Manifest, write_manifest
from motcua.search._protocol import Hit
from motcua.search.accents import AccentRestorer
from motcua.search.bm25 import BM25Index
from motcua.search.semantic import SemanticVectors, bonus, encode_query, model_id
from motcua.search.spelling import ContextSpeller
from motcua.text.abbreviations import default_dictionary
from motcua.text.normalize import fold
from motcua.text.tokenize import QUESTION_STOPWORDS, Tokenizer

__all__ = ["ProcedureDoc", "ProcedureIndex", "saved_vectors"]

_QUERY_TOKENIZER = Tokenizer(stopwords=True)


@dataclass
class ProcedureDoc:
    code: str
    name: str
    field: str = ""
    levels: list[str] = dataclasses.field(default_factory=list)
    body: str = ""
    subjects: str = ""
    meaning: str = ""  # what the sentence encoder reads (name, subjects, results)


_CITIZEN = re.compile(r"\b(cong dan|ca nhan|ho gia dinh|nguoi dan)\b")
_OBSOLETE = re.compile(r"\bcap huyen\b")
_CITIZEN_BONUS = 0.05
_OBSOLETE_PENALTY = 0.1
_PARENS = re.compile(r"\([^()]*\)")
# Words that name this much of the top procedure's subject leave it to them: the bonus would
# be under a quarter of its size, and skipping the encoder saves 20-60 ms (same results on
# v2 half a, p95 118 -> 81 ms).
_FIT_CEILING = 0.75


_QUALIFIERS = re.compile(
    r"\b((thực hiện )?(bằng|qua|trên) (dịch vụ công|cổng dịch vụ công|môi trường điện tử)"
    r"|(được )?thực hiện tại cấp|tại cấp (trung ương|tỉnh|xã|huyện|bộ))\b.*$",
    re.IGNORECASE,
)


def subject_of(name: str) -> str:
    """What a procedure is about: its name without "Thủ tục", parentheses, and the trailing
    channel or level qualifiers ("... bằng dịch vụ công trực tuyến ...", "... thực hiện tại
    cấp tỉnh"), which distinguish variants but say nothing of the citizen's need."""
    core = _PARENS.sub(" ", _core_name(name))
    return " ".join(_QUALIFIERS.sub(" ", core).split()) or core


def _core_name(name: str) -> str:
    """The name without the generic "Thủ tục" prefix that only some names carry."""
    stripped = name.strip()
    return stripped[8:] if stripped.lower().startswith("thủ tục ") else stripped


class ProcedureIndex:
    """Search over procedures. ``search`` returns hits with a combined score."""

    def __init__(self, *, name_weight: float = 1.0, body_weight: float = 0.1,
                 commune_bonus: float = 0.1, coverage_weight: float = 0.5,
                 semantic_weight: float = 0.3) -> None:
        self.semantic_weight = semantic_weight
        self.semantic: SemanticVectors | None = None  # None: lexical only
        self._accents: AccentRestorer | None = None
        self._spell: ContextSpeller | None = None
        self.coverage_weight = coverage_weight
        self.name_weight = name_weight
        self.body_weight = body_weight
        self.commune_bonus = commune_bonus
        self.name_index = BM25Index(k1=0.6, b=0.5)
        self.body_index = BM25Index(k1=1.2, b=0.75)
        self.core_index = BM25Index(k1=1.2, b=0.5)
        self.docs: list[ProcedureDoc] = []
        self._by_code: dict[str, ProcedureDoc] = {}
        self._folded_fields: list[str] = []
        self._levels: dict[str, npt.NDArray[np.bool_]] = {}

    def __len__(self) -> int:
        return len(self.docs)

    def build(self, docs: Sequence[ProcedureDoc], *, vectors: bool = False,
              previous: SemanticVectors | None = None) -> None:
        """Index ``docs``; with ``vectors``, also encode their meaning (``semantic.py``),
        reusing ``previous`` vectors of unchanged texts."""
        self.docs = list(docs)
        self.semantic = (SemanticVectors.build([d.meaning or d.name for d in self.docs],
                                               previous) if vectors else None)
        expand = default_dictionary().expand_acronyms
        self.name_index.build([(d.code, expand(_core_name(d.name))) for d in self.docs])
        self.core_index.build([(d.code, subject_of(d.name)) for d in self.docs])
        self.body_index.build([(d.code, expand(f"{d.name} {d.field} {d.body}"))
                               for d in self.docs])
        self._prepare()

    def _prepare(self) -> None:
        self._by_code = {d.code: d for d in self.docs}
        self._folded_fields = [fold(d.field) for d in self.docs]
        self._levels = {
            lvl: np.array([lvl in d.levels for d in self.docs], dtype=bool)
            for lvl in ("xa", "tinh", "bo", "khac")
        }
        # Citizens ask; procedures whose subjects include them come first among equals.
        self._citizen = np.array([bool(_CITIZEN.search(fold(d.subjects))) for d in self.docs],
                                 dtype=bool)
        # Districts were abolished on 1 July 2025: a "cấp huyện" variant is the obsolete one.
        self._obsolete = np.array([bool(_OBSOLETE.search(fold(d.name))) for d in self.docs],
                                  dtype=bool)

    def _keep(self, query: str) -> frozenset[str]:
        """Words no correction touches: question words and the dictionary's terms."""
        keep = {fold(w) for term, _ in default_dictionary().matches(query) for w in term.split()}
        return frozenset(keep | QUESTION_STOPWORDS)

    def fix_typing(self, text: str) -> str:
        """``text`` with its typing slips put right in place (``ContextSpeller.fix``), for
        the answer's checks to read the words the search read."""
        return self._speller().fix(text, self._keep(text))

    def query_terms(self, query: str) -> list[str]:
        """Terms of the query after typo correction and abbreviation expansion."""
        dictionary = default_dictionary()
        corrected = dictionary.respell(self._speller().correct(query, keep=self._keep(query)))
        # Each term once: an expansion that repeats the question's words must not multiply them.
        return list(dict.fromkeys(_QUERY_TOKENIZER(dictionary.expand(corrected))))

    def _speller(self) -> ContextSpeller:
        """The context speller over the current indexes (built on first use: its lookup
        table costs a few ms, and a swapped-in index gets its own)."""
        if self._spell is None or self._spell.index is not self.body_index:
            self._spell = ContextSpeller(self.body_index, fallback=self.name_index,
                                         pairs=self.name_index,
                                         texts=(d.name for d in self.docs))
        return self._spell

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        terms = self.query_terms(query)
        name = self.name_index.term_scores(terms)
        body = self.body_index.term_scores(terms)
        total = self.name_weight * name + self.body_weight * body
        if len(total) and total.max() > 0:
            top = total.max()
            cover = self.core_index.coverage(terms)
            total = total + top * (self.coverage_weight * cover
                                   + self.commune_bonus * self._levels["xa"]
                                   + _CITIZEN_BONUS * self._citizen
                                   - _OBSOLETE_PENALTY * self._obsolete)
            total = np.where(name + body > 0, total, 0).astype(np.float32)
            if self.semantic is not None:
                fit = float(cover[int(np.argmax(total))])
                total = total + self._meaning_bonus(query, total, fit)
        return total.astype(np.float32)

    def _meaning_bonus(self, query: str, lexical: npt.NDArray[np.float32], fit: float
                       ) -> npt.NDArray[np.float32]:
        """The vector signal (``semantic.bonus``); a question without any diacritics is
        re-accented from the catalog's text first (built on the first such question)."""
        assert self.semantic is not None
        if fit >= _FIT_CEILING or self.semantic_weight <= 0:
            return np.zeros_like(lexical)
        text = query
        if query == fold(query):
            if self._accents is None:
                self._accents = AccentRestorer(
                    t for d in self.docs for t in (d.name, d.field, d.subjects, d.body))
            text = self._accents.restore(query)
        cosine = self.semantic.similarities(encode_query(text))
        return bonus(lexical, cosine, weight=self.semantic_weight, fit=fit)

    def search(self, query: str, limit: int = 10, *, level: str | None = None,
               field: str | None = None) -> list[Hit]:
        scores = self.scores(query)
        if level:
            if level not in self._levels:
                raise ValueError(level)
            scores = np.where(self._levels[level], scores, 0).astype(np.float32)
        if field:
            wanted = fold(field)
            mask = np.array([wanted in f for f in self._folded_fields], dtype=bool)
            scores = np.where(mask, scores, 0).astype(np.float32)
        return self.name_index.top(scores, limit)

    def doc(self, code: str) -> ProcedureDoc | None:
        return self._by_code.get(code)

    # -- persistence ----------------------------------------------------------------------
    def save(self, path: Path, *, generation: int | None = None) -> None:
        """Write a new folder with its manifest (``generation``: the store generation the docs
        were read at; None when built without a store), then swap it in whole."""
        with replace_dir(path, crash_points=True) as tmp:
            self.name_index.save(tmp / "name")
            self.body_index.save(tmp / "body")
            self.core_index.save(tmp / "core")
            if self.semantic is not None:
                self.semantic.save(tmp / "vectors")
            meta = {
                "weights": [self.name_weight, self.body_weight, self.commune_bonus,
                            self.coverage_weight],
                "semantic_weight": self.semantic_weight,
                "docs": [asdict(d) | {"body": d.body[:2000]} for d in self.docs],
            }
            (tmp / "procedures.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            write_manifest(tmp, Manifest("procedures", generation, len(self.docs)))

    @classmethod
    def load(cls, path: Path, *, semantic: bool = False) -> ProcedureIndex:
        """Read a saved index. ``semantic``: use its vectors; an index saved without them
        (or from another model) then raises ``IndexError_``, so that the live index rebuilds
        it with them instead of serving words only without saying so."""
        path = Path(path)
        try:
            meta = json.loads((path / "procedures.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexError_(
                "chưa có chỉ mục thủ tục, hoặc không đọc được",
                hint="nhập danh mục: motcua catalog import THƯ_MỤC (hoặc motcua index rebuild)",
                path=str(path),
            ) from exc
        nw, bw, cb, cw = meta["weights"]
        index = cls(name_weight=nw, body_weight=bw, commune_bonus=cb, coverage_weight=cw,
                    semantic_weight=float(meta.get("semantic_weight", 0.3)))
        index.name_index = BM25Index.load(path / "name")
        index.body_index = BM25Index.load(path / "body")
        index.core_index = BM25Index.load(path / "core")
        index.docs = [ProcedureDoc(**d) for d in meta["docs"]]
        if semantic:
            index.semantic = saved_vectors(path)
            if index.semantic is None or index.semantic.model != model_id():
                raise IndexError_("chỉ mục chưa có vectơ ngữ nghĩa của mô hình đang cài",
                                  hint="chạy 'motcua index rebuild'", path=str(path))
        index._prepare()
        return index


def saved_vectors(path: Path) -> SemanticVectors | None:
    """The vectors saved with the index at ``path``, or None when it has none."""
    folder = Path(path) / "vectors"
    return SemanticVectors.load(folder) if (folder / "meta.json").exists() else None
