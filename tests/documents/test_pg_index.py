"""Passage search backends under the shipped contract: the embedded ``PassageIndex`` and the
PostgreSQL full-text ``PgPassageIndex`` (its own schema; skipped without PostgreSQL, failed
in CI), plus what only the PostgreSQL one does: partitions, atomic swap, bad names."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from motcua._errors import InputError
from motcua.documents.index import IndexedPassage, PassageIndex
from motcua.documents.pg_index import PgPassageIndex
from motcua.search import SearchBackend
from motcua.search.testing import DOCS, ContractDoc, SearchBackendContract
from tests.conftest import PG_URL, _pg_available


def _passages(docs: Sequence[ContractDoc]) -> list[IndexedPassage]:
    return [IndexedPassage(id=d.id, body=d.text, filters=dict(d.filters)) for d in docs]


class TestPassageIndexContract(SearchBackendContract):
    supports_filters = True

    def make_backend(self, docs: Sequence[ContractDoc]) -> SearchBackend:
        index = PassageIndex()
        index.build(_passages(docs))
        return index


@pytest.fixture(scope="module")
def pg_engine() -> Iterator[Engine]:
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL not reachable at {PG_URL} in CI")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(f"{PG_URL}?options=-csearch_path%3D{schema}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.mark.postgres
class TestPgPassageIndexContract(SearchBackendContract):
    supports_filters = True

    @pytest.fixture(autouse=True)
    def _engine(self, pg_engine: Engine) -> None:
        self.engine = pg_engine

    def make_backend(self, docs: Sequence[ContractDoc]) -> SearchBackend:
        index = PgPassageIndex(self.engine, "contract_passages")
        index.build(_passages(docs))
        return index


@pytest.mark.postgres
def test_pg_passage_index_one_partition_per_province(pg_engine: Engine) -> None:
    index = PgPassageIndex(pg_engine, "partitioned")
    index.build(_passages(DOCS))
    with pg_engine.connect() as conn:
        parts: dict[str, str] = dict(conn.execute(text(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'partitioned'::regclass"
        )).all())
        plan = "\n".join(r[0] for r in conn.execute(text(
            "EXPLAIN SELECT id FROM partitioned WHERE province IN ('langson', '')")))
    assert sorted(parts.values()) == ["DEFAULT", "FOR VALUES IN ('hanoi')",
                                      "FOR VALUES IN ('langson')"]
    names = {bound: name for name, bound in parts.items()}
    # the province's partition and the national texts' (DEFAULT), not Hà Nội's
    assert names["FOR VALUES IN ('langson')"] in plan and names["DEFAULT"] in plan
    assert names["FOR VALUES IN ('hanoi')"] not in plan
    index.drop()


@pytest.mark.postgres
def test_pg_passage_index_rebuild_swaps_in_whole_and_leaves_nothing(pg_engine: Engine) -> None:
    """A rebuild is new tables renamed over the old in one transaction: another reader sees
    the old passages or the new ones, and no table of the old build is left."""
    index = PgPassageIndex(pg_engine, "swapped")
    index.build(_passages(DOCS))
    reader = PgPassageIndex(pg_engine, "swapped")
    assert {h.doc_id for h in reader.search("đăng ký", 10)} == {"a", "b", "d"}
    index.build(_passages([ContractDoc("z", "Đăng ký hộ kinh doanh")]))
    assert {h.doc_id for h in PgPassageIndex(pg_engine, "swapped").search("đăng ký", 10)} == {"z"}
    with pg_engine.connect() as conn:
        left = conn.execute(text("SELECT count(*) FROM pg_class WHERE relname LIKE 'swapped%' "
                                 "AND relkind IN ('r', 'p')")).scalar()
    assert left == 3  # the table, its default partition and the terms: nothing left behind
    index.drop()


@pytest.mark.parametrize("table", ["", "1abc", "Passages", "a; drop table x", "a" * 60, "ä"])
def test_pg_passage_index_bad_table_name_is_refused(table: str) -> None:
    engine = create_engine(PG_URL)
    with pytest.raises(InputError, match="bad table name"):
        PgPassageIndex(engine, table)


def test_pg_passage_index_needs_postgresql() -> None:
    with pytest.raises(InputError, match="PostgreSQL"):
        PgPassageIndex(create_engine("sqlite://"))
