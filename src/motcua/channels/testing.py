"""The contract every ``Channel`` keeps, as a test mixin (Haystack's testing mixins are the model).

A provider's tests subclass ``ChannelContract`` and give four hooks: the channel under test
(pointed at a stand-in server), a documented request body, the headers that sign it, and what
the stand-in received. pytest collects the inherited ``test_`` methods for each provider.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from motcua._errors import InputError, Unauthorized
from motcua.answer.schema import AskResponse, ProcedureRef
from motcua.channels.base import Channel, Outgoing

__all__ = ["ChannelContract", "clarify_response", "long_response"]

BAD_BODIES = [b"", b"not json", b"[]", b'"text"', b"\xff\xfe"]


def clarify_response() -> AskResponse:
    """A question back with three look-alike options, as the assistant gives one."""
    names = ["Cấp lại giấy chứng nhận đăng ký xe bị mất",
             "Cấp lại giấy chứng nhận đăng ký xe sang tên",
             "Cấp đổi giấy chứng nhận đăng ký xe"]
    return AskResponse(status="clarify", message="Bạn muốn làm thủ tục nào?",
                       procedures=[ProcedureRef(code=f"1.00{i}", name=n, score=1.0 - i / 10)
                                   for i, n in enumerate(names)])


def long_response(chars: int = 10_000) -> AskResponse:
    return AskResponse(status="abstain", message="Xin lỗi. " * (chars // 8))


class ChannelContract:
    """Inherit and implement the hooks; every test here then runs for that provider."""

    def make_channel(self) -> Channel:
        raise NotImplementedError

    def request_body(self) -> bytes:
        """A documented event carrying a citizen's text."""
        raise NotImplementedError

    def signed_headers(self, body: bytes) -> Mapping[str, str]:
        raise NotImplementedError

    def received(self) -> list[dict[str, Any]]:
        """The JSON bodies the stand-in server received, oldest first."""
        raise NotImplementedError

    def test_channel_is_a_channel(self) -> None:
        assert isinstance(self.make_channel(), Channel)

    def test_verify_signed_request_passes(self) -> None:
        body = self.request_body()
        self.make_channel().verify(self.signed_headers(body), body)

    def test_verify_unsigned_request_refused(self) -> None:
        with pytest.raises(Unauthorized):
            self.make_channel().verify({}, self.request_body())

    def test_verify_wrong_secret_refused(self) -> None:
        body = self.request_body()
        headers = {k: v + "0" for k, v in self.signed_headers(body).items()}
        with pytest.raises(Unauthorized):
            self.make_channel().verify(headers, body)

    def test_parse_documented_body_gives_one_event(self) -> None:
        events = self.make_channel().parse(self.request_body())
        assert len(events) == 1
        assert events[0].event_id and events[0].user_id and events[0].text.strip()

    @pytest.mark.parametrize("body", BAD_BODIES)
    def test_parse_bad_body_refused_in_vietnamese(self, body: bytes) -> None:
        with pytest.raises(InputError) as info:
            self.make_channel().parse(body)
        assert info.value.hint

    def test_render_clarify_offers_every_option(self) -> None:
        channel = self.make_channel()
        out = channel.render(clarify_response())
        shown = out.text + " ".join(o.label for o in out.options)
        assert out.options or "1." in out.text
        for word in ("bị mất", "sang tên", "Cấp đổi"):
            assert word in shown

    def test_render_long_reply_within_text_limit(self) -> None:
        channel = self.make_channel()
        assert len(channel.render(long_response()).text) <= channel.text_limit

    def test_send_reaches_provider(self) -> None:
        channel = self.make_channel()
        channel.send("42", Outgoing(text="Xin chào"), idempotency_key="k-1")
        assert any("Xin chào" in str(body) for body in self.received())
