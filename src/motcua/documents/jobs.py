"""Document uploads as background jobs: Huey runs them, our own table holds their status.

Why jobs: an upload used to parse, OCR and reindex inside the request, stalling the worker for
seconds (minutes for a scan). Now the request checks the file's caps (milliseconds), stores the
bytes in ``document_jobs`` and answers 202; a consumer thread imports it, the parse itself in a
limited child process (``sandbox.py``), and the uploader polls the job by id.

Why Huey: small, well kept and embeddable. ``SqliteHuey`` keeps the queue in a file in the data
home (no server, the embedded default); ``RedisHuey`` shares it between machines when
``MOTCUA_REDIS_URL`` is set. Its ``Consumer`` runs as threads inside each ``motcua serve``
worker, so one command is enough. Two adaptations for embedding: ``Consumer.start`` installs
SIGINT/SIGTERM/SIGHUP handlers for a main loop we never run, which would take Ctrl+C away from
uvicorn (``motcua._queue.EmbeddedConsumer`` skips that), and the idle poll of the SQLite queue
backs off to at most half a second so a job starts promptly. Status lives in our database, not
in Huey's result store, so that any worker answers a poll and a job is visible to its uploader
only.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete

from motcua._errors import InputError, MotcuaError, NotFound, StoreError
from motcua._queue import make_huey, queue_name, start_consumer
from motcua._settings import Settings
from motcua.documents.ingest import SUPPORTED_SUFFIXES
from motcua.documents.limits import ParseLimits, check_file, refuse
from motcua.store.db import Database
from motcua.store.jobs import DocumentJobRow

__all__ = ["DocumentJobs", "jobs_for", "start_job_consumer"]

log = logging.getLogger(__name__)
STATUS_URL = "/api/v1/documents/jobs/{}"
KEEP_DAYS = 30
_INTERRUPTED = {"code": "interrupted", "message": "việc nhập tệp bị gián đoạn (máy chủ khởi "
                "động lại)", "hint": "tải tệp lên lại"}
_INTERNAL = {"code": "internal_error", "message": "lỗi hệ thống khi nhập tệp",
             "hint": "thử lại sau; nếu lặp lại, báo quản trị viên"}


def _queue_errors() -> tuple[type[BaseException], ...]:
    try:
        from redis.exceptions import RedisError
    except ImportError:
        return (OSError, sqlite3.Error)
    return (OSError, sqlite3.Error, RedisError)


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite drops the zone


class DocumentJobs:
    """Submit uploads, run them (the Huey task) and report their status."""

    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings, self.db = settings, db
        self.limits = ParseLimits.from_settings(settings)
        self.huey = make_huey(settings, queue_name("documents", db.url))
        self._task = self.huey.task(name="documents.import")(self.run)
        self._consumer: Any = None
        self._lock = threading.Lock()

    # -- the uploader's side ---------------------------------------------------------------
    def submit(self, data: bytes, filename: str, owner: str, *, replace: bool = False
               ) -> dict[str, Any]:
        """Check the caps (``FileFormatError`` at once), store the bytes, queue the import."""
        name = Path(filename or "").name
        if not name:
            raise InputError("thiếu tên tệp tải lên",
                             hint="gửi kèm tên tệp gốc (đuôi tệp quyết định cách đọc)")
        suffix = Path(name).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise refuse(name, f"không hỗ trợ loại tệp {suffix or '(không có đuôi)'}",
                         hint="dùng PDF, DOCX, HTML, Markdown, TXT, CSV hoặc ảnh (PNG, JPG, TIFF)")
        if not data:
            raise refuse(name, "tệp rỗng", hint="kiểm tra lại tệp")
        check_file(data, name, self.limits)
        job = DocumentJobRow(id=secrets.token_hex(16), owner=owner, filename=name,
                             status="queued", replace=replace, data=data)
        with self.db.session() as session:
            session.add(job)
        try:
            self._task(job.id)
        except _queue_errors() as exc:
            self._finish(job.id, "failed", error={"code": "store_unavailable",
                                                   "message": "hàng đợi nhập tệp không hoạt động",
                                                   "hint": "thử lại sau vài phút"})
            raise StoreError("hàng đợi nhập tệp không hoạt động",
                             hint="check MOTCUA_REDIS_URL or the data home") from exc
        self.ensure_consumer()
        log.info("document job queued", extra={"job": job.id, "by": owner})
        return self._view(job)

    def status(self, job_id: str, owner: str) -> dict[str, Any]:
        """The job of ``owner``; another uploader's job is "not found" like a missing one."""
        with self.db.session() as session:
            job = session.get(DocumentJobRow, job_id)
            if job is None or job.owner != owner:
                raise NotFound(f"không tìm thấy việc tải lên {job_id}",
                               hint="dùng job_id (status_url) mà lần tải lên đã trả về")
            stale = timedelta(seconds=3 * self.limits.wall_seconds + 600)
            if job.status == "running" and _utc(job.updated_at) < datetime.now(UTC) - stale:
                job.status, job.error, job.data = "failed", _INTERRUPTED, None
                job.updated_at = datetime.now(UTC)
            return self._view(job)

    @staticmethod
    def _view(job: DocumentJobRow) -> dict[str, Any]:
        out: dict[str, Any] = {"job_id": job.id, "status": job.status, "filename": job.filename,
                               "status_url": STATUS_URL.format(job.id),
                               "created_at": _utc(job.created_at).isoformat(),
                               "updated_at": _utc(job.updated_at).isoformat()}
        if job.result is not None:
            out["result"] = job.result
        if job.error is not None:
            out["error"] = job.error
        return out

    # -- the consumer's side ---------------------------------------------------------------
    def run(self, job_id: str) -> None:
        """The Huey task: import the stored bytes and record the outcome."""
        from motcua.documents.service import DocumentService

        with self.db.session() as session:
            job = session.get(DocumentJobRow, job_id)
            if job is None or job.status != "queued" or job.data is None:
                log.info("document job skipped", extra={"job": job_id})
                return
            job.status, job.updated_at = "running", datetime.now(UTC)
            data, filename, replace = job.data, job.filename, job.replace
        try:
            service = DocumentService(self.db, self.settings.index_dir / "documents")
            result = service.import_file(data, filename, replace=replace, limits=self.limits)
        except MotcuaError as exc:
            self._finish(job_id, "failed", error=exc.to_dict())
            return
        except Exception:  # recorded for the uploader, then re-raised for Huey's log
            self._finish(job_id, "failed", error=_INTERNAL)
            raise
        if result.status == "failed":
            self._finish(job_id, "failed", result=result.model_dump(), error={
                "code": result.code or "file_format", "message": result.error or filename,
                "hint": result.hint or "kiểm tra lại tệp rồi tải lên lại"})
        else:
            self._finish(job_id, "done", result=result.model_dump())

    def _finish(self, job_id: str, status: str, *, result: dict[str, Any] | None = None,
                error: dict[str, Any] | None = None) -> None:
        with self.db.session() as session:
            job = session.get(DocumentJobRow, job_id)
            if job is not None:
                job.status, job.result, job.error, job.data = status, result, error, None
                job.updated_at = datetime.now(UTC)
        log.info("document job finished", extra={"job": job_id, "status": status})

    def ensure_consumer(self) -> None:
        """Start this process's consumer once (from the app's start, or the first upload)."""
        with self._lock:
            if self._consumer is not None:
                return
            self._purge()
            self._consumer = start_consumer(self.huey,
                                            shutdown_timeout=self.limits.wall_seconds + 30)

    def stop(self) -> None:
        """Let the running job finish (up to the parse limit), then stop the threads."""
        with self._lock:
            consumer, self._consumer = self._consumer, None
        if consumer is not None:
            consumer.stop(graceful=True)

    def _purge(self) -> None:
        cutoff = datetime.now(UTC) - timedelta(days=KEEP_DAYS)
        with self.db.session() as session:
            session.execute(delete(DocumentJobRow).where(
                DocumentJobRow.updated_at < cutoff,
                DocumentJobRow.status.in_(("done", "failed"))))


_JOBS: dict[int, DocumentJobs] = {}
_JOBS_LOCK = threading.Lock()


def jobs_for(settings: Settings, db: Database) -> DocumentJobs:
    """The one ``DocumentJobs`` of this process for ``db`` (its queue and consumer)."""
    with _JOBS_LOCK:
        jobs = _JOBS.get(id(db))
        if jobs is None or jobs.db is not db:
            jobs = _JOBS[id(db)] = DocumentJobs(settings, db)
        return jobs


def start_job_consumer(settings: Settings, db: Database) -> Callable[[], None]:
    """Start the consumer of ``db``'s upload jobs in this process; returns its stop."""
    jobs = jobs_for(settings, db)
    jobs.ensure_consumer()
    return jobs.stop
