"""Security and caching headers on every response, as plain ASGI (no per-request task)."""

from __future__ import annotations

from motcua.web.limits import ASGIApp, Message, Receive, Scope, Send

__all__ = ["SecurityHeadersMiddleware"]

_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                 b"script-src 'self'; frame-ancestors 'none'"),
]
# The OpenAPI page's viewer (served locally from /docs-assets) starts with an inline script.
_DOCS_CSP = (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; "
             b"style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
             b"frame-ancestors 'none'")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        extra = list(_COMMON)
        if path == "/docs":
            extra[3] = _DOCS_CSP
        if path.startswith(("/api/", "/console")):
            extra.append((b"cache-control", b"no-store"))
        elif path.startswith("/static/"):
            extra.append((b"cache-control", b"public, max-age=3600"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in extra if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)
