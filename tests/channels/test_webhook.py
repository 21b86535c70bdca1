"""The signed webhook: the channel contract against a stand-in callback, plus replay rules."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from motcua._errors import ExternalServiceError, InputError, Unauthorized
from motcua.channels.base import Outgoing
from motcua.channels.testing import ChannelContract
from motcua.channels.webhook import SignedWebhookChannel, sign
from tests.channels._standin import StandIn, stand_in, webhook_ok

SECRET = "province-shared-secret-0123456789"


def event_body(event_id: str = "evt-1", text: str = "làm khai sinh") -> bytes:
    return json.dumps({"event_id": event_id, "user_id": "u-77", "text": text},
                      ensure_ascii=False).encode()


def signed(body: bytes, secret: str = SECRET, at: int | None = None) -> dict[str, str]:
    stamp = int(time.time()) if at is None else at
    return {"x-motcua-timestamp": str(stamp), "x-motcua-signature": sign(secret, stamp, body)}


class TestWebhookContract(ChannelContract):
    @pytest.fixture(autouse=True)
    def _server(self) -> Iterator[None]:
        with stand_in(webhook_ok) as server:
            self.server: StandIn = server
            yield

    def make_channel(self) -> SignedWebhookChannel:
        return SignedWebhookChannel(SECRET, f"{self.server.url}/replies", max_skew_seconds=300)

    def request_body(self) -> bytes:
        return event_body()

    def signed_headers(self, body: bytes) -> Mapping[str, str]:
        return signed(body)

    def received(self) -> list[dict[str, Any]]:
        return self.server.bodies()

    @pytest.mark.parametrize("headers", [
        {"x-motcua-timestamp": "abc", "x-motcua-signature": "sha256=00"},
        {"x-motcua-signature": "sha256=00"},
    ])
    def test_verify_bad_timestamp_refused(self, headers: dict[str, str]) -> None:
        with pytest.raises(Unauthorized):
            self.make_channel().verify(headers, event_body())

    def test_verify_old_signed_request_refused_as_replay(self) -> None:
        body = event_body()
        with pytest.raises(Unauthorized, match="quá hạn"):
            self.make_channel().verify(signed(body, at=int(time.time()) - 301), body)

    def test_verify_other_secret_refused(self) -> None:
        body = event_body()
        with pytest.raises(Unauthorized):
            self.make_channel().verify(signed(body, secret="another"), body)

    @pytest.mark.parametrize("data", [
        {"user_id": "u", "text": "x"},
        {"event_id": "", "user_id": "u", "text": "x"},
        {"event_id": "e", "user_id": 5, "text": "x"},
        {"event_id": "e", "user_id": "u", "text": "   "},
        {"event_id": "e" * 129, "user_id": "u", "text": "x"},
    ])
    def test_parse_missing_or_bad_field_refused(self, data: dict[str, Any]) -> None:
        with pytest.raises(InputError) as info:
            self.make_channel().parse(json.dumps(data).encode())
        assert "trường" in info.value.message

    def test_send_signed_with_idempotency_key(self) -> None:
        self.make_channel().send("u-77", Outgoing(text="Chào"), idempotency_key="webhook:evt-1")
        path, body, headers = self.server.received[0]
        lower = {k.lower(): v for k, v in headers.items()}
        assert path == "/replies" and body["user_id"] == "u-77"
        assert lower["idempotency-key"] == "webhook:evt-1"
        raw = json.dumps(body, ensure_ascii=False).encode()
        self.make_channel().verify(lower, raw)  # the callback can check our signature too

    def test_send_callback_error_raises(self) -> None:
        self.server.script.append((503, {"error": "down"}))
        with pytest.raises(ExternalServiceError):
            self.make_channel().send("u", Outgoing(text="x"), idempotency_key="k")
