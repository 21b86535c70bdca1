"""Zalo Official Account: webhook events in, customer-service messages out.

Why these rules: Zalo signs each event with ``X-ZEvent-Signature: mac=<sha256 hex of app_id +
raw body + the body's timestamp + the OA secret key>``; ``user_send_text`` carries a question
and ``follow`` a new follower (greeted). Replies go through the OA's customer-service message
API with the access token in an ``access_token`` header; error -216 means the token expired,
so the keeper refreshes it (single-flight) and the send is tried once more. An OA may message a
person only within 7 days of their last message (error -230): such a send is final, and the
person is reached by an officer instead. Text is limited to 2,000 characters.

Options of a question back (and "Gặp cán bộ") go as the message's template buttons of type
``oa.query.hide``: a press comes back as a ``user_send_text`` whose text is the button's
payload, which we mark with ``PRESS_PREFIX`` so that it is read as a press of that procedure,
not as a question; the text keeps the numbered options too, for Zalo clients without buttons.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from motcua._errors import ExternalServiceError, InputError, Unauthorized
from motcua.answer.render import ZALO_LIMIT
from motcua.answer.schema import AskResponse
from motcua.channels.base import (
    DeliveryUnknown,
    EventKind,
    InboundEvent,
    Outgoing,
    OutsideWindow,
    Provider,
    SendResult,
    reply_options,
    reply_text,
)
from motcua.channels.zalo_tokens import TokenKeeper

__all__ = ["BUTTONS", "OUTSIDE_WINDOW", "PRESS_PREFIX", "SIGNATURE_HEADER", "TOKEN_EXPIRED",
           "ZaloChannel", "sign"]

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "x-zevent-signature"
TOKEN_EXPIRED = -216
OUTSIDE_WINDOW = -230
PRESS_PREFIX = "#motcua:"  # a button's payload: what a press sends back (hidden from the chat)
BUTTONS = 5  # buttons under one message
_TITLE = 100  # characters of a button's title
_PAYLOAD = 1000  # characters of a button's payload


def sign(app_id: str, body: bytes, timestamp: str, secret_key: str) -> str:
    """The ``X-ZEvent-Signature`` value Zalo sends with ``body``."""
    data = app_id.encode() + body + timestamp.encode() + secret_key.encode()
    return "mac=" + hashlib.sha256(data).hexdigest()


class ZaloChannel:
    provider = Provider.ZALO
    text_limit = ZALO_LIMIT
    idempotent = False  # the OA API has no idempotency key

    def __init__(self, app_id: str, secret_key: str, tokens: TokenKeeper,
                 api_base: str = "https://openapi.zalo.me", *,
                 client: httpx.Client | None = None,
                 name_of: Callable[[str], str | None] = lambda _code: None) -> None:
        """``name_of`` turns a pressed procedure code back into the name the citizen chose."""
        self._app_id, self._secret = app_id, secret_key
        self._name_of = name_of
        self._tokens = tokens
        self._url = f"{api_base.rstrip('/')}/v3.0/oa/message/cs"
        self._client = client or httpx.Client(timeout=httpx.Timeout(10.0, connect=5.0))

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        try:
            stamp = str(json.loads(body).get("timestamp", ""))
        except (ValueError, UnicodeDecodeError, AttributeError):
            stamp = ""
        given = headers.get(SIGNATURE_HEADER, "")
        if not stamp or not hmac.compare_digest(
                given.encode(), sign(self._app_id, body, stamp, self._secret).encode()):
            raise Unauthorized("chữ ký X-ZEvent-Signature không đúng",
                               hint="kiểm tra MOTCUA_ZALO_APP_ID và MOTCUA_ZALO_SECRET_KEY")

    def parse(self, body: bytes) -> list[InboundEvent]:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise InputError("nội dung không phải JSON", hint="gửi một đối tượng JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("event_name"), str):
            raise InputError("sự kiện Zalo thiếu event_name",
                             hint="gửi đúng sự kiện webhook của Zalo OA")
        name, stamp = data["event_name"], str(data.get("timestamp", ""))
        if name == "user_send_text":
            message, sender = data.get("message") or {}, data.get("sender") or {}
            msg_id, user, text = message.get("msg_id"), sender.get("id"), message.get("text")
            if not all(isinstance(v, str) and v for v in (msg_id, user)) \
                    or not isinstance(text, str):
                raise InputError("sự kiện user_send_text thiếu message.msg_id, sender.id "
                                 "hoặc message.text", hint="gửi đúng sự kiện của Zalo OA")
            if text.startswith(PRESS_PREFIX):
                code = text[len(PRESS_PREFIX):].strip()
                return [InboundEvent(Provider.ZALO, str(msg_id), str(user),
                                     self._name_of(code) or code, kind=EventKind.PRESS)]
            return [InboundEvent(Provider.ZALO, str(msg_id), str(user), text)]
        if name == "follow":
            user = (data.get("follower") or {}).get("id")
            if not isinstance(user, str) or not user:
                raise InputError("sự kiện follow thiếu follower.id",
                                 hint="gửi đúng sự kiện của Zalo OA")
            return [InboundEvent(Provider.ZALO, f"follow-{user}-{stamp}", user, "",
                                 kind=EventKind.FOLLOW)]
        return []  # stickers, images, unfollow: nothing to answer

    def render(self, response: AskResponse) -> Outgoing:
        buttons = reply_options(response, _PAYLOAD - len(PRESS_PREFIX))[:BUTTONS]
        return Outgoing(text=reply_text(response, self.text_limit, numbered=True),
                        options=buttons)

    def send(self, user_id: str, message: Outgoing, idempotency_key: str) -> SendResult:
        content: dict[str, Any] = {"text": message.text[:self.text_limit]}
        if message.options:
            content["attachment"] = {"type": "template", "payload": {"buttons": [
                {"title": o.label[:_TITLE], "type": "oa.query.hide",
                 "payload": f"{PRESS_PREFIX}{o.data}"} for o in message.options[:BUTTONS]]}}
        payload = {"recipient": {"user_id": user_id}, "message": content}
        token = self._tokens.access_token()
        for attempt in (1, 2):
            body = self._post(payload, token)
            code = body.get("error")
            if code == 0:
                log.info("zalo sent", extra={"key": idempotency_key})
                data = body.get("data") or {}
                return SendResult(provider_message_id=str(data.get("message_id") or "") or None)
            if code == TOKEN_EXPIRED and attempt == 1:
                token = self._tokens.refresh(token)
                continue
            if code == OUTSIDE_WINDOW:
                raise OutsideWindow("người dân chưa nhắn OA trong 7 ngày qua: không gửi được",
                                    zalo_error=str(code))
            raise ExternalServiceError(f"Zalo từ chối tin nhắn (mã {code})",
                                       hint=str(body.get("message", "xem nhật ký máy chủ"))[:200],
                                       status=502, zalo_error=str(code))
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _post(self, payload: dict[str, Any], token: str) -> dict[str, Any]:
        try:
            resp = self._client.post(self._url, json=payload, headers={"access_token": token})
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise ExternalServiceError("không kết nối được tới Zalo",
                                       hint="kiểm tra kết nối mạng tới openapi.zalo.me",
                                       error=type(exc).__name__) from None
        except httpx.HTTPError as exc:
            raise DeliveryUnknown("không rõ Zalo đã nhận tin chưa",
                                  hint="không gửi lại tự động để tránh gửi trùng",
                                  error=type(exc).__name__) from None
        try:
            body = resp.json()
        except ValueError:
            body = {}
        if resp.status_code != 200 or not isinstance(body, dict):
            raise ExternalServiceError(f"Zalo trả lời HTTP {resp.status_code}",
                                       hint="thử lại sau", status=resp.status_code)
        return body

    def acknowledge(self, event: InboundEvent) -> None:
        """Zalo has no presses to acknowledge."""
