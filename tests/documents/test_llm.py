from __future__ import annotations

import json

import httpx
import pytest

from motcua._errors import ConfigError, ExternalServiceError
from motcua.documents.llm import OpenAICompatibleClient, abstractive_summary, client_from_settings
from motcua.documents.parse import parse_document
from motcua.documents.summarize import summarize
from tests.documents._samples import DECISION


def _summary():  # type: ignore[no-untyped-def]
    doc = parse_document(DECISION.encode(), "qd.txt")
    return summarize(doc.meta, doc.passages, length="short")


def _client(reply: str, seen: list[dict]) -> OpenAICompatibleClient:  # type: ignore[type-arg]
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        assert request.url.path == "/v1/chat/completions"
        assert request.headers["authorization"] == "Bearer k"
        return httpx.Response(200, json={"choices": [{"message": {"content": reply}}]})

    return OpenAICompatibleClient("http://llm.local/v1", "m", "k",
                                  transport=httpx.MockTransport(handler))


def test_llm_summary_cites_locations() -> None:
    seen: list[dict] = []  # type: ignore[type-arg]
    summary = _summary()
    text = abstractive_summary(_client("Tỉnh lập tổ công tác [1].", seen), summary)
    assert text == f"Tỉnh lập tổ công tác [{summary.key_points[0].location}]."
    assert "[1] (" in seen[0]["messages"][1]["content"]


def test_llm_summary_without_citation_refused() -> None:
    with pytest.raises(ExternalServiceError):
        abstractive_summary(_client("Không trích dẫn.", []), _summary())


def test_llm_server_error_wrapped() -> None:
    client = OpenAICompatibleClient(
        "http://llm.local", "m", transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    with pytest.raises(ExternalServiceError):
        client.complete([{"role": "user", "content": "x"}])


def test_llm_not_configured() -> None:
    with pytest.raises(ConfigError):
        client_from_settings()
