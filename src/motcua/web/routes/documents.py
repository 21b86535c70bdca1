"""``/api/v1/documents``: the documents room over HTTP (upload, search, ask, summary).

Why the routes live here and not in ``motcua.documents``: that room must not talk HTTP; this
module maps its ``DocumentService`` to routes. Uploading changes what officials search, so it
needs an official's console session or an integration's ``X-API-Key``; reading does not.
(No ``from __future__ import annotations`` here: FastAPI resolves the dependency aliases
defined inside ``build_router`` from real annotations.)
"""


import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from motcua._errors import FileFormatError, Unauthorized
from motcua.service.accounts import get_user, verify_api_key
from motcua.web.deps import StateDep
from motcua.web.sessions import COOKIE

__all__ = ["build_router"]

log = logging.getLogger(__name__)
MAX_UPLOAD = 25 * 1024 * 1024  # the app's body limit for this prefix says the same


class AskBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=1000)


def _official(request: Request, state: StateDep) -> str:
    """Who uploads: an integration key's name or a logged-in official's id."""
    name = verify_api_key(state.db, request.headers.get("x-api-key", ""))
    if name:
        return f"key:{name}"
    user_id = state.signer.verify(request.cookies.get(COOKIE))
    if user_id is not None and get_user(state.db, user_id) is not None:
        return f"user:{user_id}"
    raise Unauthorized("cần đăng nhập hoặc khóa API để tải tài liệu lên",
                       hint="log in to the console or send a valid X-API-Key header")


def build_router() -> APIRouter | None:
    try:
        from motcua.documents.service import DocumentService
    except ImportError as exc:  # the documents room's optional dependencies are missing
        log.info("documents room unavailable", extra={"error": str(exc)})
        return None
    services: dict[int, DocumentService] = {}

    def service(state: StateDep) -> DocumentService:
        # one service (and one cached index) per database, reloaded when an import replaces it
        svc = services.get(id(state.db))
        if svc is None:
            svc = services[id(state.db)] = DocumentService(state.db)
        return svc

    Svc = Annotated[DocumentService, Depends(service)]
    Official = Annotated[str, Depends(_official)]
    router = APIRouter(prefix="/api/v1/documents", tags=["documents"])

    @router.post("", status_code=201)
    async def upload(file: UploadFile, svc: Svc, who: Official) -> dict[str, Any]:
        data = await file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise FileFormatError("tệp quá lớn", hint="tối đa 25 MB mỗi tệp")
        result = svc.import_file(data, file.filename or "")
        if result.status == "failed":
            raise FileFormatError(result.error or "không đọc được tệp",
                                  hint=result.hint or "kiểm tra lại tệp rồi tải lên lại")
        log.info("document uploaded", extra={"by": who, "status": result.status})
        return result.model_dump()

    @router.get("/search")
    def search(svc: Svc, q: Annotated[str, Query(min_length=1, max_length=1000)],
               type: str | None = None,
               issuer: str | None = None, year: int | None = None,
               limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
        hits = svc.search(q, type=type, issuer=issuer, year=year, limit=limit)
        return {"items": [h.model_dump() for h in hits]}

    @router.post("/ask")
    def ask(body: AskBody, svc: Svc) -> dict[str, Any]:
        return svc.ask(body.question).model_dump()

    @router.get("/{ref:path}/summary")
    def summary(ref: str, svc: Svc,
                length: Annotated[str, Query(pattern="^(short|long)$")] = "short",
                ) -> dict[str, Any]:
        return svc.summarize(ref, length=length).model_dump()

    return router
