"""Client address and scheme: X-Forwarded-* believed only from configured proxies."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.web.client import client_ip, client_scheme


def _scope(peer: str, xff: str | None = None, proto: str | None = None,
           scheme: str = "http") -> dict[str, Any]:
    headers = []
    if xff is not None:
        headers.append((b"x-forwarded-for", xff.encode()))
    if proto is not None:
        headers.append((b"x-forwarded-proto", proto.encode()))
    return {"client": (peer, 5000), "headers": headers, "scheme": scheme}


@pytest.mark.parametrize(("peer", "xff", "trusted", "expected"), [
    ("203.0.113.5", None, (), "203.0.113.5"),
    ("203.0.113.5", "1.2.3.4", (), "203.0.113.5"),                  # spoofed, no proxy set
    ("127.0.0.1", "1.2.3.4", (), "127.0.0.1"),                      # loopback is not trusted
    ("10.0.0.2", "198.51.100.7", ("10.0.0.2",), "198.51.100.7"),
    ("10.0.0.2", "6.6.6.6, 198.51.100.7", ("10.0.0.2",), "198.51.100.7"),  # rightmost wins
    ("10.0.0.2", "198.51.100.7, 10.0.0.3", ("10.0.0.2", "10.0.0.3"), "198.51.100.7"),
    ("10.0.0.2", "", ("10.0.0.2",), "10.0.0.2"),
    ("10.0.0.2", None, ("10.0.0.2",), "10.0.0.2"),
])
def test_client_ip_trusts_only_configured_proxies(peer: str, xff: str | None,
                                                   trusted: tuple[str, ...],
                                                   expected: str) -> None:
    assert client_ip(_scope(peer, xff), trusted) == expected


def test_client_ip_without_client_is_unknown() -> None:
    assert client_ip({"headers": []}) == "unknown"


@pytest.mark.parametrize(("peer", "proto", "trusted", "expected"), [
    ("203.0.113.5", "https", (), "http"),
    ("10.0.0.2", "https", ("10.0.0.2",), "https"),
    ("10.0.0.2", "gopher", ("10.0.0.2",), "http"),
])
def test_client_scheme_trusts_only_configured_proxies(peer: str, proto: str,
                                                       trusted: tuple[str, ...],
                                                       expected: str) -> None:
    assert client_scheme(_scope(peer, proto=proto), trusted) == expected
