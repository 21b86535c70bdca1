"""A stand-in one-stop status API on loopback: real HTTP, bearer key checked, scripted faults."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import unquote

from tests._net import free_port, http_server

KEY = "status-api-key-0123456789"


@dataclass
class StatusApi:
    url: str
    items: dict[str, dict[str, Any]]
    paths: list[str] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    script: list[tuple[int, Any]] = field(default_factory=list)  # (status, body) answered first
    delay: float = 0.0


@contextmanager
def status_api(items: list[dict[str, Any]]) -> Iterator[StatusApi]:
    port = free_port()
    state = StatusApi(url=f"http://127.0.0.1:{port}/api/dossiers",
                      items={str(i["code"]): i for i in items})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.paths.append(self.path)
            state.auth.append(self.headers.get("authorization", ""))
            if state.delay:
                time.sleep(state.delay)
            if state.script:
                status, body = state.script.pop(0)
            elif self.headers.get("authorization") != f"Bearer {KEY}":
                status, body = 401, {"error": "unauthorized"}
            else:
                item = state.items.get(unquote(self.path.rsplit("/", 1)[-1]))
                status, body = (200, item) if item is not None else (404, {"error": "not found"})
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except BrokenPipeError:  # the client gave up first (the timeout test)
                return

        def log_message(self, *_args: Any) -> None:
            return

    with http_server(Handler, port):
        yield state
