"""Request-size limit, per-person rate limits and API keys, as plain ASGI middleware.

Why pure ASGI rather than ``BaseHTTPMiddleware``: it counts body bytes as they stream in (a
lying or absent Content-Length cannot smuggle a large body) and adds no per-request task.
Rate limits are counted by ``motcua.web.ratelimit`` (the ``limits`` library on Redis, or on a
SQLite file shared by every worker of the machine), so ``--workers N`` does not multiply them.
``TokenBucket`` is the former per-worker bucket, kept only as the benchmark's baseline
(bench/rate_limits.py compares it with the shared limits).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from motcua.web.client import client_ip
from motcua.web.ratelimit import POLL_FACTOR, Limiter, person_key

__all__ = ["BodyLimitMiddleware", "RateLimitMiddleware", "TokenBucket"]

# How long a worker trusts its last verdict on an API key: a revoked key stops working within
# this many seconds on every worker, at the cost of one indexed SELECT per key and period.
_KEY_CACHE_SECONDS = 5.0

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def _send_error(send: Send, status: int, code: str, message: str, hint: str,
                      headers: list[tuple[bytes, bytes]] | None = None,
                      context: dict[str, Any] | None = None) -> None:
    """The project's one error shape (``motcua.web.errors``), for answers made before FastAPI."""
    error: dict[str, Any] = {"code": code, "message": message, "hint": hint}
    if context:
        error["context"] = context
    body = json.dumps({"error": error}, ensure_ascii=False).encode("utf-8")
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
    """Limits on ``/api/`` per person, with a ceiling per address; API keys have their own.

    Why per person: twenty citizens at one kiosk or behind one carrier NAT share an address, so
    a per-address limit refuses them each other's questions. A person is the conversation the
    request belongs to (its id in the path or the JSON body), an official's signed console
    session, or else the address. Ids cost nothing to invent, so every anonymous request also
    counts against the address's ceiling (``address_per_minute``, many people's worth): forged
    ids never buy more than that ceiling, and they only reach "unknown conversation" answers,
    since requests without an id (starting a conversation) share one budget per address
    (``anonymous_per_minute``, by default one person's rate).
    A refused request does not count against the ceiling, so one person hammering the API
    cannot use up the neighbours' share. Polling for an officer's reply is a cheap read every
    few seconds; it has its own limits (``POLL_FACTOR`` times larger) so waiting for a reply
    never uses up the questions' budget. A valid ``X-API-Key`` gets its own limit; an invalid
    one gets 401, and wrong keys from one address are limited like one person's requests (429
    once over), so keys cannot be guessed at full speed.
    """

    def __init__(self, app: ASGIApp, *, limiter: Limiter, per_minute: int,
                 address_per_minute: int, key_per_minute: int,
                 anonymous_per_minute: int | None = None,
                 verify_key: Callable[[str], str | None],
                 verify_session: Callable[[str], object | None] | None = None,
                 trusted: Iterable[str] = (), require_key: bool = False,
                 prefix: str = "/api/") -> None:
        self.app = app
        self.limiter = limiter
        self.per_minute = per_minute
        self.address_per_minute = address_per_minute
        self.anonymous = per_minute if anonymous_per_minute is None else anonymous_per_minute
        self.key_per_minute = key_per_minute
        self.verify_key = verify_key
        self.verify_session = verify_session
        self.trusted = frozenset(trusted)
        self.require_key = require_key
        self.prefix = prefix
        self._key_cache: dict[str, tuple[str | None, float]] = {}

    def _client_name(self, key: str) -> str | None:
        now = time.monotonic()
        cached = self._key_cache.get(key)
        if cached and now - cached[1] < _KEY_CACHE_SECONDS:
            return cached[0]
        name = self.verify_key(key)
        if len(self._key_cache) > 1000:
            self._key_cache.clear()
        self._key_cache[key] = (name, now)
        return name

    async def _anonymous_wait(self, scope: Scope, receive: Receive,
                              address: str) -> tuple[float, Receive]:
        if self.per_minute <= 0:
            return 0.0, receive
        receive, person = await person_key(scope, receive, address, self.verify_session)
        poll = scope.get("method") == "GET" and "/conversations/" in scope.get("path", "")
        kind, factor = ("poll", POLL_FACTOR) if poll else ("req", 1)
        limit = self.per_minute if person.startswith(("conv:", "session:")) else self.anonymous
        wait = await self.limiter.hit(f"{kind}:{person}", limit * factor) if limit > 0 else 0.0
        if not wait and self.address_per_minute > 0:
            wait = await self.limiter.hit(f"{kind}:addr:{address}",
                                          self.address_per_minute * factor)
        return wait, receive

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        address = client_ip(scope, self.trusted)
        key = next((v for k, v in scope.get("headers", []) if k == b"x-api-key"),
                   b"").decode("latin-1").strip()
        wait = 0.0
        if key:
            name = self._client_name(key)
            if name is None:
                if self.per_minute > 0:
                    wait = await self.limiter.hit(f"badkey:{address}", self.per_minute)
                if not wait:
                    await _send_error(send, 401, "unauthorized", "khóa API không hợp lệ",
                                      "kiểm tra header X-API-Key hoặc xin cấp khóa mới")
                    return
            else:
                scope.setdefault("state", {})["api_client"] = name
                if self.key_per_minute > 0:
                    wait = await self.limiter.hit(f"key:{name}", self.key_per_minute)
        elif self.require_key:
            await _send_error(send, 401, "unauthorized", "cần khóa API",
                              "gửi khóa trong header X-API-Key")
            return
        else:
            wait, receive = await self._anonymous_wait(scope, receive, address)
        if wait > 0:
            retry = int(wait)
            await _send_error(send, 429, "rate_limited", "bạn gửi quá nhiều yêu cầu",
                              f"vui lòng chờ {retry} giây rồi thử lại",
                              [(b"retry-after", str(retry).encode())],
                              {"retry_after_seconds": retry})
            return
        await self.app(scope, receive, send)
