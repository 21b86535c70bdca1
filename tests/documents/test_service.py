from __future__ import annotations

from pathlib import Path

import pytest

from motcua._errors import IndexError_, InputError, NotFound
from motcua.documents.service import DocumentService
from motcua.store.db import open_database
from tests.documents._samples import DECISION, LETTER, RESOLUTION_MD


@pytest.fixture
def service(database_url: str, tmp_path: Path) -> DocumentService:
    return DocumentService(open_database(database_url), tmp_path / "index")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "qd.txt").write_text(DECISION, "utf-8")
    (root / "sub" / "cv.txt").write_text(LETTER, "utf-8")
    (root / "nq.md").write_text(RESOLUTION_MD, "utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (root / "ignored.xyz").write_text("x", "utf-8")
    return root


def test_service_import_folder_idempotent(service: DocumentService, folder: Path) -> None:
    first = service.import_paths([folder])
    assert sorted(r.status for r in first) == ["failed", "imported", "imported", "imported"]
    failed = next(r for r in first if r.status == "failed")
    assert failed.filename == "broken.pdf" and failed.error
    again = service.import_paths([folder])
    assert sorted(r.status for r in again) == ["failed", "unchanged", "unchanged", "unchanged"]
    assert len(service.list()) == 3


def test_service_search_cites_clause_and_filters(service: DocumentService, folder: Path) -> None:
    service.import_paths([folder])
    hits = service.search("thi tran na mau")
    assert hits[0].citation.number == "99/NQ-HĐND"
    assert hits[0].citation.path == "Điều 1, khoản 1"
    assert "<mark>" in hits[0].snippet
    assert service.search("tổ công tác", type="Quyết định")[0].citation.number == "12/QĐ-UBND"
    assert all(h.citation.doc_type == "Công văn"
               for h in service.search("tổ công tác", type="Công văn"))
    assert service.search("tổ công tác", year=2024) == []


def test_service_ask_answers_with_citation(service: DocumentService, folder: Path) -> None:
    service.import_paths([folder])
    result = service.ask("Xã nào của tỉnh Mẫu được hình thành từ thị trấn Na Mẫu?")
    assert result.status == "answer"
    assert "xã Na Mẫu" in result.answer
    assert result.citations[0].path == "Điều 1, khoản 1"


def test_service_ask_abstains_off_topic(service: DocumentService, folder: Path) -> None:
    service.import_paths([folder])
    assert service.ask("Thủ tục đăng ký kết hôn cần giấy tờ gì?").status == "abstain"


def test_service_summarize_stored_and_file(service: DocumentService, folder: Path) -> None:
    service.import_paths([folder])
    doc_id = next(d["id"] for d in service.list() if d["number"] == "12/QĐ-UBND")
    summary = service.summarize(int(str(doc_id)), length="long")
    assert summary.signer == "Nguyễn Văn An"
    assert any("95%" in f.text for f in summary.figures)
    assert any(a.who.startswith("Sở Nội vụ") for a in summary.assignments)
    assert all(k.location for k in summary.key_points)
    by_number = service.summarize("12/QĐ-UBND")
    assert by_number.document_id == doc_id
    from_file = service.summarize(folder / "sub" / "cv.txt")
    assert from_file.number == "2829-CV/CTĐ&TTN"


def test_service_upload_bytes(service: DocumentService) -> None:
    result = service.import_file(DECISION.encode(), "qd.txt")
    assert result.status == "imported" and result.number == "12/QĐ-UBND"
    assert service.import_file(DECISION.encode(), "copy.txt").status == "unchanged"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda s: s.search(""), InputError),
        (lambda s: s.search("x" * 2000), InputError),
        (lambda s: s.search("x", limit=0), InputError),
        (lambda s: s.ask("   "), InputError),
        (lambda s: s.summarize(999), NotFound),
        (lambda s: s.summarize("x", length="medium"), NotFound),
        (lambda s: s.import_file(b"data"), InputError),
    ],
)
def test_service_bad_input(service: DocumentService, call, error) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        call(service)
    assert info.value.hint


def test_service_search_before_import_says_what_to_do(tmp_path: Path) -> None:
    service = DocumentService(open_database(f"sqlite:///{tmp_path / 'x.db'}"), tmp_path / "idx")
    with pytest.raises(IndexError_) as info:
        service.search("xã")
    assert "import" in (info.value.hint or "")
