"""Telegram Bot API: webhook updates in, ``sendMessage`` with inline keyboards out.

Why these rules: Telegram signs nothing but repeats the ``secret_token`` given to setWebhook in
``X-Telegram-Bot-Api-Secret-Token`` (compared in constant time); ``callback_data`` holds at most
64 bytes, so a button carries the procedure code and a press is turned back into its name;
every press must be answered with ``answerCallbackQuery`` or the client shows a spinner; a 429
says in ``parameters.retry_after`` how long to wait. The Bot API has no idempotency key, so
once-only delivery is the caller's (the event store); the key is logged with each send.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from motcua._errors import ExternalServiceError, InputError, Unauthorized
from motcua.answer.render import TELEGRAM_LIMIT
from motcua.answer.schema import AskResponse
from motcua.channels.base import (
    DeliveryUnknown,
    EventKind,
    InboundEvent,
    Outgoing,
    Provider,
    SendResult,
    reply_options,
    reply_text,
)

__all__ = ["CALLBACK_DATA_BYTES", "SECRET_HEADER", "TelegramChannel"]

log = logging.getLogger(__name__)
SECRET_HEADER = "x-telegram-bot-api-secret-token"
CALLBACK_DATA_BYTES = 64
_MAX_RETRY_AFTER = 30.0  # longer waits are the caller's to schedule, not a blocked thread's


class TelegramChannel:
    provider = Provider.TELEGRAM
    text_limit = TELEGRAM_LIMIT
    idempotent = False  # the Bot API has no idempotency key

    def __init__(self, token: str, secret: str, api_base: str = "https://api.telegram.org", *,
                 name_of: Callable[[str], str | None] = lambda _code: None,
                 client: httpx.Client | None = None, max_attempts: int = 3) -> None:
        """``name_of`` turns a pressed procedure code back into the name the citizen chose."""
        self._base = f"{api_base.rstrip('/')}/bot{token}"
        self._secret = secret.encode()
        self._name_of = name_of
        self._client = client or httpx.Client(timeout=httpx.Timeout(10.0, connect=5.0))
        self._attempts = max_attempts

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        given = headers.get(SECRET_HEADER) or headers.get(SECRET_HEADER.title()) or ""
        if not hmac.compare_digest(given.encode(), self._secret):
            raise Unauthorized("yêu cầu không có mã bí mật Telegram hợp lệ",
                               hint="đặt secret_token của setWebhook bằng MOTCUA_TELEGRAM_SECRET")

    def parse(self, body: bytes) -> list[InboundEvent]:
        update = _json(body)
        update_id = update.get("update_id")
        if not isinstance(update_id, int):
            raise InputError("bản cập nhật Telegram thiếu update_id",
                             hint="gửi đúng đối tượng Update của Bot API")
        message = update.get("message")
        if isinstance(message, dict) and isinstance(message.get("text"), str):
            return [InboundEvent(Provider.TELEGRAM, str(update_id), _chat_id(message),
                                 message["text"])]
        press = update.get("callback_query")
        if isinstance(press, dict):
            code = str(press.get("data") or "")
            return [InboundEvent(Provider.TELEGRAM, str(update_id),
                                 _chat_id(press.get("message") or {}),
                                 self._name_of(code) or code, kind=EventKind.PRESS,
                                 callback_id=str(press.get("id")))]
        return []  # edited messages, stickers, joins: nothing to answer

    def render(self, response: AskResponse) -> Outgoing:
        buttons = reply_options(response, CALLBACK_DATA_BYTES)
        if response.status != "clarify":
            return Outgoing(text=reply_text(response, self.text_limit, numbered=True),
                            options=buttons)
        every = len(buttons) == len(reply_options(response, 10**6))
        return Outgoing(text=reply_text(response, self.text_limit, numbered=not every),
                        options=buttons if every else [])

    def send(self, user_id: str, message: Outgoing, idempotency_key: str) -> SendResult:
        payload: dict[str, Any] = {"chat_id": user_id, "text": message.text[:self.text_limit]}
        if message.options:
            payload["reply_markup"] = {"inline_keyboard": [
                [{"text": o.label[:64], "callback_data": o.data}] for o in message.options]}
        result = self._call("sendMessage", payload, idempotency_key)
        return SendResult(provider_message_id=str(result.get("message_id", "")) or None)

    def acknowledge(self, event: InboundEvent) -> None:
        if event.callback_id:
            self._call("answerCallbackQuery", {"callback_query_id": event.callback_id},
                       event.event_id)

    def _call(self, method: str, payload: dict[str, Any], key: str) -> dict[str, Any]:
        """One Bot API call; a 429 waits its ``retry_after``, then tries again (bounded)."""
        for attempt in range(1, self._attempts + 1):
            try:
                resp = self._client.post(f"{self._base}/{method}", json=payload)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:  # nothing was sent
                raise ExternalServiceError("không kết nối được tới Telegram",
                                           hint="kiểm tra kết nối mạng tới api.telegram.org",
                                           method=method, error=type(exc).__name__) from None
            except httpx.HTTPError as exc:  # sent, maybe delivered: the answer was lost
                raise DeliveryUnknown("không rõ Telegram đã nhận tin chưa",
                                      hint="không gửi lại tự động để tránh gửi trùng",
                                      method=method, error=type(exc).__name__) from None
            body = _json(resp.content) if resp.content else {}
            if resp.status_code == 429 and attempt < self._attempts:
                wait = float((body.get("parameters") or {}).get("retry_after", 1))
                log.warning("telegram rate limit", extra={"method": method, "key": key,
                                                          "retry_after": wait})
                time.sleep(min(wait, _MAX_RETRY_AFTER))
                continue
            if resp.status_code != 200 or not body.get("ok"):
                raise ExternalServiceError(
                    f"Telegram từ chối {method} (HTTP {resp.status_code})",
                    hint=str(body.get("description", "xem nhật ký máy chủ"))[:200],
                    status=resp.status_code)
            log.info("telegram sent", extra={"method": method, "key": key})
            result = body.get("result")
            return result if isinstance(result, dict) else {}
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _chat_id(message: dict[str, Any]) -> str:
    chat = message.get("chat")
    chat_id = chat.get("id") if isinstance(chat, dict) else None
    if not isinstance(chat_id, int):
        raise InputError("tin nhắn Telegram thiếu chat.id",
                         hint="gửi đúng đối tượng Message của Bot API")
    return str(chat_id)


def _json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise InputError("nội dung không phải JSON", hint="gửi một đối tượng JSON") from None
    if not isinstance(value, dict):
        raise InputError("nội dung JSON không phải một đối tượng", hint="gửi một đối tượng JSON")
    return value
