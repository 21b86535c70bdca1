"""The phrasing stage against a stand-in OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import logging
import time

import pytest

from motcua._errors import ExternalServiceError
from motcua._llm import OpenAICompatibleClient
from motcua._settings import get_settings
from motcua.answer.phrasing import SYSTEM, Drafting, Phrased, Phraser
from motcua.answer.schema import AskResponse
from tests._llm_standin import LlmStandIn, llm_stand_in
from tests.answer._plain_cards import ID_CARD, ID_CARD_PLAIN, MARRIAGE, MARRIAGE_PLAIN

KEY = "sk-test-secret-0123456789"


def _phraser(server: LlmStandIn, timeout: float = 5.0) -> Phraser:
    return Phraser(OpenAICompatibleClient(server.url, "qwen-test", KEY, timeout=timeout),
                   timeout=timeout)


def test_phraser_good_rewording_accepted() -> None:
    with llm_stand_in(MARRIAGE_PLAIN) as server:
        out = _phraser(server).run(MARRIAGE)
    assert out.ok and out.text == MARRIAGE_PLAIN and out.reason == ""
    body = server.received[0]
    assert body["stream"] is True and body["model"] == "qwen-test" and body["temperature"] == 0
    assert body["messages"] == [{"role": "system", "content": SYSTEM},
                                {"role": "user", "content": MARRIAGE.short}]
    assert server.headers[0]["authorization"] == f"Bearer {KEY}"


def test_phraser_paid_card_with_reduction_accepted() -> None:
    with llm_stand_in(ID_CARD_PLAIN) as server:
        assert _phraser(server).run(ID_CARD).text == ID_CARD_PLAIN


def test_phraser_invented_fee_refused_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    invented = MARRIAGE_PLAIN.replace("Không mất tiền: miễn phí.", "Lệ phí 50.000 đồng.")
    with caplog.at_level(logging.WARNING, "motcua.answer.phrasing"), \
            llm_stand_in(invented) as server:
        out = _phraser(server).run(MARRIAGE)
    assert not out.ok and out.text is None and out.reason == "verifier"
    assert {p.kind for p in out.problems} >= {"number_added", "free_dropped"}
    record = next(r for r in caplog.records if r.getMessage().startswith("phrasing refused"))
    assert record.reason == "verifier" and record.code == MARRIAGE.code  # type: ignore[attr-defined]
    assert any("50000" in p for p in record.problems)  # type: ignore[attr-defined]
    assert all(KEY not in str(vars(r)) for r in caplog.records)


def test_phraser_changed_number_refused() -> None:
    """Every line kept, one number changed: refused."""
    with llm_stand_in(MARRIAGE_PLAIN.replace("3 ngày", "2 ngày")) as server:
        out = _phraser(server).run(MARRIAGE)
    assert out.reason == "verifier" and [p.kind for p in out.problems] == [
        "number_dropped", "amount_changed", "amount_dropped"]


@pytest.mark.parametrize("status", [500, 502, 429, 401, 404])
def test_phraser_http_error_falls_back(status: int, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, "motcua.answer.phrasing"), \
            llm_stand_in(MARRIAGE_PLAIN) as server:
        server.status = status
        out = _phraser(server).run(MARRIAGE)
    assert out.text is None and out.reason == f"HTTP {status}"
    assert [r.reason for r in caplog.records] == [f"HTTP {status}"]  # type: ignore[attr-defined]
    assert all(KEY not in str(vars(r)) for r in caplog.records)


def test_phraser_slow_server_times_out() -> None:
    with llm_stand_in(MARRIAGE_PLAIN) as server:
        server.delay = 2.0
        start = time.monotonic()
        out = _phraser(server, timeout=0.5).run(MARRIAGE)
    assert out.text is None and out.reason == "timeout"
    assert time.monotonic() - start < 1.5


def test_phraser_trickling_server_cut_at_deadline() -> None:
    """Each chunk comes in time, the whole reply does not: cut at the deadline."""
    with llm_stand_in(MARRIAGE_PLAIN) as server:
        server.chunk_delay, server.chunk_chars = 0.1, 4
        start = time.monotonic()
        out = _phraser(server, timeout=0.6).run(MARRIAGE)
    assert out.text is None and out.reason == "timeout"
    assert time.monotonic() - start < 1.5


def test_phraser_unreachable_server_falls_back() -> None:
    from tests._net import free_port

    client = OpenAICompatibleClient(f"http://127.0.0.1:{free_port()}/v1", "m", timeout=1)
    out = Phraser(client, timeout=1).run(MARRIAGE)
    assert out.text is None and out.reason == "ConnectError"


@pytest.mark.parametrize(("chunk", "reason"), [
    ("not json", "JSONDecodeError"),
    (json.dumps({"choices": []}), "IndexError"),
    (json.dumps({"no": "choices"}), "KeyError"),
])
def test_phraser_malformed_stream_falls_back(chunk: str, reason: str) -> None:
    with llm_stand_in(MARRIAGE_PLAIN) as server:
        server.raw_chunk = chunk
        out = _phraser(server).run(MARRIAGE)
    assert out.text is None and out.reason == reason


def test_phraser_server_ignoring_stream_still_read() -> None:
    with llm_stand_in(MARRIAGE_PLAIN) as server:
        server.ignore_stream = True
        assert _phraser(server).run(MARRIAGE).text == MARRIAGE_PLAIN


def test_phraser_empty_reply_refused() -> None:
    with llm_stand_in("") as server:
        out = _phraser(server).run(MARRIAGE)
    assert out.reason == "verifier" and [p.kind for p in out.problems] == ["empty"]


def test_phraser_stream_reports_progress_then_one_outcome() -> None:
    with llm_stand_in(MARRIAGE_PLAIN) as server:
        server.chunk_delay, server.chunk_chars = 0.02, 20
        events = list(_phraser(server).stream(MARRIAGE))
    assert isinstance(events[-1], Phrased) and events[-1].ok
    assert all(isinstance(e, Drafting) for e in events[:-1]) and len(events) >= 2


def test_client_complete_without_stream() -> None:
    with llm_stand_in("Xin chào") as server:
        client = OpenAICompatibleClient(server.url, "m")
        assert client.complete([{"role": "user", "content": "x"}], max_tokens=5) == "Xin chào"
        assert server.received[0]["max_tokens"] == 5 and "stream" not in server.received[0]
        server.status = 500
        with pytest.raises(ExternalServiceError, match="HTTP 500"):
            client.complete([{"role": "user", "content": "x"}])


def test_phraser_applies_to_whole_answer_cards_only() -> None:
    answer = AskResponse(status="answer", message="m", answer=MARRIAGE)
    assert Phraser.applies(answer)
    assert not Phraser.applies(AskResponse(status="abstain", message="m"))
    one_fact = MARRIAGE.model_copy(update={"aspect": "fee", "short": "Lệ phí: miễn phí"})
    assert not Phraser.applies(AskResponse(status="answer", message="m", answer=one_fact))


def test_phraser_from_settings_off_by_default(caplog: pytest.LogCaptureFixture) -> None:
    settings = get_settings()
    assert settings.phrasing == "off" and Phraser.from_settings(settings) is None
    on_alone = settings.model_copy(update={"phrasing": "on"})
    with caplog.at_level(logging.WARNING, "motcua.answer.phrasing"):
        assert Phraser.from_settings(on_alone) is None
    assert "no LLM configured" in caplog.text
    configured = on_alone.model_copy(update={"llm_base_url": "http://127.0.0.1:9/v1",
                                             "llm_model": "m", "phrasing_timeout_seconds": 3})
    phraser = Phraser.from_settings(configured)
    assert phraser is not None and phraser.timeout == 3


@pytest.mark.parametrize("value", ["yes", "1", "ON ", "bật"])
def test_settings_phrasing_bad_value_refused(value: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from motcua._errors import ConfigError

    monkeypatch.setenv("MOTCUA_PHRASING", value)
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="MOTCUA_PHRASING"):
            get_settings()
    finally:
        monkeypatch.delenv("MOTCUA_PHRASING")
        get_settings.cache_clear()
