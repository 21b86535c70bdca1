"""The signed webhook for the province's own systems: HMAC-SHA256 both ways.

Why a timestamp inside the signature: an HMAC over the body alone can be replayed forever by
whoever saw one request; signing ``"{timestamp}." + body`` and refusing timestamps more than a
few minutes off stops that, and the event store drops a replay inside the window. Replies go to
the configured callback URL, signed the same way, with an ``Idempotency-Key`` header so the
receiving system can drop a repeat.

Request: ``X-Motcua-Timestamp: <unix seconds>``, ``X-Motcua-Signature: sha256=<hex>``, body
``{"event_id": "...", "user_id": "...", "text": "..."}``. Reply body:
``{"user_id": "...", "text": "...", "options": [{"label": "...", "data": "..."}]}``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Mapping

import httpx

from motcua._errors import ExternalServiceError, InputError, Unauthorized
from motcua.answer.render import TELEGRAM_LIMIT
from motcua.answer.schema import AskResponse
from motcua.channels.base import InboundEvent, Outgoing, Provider, SendResult, reply_options
from motcua.channels.base import reply_text as _reply_text

__all__ = ["SIGNATURE_HEADER", "TIMESTAMP_HEADER", "SignedWebhookChannel", "sign"]

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "x-motcua-signature"
TIMESTAMP_HEADER = "x-motcua-timestamp"
_FIELD_CHARS = {"event_id": 128, "user_id": 128}


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-Motcua-Signature`` value of ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


class SignedWebhookChannel:
    provider = Provider.WEBHOOK
    text_limit = TELEGRAM_LIMIT
    idempotent = True  # every reply carries Idempotency-Key: the receiver drops a repeat

    def __init__(self, secret: str, callback_url: str, *, max_skew_seconds: int = 300,
                 client: httpx.Client | None = None) -> None:
        self._secret = secret
        self._callback = callback_url
        self._skew = max_skew_seconds
        self._client = client or httpx.Client(timeout=httpx.Timeout(10.0, connect=5.0))

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        stamp = headers.get(TIMESTAMP_HEADER, "")
        given = headers.get(SIGNATURE_HEADER, "")
        if not stamp.isdigit():
            raise Unauthorized("thiếu hoặc sai dấu thời gian X-Motcua-Timestamp",
                               hint="gửi số giây Unix lúc ký yêu cầu")
        if abs(time.time() - int(stamp)) > self._skew:
            raise Unauthorized("yêu cầu đã quá hạn hoặc đồng hồ lệch",
                               hint=f"ký lại ngay trước khi gửi (lệch tối đa {self._skew} giây)")
        if not hmac.compare_digest(given.encode(), sign(self._secret, int(stamp), body).encode()):
            raise Unauthorized("chữ ký X-Motcua-Signature không đúng",
                               hint="ký HMAC-SHA256 trên '<timestamp>.' + nội dung thô")

    def parse(self, body: bytes) -> list[InboundEvent]:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise InputError("nội dung không phải JSON", hint="gửi một đối tượng JSON") from None
        if not isinstance(data, dict):
            raise InputError("nội dung JSON không phải một đối tượng",
                             hint='gửi {"event_id": ..., "user_id": ..., "text": ...}')
        for name in ("event_id", "user_id", "text"):
            value = data.get(name)
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"thiếu trường '{name}' (chuỗi không rỗng)",
                                 hint='gửi {"event_id": ..., "user_id": ..., "text": ...}')
            limit = _FIELD_CHARS.get(name)
            if limit and len(value) > limit:
                raise InputError(f"trường '{name}' dài hơn {limit} ký tự",
                                 hint="dùng mã ngắn hơn")
        return [InboundEvent(Provider.WEBHOOK, data["event_id"], data["user_id"], data["text"])]

    def render(self, response: AskResponse) -> Outgoing:
        return Outgoing(text=_reply_text(response, self.text_limit, numbered=True),
                        options=reply_options(response, 256))

    def send(self, user_id: str, message: Outgoing, idempotency_key: str) -> SendResult:
        body = json.dumps({"user_id": user_id, "text": message.text,
                           "options": [{"label": o.label, "data": o.data}
                                       for o in message.options]},
                          ensure_ascii=False).encode()
        stamp = int(time.time())
        headers = {"content-type": "application/json", "idempotency-key": idempotency_key,
                   TIMESTAMP_HEADER: str(stamp), SIGNATURE_HEADER: sign(self._secret, stamp, body)}
        try:
            resp = self._client.post(self._callback, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise ExternalServiceError("không gửi được câu trả lời tới địa chỉ callback",
                                       hint="kiểm tra MOTCUA_WEBHOOK_CALLBACK_URL",
                                       error=type(exc).__name__) from None
        if resp.status_code >= 300:
            raise ExternalServiceError(f"địa chỉ callback trả lời HTTP {resp.status_code}",
                                       hint="xem nhật ký của hệ thống nhận",
                                       status=resp.status_code)
        log.info("webhook reply sent", extra={"key": idempotency_key})
        return SendResult()

    def acknowledge(self, event: InboundEvent) -> None:
        """The province's systems have no presses to acknowledge."""
