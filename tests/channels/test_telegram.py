"""Telegram: the channel contract against a stand-in Bot API, plus its own rules."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from motcua._errors import ExternalServiceError, InputError
from motcua.channels.base import EventKind, Outgoing
from motcua.channels.telegram import CALLBACK_DATA_BYTES, TelegramChannel
from motcua.channels.testing import ChannelContract, clarify_response
from tests.channels._standin import StandIn, stand_in, telegram_ok

TOKEN, SECRET = "123456:ABC-test", "s3cret-token_A"


def text_update(update_id: int = 1001, chat_id: int = 42, text: str = "làm khai sinh") -> bytes:
    """An Update with a private text message, as the Bot API documents it."""
    return json.dumps({"update_id": update_id, "message": {
        "message_id": 5, "date": 1_764_000_000, "text": text,
        "from": {"id": chat_id, "is_bot": False, "first_name": "Lan"},
        "chat": {"id": chat_id, "type": "private", "first_name": "Lan"}}}).encode()


def press_update(update_id: int = 1002, data: str = "1.001193") -> bytes:
    return json.dumps({"update_id": update_id, "callback_query": {
        "id": "cbq-9", "data": data, "chat_instance": "x",
        "from": {"id": 42, "is_bot": False, "first_name": "Lan"},
        "message": {"message_id": 6, "date": 1_764_000_000, "text": "Bạn muốn...",
                    "chat": {"id": 42, "type": "private"}}}}).encode()


class TestTelegramContract(ChannelContract):
    @pytest.fixture(autouse=True)
    def _server(self) -> Iterator[None]:
        with stand_in(telegram_ok) as server:
            self.server: StandIn = server
            yield

    def make_channel(self) -> TelegramChannel:
        return TelegramChannel(TOKEN, SECRET, self.server.url,
                               name_of={"1.001193": "Thủ tục đăng ký khai sinh"}.get)

    def request_body(self) -> bytes:
        return text_update()

    def signed_headers(self, body: bytes) -> Mapping[str, str]:
        return {"x-telegram-bot-api-secret-token": SECRET}

    def received(self) -> list[dict[str, Any]]:
        return self.server.bodies()

    def test_send_uses_bot_token_path(self) -> None:
        self.make_channel().send("42", Outgoing(text="Chào"), idempotency_key="k")
        assert self.server.received[0][0] == f"/bot{TOKEN}/sendMessage"
        assert self.server.bodies()[0] == {"chat_id": "42", "text": "Chào"}

    def test_render_clarify_inline_keyboard_within_64_bytes(self) -> None:
        out = self.make_channel().render(clarify_response())
        assert len(out.options) == 3
        assert all(len(o.data.encode()) <= CALLBACK_DATA_BYTES for o in out.options)
        assert "1." not in out.text  # the buttons carry the options
        self.make_channel().send("42", out, idempotency_key="k")
        keyboard = self.server.bodies()[0]["reply_markup"]["inline_keyboard"]
        assert [row[0]["callback_data"] for row in keyboard] == ["1.000", "1.001", "1.002"]

    def test_render_option_code_too_long_falls_back_to_numbers(self) -> None:
        response = clarify_response()
        response.procedures[0].code = "x" * 65
        out = self.make_channel().render(response)
        assert out.options == [] and "1. " in out.text

    def test_parse_press_gives_procedure_name_and_is_acknowledged(self) -> None:
        channel = self.make_channel()
        [event] = channel.parse(press_update())
        assert event.kind is EventKind.PRESS and event.text == "Thủ tục đăng ký khai sinh"
        channel.acknowledge(event)
        path, body, _h = self.server.received[0]
        assert path.endswith("/answerCallbackQuery") and body == {"callback_query_id": "cbq-9"}

    def test_parse_update_without_text_gives_nothing(self) -> None:
        body = json.dumps({"update_id": 3, "edited_message": {"text": "x"}}).encode()
        assert self.make_channel().parse(body) == []

    @pytest.mark.parametrize("update", [
        {"message": {"text": "x", "chat": {"id": 1}}},  # no update_id
        {"update_id": "7", "message": {"text": "x", "chat": {"id": 1}}},  # not an integer
        {"update_id": 8, "message": {"text": "x", "chat": {}}},  # no chat to answer
    ])
    def test_parse_malformed_update_refused(self, update: dict[str, Any]) -> None:
        with pytest.raises(InputError):
            self.make_channel().parse(json.dumps(update).encode())

    def test_send_429_waits_retry_after_then_delivers_once(self) -> None:
        self.server.script.append((429, {"ok": False, "error_code": 429,
                                         "description": "Too Many Requests: retry after 0",
                                         "parameters": {"retry_after": 0}}))
        self.make_channel().send("42", Outgoing(text="Chào"), idempotency_key="k")
        assert len(self.server.received) == 2  # the refused try, then the one delivery

    def test_send_429_every_time_gives_up_bounded(self) -> None:
        refusal = (429, {"ok": False, "parameters": {"retry_after": 0}})
        self.server.script.extend([refusal] * 5)
        with pytest.raises(ExternalServiceError):
            self.make_channel().send("42", Outgoing(text="Chào"), idempotency_key="k")
        assert len(self.server.received) == 3

    def test_send_500_raises_without_retrying(self) -> None:
        self.server.script.append((500, {"ok": False, "description": "Internal"}))
        with pytest.raises(ExternalServiceError):
            self.make_channel().send("42", Outgoing(text="Chào"), idempotency_key="k")
        assert len(self.server.received) == 1
