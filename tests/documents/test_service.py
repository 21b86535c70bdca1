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
    assert len(service.list_documents()) == 3


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
    doc_id = next(d["id"] for d in service.list_documents() if d["number"] == "12/QĐ-UBND")
    summary = service.summarize(int(str(doc_id)), length="long")
    assert summary.signer == "Nguyễn Văn An"
    assert any("95%" in f.text for f in summary.figures)
    assert any(a.who.startswith("Sở Nội vụ") for a in summary.assignments)
    assert all(k.location for k in summary.key_points)
    by_number = service.summarize("12/QĐ-UBND")
    assert by_number.document_id == doc_id
    from_file = service.summarize_file(folder / "sub" / "cv.txt")
    assert from_file.number == "2829-CV/CTĐ&TTN"


def test_service_summarize_never_reads_a_path(service: DocumentService, folder: Path) -> None:
    service.import_paths([folder])
    present, absent = folder / "sub" / "cv.txt", folder / "sub" / "absent.txt"
    errors = []
    for ref in (str(present), str(absent), f"{folder}/../docs/qd.txt"):
        with pytest.raises(NotFound) as info:
            service.summarize(ref)
        errors.append(info.value.to_dict())
        assert str(folder) not in str(info.value)
    assert errors[0] == errors[1] == errors[2]


@pytest.mark.parametrize("name", ["absent.txt", "sub"])
def test_service_summarize_file_unreadable_says_so(service: DocumentService, folder: Path,
                                                   name: str) -> None:
    with pytest.raises(InputError) as info:
        service.summarize_file(folder / name)
    assert info.value.hint


@pytest.mark.parametrize("noise", ["\x00", "\ud800", "\x07\x1b\x7f", "\udfff\x00"])
def test_service_query_control_characters_are_dropped(service: DocumentService, folder: Path,
                                                      noise: str) -> None:
    service.import_paths([folder])
    result = service.ask(f"Xã nào{noise} của tỉnh Mẫu được hình thành từ thị trấn Na Mẫu?")
    assert result.status == "answer" and noise not in result.question
    result.model_dump_json()  # encodable as UTF-8 JSON
    assert service.search(f"thi tran{noise} na mau")[0].citation.number == "99/NQ-HĐND"
    with pytest.raises(InputError):
        service.search(noise)


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


def test_service_sees_import_from_another_instance(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    reader = DocumentService(open_database(url), tmp_path / "idx")
    writer = DocumentService(open_database(url), tmp_path / "idx")
    writer.import_file(DECISION.encode(), "qd.txt")
    assert reader.search("tổ công tác")[0].citation.number == "12/QĐ-UBND"
    import os
    import time

    writer.import_file(RESOLUTION_MD.encode(), "nq.md")
    stamp = (tmp_path / "idx" / "passages.json").stat().st_mtime
    os.utime(tmp_path / "idx" / "passages.json", (time.time(), stamp + 5))  # coarse mtime clocks
    assert reader.search("thị trấn Na Mẫu")[0].citation.number == "99/NQ-HĐND"


@pytest.mark.shared
def test_service_real_reform_documents(shared: Path, tmp_path: Path) -> None:
    service = DocumentService(open_database(f"sqlite:///{tmp_path / 'r.db'}"), tmp_path / "idx")
    results = service.import_paths([shared / "data/documents/reform-2025"], ocr=False)
    assert {r.status for r in results} == {"imported"} and len(results) == 37
    result = service.ask("Xã nào của Lạng Sơn được hình thành từ thị trấn Na Sầm?")
    assert result.status == "answer"
    assert "xã Na Sầm" in result.answer
    assert result.citations[0].number == "1672/NQ-UBTVQH15"
    assert result.citations[0].path.startswith("Điều 1, khoản")
    folded = service.ask("xa nao cua lang son duoc hinh thanh tu thi tran na sam")
    assert folded.citations and folded.citations[0].path == result.citations[0].path
    assert service.ask("Thủ tục đăng ký kết hôn cần giấy tờ gì?").status == "abstain"
    hits = service.search("hợp nhất tỉnh", type="nghị quyết", issuer="ban chấp hành")
    assert hits and all(h.citation.number == "60-NQ/TW" for h in hits)


@pytest.mark.parametrize(
    ("question", "expected", "path"),
    [
        ("Ai ký quyết định thành lập tổ công tác số hóa?", "Nguyễn Văn An", "phần cuối"),
        ("Quyết định thành lập tổ công tác số hóa ban hành ngày nào?", "ngày 05 tháng 3",
         "phần đầu"),
        ("Cơ quan nào ban hành quyết định thành lập tổ công tác số hóa?", "ỦY BAN NHÂN DÂN",
         "phần đầu"),
    ],
)
def test_service_ask_metadata_questions(tmp_path: Path, question: str, expected: str,
                                        path: str) -> None:
    service = DocumentService(open_database(f"sqlite:///{tmp_path / 'm.db'}"), tmp_path / "i")
    service.import_file(DECISION.encode(), "qd.txt")
    result = service.ask(question)
    assert result.status == "answer"
    assert expected in result.answer
    assert result.citations[0].path == path


def test_service_concurrent_same_file_is_unchanged(service: DocumentService,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from motcua.documents import store

    assert service.import_file(DECISION.encode(), "a.txt").status == "imported"
    monkeypatch.setattr(store, "find_by_hash", lambda session, digest: None)  # lost the race
    result = service.import_file(DECISION.encode(), "b.txt")
    assert result.status == "unchanged"
    assert len(service.list_documents()) == 1


def test_service_same_number_other_bytes_is_a_conflict(service: DocumentService) -> None:
    first = service.import_file(DECISION.encode(), "qd.txt")
    draft = DECISION.replace("Nguyễn Văn An", "Trần Thị Bình").encode()
    result = service.import_file(draft, "qd-draft.txt")
    assert (result.status, result.code) == ("failed", "conflict")
    assert "12/QĐ-UBND" in (result.error or "") and "qd.txt" in (result.error or "")
    assert "replace=true" in (result.hint or "") and "--replace" in (result.hint or "")
    assert [d["id"] for d in service.list_documents()] == [first.document_id]
    assert service.summarize("12/QĐ-UBND").signer == "Nguyễn Văn An"


def test_service_replace_swaps_document_and_passages(service: DocumentService) -> None:
    first = service.import_file(DECISION.encode(), "qd.txt")
    draft = DECISION.replace("Nguyễn Văn An", "Trần Thị Bình").encode()
    result = service.import_file(draft, "qd-v2.txt", replace=True)
    assert result.status == "imported" and result.replaced == [first.document_id]
    docs = service.list_documents()
    assert [d["filename"] for d in docs] == ["qd-v2.txt"]
    assert service.summarize("12/QĐ-UBND").signer == "Trần Thị Bình"
    from motcua.store.documents import DocumentPassageRow

    with service.db.session() as session:
        owners = {r.document_id for r in session.query(DocumentPassageRow)}
    assert owners == {result.document_id}


def test_service_folder_goes_on_past_hostile_files(service: DocumentService,
                                                   folder: Path) -> None:
    from tests.documents._hostile import HOSTILE

    for make, _ in HOSTILE.values():
        name, data = make()
        (folder / f"x-{name}").write_bytes(data)
    results = service.import_paths([folder])
    failed = {r.filename: r for r in results if r.status == "failed"}
    assert sum(r.status == "imported" for r in results) == 3
    assert len(failed) == len(HOSTILE) + 1  # and broken.pdf
    for make, fragment in HOSTILE.values():
        name = f"x-{make()[0]}"
        assert fragment in (failed[name].error or ""), name
        assert failed[name].hint and failed[name].code == "file_format"
