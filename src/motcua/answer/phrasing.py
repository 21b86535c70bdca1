"""Optional plain-language rewording of the short card by the province's own language model.

Why optional and checked: the short card is already grounded, line by line, in the catalog; a
model can make it easier to read ("Không mất tiền" for "Lệ phí: miễn phí") but it can also
invent. So the model only ever sees the short card, its reply is kept only when
``check_plain`` finds nothing added or dropped, and on any failure (no answer in time, an HTTP
error, a fact the card does not hold) the card is shown as it is and the reason is logged.
Off unless ``MOTCUA_PHRASING=on`` and an LLM is configured.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from motcua._errors import ExternalServiceError
from motcua._llm import StreamingChatClient, client_from_settings
from motcua._settings import Settings
from motcua.answer.plain_check import Problem, check_plain
from motcua.answer.schema import AnswerCard, AskResponse

__all__ = ["Drafting", "Phrased", "Phraser"]

log = logging.getLogger(__name__)

SYSTEM = (
    "Bạn viết lại thẻ hướng dẫn thủ tục hành chính bằng tiếng Việt dễ hiểu cho người dân: câu "
    "ngắn, từ thông dụng, việc cần làm trước. Quy tắc bắt buộc: chỉ dùng thông tin có trong "
    "thẻ, không thêm và không bỏ thông tin nào. Giữ nguyên mọi con số, ngày tháng, lệ phí và "
    "đường dẫn, viết bằng chữ số đúng như trong thẻ. Chép nguyên văn tên giấy tờ, tên cơ quan "
    "và nơi nộp. Mỗi giấy tờ một dòng, bắt đầu bằng ☐. Không dùng markdown. Chỉ trả lời bằng "
    "thẻ đã viết lại."
)
_PROGRESS_SECONDS = 0.5  # at most one progress event this often


@dataclass(frozen=True)
class Drafting:
    """The model is writing: ``chars`` received so far (not shown: not yet checked)."""

    chars: int


@dataclass(frozen=True)
class Phrased:
    """The outcome: ``text`` when the rewording passed the check, else why not."""

    text: str | None
    reason: str = ""  # "", "verifier", "timeout", "HTTP 500", ...
    problems: tuple[Problem, ...] = field(default=())
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.text is not None


class Phraser:
    """Rewords one short card through ``client`` within ``timeout`` seconds, checked."""

    def __init__(self, client: StreamingChatClient, *, timeout: float = 20.0,
                 max_tokens: int = 1500) -> None:
        self.client = client
        self.timeout = timeout
        self.max_tokens = max_tokens

    @classmethod
    def from_settings(cls, settings: Settings) -> Phraser | None:
        """The configured phraser; None when phrasing is off or no LLM is configured."""
        if settings.phrasing == "on" and not settings.phrasing_enabled:
            log.warning("MOTCUA_PHRASING=on but no LLM configured: cards are shown as they are",
                        extra={"hint": "set MOTCUA_LLM_BASE_URL and MOTCUA_LLM_MODEL"})
        if not settings.phrasing_enabled:
            return None
        timeout = settings.phrasing_timeout_seconds
        return cls(client_from_settings(settings, timeout=timeout), timeout=timeout)

    @staticmethod
    def applies(response: AskResponse) -> bool:
        """An answer with a short card; a one-fact follow-up (``aspect``) is one line already."""
        card = response.answer
        return (response.status == "answer" and card is not None and bool(card.short.strip())
                and card.aspect is None)

    def run(self, card: AnswerCard) -> Phrased:
        """The checked rewording of ``card.short`` (or why there is none)."""
        outcome = Phrased(None, reason="no outcome")
        for event in self.stream(card):
            if isinstance(event, Phrased):
                outcome = event
        return outcome

    def stream(self, card: AnswerCard) -> Iterator[Drafting | Phrased]:
        """Progress while the model writes, then exactly one ``Phrased``."""
        start = time.monotonic()
        messages = [{"role": "system", "content": SYSTEM},
                    {"role": "user", "content": card.short}]
        pieces: list[str] = []
        last = start
        try:
            for piece in self.client.stream(messages, max_tokens=self.max_tokens,
                                            deadline=start + self.timeout):
                pieces.append(piece)
                if time.monotonic() - last >= _PROGRESS_SECONDS:
                    last = time.monotonic()
                    yield Drafting(sum(map(len, pieces)))
        except ExternalServiceError as exc:
            reason = exc.message.removeprefix("LLM request failed: ")
            yield self._refused(card, reason, (), start)
            return
        text = "".join(pieces).strip()
        problems = tuple(check_plain(card, text))
        if problems:
            yield self._refused(card, "verifier", problems, start)
            return
        seconds = time.monotonic() - start
        log.info("short card phrased", extra={"code": card.code, "chars": len(text),
                                               "seconds": round(seconds, 3)})
        yield Phrased(text, seconds=seconds)

    @staticmethod
    def _refused(card: AnswerCard, reason: str, problems: tuple[Problem, ...],
                 start: float) -> Phrased:
        seconds = time.monotonic() - start
        log.warning("phrasing refused: the card is shown as it is", extra={
            "code": card.code, "reason": reason, "seconds": round(seconds, 3),
            "problems": [f"{p.kind}: {p.span}" for p in problems[:8]]})
        return Phrased(None, reason=reason, problems=problems, seconds=seconds)
