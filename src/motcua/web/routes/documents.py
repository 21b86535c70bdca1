"""``/api/v1/documents``: the documents room over HTTP (upload, search, ask, summary).

Why the routes live here and not in ``motcua.documents``: that room must not talk HTTP; this
module maps its ``DocumentService`` to routes. Officials' documents are not public: every
route (upload, search, ask, summary) needs an official's console session or an integration's
``X-API-Key``. A document is addressed by its id or number only, looked up in the store and
never on disk (``DocumentService.summarize``). An upload is a background job
(``motcua.documents.jobs``) polled at ``/jobs/{id}`` by its uploader.
(No ``from __future__ import annotations`` here: FastAPI resolves the dependency aliases
defined inside ``build_router`` from real annotations.)
"""


import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from motcua._errors import FileFormatError, MotcuaError
from motcua._settings import QUESTION_CHARS_CEILING
from motcua.communes.units import resolve_unit
from motcua.text.normalize import fold
from motcua.web.deps import StateDep, official_caller, session_user

__all__ = ["build_router"]

log = logging.getLogger(__name__)
_MIB = 1024 * 1024


class AskBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=QUESTION_CHARS_CEILING)
    province: str | None = Field(default=None, max_length=80, description=(
        "read that province's documents and the national ones; 'all' for every one; a "
        "console official's own province when not given"))


def _official(request: Request, state: StateDep) -> str:
    return official_caller(request, state, "kho văn bản")


_ALL = {"all", "*", "tat ca", "toan quoc"}


def _province(request: Request, state: StateDep) -> str | None:
    """A console official's own province, the one of their commune; none for an official of
    no commune (a province-wide admin) or an integration's key, which say what they want."""
    user = session_user(request, state)
    if user is None or not user.commune_code:
        return None
    try:
        return resolve_unit(user.commune_code).province
    except MotcuaError as exc:  # a code no longer in the unit list: no filter, logged
        log.warning("official's commune unknown", extra={"commune": user.commune_code,
                                                          "error": exc.message})
        return None


def _chosen_province(given: str | None, request: Request, state: StateDep) -> str | None:
    """The province asked for ('all': none), else the console official's own."""
    chosen = _province(request, state) if given is None else given
    return None if chosen is None or fold(chosen).strip() in _ALL else chosen


def build_router() -> APIRouter | None:
    try:
        from motcua.documents.jobs import jobs_for
        from motcua.documents.service import DocumentService
    except ImportError as exc:  # the documents room's optional dependencies are missing
        log.info("documents room unavailable", extra={"error": str(exc)})
        return None
    def service(state: StateDep) -> DocumentService:
        # the worker's one service: its index is reloaded or rebuilt when the store changes
        svc = state.documents()
        assert svc is not None  # the imports above succeeded
        return svc

    Svc = Annotated[DocumentService, Depends(service)]
    Official = Annotated[str, Depends(_official)]
    router = APIRouter(prefix="/api/v1/documents", tags=["documents"])

    @router.post("", status_code=202)
    async def upload(file: UploadFile, state: StateDep, who: Official,
                     replace: Annotated[bool, Query(description="replace the stored document "
                                                    "of the same number")] = False,
                     ) -> dict[str, Any]:
        """Queue the import (202 with ``job_id`` and ``status_url``); a file over a cap is
        refused at once (422). Parsing and reindexing never run in this handler."""
        limit = state.settings.doc_max_bytes
        data = await file.read(limit + 1)
        if len(data) > limit:
            raise FileFormatError(f"{file.filename}: tệp lớn hơn {limit // _MIB} MB",
                                  hint="chia nhỏ tệp rồi tải lên lại")

        def submit() -> dict[str, Any]:
            jobs = jobs_for(state.settings, state.db)
            return jobs.submit(data, file.filename or "", who, replace=replace)

        return await run_in_threadpool(submit)

    @router.get("/jobs/{job_id}")
    def job(job_id: Annotated[str, Path(max_length=64)], state: StateDep,
            who: Official) -> dict[str, Any]:
        """queued | running | done (with the import result) | failed (with reason and hint)."""
        return jobs_for(state.settings, state.db).status(job_id, who)

    officials_only = [Depends(_official)]

    @router.get("/search", dependencies=officials_only)
    def search(svc: Svc, request: Request, state: StateDep,
               q: Annotated[str, Query(min_length=1, max_length=QUESTION_CHARS_CEILING)],
               type: str | None = None,
               issuer: str | None = None, year: int | None = None,
               limit: Annotated[int, Query(ge=1, le=100)] = 10,
               province: Annotated[str | None, Query(max_length=80, description=(
                   "that province's documents and the national ones; 'all' for every one; "
                   "a console official's own province when not given"))] = None,
               ) -> dict[str, Any]:
        chosen = _chosen_province(province, request, state)
        hits = svc.search(q, type=type, issuer=issuer, year=year, limit=limit,
                          province=chosen)
        return {"items": [h.model_dump() for h in hits], "province": chosen}

    @router.post("/ask", dependencies=officials_only)
    def ask(body: AskBody, svc: Svc, request: Request, state: StateDep) -> dict[str, Any]:
        chosen = _chosen_province(body.province, request, state)
        return {**svc.ask(body.question, province=chosen).model_dump(), "province": chosen}

    @router.get("/{ref:path}/summary", dependencies=officials_only)
    def summary(ref: str, svc: Svc,
                length: Annotated[str, Query(pattern="^(short|long)$")] = "short",
                ) -> dict[str, Any]:
        """A stored document's summary; ``ref`` is its id or number ("1672/NQ-UBTVQH15"), and
        anything else (a server path too) is the same 404."""
        return svc.summarize(ref, length=length).model_dump()

    return router
