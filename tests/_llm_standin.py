"""A stand-in OpenAI-compatible chat server on loopback (what vLLM, llama.cpp and Ollama speak).

Why a real server: the client's HTTP, JSON and SSE parsing, its timeouts and its status
handling all run for real; only the model is ours. ``POST /v1/chat/completions`` answers
``reply`` whole, or with ``"stream": true`` as SSE chunks (``data: {...}`` lines, then
``data: [DONE]``); ``status`` answers an error instead, ``delay`` waits before answering and
``chunk_delay`` between chunks (a slow or trickling model).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests._net import free_port, http_server

__all__ = ["LlmStandIn", "llm_stand_in"]


@dataclass
class LlmStandIn:
    url: str  # base URL as MOTCUA_LLM_BASE_URL takes it: http://127.0.0.1:PORT/v1
    reply: str = ""
    status: int = 200
    delay: float = 0.0
    chunk_delay: float = 0.0
    chunk_chars: int = 12
    raw_chunk: str | None = None  # sent as the only data line instead of the reply
    ignore_stream: bool = False  # answer whole JSON even when asked to stream
    received: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)


@contextmanager
def llm_stand_in(reply: str = "") -> Iterator[LlmStandIn]:
    port = free_port()
    state = LlmStandIn(url=f"http://127.0.0.1:{port}/v1", reply=reply)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
            state.received.append(body)
            state.headers.append({k.lower(): v for k, v in self.headers.items()})
            time.sleep(state.delay)
            if self.path != "/v1/chat/completions":
                return self._json(404, {"error": {"message": "not found"}})
            if state.status != 200:
                return self._json(state.status, {"error": {"message": "model crashed"}})
            if not body.get("stream") or state.ignore_stream:
                return self._json(200, {"choices": [{"index": 0, "message": {
                    "role": "assistant", "content": state.reply}, "finish_reason": "stop"}]})
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            text = state.reply
            lines = ([state.raw_chunk] if state.raw_chunk is not None else
                     [json.dumps({"choices": [{"index": 0, "delta": {"content": text[i:i + n]}}]},
                                 ensure_ascii=False)
                      for n in [state.chunk_chars] for i in range(0, len(text), n)])
            try:
                self._chunk(": keep-alive\n\n")
                self._chunk("data: " + json.dumps({"choices": [{"index": 0, "delta": {
                    "role": "assistant"}}]}) + "\n\n")
                for line in lines:
                    time.sleep(state.chunk_delay)
                    self._chunk(f"data: {line}\n\n")
                self._chunk("data: [DONE]\n\n")
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                return  # the client gave up (its deadline): nothing more to send

        def _chunk(self, text: str) -> None:
            data = text.encode()
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _json(self, status: int, answer: dict[str, Any]) -> None:
            data = json.dumps(answer, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            return

    with http_server(Handler, port):
        yield state
