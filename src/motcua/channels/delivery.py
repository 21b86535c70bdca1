"""The outbox: each stored event answered and its reply sent once, in order, on Huey.

Why these states (``store.EventStatus``): the route has already acknowledged the provider, so
the work must survive a crash. Each step is committed before the next: a reply is computed
once (``answered``), a send is marked ``sending`` before it starts, so that on restart an
event still ``received``/``answered`` is simply queued again, while one caught ``sending`` is
re-sent only on a channel that drops repeats by idempotency key and is otherwise marked
``unknown`` (Telegram has no such key: a duplicate is worse than an officer's look). Failed
sends are retried a bounded number of times with doubling delays; 4xx refusals are final.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from motcua._errors import ExternalServiceError, NotFound
from motcua._queue import make_huey, queue_name, start_consumer
from motcua._settings import Settings
from motcua.answer._protocol import AssistantProtocol
from motcua.channels import store
from motcua.channels.base import (
    Channel,
    DeliveryUnknown,
    Option,
    Outgoing,
    OutsideWindow,
    Provider,
)
from motcua.channels.dispatch import answer, build_channels
from motcua.channels.store import EventStatus
from motcua.service import conversations as conv
from motcua.store.db import Database

__all__ = ["MAX_ATTEMPTS", "OFFICER_PREFIX", "ChannelDelivery", "delivery_for",
           "push_officer_reply"]

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
_ORDER_WAIT = 0.5  # seconds before a later event of the same person looks again
_FINAL = (EventStatus.SENT, EventStatus.FAILED, EventStatus.UNKNOWN)
OFFICER_PREFIX = "Cán bộ một cửa trả lời:\n"


class ChannelDelivery:
    """The queue, its task and this process's consumer for one database."""

    def __init__(self, settings: Settings, db: Database, channels: dict[Provider, Channel],
                 assistant: Callable[[], AssistantProtocol], *,
                 retry_base_seconds: float = 2.0) -> None:
        self.settings, self.db, self.channels = settings, db, channels
        self._assistant = assistant
        self._retry_base = retry_base_seconds
        self.huey = make_huey(settings, queue_name("channels", db.url))
        self._task = self.huey.task(name="channels.deliver")(self.run)
        self._consumer: Any = None
        self._lock = threading.Lock()

    def submit(self, row_id: int, delay: float = 0) -> None:
        if delay:
            self._task.schedule((row_id,), delay=delay)
        else:
            self._task(row_id)

    def ensure_consumer(self) -> None:
        """Start this process's consumer once, after queuing what a crash left pending."""
        with self._lock:
            if self._consumer is not None:
                return
            self.recover()
            self._consumer = start_consumer(self.huey, shutdown_timeout=30)

    def stop(self) -> None:
        with self._lock:
            consumer, self._consumer = self._consumer, None
        if consumer is not None:
            consumer.stop(graceful=True)

    def recover(self) -> int:
        """Queue every pending event again; a send caught in flight only where it is safe."""
        queued = 0
        for row in store.pending(self.db):
            channel = self.channels.get(Provider(row.provider))
            if row.status == EventStatus.SENDING and not (channel and channel.idempotent):
                store.set_status(self.db, row.id, EventStatus.UNKNOWN,
                                 error="máy chủ dừng khi đang gửi; không rõ đã tới chưa")
                log.warning("channel send outcome unknown after restart",
                            extra={"provider": row.provider, "event": row.event_id})
                continue
            if row.status == EventStatus.SENDING:
                store.set_status(self.db, row.id, EventStatus.ANSWERED)
            self.submit(row.id)
            queued += 1
        return queued

    def run(self, row_id: int) -> None:
        """The Huey task: answer (once), then send (once), in order per person."""
        row = store.load(self.db, row_id)
        if row is None or row.status in _FINAL:
            return
        if store.earlier_pending(self.db, row):
            self.submit(row_id, delay=_ORDER_WAIT)
            return
        channel = self.channels.get(Provider(row.provider))
        if channel is None:
            store.set_status(self.db, row_id, EventStatus.FAILED, error="kênh đã tắt")
            return
        event = store.event_of(row)
        reply = row.reply
        if row.status == EventStatus.RECEIVED:
            self._acknowledge(channel, event)
            outgoing = answer(channel, event, self.settings, self._assistant(), self.db)
            reply = {"text": outgoing.text,
                     "options": [{"label": o.label, "data": o.data} for o in outgoing.options]}
            store.set_status(self.db, row_id, EventStatus.ANSWERED, reply=reply)
        assert reply is not None  # answered rows always hold their reply
        message = Outgoing(text=reply["text"], options=[Option(**o) for o in reply["options"]])
        store.set_status(self.db, row_id, EventStatus.SENDING)
        try:
            channel.send(event.user_id, message,
                         idempotency_key=f"{event.provider}:{event.event_id}")
        except ExternalServiceError as exc:
            self._failed(channel, row_id, row.attempts + 1, exc)
            return
        store.set_status(self.db, row_id, EventStatus.SENT, error=None)
        log.info("channel reply sent", extra={"provider": row.provider, "event": row.event_id})

    @staticmethod
    def _acknowledge(channel: Channel, event: Any) -> None:
        try:
            channel.acknowledge(event)
        except ExternalServiceError as exc:  # the button spins a little longer; answer anyway
            log.warning("press not acknowledged", extra={"provider": event.provider,
                                                         "error": str(exc)})

    def _failed(self, channel: Channel, row_id: int, attempts: int,
                exc: ExternalServiceError) -> None:
        status = exc.context.get("status")
        refused = isinstance(status, int) and 400 <= status < 500 and status != 429
        if isinstance(exc, OutsideWindow):
            # handed over before the row is final, so that whoever waits for the outbox to
            # settle finds the officers' handover already there
            self._hand_over(row_id)
        if isinstance(exc, DeliveryUnknown) and not channel.idempotent:
            store.set_status(self.db, row_id, EventStatus.UNKNOWN, attempts=attempts,
                             error=str(exc)[:500])
        elif refused or attempts >= MAX_ATTEMPTS:
            store.set_status(self.db, row_id, EventStatus.FAILED, attempts=attempts,
                             error=str(exc)[:500])
        else:
            store.set_status(self.db, row_id, EventStatus.ANSWERED, attempts=attempts,
                             error=str(exc)[:500])
            self.submit(row_id, delay=self._retry_base * 2 ** (attempts - 1))
        log.warning("channel send failed", extra={"row": row_id, "attempts": attempts,
                                                  "error": str(exc)[:200]})

    def _hand_over(self, row_id: int) -> None:
        """The person cannot be messaged any more: an officer takes the conversation."""
        row = store.load(self.db, row_id)
        if row is None:
            return
        conversation = store.conversation_of(self.db, row.provider, row.user_id)
        if conversation is None:
            return
        try:
            conv.request_handover(self.db, conversation_id=conversation,
                                  note=f"Không gửi được câu trả lời qua {row.provider} (người "
                                       "dân chưa nhắn trong 7 ngày): cán bộ liên hệ trực tiếp.")
        except NotFound:  # purged by retention meanwhile: nobody left to hand over
            return


def push_officer_reply(settings: Settings, db: Database,
                       assistant: Callable[[], AssistantProtocol], *, conversation_id: str,
                       message_id: int, text: str, prefix: str = OFFICER_PREFIX) -> bool:
    """Send an officer's console reply back on the channel the citizen wrote from; False
    when the conversation did not come from a configured channel (the web page polls).
    ``prefix`` says who writes ("" for a notice that says it itself)."""
    user = store.user_of(db, conversation_id)
    delivery = delivery_for(settings, db, assistant) if user is not None else None
    if user is None or delivery is None or Provider(user.provider) not in delivery.channels:
        return False
    row_id = store.queue_officer_reply(db, user.provider, user.user_id, message_id,
                                       f"{prefix}{text}")
    delivery.ensure_consumer()
    delivery.submit(row_id)
    return True


_DELIVERIES: dict[int, ChannelDelivery] = {}
_LOCK = threading.Lock()


def delivery_for(settings: Settings, db: Database,
                 assistant: Callable[[], AssistantProtocol]) -> ChannelDelivery | None:
    """This process's delivery for ``db``; None when no channel is configured."""
    with _LOCK:
        delivery = _DELIVERIES.get(id(db))
        if delivery is None or delivery.db is not db:
            channels = build_channels(settings, db)
            if not channels:
                return None
            delivery = _DELIVERIES[id(db)] = ChannelDelivery(settings, db, channels, assistant)
        return delivery
