"""Loopback helpers shared by the tests and benchmarks that start real servers."""

from __future__ import annotations

import socket

__all__ = ["REDIS_URL", "free_port", "redis_up"]

REDIS_URL = "redis://127.0.0.1:6379/0"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def redis_up() -> bool:
    """Whether the machine's Redis answers on 127.0.0.1:6379 (tests skip when it does not)."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True
