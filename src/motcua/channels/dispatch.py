"""The channels this deployment has, and the reply to one event (the citizen service's).

Why apart from the delivery: building a reply is the same for every channel and needs no
queue; ``delivery`` decides when it runs and how the reply is sent.
"""

from __future__ import annotations

import logging

from sqlalchemy import select

from motcua._errors import InputError, NotFound
from motcua._settings import Settings
from motcua.answer._protocol import AssistantProtocol
from motcua.channels import store
from motcua.channels.base import HANDOVER_DATA, Channel, EventKind, InboundEvent, Outgoing, Provider
from motcua.channels.telegram import TelegramChannel
from motcua.channels.webhook import SignedWebhookChannel
from motcua.service import conversations as conv
from motcua.service.citizens import Channel as CitizenChannel
from motcua.service.citizens import CitizenService, Inbound
from motcua.store.db import Database
from motcua.store.models import Procedure
from motcua.text.normalize import fold

__all__ = ["HANDOVER_DATA", "answer", "build_channels", "is_handover_request"]

log = logging.getLogger(__name__)
HANDOVER_WORDS = frozenset({HANDOVER_DATA, "gap can bo", "gap nguoi", "noi chuyen voi can bo",
                            "chuyen can bo"})
_AS_CITIZEN: dict[Provider, CitizenChannel] = {Provider.TELEGRAM: "telegram",
                                               Provider.WEBHOOK: "webhook", Provider.ZALO: "zalo"}
GREETING = ("Xin chào! Bạn hỏi về thủ tục hành chính (giấy tờ, lệ phí, thời gian, nơi nộp) "
            "bằng một câu, ví dụ: “làm giấy khai sinh cần gì?”. Gửi “gặp cán bộ” để được cán "
            "bộ một cửa trả lời.")


def build_channels(settings: Settings, db: Database) -> dict[Provider, Channel]:
    """The channels whose settings are complete; the others are off."""
    out: dict[Provider, Channel] = {}
    if settings.telegram_bot_token and settings.telegram_secret:
        out[Provider.TELEGRAM] = TelegramChannel(
            settings.telegram_bot_token.get_secret_value(),
            settings.telegram_secret.get_secret_value(), settings.telegram_api_base,
            name_of=lambda code: _procedure_name(db, code))
    if settings.webhook_secret and settings.webhook_callback_url:
        out[Provider.WEBHOOK] = SignedWebhookChannel(
            settings.webhook_secret.get_secret_value(), settings.webhook_callback_url,
            max_skew_seconds=settings.webhook_max_skew_seconds)
    if settings.zalo_app_id and settings.zalo_secret_key and settings.zalo_refresh_token:
        out[Provider.ZALO] = _zalo(settings, db)
    return out


def _zalo(settings: Settings, db: Database) -> Channel:
    from motcua.channels.zalo import ZaloChannel
    from motcua.channels.zalo_tokens import TokenKeeper

    assert settings.zalo_app_id and settings.zalo_secret_key and settings.zalo_refresh_token
    secret = settings.zalo_secret_key.get_secret_value()
    app_secret = settings.zalo_app_secret.get_secret_value() if settings.zalo_app_secret \
        else secret
    access = settings.zalo_access_token.get_secret_value() if settings.zalo_access_token else ""
    tokens = TokenKeeper(db, app_id=settings.zalo_app_id, app_secret=app_secret,
                         access_token=access,
                         refresh_token=settings.zalo_refresh_token.get_secret_value(),
                         oauth_base=settings.zalo_oauth_base, lock_dir=settings.home)
    return ZaloChannel(settings.zalo_app_id, secret, tokens, settings.zalo_api_base,
                       name_of=lambda code: _procedure_name(db, code))


def _procedure_name(db: Database, code: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(Procedure.name).where(Procedure.code == code))


def is_handover_request(text: str) -> bool:
    """'gặp cán bộ', 'Gap can bo', the button's data: the citizen asks for a person."""
    return " ".join(fold(text).split()) in HANDOVER_WORDS


def _hand_over(db: Database, conversation: str | None) -> Outgoing:
    if conversation is None:
        return Outgoing(text="Bạn hãy gửi câu hỏi trước, rồi gửi “gặp cán bộ” để chuyển câu "
                             "hỏi đó cho cán bộ một cửa.")
    try:
        conv.request_handover(db, conversation_id=conversation)
    except NotFound:  # purged by retention since the last message
        return Outgoing(text="Hội thoại cũ đã hết hạn lưu. Bạn hãy gửi lại câu hỏi.")
    return Outgoing(text="Đã chuyển câu hỏi của bạn cho cán bộ một cửa. Cán bộ sẽ trả lời "
                         "bạn ngay tại đây.")


def answer(channel: Channel, event: InboundEvent, settings: Settings,
            assistant: AssistantProtocol, db: Database) -> Outgoing:
    """The citizen service's reply, or the reason a message could not be asked."""
    conversation = store.conversation_of(db, event.provider, event.user_id)
    if event.kind == EventKind.FOLLOW:
        return Outgoing(text=GREETING)
    if is_handover_request(event.text):
        return _hand_over(db, conversation)
    service = CitizenService(settings, assistant, db)
    try:
        try:
            reply = service.handle(Inbound(text=event.text, channel=_AS_CITIZEN[event.provider],
                                           conversation_id=conversation))
        except NotFound:  # the conversation was purged (retention): start a new one
            conversation = None
            reply = service.handle(Inbound(text=event.text, channel=_AS_CITIZEN[event.provider]))
    except InputError as exc:  # an empty or too long question: say what to send instead
        return Outgoing(text=f"{exc.message}. {exc.hint}" if exc.hint else exc.message)
    if reply.conversation_id and reply.conversation_id != conversation:
        store.remember_conversation(db, event.provider, event.user_id, reply.conversation_id)
    return channel.render(reply.response)
