"""Who is asking: the client's address and scheme, believing proxies only when configured.

Why our own rule instead of uvicorn's ``--proxy-headers``: uvicorn trusts ``X-Forwarded-For``
from 127.0.0.1 by default, so anything on the machine (or a proxy that passes the header
through unchanged) could pick any address and escape per-address limits. Here the header is
read only when the connecting peer is listed in ``MOTCUA_TRUSTED_PROXIES``, from the right,
skipping our own proxies; ``motcua serve`` turns uvicorn's proxy headers off.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["client_ip", "client_scheme"]


def _header(scope: Mapping[str, Any], name: bytes) -> str:
    values = [v.decode("latin-1") for k, v in scope.get("headers", []) if k == name]
    return ",".join(values)


def _peer(scope: Mapping[str, Any]) -> str:
    client = scope.get("client") or ("unknown", 0)
    return str(client[0])


def client_ip(scope: Mapping[str, Any], trusted: Iterable[str] = ()) -> str:
    """The address a request comes from: the peer, or the first untrusted X-Forwarded-For hop."""
    peer = _peer(scope)
    proxies = frozenset(trusted)
    if peer not in proxies:
        return peer
    hops = [h.strip() for h in _header(scope, b"x-forwarded-for").split(",") if h.strip()]
    for hop in reversed(hops):
        if hop not in proxies:
            return hop[:64]
    return peer


def client_scheme(scope: Mapping[str, Any], trusted: Iterable[str] = ()) -> str:
    """``https`` when the connection, or a trusted proxy's X-Forwarded-Proto, says so."""
    scheme = str(scope.get("scheme", "http"))
    if _peer(scope) in frozenset(trusted):
        forwarded = _header(scope, b"x-forwarded-proto").split(",")[0].strip().lower()
        if forwarded in ("http", "https"):
            return forwarded
    return scheme
