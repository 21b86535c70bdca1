"""``POST /api/v1/dossiers/ask``: questions on the imported dossier exports, for officials.

Why officials only: the figures are the communes' internal performance before they are
published; like the documents room, a console session or an integration's ``X-API-Key`` is
needed. The route is thin: ``motcua.dossiers.query.ask`` returns the Interface's JSON (the
same as ``motcua data ask --json``). (No ``from __future__ import annotations``: FastAPI
resolves the dependency alias from real annotations.)
"""


import logging
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from motcua._errors import FileFormatError, InputError
from motcua._settings import QUESTION_CHARS_CEILING
from motcua.web.deps import StateDep, official_caller

__all__ = ["build_router", "save_uploads"]

log = logging.getLogger(__name__)


class DossierQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=QUESTION_CHARS_CEILING)


def _official(request: Request, state: StateDep) -> str:
    return official_caller(request, state, "số liệu hồ sơ")


Official = Annotated[str, Depends(_official)]


async def save_uploads(files: list[UploadFile], limit: int, folder: Path) -> list[Path]:
    """The uploaded exports as files under ``folder``, each in its own subfolder (two uploads
    may share a name) under its base name only (a name like ``../../x.csv`` stays inside).

    Shared by the API and the console page, so both refuse the same: no file or more than
    20, a file over ``limit`` bytes (MOTCUA_DOSSIER_MAX_BYTES) before it is written."""
    files = [f for f in files if f.filename or f.size]  # a form sent with no file chosen
    if not files or len(files) > 20:
        raise InputError("gửi từ 1 đến 20 tệp xuất", hint="chia thành nhiều lần tải lên")
    paths = []
    for i, upload in enumerate(files):
        name = Path(upload.filename or f"tep-{i}.csv").name[:120] or f"tep-{i}.csv"
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise FileFormatError(f"{name}: tệp lớn hơn {limit // 1_048_576} MB",
                                  hint="chia nhỏ tệp, hoặc nhập bằng motcua data import")
        path = folder / f"{i}" / name
        path.parent.mkdir()
        path.write_bytes(data)
        paths.append(path)
    return paths


def build_router() -> APIRouter | None:
    try:
        from motcua.dossiers.importer import import_exports
        from motcua.dossiers.query import ask
    except ImportError as exc:  # duckdb or sqlglot missing
        log.info("dossiers room unavailable", extra={"error": str(exc)})
        return None
    router = APIRouter(prefix="/api/v1/dossiers", tags=["dossiers"])

    @router.post("/ask")
    def ask_route(body: DossierQuestion, who: Official) -> dict[str, Any]:
        """status answer | clarify | refuse, value, unit, table, sql, rows, message."""
        answer: dict[str, Any] = ask(body.question)
        return answer

    @router.post("/import")
    async def import_route(files: list[UploadFile], state: StateDep, who: Official,
                           ) -> dict[str, Any]:
        """One or more exports (.csv, .xlsx), checked row by row and imported all or nothing
        (the same as ``motcua data import``); a file over MOTCUA_DOSSIER_MAX_BYTES is 422."""
        with tempfile.TemporaryDirectory() as tmp:
            paths = await save_uploads(files, state.settings.dossier_max_bytes, Path(tmp))
            result = await run_in_threadpool(import_exports, paths)
        log.info("dossier export imported over the API", extra={"who": who,
                                                                "rows": result.rows})
        return result.to_dict()

    return router
