"""Benchmark inputs, generated at run time from the real shared data and never committed.

Why recombined real sentences rather than random syllables: engine speed depends on the term
distribution (a few very frequent syllables like "của", "và", a long tail of names and numbers)
and on passage length; random syllables have neither. Passages at 100k and 1M are 1-4 real
sentences drawn from the catalog, the reform resolutions and the ALQAC laws, so every term and
every bigram is one that occurs in real administrative Vietnamese. What this cannot reproduce:
a real 1M-passage collection would keep adding new names and numbers (its vocabulary grows
with size), while ours saturates at the sentence pool's vocabulary.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from motcua._settings import get_settings
from motcua.text import fold

__all__ = [
    "BODY_CHARS",
    "Question",
    "alqac",
    "cache_dir",
    "catalog_docs",
    "passages",
    "procedure_questions",
    "procedure_text",
    "read_passages",
    "sentence_pool",
    "shared_root",
    "speed_queries",
]

BODY_CHARS = 500  # body text indexed per procedure after its name and field, for every engine
_SENT_SPLIT = re.compile(r"(?<=[.;!?:])\s+|\n+")
_MD_NOISE = re.compile(r"[*_`#>\\]+")
_JUNK_NAMES = ("không có thông tin",)
_POOL_FIELDS = ("ten_thu_tuc", "trinh_tu_thuc_hien", "yeu_cau_dieu_kien", "doi_tuong_thuc_hien")


@dataclass(frozen=True)
class Question:
    qid: str
    text: str
    gold: frozenset[str]
    style: str


def shared_root() -> Path:
    """``MOTCUA_SHARED`` or ``../shared`` beside the project; SystemExit with a hint if absent."""
    env = os.environ.get("MOTCUA_SHARED")
    root = Path(env) if env else get_settings().shared_dir
    if not (root / "data").is_dir():
        raise SystemExit(f"shared data not found at {root}: set MOTCUA_SHARED to its folder")
    return root


def cache_dir() -> Path:
    """Generated corpora and built indexes live outside the repository."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "motcua-bench"
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- procedure catalog ------------------------------------------------------------------------
@lru_cache(maxsize=2)
def _catalog_records(root: Path) -> tuple[dict[str, str], ...]:
    records = []
    for path in sorted((root / "data/catalog/dichvucong-2026").glob("*/*.json")):
        records.append(json.loads(path.read_text("utf-8")))
    return tuple(records)


def procedure_text(rec: dict[str, str]) -> str:
    """Name, field and the first ``BODY_CHARS`` of the steps: the same text for every engine."""
    body = " ".join((rec.get("trinh_tu_thuc_hien") or "").split())[:BODY_CHARS]
    parts = [rec.get("ten_thu_tuc") or "", rec.get("linh_vuc") or "", body]
    return "\n".join(p for p in parts if p and p.strip().lower() not in _JUNK_NAMES)


def catalog_docs(root: Path) -> list[tuple[str, str]]:
    """(procedure code, text) for each of the catalog's records, first record per code."""
    seen: dict[str, str] = {}
    for rec in _catalog_records(root):
        code = (rec.get("ma_thu_tuc") or "").strip()
        if code and code not in seen:
            seen[code] = procedure_text(rec)
    return list(seen.items())


def procedure_questions(root: Path) -> list[Question]:
    """The procedure questions that have gold procedures (abstain items are not retrieval)."""
    out = []
    for line in (root / "eval/procedure-questions.dev.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("gold"):
            out.append(Question(item["id"], item["question"], frozenset(item["gold"]),
                                item.get("style", "std")))
    return out


# -- ALQAC legal retrieval --------------------------------------------------------------------
def alqac(root: Path) -> tuple[list[tuple[str, str]], list[Question]]:
    """Articles as ("Law@article", "Law, Điều n. text") and the 100 training questions."""
    base = root / "data/legal/alqac2023"
    articles = json.loads((base / "articles.json").read_text("utf-8"))
    docs = []
    for key, text in articles.items():
        law, _, number = key.rpartition("@")
        docs.append((key, f"{law}, Điều {number}. {text}"))
    questions = []
    for item in json.loads((base / "train.json").read_text("utf-8")):
        gold = frozenset(f"{a['law_id']}@{a['article_id']}" for a in item["relevant_articles"])
        questions.append(Question(item["question_id"], item["text"], gold, "std"))
    return docs, questions


# -- passages at scale ------------------------------------------------------------------------
def _markdown_paragraphs(text: str) -> list[str]:
    paras: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("|", "--", "==")):
            if current:
                paras.append(" ".join(current))
                current = []
            continue
        current.append(_MD_NOISE.sub("", stripped))
    if current:
        paras.append(" ".join(current))
    return paras


def _sentences(text: str) -> list[str]:
    out = []
    for s in _SENT_SPLIT.split(text):
        words = s.split()
        if 5 <= len(words) <= 80:
            out.append(" ".join(words))
    return out


@lru_cache(maxsize=2)
def sentence_pool(root: Path) -> tuple[str, ...]:
    """Distinct real sentences of 5-80 words, in a stable order."""
    texts: list[str] = []
    for rec in _catalog_records(root):
        texts.extend(rec.get(f) or "" for f in _POOL_FIELDS)
    for md in sorted((root / "data/documents/reform-2025").glob("*.md")):
        texts.extend(_markdown_paragraphs(md.read_text("utf-8")))
    base = root / "data/legal/alqac2023"
    texts.extend(json.loads((base / "articles.json").read_text("utf-8")).values())
    for law in json.loads((base / "legal_passages.json").read_text("utf-8")):
        texts.extend(a["text"] for a in law["articles"])
    seen: dict[str, None] = {}
    for text in texts:
        for s in _sentences(text):
            seen.setdefault(s, None)
    return tuple(seen)


def passages(root: Path, n: int, seed: int = 0) -> Path:
    """A text file of ``n`` passages, one per line (id = line number), cached by content.

    The first passages are the real sentences themselves; the rest join 1-4 real sentences
    drawn at random (seeded), the length of a clause in a law or a paragraph of a resolution.
    """
    pool = sentence_pool(root)
    digest = hashlib.sha1(f"{len(pool)}|{pool[0]}|{pool[-1]}|{n}|{seed}".encode()).hexdigest()
    path = cache_dir() / f"passages-{n}-{digest[:10]}.txt"
    if path.exists():
        return path
    rng = random.Random(seed)
    lines = list(pool[:n])
    while len(lines) < n:
        lines.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))))
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", "utf-8")
    tmp.replace(path)
    return path


def read_passages(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [(str(i), line.rstrip("\n")) for i, line in enumerate(fh)]


def speed_queries(root: Path, n: int, seed: int = 1) -> list[str]:
    """``n`` queries in the shapes people type: one in twenty a real question (procedure or
    legal, drawn at random), the rest 2-6 consecutive words cut from real sentences, a third of
    those without diacritics, as typed on phones. The mix is the same for every ``n``, so
    ``--quick`` and ``--full`` percentiles are comparable."""
    rng = random.Random(seed)
    real = [q.text for q in procedure_questions(root)] + [q.text for q in alqac(root)[1]]
    pool = sentence_pool(root)
    out = [rng.choice(real) for _ in range(round(n / 20))]
    while len(out) < n:
        words = rng.choice(pool).split()
        size = rng.randint(2, 6)
        start = rng.randint(0, max(0, len(words) - size))
        q = " ".join(words[start : start + size])
        out.append(fold(q) if rng.random() < 1 / 3 else q)
    rng.shuffle(out)
    return out
