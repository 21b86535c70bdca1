"""Refuse JSON bodies that carry lone surrogates (``"\\ud800"``), before any route runs.

Why at the edge: JSON may escape a lone UTF-16 surrogate, and Python decodes it into a ``str``
that cannot be encoded as UTF-8. Left in, it fails far from where it came in: when a reply
echoes it (a 500 while encoding the response), when PostgreSQL stores it, when a log line is
written. One check here answers 422 with a reason instead, and no route ever sees such text.
Cheap in the common case: the body is searched for ``\\ud`` and parsed a second time only
when an escape of a surrogate is present (a literal backslash followed by "ud" is rare and is
decoded exactly, so it is never refused by mistake). Form and query values cannot carry one:
Starlette decodes their percent-escapes as UTF-8 with replacement.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from motcua.web.errors import error_response

__all__ = ["LoneSurrogateMiddleware", "has_lone_surrogate"]

_METHODS = {"POST", "PUT", "PATCH"}


def has_lone_surrogate(value: Any) -> bool:
    """True when a string anywhere in ``value`` (keys too) cannot be encoded as UTF-8."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            return b"json" in value.lower()
    return False


class LoneSurrogateMiddleware:
    """422 for a JSON request body whose strings hold a lone surrogate."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in _METHODS or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                await self.app(scope, _replay([], message, receive), send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if b"\\ud" in body.lower() and _bad(body):
            response = error_response(
                422, "invalid_input", "nội dung gửi lên chứa ký tự không hợp lệ (nửa cặp UTF-16)",
                "gửi văn bản UTF-8 hợp lệ, không có ký tự \\ud800-\\udfff đứng lẻ")
            await response(scope, receive, send)
            return
        await self.app(scope, _replay([body], None, receive), send)


def _bad(body: bytes) -> bool:
    try:
        return has_lone_surrogate(json.loads(body))
    except (ValueError, RecursionError):  # invalid JSON: the route's own parser says so
        return False


def _replay(chunks: list[bytes], first: Message | None, receive: Receive) -> Receive:
    """A ``receive`` that gives the buffered body once, then the client's own messages."""
    pending: list[Message] = [first] if first is not None else [
        {"type": "http.request", "body": b"".join(chunks), "more_body": False}]

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
