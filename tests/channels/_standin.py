"""A stand-in provider on loopback: real HTTP, records what it receives, answers as scripted.

Why not a mock: the channel's own HTTP client, JSON encoding and status handling run for real;
only the far end is ours. Scripted answers (429 with retry_after, 500) come first, then the
documented success body.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl

from tests._net import free_port, http_server


@dataclass
class StandIn:
    url: str
    ok: Callable[[str, dict[str, Any], dict[str, str]], dict[str, Any]]
    received: list[tuple[str, dict[str, Any], dict[str, str]]] = field(default_factory=list)
    script: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    hold: threading.Event | None = None  # given: each request waits until it is set
    lock: threading.Lock = field(default_factory=threading.Lock)

    def bodies(self, path_end: str = "") -> list[dict[str, Any]]:
        return [b for p, b, _h in self.received if p.endswith(path_end)]


@contextmanager
def stand_in(ok: Callable[[str, dict[str, Any], dict[str, str]], dict[str, Any]]
             ) -> Iterator[StandIn]:
    """Serve until the block ends; ``ok(path, body, headers)`` is the success answer."""
    port = free_port()
    state = StandIn(url=f"http://127.0.0.1:{port}", ok=ok)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("content-length", 0)))
            form = "x-www-form-urlencoded" in self.headers.get("content-type", "")
            body = dict(parse_qsl(raw.decode())) if form else json.loads(raw) if raw else {}
            headers = {k.lower(): v for k, v in self.headers.items()}
            with state.lock:
                state.received.append((self.path, body, dict(self.headers.items())))
            if state.hold is not None:
                state.hold.wait(30)
            with state.lock:
                if state.script:
                    status, answer = state.script.pop(0)
                else:
                    status, answer = 200, state.ok(self.path, body, headers)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            return

    with http_server(Handler, port):
        yield state


def telegram_ok(path: str, body: dict[str, Any], _headers: dict[str, str]) -> dict[str, Any]:
    """The Bot API's success shapes: a Message for sendMessage, True for answerCallbackQuery."""
    if path.endswith("/sendMessage"):
        return {"ok": True, "result": {"message_id": 7, "chat": {"id": body.get("chat_id")},
                                       "text": body.get("text")}}
    return {"ok": True, "result": True}


def webhook_ok(_path: str, _body: dict[str, Any], _headers: dict[str, str]) -> dict[str, Any]:
    return {"received": True}
