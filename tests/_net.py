"""Loopback helpers shared by the tests and benchmarks that start real servers."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

__all__ = ["REDIS_URL", "free_port", "http_server", "redis_up", "serve_in_thread",
           "wait_healthy"]

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


def wait_healthy(proc: subprocess.Popen[bytes], port: int, seconds: float = 60) -> None:
    """Return once the server process on ``port`` answers /healthz; fail if it exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {proc.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"server on port {port} not ready in {seconds:.0f} s")


@contextmanager
def serve_in_thread(app: Any, *, seconds: float = 10) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port in a daemon thread (the browser tests'
    server): its URL while the block runs, stopped after."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                        lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + seconds
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@contextmanager
def http_server(handler: type[BaseHTTPRequestHandler], port: int) -> Iterator[None]:
    """A threaded HTTP server for a stand-in's ``handler`` on 127.0.0.1:``port`` while the
    block runs (the stand-in Bot API, OA, LLM and dossier servers)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
