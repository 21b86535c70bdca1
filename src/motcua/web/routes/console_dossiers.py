"""The console's dossier page: upload an export, ask in Vietnamese, see figure, table, chart.

Why a page over the same calls as the API (``import_exports``, ``ask``): an official gets
exactly what ``motcua data`` and ``/api/v1/dossiers`` give, with nothing to install. The
upload is a POST with the console's CSRF token (it changes the store); a question is a GET
(``?q=``), so an example is a plain link and an answer can be bookmarked or sent on. Errors
(bad rows, no data yet, a question too long) are shown on the page itself, with what to do,
not on a separate error page. (No ``from __future__ import annotations``: FastAPI resolves
the form and dependency aliases from real annotations.)
"""


import logging
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from motcua._errors import InputError, MotcuaError
from motcua._settings import QUESTION_CHARS_CEILING
from motcua.service.accounts import audit
from motcua.web.deps import StateDep, UserDep
from motcua.web.dossier_view import EXAMPLES, answer_view, vn_number
from motcua.web.routes.console import _check_csrf, _page
from motcua.web.routes.dossiers import save_uploads

__all__ = ["build_router"]

log = logging.getLogger(__name__)


_CLI_MAP = re.compile(r'--map "([^"]*)"')
_MAX_MAPPINGS = 30


def _problem(exc: MotcuaError) -> dict[str, Any]:
    """An error as the page shows it: its first line, then one item per further line (the
    importer lists one bad row a line), and the hint; the CLI's ``--map "A=b"`` becomes a
    line to write in the page's own mapping box (``mapping`` opens it)."""
    first, *lines = exc.message.split("\n")
    hint = exc.hint or ""
    mapping = bool(_CLI_MAP.search(hint))
    if mapping:
        hint = _CLI_MAP.sub(r"“\1”", hint) + "; ghi vào ô “Ghép cột” (mỗi dòng một cặp) rồi " \
            "chọn lại tệp"
    if not first.split(" ", 1)[0].endswith(":"):  # "x.csv: ..." keeps its file name as is
        first = first[:1].upper() + first[1:]
    return {"summary": first, "lines": [ln for ln in lines if ln],
            "hint": hint[:1].upper() + hint[1:], "mapping": mapping}


def _overrides(text: str) -> dict[str, str]:
    """The mapping box: one ``Tên cột trong tệp=cột`` a line (``=-`` ignores a column), the
    same pairs as ``motcua data import --map``."""
    out: dict[str, str] = {}
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) > _MAX_MAPPINGS:
        raise InputError(f"ô Ghép cột có {len(lines)} dòng, tối đa {_MAX_MAPPINGS}",
                         hint="chỉ ghi các cột hệ thống không tự nhận được")
    for line in lines:
        header, sep, column = line.rpartition("=")
        if not sep or not header.strip() or not column.strip():
            raise InputError(f"dòng ghép cột '{line[:80]}' không đúng dạng",
                             hint="ghi 'Tên cột trong tệp=cột', ví dụ 'Số BN=code'; "
                                  "'Ghi chú 2=-' để bỏ qua cột")
        out[header.strip()] = column.strip()
    return out


def _coverage() -> str:
    """One line on what the store holds, so the official knows what a question covers."""
    from motcua.dossiers.store import dossier_path, vocabulary

    path = dossier_path()
    if not path.exists():
        return "Chưa có số liệu hồ sơ: tải tệp xuất lên (ở cuối trang) rồi hỏi."
    try:
        v = vocabulary(path)
    except MotcuaError as exc:  # the store is busy with an import: say so, do not fail
        log.info("dossier coverage unavailable", extra={"error": exc.message})
        return ""
    if not v.first or not v.last:
        return ""
    day = "/".join(reversed(v.first[:10].split("-"))), "/".join(reversed(v.last[:10].split("-")))
    return (f"Đang có số liệu hồ sơ nhận từ {day[0]} đến {day[1]} của "
            f"{len(v.communes)} xã/phường.")


def build_router() -> APIRouter | None:
    try:
        from motcua.dossiers.importer import import_exports
        from motcua.dossiers.query import ask
        from motcua.dossiers.schema import FIELD_LABELS
    except ImportError as exc:  # duckdb or sqlglot missing
        log.info("dossier page unavailable", extra={"error": str(exc)})
        return None
    columns = [(c.value, label) for c, label in FIELD_LABELS.items()]
    router = APIRouter(prefix="/console/dossiers", include_in_schema=False)

    def render(request: Request, user: Any, status: int = 200, **ctx: Any) -> HTMLResponse:
        base = {"examples": EXAMPLES, "q": "", "answer": None, "ask_error": None,
                "imported": None, "import_error": None, "mapping": "",
                "columns": columns,
                "max_mb": request.app.state.service.settings.dossier_max_bytes // 1_048_576}
        return _page(request, "dossiers.html",
                     {**base, **ctx, "coverage": _coverage()}, status=status, user=user)

    @router.get("", response_class=HTMLResponse)
    def dossiers_page(request: Request, user: UserDep,
                      q: Annotated[str, Query(max_length=QUESTION_CHARS_CEILING)] = "",
                      ) -> HTMLResponse:
        if not q.strip():
            return render(request, user)
        try:
            answer = ask(q)
        except MotcuaError as exc:
            return render(request, user, exc.status_code, q=q, ask_error=_problem(exc))
        return render(request, user, q=q, answer=answer_view(answer))

    @router.post("/import", response_class=HTMLResponse)
    async def dossiers_import(request: Request, state: StateDep, user: UserDep,
                              csrf: Annotated[str, Form(max_length=200)] = "",
                              mapping: Annotated[str, Form(max_length=4000)] = "",
                              files: Annotated[list[UploadFile] | None, File()] = None,
                              ) -> HTMLResponse:
        _check_csrf(request, state, csrf)
        try:
            overrides = _overrides(mapping)
            with tempfile.TemporaryDirectory() as tmp:
                paths = await save_uploads(files or [], state.settings.dossier_max_bytes,
                                           Path(tmp))
                result = await run_in_threadpool(import_exports, paths, overrides=overrides)
        except MotcuaError as exc:
            log.info("dossier upload refused", extra={"user": user.username,
                                                      "error": exc.message.split("\n")[0]})
            return render(request, user, exc.status_code, import_error=_problem(exc),
                          mapping=mapping)
        def record() -> None:
            with state.db.session() as s:
                audit(s, user.username, "dossiers.import", ", ".join(result.files)[:500],
                      {"rows": result.rows, "new": result.new, "replaced": result.replaced})

        await run_in_threadpool(record)
        imported = {"files": ", ".join(result.files), "rows": vn_number(result.rows),
                    "new": vn_number(result.new), "replaced": vn_number(result.replaced),
                    "seconds": f"{result.seconds:.1f}".replace(".", ","),
                    "ignored": sorted({h for hs in result.ignored.values() for h in hs})}
        return render(request, user, imported=imported)

    return router
