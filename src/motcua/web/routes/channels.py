"""``POST /channels/telegram/webhook`` and ``POST /channels/webhook``: store, acknowledge, answer.

Why the route does so little: it checks the signature over the raw bytes, stores each event
once (a re-sent event is acknowledged and dropped), queues it and answers 200 at once; the
answer is computed and sent by the delivery worker (``channels.delivery``). A channel whose
settings are missing is off, and its route answers 404 as if it did not exist.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request

from motcua._errors import NotFound
from motcua.channels import store
from motcua.channels.base import Channel, Provider
from motcua.channels.delivery import ChannelDelivery, delivery_for
from motcua.web.deps import StateDep

__all__ = ["build_router"]

log = logging.getLogger(__name__)


def build_router() -> APIRouter:
    router = APIRouter(prefix="/channels", tags=["channels"], include_in_schema=True)

    def delivery(state: StateDep, provider: Provider) -> tuple[ChannelDelivery, Channel]:
        """This process's delivery (its consumer started on first use) and the channel."""
        found = delivery_for(state.settings, state.db, lambda: state.assistant)
        channel = found.channels.get(provider) if found else None
        if found is None or channel is None:
            raise NotFound("không có kênh này", hint="kênh chưa được cấu hình trên máy chủ")
        found.ensure_consumer()
        return found, channel

    async def receive(provider: Provider, request: Request, state: StateDep) -> dict[str, Any]:
        outbox, channel = delivery(state, provider)
        body = await request.body()
        channel.verify(request.headers, body)
        events = channel.parse(body)
        fresh = 0
        for event in events:
            row_id = store.claim(state.db, event)
            if row_id is None:
                log.info("channel event repeated", extra={"provider": provider,
                                                          "event": event.event_id})
                continue
            fresh += 1
            outbox.submit(row_id)
        return {"ok": True, "accepted": fresh}

    @router.post("/telegram/webhook")
    async def telegram(request: Request, state: StateDep) -> dict[str, Any]:
        return await receive(Provider.TELEGRAM, request, state)

    @router.post("/zalo/webhook")
    async def zalo(request: Request, state: StateDep) -> dict[str, Any]:
        return await receive(Provider.ZALO, request, state)

    @router.post("/webhook")
    async def webhook(request: Request, state: StateDep) -> dict[str, Any]:
        return await receive(Provider.WEBHOOK, request, state)

    return router
