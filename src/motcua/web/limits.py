"""Request-size limit, per-client rate limit and API keys, as plain ASGI middleware.

Why pure ASGI rather than ``BaseHTTPMiddleware``: it counts body bytes as they stream in (a
lying or absent Content-Length cannot smuggle a large body) and adds no per-request task.
Why an in-process token bucket: one server per commune or province is the deployment; each
worker keeps its own bucket, so the effective limit is per worker (documented), and no Redis
is needed on a service-centre machine.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["BodyLimitMiddleware", "RateLimitMiddleware", "TokenBucket"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def _send_error(send: Send, status: int, code: str, message: str, hint: str,
                      headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "hint": hint}},
                      ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """413 for bodies over ``max_bytes`` (``overrides`` give path prefixes their own limit)."""

    def __init__(self, app: ASGIApp, *, max_bytes: int,
                 overrides: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.overrides = overrides or {}

    def _limit(self, path: str) -> int:
        for prefix, limit in self.overrides.items():
            if path.startswith(prefix):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope.get("path", ""))
        hint = f"send at most {limit} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _send_error(send, 413, "payload_too_large", "request body too large", hint)
                return
        seen = 0
        exceeded = False
        replaced = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # Frameworks may catch the read error and answer 400 themselves; the client must
            # still learn the real reason, so such a response is replaced by the 413.
            nonlocal replaced
            if exceeded:
                if message["type"] == "http.response.start" and not replaced:
                    replaced = True
                    await _send_error(send, 413, "payload_too_large", "request body too large",
                                      hint)
                return
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            if not replaced:
                await _send_error(send, 413, "payload_too_large", "request body too large", hint)


class TokenBucket:
    """``rate`` requests per minute per key, with a burst of the same size."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """0 when allowed, else the seconds to wait before the next request is allowed."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._state.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill)
            if tokens >= 1.0:
                self._state[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._state[key] = (tokens, now)
                wait = (1.0 - tokens) / self.refill
            if len(self._state) > 50_000:  # forget clients whose bucket is full again
                full = [k for k, (t, ts) in self._state.items()
                        if t + (now - ts) * self.refill >= self.capacity]
                for k in full:
                    del self._state[k]
        return wait


class RateLimitMiddleware:
    """Per-client limits on ``/api/``; a valid ``X-API-Key`` gets its own, larger bucket,
    an invalid one gets 401 (never silently downgraded to the anonymous limit)."""

    def __init__(self, app: ASGIApp, *, per_minute: int, key_per_minute: int,
                 verify_key: Callable[[str], str | None], require_key: bool = False,
                 prefix: str = "/api/") -> None:
        self.app = app
        self.anonymous = TokenBucket(per_minute) if per_minute > 0 else None
        # Polling for an officer's reply is a cheap read every few seconds; it gets its own,
        # larger bucket so that waiting for a reply never uses up the questions' budget.
        self.polling = TokenBucket(per_minute * 4) if per_minute > 0 else None
        self.keyed = TokenBucket(key_per_minute) if key_per_minute > 0 else None
        self.verify_key = verify_key
        self.require_key = require_key
        self.prefix = prefix
        self._key_cache: dict[str, tuple[str | None, float]] = {}

    def _client_name(self, key: str) -> str | None:
        now = time.monotonic()
        cached = self._key_cache.get(key)
        if cached and now - cached[1] < 60:
            return cached[0]
        name = self.verify_key(key)
        if len(self._key_cache) > 1000:
            self._key_cache.clear()
        self._key_cache[key] = (name, now)
        return name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        key = headers.get(b"x-api-key", b"").decode("latin-1").strip()
        bucket, ident = self.anonymous, ""
        if key:
            name = self._client_name(key)
            if name is None:
                await _send_error(send, 401, "unauthorized", "invalid API key",
                                  "check the X-API-Key header or ask for a new key")
                return
            bucket, ident = self.keyed, f"key:{name}"
            scope.setdefault("state", {})["api_client"] = name
        elif self.require_key:
            await _send_error(send, 401, "unauthorized", "an API key is required",
                              "send your key in the X-API-Key header")
            return
        else:
            client = scope.get("client") or ("unknown", 0)
            ident = f"ip:{client[0]}"
            if scope.get("method") == "GET" and "/conversations/" in scope.get("path", ""):
                bucket = self.polling
        if bucket is not None:
            wait = bucket.take(ident)
            if wait > 0:
                retry = str(max(1, math.ceil(wait)))
                await _send_error(send, 429, "rate_limited", "too many requests",
                                  f"wait {retry} seconds and try again",
                                  [(b"retry-after", retry.encode())])
                return
        await self.app(scope, receive, send)
