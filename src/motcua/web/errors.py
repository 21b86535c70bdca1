"""Errors at the HTTP edge: one stable JSON shape for every failure.

Shape: ``{"error": {"code": ..., "message": ..., "hint": ..., "context": {...}}}`` with the
status of the ``MotcuaError`` subclass. Why here only: rooms raise ``motcua._errors`` and never
know about HTTP; FastAPI's own validation errors are folded into the same shape so that a
client parses one thing.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from motcua._errors import MotcuaError

__all__ = ["error_response", "install_error_handlers"]

log = logging.getLogger(__name__)

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media",
               429: "rate_limited"}


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


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(MotcuaError)
    async def _motcua(_request: Request, exc: MotcuaError) -> JSONResponse:
        if exc.status_code >= 500:
            log.warning("request failed", extra={"code": exc.code, "error": exc.message})
        return JSONResponse({"error": exc.to_dict()}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, hint = _describe(list(exc.errors()))
        return error_response(422, "invalid_input", message, hint)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):
            return error_response(400, "invalid_input", "body is not valid JSON (UTF-8)",
                                  "send a JSON object encoded as UTF-8")
        return error_response(exc.status_code, code, str(exc.detail),
                              headers=getattr(exc, "headers", None))
