"""The lone-surrogate guard: refuses only text that cannot be UTF-8, passes everything else."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from motcua.web.textguard import LoneSurrogateMiddleware, has_lone_surrogate


@pytest.mark.parametrize(("value", "bad"), [
    ("khai sinh", False),
    ("\U0001f600 emoji pair", False),
    ("\ud800", True),
    ("x\udfffy", True),
    ({"k": ["a", {"b": "\ud83d"}]}, True),
    ({"\udc00": 1}, True),
    ([1, 2.5, None, True], False),
])
def test_has_lone_surrogate_table(value: object, bad: bool) -> None:
    assert has_lone_surrogate(value) is bad


def _client() -> TestClient:
    app = FastAPI()

    @app.post("/echo")
    async def echo(body: dict[str, object]) -> dict[str, object]:
        return body

    app.add_middleware(LoneSurrogateMiddleware)
    return TestClient(app)


@pytest.mark.parametrize(("raw", "status"), [
    (b'{"q": "\\ud800"}', 422),
    (b'{"q": "a\\uDC00b"}', 422),
    (b'{"q": "\\ud83d\\ude00"}', 200),          # an escaped pair is one emoji
    (b'{"q": "\\\\ud800"}', 200),                # a literal backslash, then "ud800"
    (b'{"q": "khai sinh"}', 200),
])
def test_lone_surrogate_middleware_json_bodies(raw: bytes, status: int) -> None:
    r = _client().post("/echo", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == status, r.text
    if status == 422:
        assert r.json()["error"]["code"] == "invalid_input"
    else:
        assert r.json() == json.loads(raw)


def test_lone_surrogate_middleware_streamed_body_passes_whole() -> None:
    def chunks():  # a body in several pieces still reaches the route complete
        yield b'{"q": "'
        yield "đăng ký".encode()
        yield b'"}'

    r = _client().post("/echo", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 200 and r.json() == {"q": "đăng ký"}
