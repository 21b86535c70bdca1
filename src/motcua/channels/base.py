"""The ``Channel`` protocol: verify a raw request, parse its events, render a reply, send it.

Why a protocol with four steps: every provider differs in how it signs requests, shapes its
events and lays out buttons, but the flow around them (store the event once, ask the citizen
service, send the reply) is the same; a new provider is one module plus its contract tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from motcua._errors import ExternalServiceError
from motcua.answer.render import option_labels, options, render_text
from motcua.answer.schema import AskResponse

__all__ = [
    "HANDOVER_DATA",
    "HANDOVER_OPTION_LABEL",
    "Channel",
    "DeliveryUnknown",
    "EventKind",
    "InboundEvent",
    "Option",
    "Outgoing",
    "OutsideWindow",
    "Provider",
    "SendResult",
    "reply_options",
    "reply_text",
]


HANDOVER_DATA = "handover"  # a button's data asking for an officer (channels.dispatch)
HANDOVER_OPTION_LABEL = "Gặp cán bộ"


class Provider(StrEnum):
    TELEGRAM = "telegram"
    WEBHOOK = "webhook"
    ZALO = "zalo"


class EventKind(StrEnum):
    TEXT = "text"  # the citizen wrote something
    PRESS = "press"  # the citizen pressed one of our buttons (``text`` is what it stands for)
    FOLLOW = "follow"  # a new follower of the OA: greeted
    OFFICER = "officer"  # not from the provider: an officer's reply to push to the citizen


@dataclass(frozen=True)
class InboundEvent:
    """One provider event, as every channel hands it on."""

    provider: Provider
    event_id: str  # unique per provider: what makes a re-sent event a duplicate
    user_id: str  # where the reply goes (a chat id, the province's user reference)
    text: str
    kind: EventKind = EventKind.TEXT
    callback_id: str | None = None  # a press to acknowledge (Telegram answerCallbackQuery)


@dataclass(frozen=True)
class Option:
    label: str  # what the button shows
    data: str  # what a press sends back (a procedure code)


@dataclass(frozen=True)
class Outgoing:
    text: str
    options: list[Option] = field(default_factory=list)


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str | None = None


class DeliveryUnknown(ExternalServiceError):
    """The request may have reached the provider (a read timeout, a dropped connection after
    sending): re-sending could deliver twice, so only an idempotent channel retries."""


class OutsideWindow(ExternalServiceError):
    """The provider lets us message this person no more (Zalo: 7 days after their last
    message); the conversation goes to an officer, who reaches them another way."""

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message, hint="chuyển cho cán bộ liên hệ trực tiếp", status=403,
                         **context)


@runtime_checkable
class Channel(Protocol):
    """A chat provider. Errors: ``Unauthorized`` (bad signature), ``InputError`` (a body we
    cannot read), ``ExternalServiceError`` (the provider refused or could not be reached)."""

    provider: Provider
    text_limit: int
    idempotent: bool  # the provider drops a repeat with the same idempotency key

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Raise ``Unauthorized`` unless the raw request was signed by the provider."""

    def parse(self, body: bytes) -> list[InboundEvent]:
        """The events of a verified body; updates we do not handle give none."""

    def render(self, response: AskResponse) -> Outgoing:
        """The reply as this provider can show it (buttons where it has them)."""

    def send(self, user_id: str, message: Outgoing, idempotency_key: str) -> SendResult:
        """Deliver once; ``idempotency_key`` is passed on where the provider accepts one."""

    def acknowledge(self, event: InboundEvent) -> None:
        """Tell the provider a press was seen (a no-op where it has no such call)."""


def reply_text(response: AskResponse, limit: int, *, numbered: bool) -> str:
    """The reply as text within ``limit``; without numbered options when buttons carry them."""
    if numbered or response.status != "clarify":
        return render_text(response, limit)
    shared, _labels = option_labels([p.name for p in options(response)])
    text = response.message + (f"\n{shared}:" if shared else "")
    return text[:limit]


def reply_options(response: AskResponse, max_data_bytes: int) -> list[Option]:
    """Buttons of a question back, one per option; an option whose code does not fit the
    provider's data limit is left to the text (never cut: a cut code names nothing)."""
    if response.status == "abstain":  # not helped: offer a person
        return [Option(label=HANDOVER_OPTION_LABEL, data=HANDOVER_DATA)]
    if response.status != "clarify":
        return []
    refs = options(response)
    _shared, labels = option_labels([p.name for p in refs])
    return [Option(label=label, data=ref.code) for ref, label in zip(refs, labels, strict=True)
            if len(ref.code.encode()) <= max_data_bytes]
