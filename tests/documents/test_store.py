"""``store.get_document``: a stored document by id or number, and one clean NotFound for the
rest (non-ASCII digits, ids out of range, control characters, paths), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from motcua._errors import NotFound
from motcua.documents import store
from motcua.documents.parse import parse_document
from motcua.store.db import Database, open_database
from tests.documents._samples import DECISION


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    with database.session() as session:
        store.add_document(session, parse_document(DECISION.encode(), "qd.txt"), "qd.txt")
    yield database
    database.dispose()


def _doc_id(db: Database) -> int:
    with db.session() as session:
        return store.list_documents(session)[0].id


def test_get_document_by_id_number_and_digit_string(db: Database) -> None:
    doc_id = _doc_id(db)
    with db.session() as session:
        for ref in (doc_id, str(doc_id), "12/QĐ-UBND"):
            assert store.get_document(session, ref).id == doc_id


BAD_REFS = [
    "³", "²", "١", "٣", "１", "Ⅻ", "¹²", f"{'9' * 25}", 2**63, 2**70, 0, -1, True,
    "", " ", "\x00", "1\x00", "12/QĐ-UBND\x00", "\ud800", "\u202e1", "x" * 101, "1" * 5000,
    "../../../../etc/passwd", "/etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/",
    "..\\..\\windows", "C:\\Windows\\win.ini", "%00", "%C2%B3", "<script>alert(1)</script>",
    "' OR 1=1 --", "12/QĐ-UBND' OR '1'='1",
]


@pytest.mark.parametrize("ref", BAD_REFS, ids=repr)
def test_get_document_bad_ref_is_clean_not_found(db: Database, ref: object) -> None:
    with db.session() as session, pytest.raises(NotFound) as info:
        store.get_document(session, ref)  # type: ignore[arg-type]
    assert info.value.hint and "1672/NQ-UBTVQH15" in info.value.hint
    assert info.value.message == "không tìm thấy văn bản này" or str(ref) in info.value.message


@pytest.mark.parametrize("ref", ["/etc/passwd", "../../../../etc/passwd", "<b>x</b>",
                                 "C:\\Windows\\win.ini"])
def test_get_document_unknown_ref_is_not_echoed(db: Database, ref: str) -> None:
    with db.session() as session, pytest.raises(NotFound) as info:
        store.get_document(session, ref)
    assert info.value.message == "không tìm thấy văn bản này"


def test_get_document_existing_file_path_is_as_unknown_as_a_missing_one(
        db: Database, tmp_path: Path) -> None:
    present = tmp_path / "present.txt"
    present.write_text(DECISION, "utf-8")
    with db.session() as session:
        errors = []
        for ref in (str(present), str(tmp_path / "absent.txt")):
            with pytest.raises(NotFound) as info:
                store.get_document(session, ref)
            errors.append(info.value.to_dict())
    assert errors[0] == errors[1]


@pytest.mark.parametrize("ref", ["999", "99/NQ-HĐND"])
def test_get_document_unknown_id_or_number_is_named(db: Database, ref: str) -> None:
    with db.session() as session, pytest.raises(NotFound) as info:
        store.get_document(session, ref)
    assert info.value.message == f"không tìm thấy văn bản {ref}"
