"""``DocumentService``: the documents room's one entry point for the CLI and the HTTP API.

Why one class: import, search, ask and summarize share the database, the index on disk and
its cache; the API helper mounts these methods as routes and the CLI calls the same ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from motcua._errors import (
    Conflict,
    EmptyIndex,
    ExternalServiceError,
    FileFormatError,
    InputError,
)
from motcua._settings import get_settings
from motcua.documents import store
from motcua.documents.ask import MIN_COVERAGE, Candidate, answer, coverage, snippet
from motcua.documents.fate import prefer_old_names
from motcua.documents.index import PassageIndex
from motcua.documents.inputs import check_query, iter_files
from motcua.documents.limits import ParseLimits
from motcua.documents.metadata import find_metadata_line, metadata_intent
from motcua.documents.model import AskResult, Citation, ImportResult, SearchHit
from motcua.documents.parse import content_hash, index_entries
from motcua.documents.replace import add_or_replace
from motcua.documents.sandbox import parse_isolated
from motcua.documents.summarize import Summary, summarize
from motcua.search._crash import crash_point
from motcua.search._manifest import read_manifest
from motcua.search.live import Freshness, IndexStatus, LiveIndex, inspect_index, locked
from motcua.store import generation
from motcua.store.db import Database, open_database
from motcua.store.documents import DocumentPassageRow, DocumentRow

__all__ = ["DocumentService"]

log = logging.getLogger(__name__)


class DocumentService:
    def __init__(self, db: Database | None = None, index_dir: Path | None = None, *,
                 background: bool = False) -> None:
        """``background``: a server's service, which reloads or rebuilds a changed index in a
        thread while requests keep the one they have (``search/live.py``)."""
        settings = get_settings()
        self.db = db or open_database(settings.db_url)
        self.index_dir = Path(index_dir or settings.index_dir / "documents")
        self.live = LiveIndex("documents", self.index_dir, load=PassageIndex.load,
                              build=self._build_first, generation=self.generation,
                              background=background,
                              check_seconds=settings.index_check_seconds if background else 0,
                              lock_seconds=settings.index_lock_seconds)

    # -- import ---------------------------------------------------------------------------
    def import_file(self, source: Path | bytes, filename: str | None = None, *,
                    ocr: bool = True, reindex: bool = True, replace: bool = False,
                    limits: ParseLimits | None = None) -> ImportResult:
        """Import one file (a path, or bytes with their filename); never raises on bad files.

        A broken, encrypted, unsupported or oversized file, or one whose number is already
        stored with other bytes (unless ``replace``), comes back with status "failed", the
        reason and its ``code``, so that a folder import continues with the next file. The file
        is parsed in a limited child process (``sandbox.parse_isolated``).
        """
        if isinstance(source, bytes | bytearray):
            if not filename:
                raise InputError("thiếu tên tệp tải lên",
                                 hint="gửi kèm tên tệp gốc (đuôi tệp quyết định cách đọc)")
            data, name, origin = bytes(source), filename, ""
        else:
            path = Path(source)
            name, origin = filename or path.name, str(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                return ImportResult(filename=name, status="failed", code="file_format",
                                    error=f"{name}: không đọc được tệp ({exc.strerror})",
                                    hint="kiểm tra đường dẫn và quyền đọc tệp")
        digest = content_hash(data)
        with self.db.session() as session:
            existing = store.find_by_hash(session, digest)
            if existing is not None:
                return ImportResult(filename=name, status="unchanged", document_id=existing.id,
                                    number=existing.number, doc_type=existing.doc_type,
                                    passages=len(existing.passages))
        try:
            doc = parse_isolated(data, name, ocr=ocr,
                                 limits=limits or ParseLimits.from_settings(get_settings()))
            with self.db.session() as session:
                row, replaced = add_or_replace(session, doc, origin, replace=replace,
                                               filename=name)
                result = ImportResult(filename=name, status="imported", document_id=row.id,
                                      number=doc.meta.number, doc_type=doc.meta.doc_type,
                                      passages=len(doc.passages), ocr_pages=doc.ocr_pages or [],
                                      replaced=replaced)
            crash_point("import:batch")  # tests: the document committed, the index not rebuilt
        except (FileFormatError, ExternalServiceError, Conflict) as exc:
            log.warning("document skipped", extra={"file": name, "error": exc.message})
            return ImportResult(filename=name, status="failed", error=exc.message, hint=exc.hint,
                                code=exc.code)
        except IntegrityError:
            # another import of the same bytes committed first (two imports at once)
            return ImportResult(filename=name, status="unchanged", number=doc.meta.number,
                                doc_type=doc.meta.doc_type, passages=len(doc.passages))
        if reindex:
            self.refresh()
        return result

    def import_paths(self, paths: Iterable[Path], *, ocr: bool = True,
                     on_file: Callable[[ImportResult], None] | None = None,
                     files: list[Path] | None = None, replace: bool = False,
                     ) -> list[ImportResult]:
        """Every file, each on its own: a bad one is reported in its result and the rest go on;
        the index is rebuilt once at the end unless it is already at the store's generation
        (whatever the results say: a re-run after a killed import finds every file
        unchanged). The index lock is held throughout, so that servers keep their index
        until the import ends instead of rebuilding after each document."""
        results = []
        with locked(self.index_dir):
            for path in files if files is not None else iter_files(paths):
                result = self.import_file(path, ocr=ocr, reindex=False, replace=replace)
                results.append(result)
                if on_file:
                    on_file(result)
            self.refresh()
        return results

    def generation(self) -> int:
        """The documents generation of the store now (one small query)."""
        return generation.read(self.db.engine, generation.DOCUMENTS)

    def reindex(self) -> int:
        """Rebuild the passage index from the database and swap it in atomically.

        Under the folder's lock, stamped with the generation read before the rows (a change
        committed meanwhile leaves the stamp behind, so the next check rebuilds again)."""
        with locked(self.index_dir):
            entries = []
            with self.db.session() as session:
                gen = generation.current(session, generation.DOCUMENTS)
                for row in store.list_documents(session):
                    pairs = [(str(pid), p) for pid, p in store.passages_of(row)]
                    entries.extend(index_entries(row.id, store.meta_of(row), pairs,
                                                 row.filename))
            index = PassageIndex()
            index.build(entries)
            crash_point("index:build")
            index.save(self.index_dir, generation=gen)
            self.live.set(index, read_manifest(self.index_dir))
        return len(entries)

    def _build_first(self) -> int:
        """What a reader rebuilds; with no document stored and no index yet it says what to
        do instead (``empty`` in the context: ``/readyz`` reports that as a state, not a
        fault). Documents all removed after an index existed: an empty index."""
        with self.db.session() as session:
            if not store.count_documents(session) and not self.index_dir.exists():
                raise EmptyIndex("chưa có văn bản nào trong kho",
                                 hint="nhập văn bản: motcua docs import THƯ_MỤC", empty=True)
        return self.reindex()

    def refresh(self) -> bool:
        """Rebuild the index unless it is whole and at the store's generation; True if it did."""
        with locked(self.index_dir):
            if self.status().freshness == Freshness.FRESH:
                return False
            self.reindex()
            return True

    def status(self) -> IndexStatus:
        """The saved index against the store, without loading it (``motcua index status``)."""
        return inspect_index(self.index_dir, "documents", self.generation())

    @property
    def index(self) -> PassageIndex:
        """The index at the store's generation: reloaded when another process (an import)
        replaced it, rebuilt when it is stale, missing or damaged (``search/live.py``)."""
        return self.live.get()

    # -- search and answers ---------------------------------------------------------------
    def _candidates(self, query: str, limit: int, **filters: object) -> list[Candidate]:
        hits = self.index.search(query, limit, **filters)
        if not hits:
            return []
        ids = [int(h.doc_id) for h in hits]
        with self.db.session() as session:
            rows = {r.id: r for r in session.query(DocumentPassageRow)
                    .filter(DocumentPassageRow.id.in_(ids))}
            docs = {d.id: d for d in session.query(DocumentRow)
                    .filter(DocumentRow.id.in_({r.document_id for r in rows.values()}))}
            out = []
            for h in hits:
                prow = rows.get(int(h.doc_id))
                if prow is None:
                    continue  # index newer than the database: skip rather than fail
                drow = docs[prow.document_id]
                meta = store.meta_of(drow)
                citation = Citation(document_id=drow.id, number=drow.number,
                                    doc_type=drow.doc_type, path=prow.path,
                                    filename=drow.filename)
                hit = SearchHit(passage_id=prow.id, score=round(h.score, 4), text=prow.text,
                                snippet=snippet(prow.text, query), citation=citation,
                                title=meta.title)
                lead = (prow.data or {}).get("lead", "")
                out.append(Candidate(hit, context=f"{meta.title} {lead}"))
        return out

    def search(self, query: str, type: str | None = None, issuer: str | None = None,
               year: int | None = None, limit: int = 10, province: str | None = None,
               ) -> list[SearchHit]:
        """``province``: that province's documents and the national ones (no province)."""
        query = check_query(query, "từ khóa")
        if limit < 1 or limit > 100:
            raise InputError("số kết quả phải từ 1 đến 100", hint="ví dụ --limit 10")
        return [c.hit for c in self._candidates(query, limit, type=type, issuer=issuer,
                                                year=year, province=province)]

    def ask(self, question: str, limit: int = 5, province: str | None = None) -> AskResult:
        """``province``: read that province's documents and the national ones only."""
        question = check_query(question)
        hits = self._candidates(question, limit, province=province)
        candidates, asked = prefer_old_names(question, hits), metadata_intent(question)
        if asked and candidates:
            found = self._metadata_answer(question, asked, candidates)
            if found is not None:
                return found
        return answer(question, candidates, idf=self.index.idf, more=self._in_document)

    def _in_document(self, phrase: str, document_id: int | str) -> list[SearchHit]:
        """The passages of one document that best match ``phrase`` (divided units)."""
        return [c.hit for c in self._candidates(phrase, 10, document=int(document_id))]

    def _metadata_answer(self, question: str, asked: str, candidates: list[Candidate]
                         ) -> AskResult | None:
        """"Ai ký ...?", "ban hành ngày nào?": the header or signature line that says it."""
        top = candidates[0].hit.citation
        uni, _ = coverage(question, f"{candidates[0].context}\n{candidates[0].hit.text}")
        if uni < MIN_COVERAGE:
            return None
        with self.db.session() as session:
            row = store.get_document(session, int(top.document_id))
            line = find_metadata_line(row.text, asked, store.meta_of(row))
        if line is None:
            return None
        path = "phần cuối" if asked == "signer" else "phần đầu"
        citation = top.model_copy(update={"path": path})
        return AskResult(status="answer", question=question, answer=line, sentences=[line],
                         citations=[citation], passages=[c.hit for c in candidates])

    # -- documents ------------------------------------------------------------------------
    def list_documents(self) -> list[dict[str, object]]:
        with self.db.session() as session:
            return [store.to_dict(r) for r in store.list_documents(session)]

    def get(self, ref: int | str) -> dict[str, object]:
        with self.db.session() as session:
            return store.to_dict(store.get_document(session, ref))

    def passages(self, ref: int | str) -> list[dict[str, object]]:
        """The document's passages in order, each with its citable path."""
        with self.db.session() as session:
            row = store.get_document(session, ref)
            return [{"id": pid, "path": p.path or "phần đầu", "text": p.text}
                    for pid, p in store.passages_of(row)]

    def summarize(self, ref: int | str, length: str = "short") -> Summary:
        """Summary of a stored document, by id or number only.

        Why never a path: the HTTP API hands this the caller's text; a ref that happened to
        name a file on the server must be as unknown as any other (``summarize_file`` is the
        CLI's way to summarize a file it was given).
        """
        with self.db.session() as session:
            row = store.get_document(session, ref)
            passages = [p for _, p in store.passages_of(row)]
            return summarize(store.meta_of(row), passages, length=length, document_id=row.id,
                             filename=row.filename)

    def summarize_file(self, path: Path, length: str = "short", *, ocr: bool = True) -> Summary:
        """Summary of a local file that is not imported (``motcua docs summarize FILE``).

        For the command line only: the operator names a file of this machine. It is parsed in
        the same limited child process as an import, since it may come from anywhere.
        """
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: không đọc được tệp ({exc.strerror})",
                             hint="kiểm tra đường dẫn và quyền đọc tệp") from exc
        doc = parse_isolated(data, path.name, ocr=ocr,
                             limits=ParseLimits.from_settings(get_settings()))
        return summarize(doc.meta, doc.passages, length=length, filename=doc.filename)

