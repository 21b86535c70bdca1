"""Errors at the HTTP edge: the one place where every failure becomes a response.

Shape: ``{"error": {"code": ..., "message": ..., "hint": ..., "context": {...}}}`` with the
status of the ``MotcuaError`` subclass; console pages get the same facts as an HTML page.
Why here only: rooms raise ``motcua._errors`` and never know about HTTP; FastAPI's own
validation errors and any unexpected exception are folded into the same shape, so a client
parses one thing, every 5xx is logged with its traceback, and no body ever shows a server path
or a stack trace.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from motcua._errors import MotcuaError
from motcua.web.deps import LoginRequired

__all__ = ["error_response", "install_error_handlers", "public_text"]

log = logging.getLogger(__name__)

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
               415: "unsupported_media", 422: "invalid_input", 429: "rate_limited"}
_PATH_MARK = "<máy chủ>"


def _server_roots(extra: list[Path]) -> list[str]:
    """Folders of this server whose absolute paths must never reach a client."""
    roots = {str(p) for p in extra}
    roots |= {tempfile.gettempdir(), str(Path.home()), os.getcwd(), sys.prefix,
              str(Path(__file__).resolve().parents[2])}
    # Longest first, so that /root/.local/share/motcua is replaced before /root.
    return sorted((r for r in roots if r and r != "/"), key=len, reverse=True)


def public_text(text: str, roots: list[str]) -> str:
    """``text`` with every server folder replaced by a neutral mark."""
    for root in roots:
        if root in text:
            text = text.replace(root, _PATH_MARK)
    return text


def error_response(status: int, code: str, message: str, hint: str | None = None,
                   headers: dict[str, str] | None = None, **context: Any) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if hint:
        body["hint"] = hint
    if context:
        body["context"] = context
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _describe(errors: list[Any]) -> tuple[str, str]:
    first = errors[0] if errors else {}
    loc = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    kind = first.get("type", "")
    if kind in ("json_invalid", "json_type"):
        return "body is not valid JSON (UTF-8)", "send a JSON object encoded as UTF-8"
    return f"{loc}: {first.get('msg', 'invalid value')}", "see the API schema at /docs"


def install_error_handlers(app: FastAPI, *, private_roots: list[Path] | None = None) -> None:
    roots = _server_roots(private_roots or [])

    def render(request: Request, status: int, body: dict[str, Any],
               headers: dict[str, str] | None = None) -> Response:
        body = {k: public_text(v, roots) if isinstance(v, str) else v for k, v in body.items()}
        if isinstance(body.get("context"), dict):
            body["context"] = {k: public_text(v, roots) if isinstance(v, str) else v
                               for k, v in body["context"].items()}
        if request.url.path.startswith("/console"):
            page: Response = app.state.templates.TemplateResponse(
                request, "message.html", {"title": "Không thực hiện được",
                                          "text": body.get("message", ""),
                                          "hint": body.get("hint", ""), "user": None,
                                          "csrf": ""}, status_code=status, headers=headers)
            return page
        return JSONResponse({"error": body}, status_code=status, headers=headers)

    @app.exception_handler(LoginRequired)
    async def _login(_request: Request, _exc: LoginRequired) -> Response:
        return RedirectResponse("/console/login", status_code=303)

    @app.exception_handler(MotcuaError)
    async def _motcua(request: Request, exc: MotcuaError) -> Response:
        if exc.status_code >= 500:
            log.warning("request failed", extra={"code": exc.code, "error": exc.message,
                                                  "path": request.url.path})
        return render(request, exc.status_code, exc.to_dict())

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        message, hint = _describe(list(exc.errors()))
        return render(request, 422, {"code": "invalid_input", "message": message,
                                     "hint": hint})

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):
            return render(request, 400, {"code": "invalid_input",
                                         "message": "body is not valid JSON (UTF-8)",
                                         "hint": "send a JSON object encoded as UTF-8"})
        return render(request, exc.status_code, {"code": code, "message": str(exc.detail)},
                      headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error", exc_info=exc, extra={"path": request.url.path})
        return render(request, 500, {
            "code": "internal_error", "message": "lỗi máy chủ, yêu cầu chưa được thực hiện",
            "hint": "thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên (đã ghi nhật ký)"})
