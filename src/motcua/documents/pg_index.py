"""Passage search in PostgreSQL full text: the same tokens as ``PassageIndex``, in a GIN index.

Why motcua's own tokens as lexemes rather than a text search configuration: PostgreSQL has no
Vietnamese dictionary, and ``simple`` would split on spaces and keep diacritics, so "dang ky"
would never find "đăng ký". Here each passage's folded syllables and syllable pairs
(``dang``, ``dang_ky``: what the embedded engine indexes) are written as a ``tsvector``
literal, so no parser touches them, and a query is tokenised in Python the same way; folding
in Python (đ -> d included) makes ``unaccent`` unnecessary and keeps both engines identical.

Ranking: ``ts_rank`` has no idf ("của" would weigh like "khai_sinh"), so the score is BM25
computed in SQL: idf from a table of document frequencies written at build time, the term
frequency read from position labels (``_tsvector``: 1, 2, 3 or 5 and more; K1 = 0.6 saturates
fast), the passage length from a column, a bonus for a term in the article heading (its own
small tsvector). Terms in more than ``_PRUNE_SHARE`` of the passages are dropped (the pruning
that halved the embedded engine's p95), and only the rarest terms, up to ``_CANDIDATES`` rows,
choose the rows that are scored (through the GIN index): that bounds a query's work, at the
price of a passage that matches only frequent words. The table is partitioned by province
(LIST, a DEFAULT partition for national texts), so a search narrowed to one province reads one
partition. A build writes new tables and swaps them in with renames in one transaction:
readers never see half an index.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from motcua._errors import InputError, StoreError
from motcua.documents.index import K1, B, IndexedPassage, PassageIndex, _folded
from motcua.search import Hit
from motcua.text.normalize import fold

__all__ = ["PgPassageIndex"]

_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}")
_PRUNE_SHARE = 0.2  # terms in more passages than this share say little and cost most
_MAX_POS = 16383  # PostgreSQL's largest tsvector position
_CANDIDATES = 2000  # rows the rarest query terms may bring before the frequent ones are left
# out of the match (they still score the rows that match): what bounds a query's work
_HEADING = 0.8  # a term also in the article's heading counts this much more (FIELD_WEIGHTS)
_OCCURRENCE = {1: "", 2: "C", 3: "B", 4: "B"}  # label of a lexeme's n-th occurrence; then A
_QUERY = PassageIndex()  # for query_terms: expansions, legal stopwords, pairs


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _literal(positions: dict[str, list[str]]) -> str:
    return " ".join(f"{_lexeme(t)}:{','.join(p[:256])}" for t, p in positions.items())


def _tsvector(passage: IndexedPassage) -> tuple[str, str, set[str], int]:
    """The passage's lexemes as PostgreSQL reads a tsvector, its heading's, the set of its
    lexemes (for document frequencies) and its length in terms (for BM25).

    Labels carry the term frequency, so a search needs no unnesting of the vector: a lexeme's
    second occurrence is labelled C, its third and fourth B, the fifth and later A; so
    ``@@ 'x':ABC`` asks "at least twice", ``'x':AB`` "three times" and ``'x':A`` "five"."""
    positions: dict[str, list[str]] = {}
    seen: Counter[str] = Counter()
    pos = 0
    for term in _folded(f"{passage.title}\n{passage.heading}\n{passage.body}"):
        pos = min(pos + 1, _MAX_POS)
        seen[term] += 1
        label = _OCCURRENCE.get(seen[term], "A")
        positions.setdefault(term, []).append(f"{pos}{label}")
    heading = {t: ["1"] for t in _folded(passage.heading)}
    return _literal(positions), _literal(heading), set(positions), pos


def _province_key(name: str) -> str:
    """"Tỉnh Lạng Sơn", "LẠNG SƠN", "lang son" -> "langson": the partition key (as
    ``PassageIndex`` compares provinces); "" for a national text."""
    name = re.sub(r"(?i)^\s*(?:tỉnh|thành phố|tp\.?)\s+", "", name)
    return re.sub(r"[\W_]+", "", fold(name))


def _copy_value(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


class PgPassageIndex:
    """A ``SearchBackend`` over passages kept in PostgreSQL (``table`` and its partitions)."""

    def __init__(self, engine: Engine, table: str = "passage_search") -> None:
        if engine.dialect.name != "postgresql":
            raise InputError("the PostgreSQL passage index needs a PostgreSQL database",
                             hint="set MOTCUA_DATABASE_URL to postgresql+psycopg://...")
        if not _NAME.fullmatch(table):
            raise InputError(f"bad table name {table!r}",
                             hint="lower-case letters, digits and _, starting with a letter")
        self.engine, self.table = engine, table
        self._n: int | None = None
        self._df: dict[str, int] = {}
        self._avglen: float | None = None

    # -- building -------------------------------------------------------------------------
    def build(self, passages: Sequence[IndexedPassage]) -> None:
        """Replace the indexed passages (new tables, then one renaming transaction)."""
        tag = uuid.uuid4().hex[:8]
        new, terms = f"{self.table}_b{tag}", f"{self.table}_b{tag}_terms"
        df: Counter[str] = Counter()
        provinces: set[str] = set()
        rows: list[str] = []
        for p in passages:
            province = _province_key(str(p.filters.get("province") or ""))
            provinces.add(province)
            vector, heading, lexemes, length = _tsvector(p)
            df.update(lexemes)
            # text values folded and lower-cased: what a filter is compared with
            filters = {k: fold(v).lower() if isinstance(v, str) else v
                       for k, v in p.filters.items() if v is not None}
            rows.append("\t".join(_copy_value(v) for v in (
                p.id, province, json.dumps(filters, ensure_ascii=False), vector, heading,
                str(length)))
                + "\n")
        try:
            with self.engine.begin() as conn:
                conn.execute(text(
                    f"CREATE TABLE {new} (id text NOT NULL, province text NOT NULL, "
                    f"filters jsonb NOT NULL, tsv tsvector NOT NULL, htsv tsvector NOT NULL, "
                    f"len int NOT NULL) "
                    f"PARTITION BY LIST (province)"))
                conn.execute(text(f"CREATE TABLE {new}_default PARTITION OF {new} DEFAULT"))
                for i, province in enumerate(sorted(provinces - {""})):
                    value = province.replace("'", "''")  # DDL takes no parameters
                    conn.execute(text(f"CREATE TABLE {new}_p{i} PARTITION OF {new} "
                                      f"FOR VALUES IN ('{value}')"))
                conn.execute(text(f"CREATE TABLE {terms} (term text PRIMARY KEY, df int NOT NULL)"))
                raw = conn.connection.driver_connection
                assert raw is not None
                columns = "id, province, filters, tsv, htsv, len"
                with raw.cursor() as cur:
                    with cur.copy(f"COPY {new} ({columns}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write(row)
                    with cur.copy(f"COPY {terms} (term, df) FROM STDIN") as copy:
                        for term, count in df.items():
                            copy.write(f"{_copy_value(term)}\t{count}\n")
                conn.execute(text(f"CREATE INDEX ON {new} USING gin (tsv)"))
                conn.execute(text(f"ANALYZE {new}"))
                conn.execute(text(f"DROP TABLE IF EXISTS {self.table}, {self.table}_terms"))
                conn.execute(text(f"ALTER TABLE {new} RENAME TO {self.table}"))
                conn.execute(text(f"ALTER TABLE {terms} RENAME TO {self.table}_terms"))
        except SQLAlchemyError as exc:
            raise StoreError(f"không xây được chỉ mục văn bản trong PostgreSQL "
                             f"({exc.__class__.__name__})",
                             hint="kiểm tra MOTCUA_DATABASE_URL và quyền tạo bảng") from exc
        self._n, self._df, self._avglen = len(passages), {}, None

    def drop(self) -> None:
        """Remove the tables (benchmarks, tests)."""
        with self.engine.begin() as conn:
            conn.execute(text(f"DROP TABLE IF EXISTS {self.table}, {self.table}_terms"))
        self._n = None

    # -- reading --------------------------------------------------------------------------
    def __len__(self) -> int:
        if self._n is None:
            with self.engine.connect() as conn:
                exists = conn.execute(text("SELECT to_regclass(:t)"), {"t": self.table}).scalar()
                self._n = int(conn.execute(text(f"SELECT count(*) FROM {self.table}")).scalar()
                              or 0) if exists else 0
        return self._n

    def _average_length(self) -> float:
        if self._avglen is None:
            with self.engine.connect() as conn:
                avg = conn.execute(text(f"SELECT avg(len) FROM {self.table}")).scalar()
            self._avglen = float(avg or 1.0)
        return self._avglen

    def _weights(self, terms: Iterable[str]) -> dict[str, float]:
        """idf per query term present in the passages, frequent ones pruned (the rarest kept)."""
        n = len(self)
        wanted = [t for t in dict.fromkeys(terms) if t not in self._df]
        if wanted:
            with self.engine.connect() as conn:
                found: dict[str, int] = dict(conn.execute(text(
                    f"SELECT term, df FROM {self.table}_terms WHERE term = ANY(:t)"),
                    {"t": wanted}).all())
            if len(self._df) > 100_000:
                self._df.clear()
            self._df.update({t: int(found.get(t, 0)) for t in wanted})
        df = {t: self._df[t] for t in dict.fromkeys(terms) if self._df.get(t)}
        if not df:
            return {}
        kept = {t: d for t, d in df.items() if d <= _PRUNE_SHARE * n} or dict(
            [min(df.items(), key=lambda kv: kv[1])])
        return {t: math.log1p((n - d + 0.5) / (d + 0.5)) for t, d in kept.items()}

    def search(self, query: str, limit: int = 10, **filters: Any) -> list[Hit]:
        """The best ``limit`` passages; ``province`` keeps that province's passages and the
        national ones (no province), other text filters match a folded part and numbers are
        equal, as ``PassageIndex.mask`` does."""
        if limit <= 0 or not len(self):
            return []
        terms = _QUERY.query_terms(query)
        weights = self._weights(terms)
        if not weights:
            return []
        # Match on the rarest terms only, up to _CANDIDATES rows; score with every kept term.
        rare: list[str] = []
        brought = 0
        for term in sorted(weights, key=lambda t: self._df[t]):
            if rare and brought + self._df[term] > _CANDIDATES:
                break
            rare.append(term)
            brought += self._df[term]
        # BM25 with tf read from the labels as 1, 2, 3 or 5 (K1 saturates fast: 5 scores
        # 1.42, 10 scores 1.51): a few @@ on the row's tsvector, 3x cheaper than unnesting.
        params: dict[str, Any] = {"limit": limit, "k1": K1, "b": B, "heading": _HEADING,
                                  "any": " | ".join(_lexeme(t) for t in rare),
                                  "avglen": self._average_length()}
        score = []
        for i, (term, idf) in enumerate(weights.items()):
            lexeme = _lexeme(term)
            params |= {f"q{i}": lexeme, f"a{i}": f"{lexeme}:A", f"b{i}": f"{lexeme}:AB",
                       f"c{i}": f"{lexeme}:ABC", f"w{i}": idf * terms.count(term)}
            score.append(
                f"CASE WHEN p.tsv @@ CAST(:q{i} AS tsquery) THEN :w{i} * ((CASE "
                f"WHEN NOT p.tsv @@ CAST(:c{i} AS tsquery) THEN n.s1 "
                f"WHEN NOT p.tsv @@ CAST(:b{i} AS tsquery) THEN n.s2 "
                f"WHEN NOT p.tsv @@ CAST(:a{i} AS tsquery) THEN n.s3 ELSE n.s5 END) "
                f"+ :heading * CAST(p.htsv @@ CAST(:q{i} AS tsquery) AS int)) ELSE 0 END")
        saturation = ", ".join(f"{k} * (:k1 + 1) / ({k} + :k1 * (1 - :b + :b * p.len / :avglen))"
                               f" AS s{k}" for k in (1, 2, 3, 5))
        where = ["p.tsv @@ CAST(:any AS tsquery)"]
        for j, (key, want) in enumerate((k, v) for k, v in filters.items()
                                        if v not in (None, "")):
            params[f"k{j}"] = key
            if key == "province":
                # that province's passages and the national ones: two partitions read
                where.append(f"p.province IN (:f{j}, '')")
                params[f"f{j}"] = _province_key(str(want))
            elif isinstance(want, str):
                where.append(f"position(:f{j} in p.filters->>CAST(:k{j} AS text)) > 0")
                params[f"f{j}"] = fold(want).lower()
            else:
                where.append(f"p.filters->>CAST(:k{j} AS text) = :f{j}")
                params[f"f{j}"] = json.dumps(want)
        sql = (f"SELECT p.id, ({' + '.join(score)}) AS score FROM {self.table} p "
               f"CROSS JOIN LATERAL (SELECT {saturation}) n "
               f"WHERE {' AND '.join(where)} ORDER BY score DESC, p.id LIMIT :limit")
        with self.engine.connect() as conn:
            rows = conn.execute(text(sql), params).all()
        return [Hit(str(doc_id), float(s)) for doc_id, s in rows if s > 0]
