"""One client for any OpenAI-compatible chat server the province runs (vLLM, llama.cpp, Ollama).

Why one shared client: the documents room (abstractive summaries) and the answer room (plain
phrasing of the short card) talk to the same server with the same settings
(``MOTCUA_LLM_BASE_URL``, ``MOTCUA_LLM_API_KEY``, ``MOTCUA_LLM_MODEL``); the transport is
injectable so tests put a stand-in server behind it. Every failure is one
``ExternalServiceError`` whose message names the kind of failure, never the key.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Protocol

import httpx

from motcua._errors import ConfigError, ExternalServiceError
from motcua._settings import Settings, get_settings

__all__ = ["ChatClient", "OpenAICompatibleClient", "StreamingChatClient", "client_from_settings"]

_FAILURES = (httpx.HTTPError, KeyError, IndexError, ValueError, TypeError)


class ChatClient(Protocol):
    def complete(self, messages: list[dict[str, str]]) -> str: ...


class StreamingChatClient(Protocol):
    def stream(self, messages: list[dict[str, str]], *, max_tokens: int | None = None,
               deadline: float | None = None) -> Iterator[str]: ...


class OpenAICompatibleClient:
    def __init__(self, base_url: str, model: str, api_key: str | None = None, *,
                 transport: httpx.BaseTransport | None = None, timeout: float = 60.0) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.model = model
        self.timeout = timeout
        self.http = httpx.Client(base_url=base_url.rstrip("/"), headers=headers,
                                 transport=transport, timeout=timeout)

    def complete(self, messages: list[dict[str, str]], *, max_tokens: int | None = None) -> str:
        """The whole reply in one response (``"stream": false``)."""
        try:
            resp = self.http.post("/chat/completions", json=self._body(messages, max_tokens))
            resp.raise_for_status()
            return str(resp.json()["choices"][0]["message"]["content"])
        except _FAILURES as exc:
            raise _failed(exc) from exc

    def stream(self, messages: list[dict[str, str]], *, max_tokens: int | None = None,
               deadline: float | None = None) -> Iterator[str]:
        """The reply's pieces as the server sends them (``"stream": true``, SSE chunks).

        ``deadline`` (a ``time.monotonic()`` instant) bounds the whole reply, not only each
        read: a server that trickles tokens is cut off once it passes, the caller gets
        ``ExternalServiceError`` ("timeout")."""
        body = {**self._body(messages, max_tokens), "stream": True}
        try:
            with self.http.stream("POST", "/chat/completions", json=body) as resp:
                resp.raise_for_status()
                if resp.headers.get("content-type", "").startswith("application/json"):
                    resp.read()  # a server that ignores "stream": the whole reply at once
                    yield str(resp.json()["choices"][0]["message"]["content"])
                    return
                for line in resp.iter_lines():
                    if deadline is not None and time.monotonic() > deadline:
                        raise ExternalServiceError("LLM request failed: timeout",
                                                   hint="raise the timeout or use a faster model")
                    if not line.startswith("data:"):
                        continue  # SSE comments, event names, keep-alives
                    data = line[5:].strip()
                    if data == "[DONE]":
                        return
                    choice = json.loads(data)["choices"][0]
                    piece = (choice.get("delta") or {}).get("content")
                    if piece:
                        yield str(piece)
        except _FAILURES as exc:
            raise _failed(exc) from exc

    def _body(self, messages: list[dict[str, str]], max_tokens: int | None) -> dict[str, object]:
        body: dict[str, object] = {"model": self.model, "messages": messages, "temperature": 0}
        if max_tokens is not None:
            body["max_tokens"] = max_tokens
        return body


def _failed(exc: Exception) -> ExternalServiceError:
    kind = "timeout" if isinstance(exc, httpx.TimeoutException) else exc.__class__.__name__
    if isinstance(exc, httpx.HTTPStatusError):
        kind = f"HTTP {exc.response.status_code}"
    return ExternalServiceError(f"LLM request failed: {kind}",
                                hint="check MOTCUA_LLM_BASE_URL and the model")


def client_from_settings(settings: Settings | None = None, *,
                         timeout: float = 60.0) -> OpenAICompatibleClient:
    s = settings or get_settings()
    if not s.llm_base_url or not s.llm_model:
        raise ConfigError("no LLM configured",
                          hint="set MOTCUA_LLM_BASE_URL and MOTCUA_LLM_MODEL, or omit --llm")
    key = s.llm_api_key.get_secret_value() if s.llm_api_key else None
    return OpenAICompatibleClient(s.llm_base_url, s.llm_model, key, timeout=timeout)
