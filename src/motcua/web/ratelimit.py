"""Which ``limits`` storage holds the rate-limit state, and what happens when it fails.

Why ``limits`` with the moving-window strategy: it is exact (never more than N requests in any
60 s, where a token bucket or fixed window lets up to 2N through at a boundary) and all of its
storages implement it. Storage: Redis when ``MOTCUA_REDIS_URL`` is set (every worker of every
machine shares it), else the SQLite file ``limits.db`` in the data home (every worker of this
machine), or process memory when asked (``MOTCUA_RATE_LIMIT_STORAGE=memory``, one worker only).

Redis down: neither open nor closed. The check falls back to the machine's SQLite storage and
logs a warning (once per outage); Redis is retried after ``_RETRY_SECONDS``. During an outage
each machine enforces the limits on its own, so a cluster of N machines admits up to N times
the limit, but one machine's workers still hold it together. Only if the local storage fails
too does the check fail open (the request is served, an error is logged): refusing every
citizen because a limit store is broken would be worse than a minute without limits.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Literal
from urllib.parse import quote

from limits import RateLimitItemPerMinute
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError

from motcua._errors import ConfigError
from motcua._settings import Settings
from motcua.web.limit_sqlite import SQLiteStorage
from motcua.web.sessions import COOKIE

__all__ = ["POLL_FACTOR", "Limiter", "build_limiter", "person_key"]

log = logging.getLogger(__name__)

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]

_RETRY_SECONDS = 5.0
LIMITS_FILE = "limits.db"
POLL_FACTOR = 4  # polls per question: a reply is polled for every few seconds
_CONV_ID = re.compile(r"[0-9a-f]{32}")
_CONV_PATH = re.compile(r"/conversations/([0-9a-f]{32})(?:/|$)")
_PEEK_MAX = 16_384  # JSON bodies read for their conversation_id (larger: the address is used)


class Limiter:
    """``hit(key, per_minute)`` → 0 when admitted, else the seconds until a slot frees up."""

    def __init__(self, primary: Storage, fallback: Storage | None = None) -> None:
        self.primary = MovingWindowRateLimiter(primary)
        self.fallback = MovingWindowRateLimiter(fallback) if fallback is not None else None
        self.kind = type(primary).__name__
        self._items: dict[int, RateLimitItemPerMinute] = {}
        self._down_until = 0.0

    def _item(self, per_minute: int) -> RateLimitItemPerMinute:
        item = self._items.get(per_minute)
        if item is None:
            item = self._items[per_minute] = RateLimitItemPerMinute(per_minute, namespace="rl")
        return item

    async def _hit(self, limiter: MovingWindowRateLimiter, item: RateLimitItemPerMinute,
                   key: str) -> float:
        if await limiter.hit(item, key):
            return 0.0
        stats = await limiter.get_window_stats(item, key)
        return float(max(1, math.ceil(stats.reset_time - time.time())))

    async def hit(self, key: str, per_minute: int) -> float:
        item = self._item(per_minute)
        if self.fallback is None or time.monotonic() >= self._down_until:
            try:
                wait = await self._hit(self.primary, item, key)
            except StorageError as exc:
                if self.fallback is None:
                    return self._fail_open(exc)
                if self._down_until == 0.0:
                    log.warning("rate-limit storage unreachable, using this machine's limits",
                                extra={"storage": self.kind, "error": str(exc.storage_error),
                                       "retry_seconds": _RETRY_SECONDS})
                self._down_until = time.monotonic() + _RETRY_SECONDS
            else:
                if self._down_until:
                    log.warning("rate-limit storage reachable again", extra={
                        "storage": self.kind})
                    self._down_until = 0.0
                return wait
        assert self.fallback is not None
        try:
            return await self._hit(self.fallback, item, key)
        except StorageError as exc:
            return self._fail_open(exc)

    def _fail_open(self, exc: StorageError) -> float:
        log.error("rate-limit storage failed, request admitted without a limit",
                  extra={"storage": self.kind, "error": str(exc.storage_error)})
        return 0.0


StorageKind = Literal["auto", "redis", "sqlite", "memory"]


def build_limiter(settings: Settings) -> Limiter:
    """The limiter ``settings`` ask for (see ``MOTCUA_RATE_LIMIT_STORAGE``)."""
    kind = settings.rate_limit_storage
    if kind == "memory":
        return Limiter(MemoryStorage())
    local = SQLiteStorage(f"async+sqlite://{quote(str(settings.home / LIMITS_FILE))}",
                          wrap_exceptions=True)
    if kind == "sqlite" or (kind == "auto" and not settings.redis_url):
        return Limiter(local)
    if not settings.redis_url:
        raise ConfigError("MOTCUA_RATE_LIMIT_STORAGE=redis needs MOTCUA_REDIS_URL",
                          hint="set MOTCUA_REDIS_URL=redis://host:6379/0, or use auto")
    redis = RedisStorage(f"async+{settings.redis_url}", wrap_exceptions=True,
                         implementation="redispy",
                         key_prefix=settings.rate_limit_namespace,
                         socket_connect_timeout=0.5, socket_timeout=0.5)
    return Limiter(redis, local)


def _cookie(scope: MutableMapping[str, Any], name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                if k == name:
                    return v
    return None


async def _read_body(scope: MutableMapping[str, Any], receive: Receive) -> tuple[bytes, Receive]:
    """The whole small JSON body, and a ``receive`` that hands it to the app unchanged."""
    headers = dict(scope.get("headers", []))
    size = headers.get(b"content-length", b"")
    if (scope.get("method") != "POST" or not size.isdigit() or int(size) > _PEEK_MAX
            or not headers.get(b"content-type", b"").startswith(b"application/json")):
        return b"", receive
    chunks: list[bytes] = []
    first: list[Message] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client left: let the app see it
            first.append(message)
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    first.insert(0, {"type": "http.request", "body": body, "more_body": False})

    async def replay() -> Message:
        return first.pop(0) if first else await receive()

    return body, replay


async def person_key(scope: MutableMapping[str, Any], receive: Receive, address: str,
                     verify_session: Callable[[str], object | None] | None = None,
                     ) -> tuple[Receive, str]:
    """Whose request this is: ``session:<hash>``, ``conv:<id>`` or ``ip:<address>``.

    ``verify_session`` checks a console cookie's signature only (no database read); what
    passes is a login this server issued, which is all a limit key needs.
    """
    cookie = _cookie(scope, COOKIE)
    if cookie and verify_session is not None:
        session = verify_session(cookie)
        if session is not None:  # hashed: a limit store never holds a usable session token
            digest = hashlib.sha256(str(session).encode("utf-8", "replace")).hexdigest()
            return receive, f"session:{digest[:32]}"
    match = _CONV_PATH.search(scope.get("path", ""))
    if match:
        return receive, f"conv:{match.group(1)}"
    body, receive = await _read_body(scope, receive)
    if body:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            data = None
        conv = data.get("conversation_id") if isinstance(data, dict) else None
        if isinstance(conv, str) and _CONV_ID.fullmatch(conv):
            return receive, f"conv:{conv}"
    return receive, f"ip:{address}"
