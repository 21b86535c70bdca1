"""The status lookup inside the citizen flow: code, second factor, lock, audit, reply.

Why it answers before the assistant: a message carrying a dossier code is a request for that
dossier's state, never a procedure question; the assistant would only search the catalog for
the digits. ``CitizenService.handle`` asks ``StatusLookup.handle`` first and goes on to the
assistant when it returns None (no code in the message, nor a factor for the code just asked).

Why nothing is shown before the factor matches: a code is printed on a paper receipt and
codes run in sequence; the last four digits of the applicant's ID number or phone are what
only the applicant (or someone they trust) knows. Not found and wrong factor get the same
reply, so a try does not tell whether a code exists, and both count towards the lock.

What is kept of the citizen's message: "Tra cứu hồ sơ <code>" and a marker for the factor,
never the digits (the code stays so that the next message can carry the factor).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from motcua._errors import ExternalServiceError
from motcua._settings import Settings
from motcua.answer.schema import AskResponse
from motcua.store.db import Database
from motcua.text import fold
from motcua.tracking import audit
from motcua.tracking.codes import find_code
from motcua.tracking.record import DossierRecord, DossierSource, FactorKey
from motcua.tracking.status import describe

__all__ = ["FACTOR_MARKER", "StatusLookup", "Tracked", "factor_key", "find_factor",
           "source_for"]

log = logging.getLogger(__name__)
FACTOR_MARKER = "[4 số cuối]"
_VN = ZoneInfo("Asia/Ho_Chi_Minh")
_GROUP = re.compile(r"(?<![\w.])\d(?:[ .\-]?\d)*(?![\w])")
_FOLLOW_UP_CHARS = 80  # longer than this without a code: a new question, not the factor
_FILLER = frozenset({  # the words around a factor in a reply, folded
    "so", "cuoi", "bon", "chu", "cccd", "cmnd", "can", "cuoc", "cong", "dan", "dinh", "danh",
    "giay", "to", "sdt", "dt", "dien", "thoai", "di", "la", "cua", "em", "toi", "chau", "minh",
    "con", "anh", "chi", "a", "ah", "da", "vang", "ma", "xac", "nhan", "oi", "nhe", "nha", "ok",
    "day", "the", "va", "hoac", "nguoi", "nop", "ho", "ban", "ghi"})

_ASKING = frozenset({"tra", "cuu", "tinh", "trang", "kiem", "xem", "giup", "cho", "hoi", "den",
                     "dau", "roi", "nao", "sao", "ve", "voi", "vay"})
_CUE = re.compile(r"so cuoi|cccd|cmnd|can cuoc|dinh danh|sdt|dien thoai|di dong")


def find_factor(text: str) -> str | None:
    """The four digits in a reply ("1234", "4 số cuối CCCD là 1234"); a whole ID number or
    phone (9 to 12 digits) gives its last four. The last such group wins."""
    found = None
    for m in _GROUP.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) == 4 or 9 <= len(digits) <= 12:
            found = digits[-4:]
    return found


def _factor_reply(text: str) -> bool:
    """True when a message is only the factor and the words around it ("4 số cuối CCCD của
    em là 1234 ạ"): "khai sinh năm 2024 cần gì" after a lookup is a new question."""
    if len(text) > _FOLLOW_UP_CHARS or find_factor(text) is None:
        return False
    words = re.findall(r"[a-z]+", fold(_GROUP.sub(" ", text)).lower())
    return all(w in _FILLER for w in words)


def _factor_given(rest: str) -> bool:
    """Beside a code, digits are the factor when a cue names them ("4 số cuối", "CCCD",
    "SĐT") or nothing but lookup words surround them: "hồ sơ ... nộp năm 2025" asks."""
    folded = fold(rest).lower()
    if _CUE.search(folded):
        return True
    words = re.findall(r"[a-z]+", fold(_GROUP.sub(" ", rest)).lower())
    return all(w in _FILLER or w in _ASKING for w in words)


def factor_key(settings: Settings) -> FactorKey:
    secret = settings.status_hash_key
    value = secret.get_secret_value() if secret is not None else settings.session_secret()
    return FactorKey(value.encode())


def source_for(settings: Settings, db: Database | None, fkey: FactorKey) -> DossierSource | None:
    """The configured source: the one-stop system's API when its URL is set (with its key,
    else ``ExternalServiceError``), else the imported dossiers (None without a store)."""
    if settings.status_source_url:
        from motcua.tracking.http import HttpSource

        if settings.status_source_key is None:  # half configured: say so, show nothing
            log.warning("MOTCUA_STATUS_SOURCE_URL is set without MOTCUA_STATUS_SOURCE_KEY")
            raise ExternalServiceError("MOTCUA_STATUS_SOURCE_KEY chưa được đặt",
                                       hint="đặt khóa của hệ thống một cửa, hoặc bỏ URL")

        return HttpSource(settings.status_source_url, settings.status_source_key, fkey,
                          timeout=settings.status_source_timeout_seconds)
    if db is None:
        return None
    from motcua.tracking.store import StoredSource

    return StoredSource(db)


@dataclass(frozen=True)
class Tracked:
    response: AskResponse
    stored_text: str  # what the conversation keeps of the citizen's message


def _reply(status: str, reason: str, message: str) -> AskResponse:
    return AskResponse(status=status, reason=reason, message=message)  # type: ignore[arg-type]


class StatusLookup:
    def __init__(self, settings: Settings, db: Database | None,
                 source: DossierSource | None = None, fkey: FactorKey | None = None) -> None:
        self.settings, self.db = settings, db
        self._fkey = fkey
        self._source = source
        self.policy = audit.LockPolicy(max_failures=settings.status_max_failures,
                                       lock=dt.timedelta(minutes=settings.status_lock_minutes))

    @property
    def fkey(self) -> FactorKey:
        """Read only once a code is seen: most messages carry none (and the server's secret
        may be a file read)."""
        if self._fkey is None:
            self._fkey = factor_key(self.settings)
        return self._fkey

    def handle(self, text: str, history: list[str], *, channel: str,
               conversation_id: str | None) -> Tracked | None:
        """The reply to a message about a dossier, or None when it is not about one."""
        found = find_code(text)
        if found is not None:
            code, rest = found.code, text[:found.start] + " " + text[found.end:]
        else:
            earlier = find_code(history[-1]) if history else None
            if earlier is None or not _factor_reply(text):
                return None
            code, rest = earlier.code, text
        four = find_factor(rest) if found is None or _factor_given(rest) else None
        stored = f"Tra cứu hồ sơ {code}" + (f" {FACTOR_MARKER}" if four else "")
        return Tracked(self._answer(code, four, channel, conversation_id), stored)

    def _answer(self, code: str, four: str | None, channel: str,
                conversation_id: str | None) -> AskResponse:
        if self.db is None:
            return _reply("abstain", "dossier_unavailable", "Tra cứu hồ sơ có trên trang "
                          "web và các kênh nhắn tin của xã; ở đây chưa tra cứu được.")
        digest = self.fkey.code_digest(code)
        asker = (hashlib.sha256(f"asker|{conversation_id}".encode()).hexdigest()[:32]
                 if conversation_id else None)

        def audited(outcome: audit.Outcome, response: AskResponse) -> AskResponse:
            assert self.db is not None
            audit.record(self.db, channel=channel, code_digest=digest, asker_digest=asker,
                         outcome=outcome)
            log.info("dossier lookup", extra={"channel": channel, "code_digest": digest[:12],
                                              "outcome": outcome.value})
            return response

        if audit.locked(self.db, self.policy, code_digest=digest, asker_digest=asker):
            return audited(audit.Outcome.LOCKED, _reply(
                "abstain", "dossier_locked", f"Mã hồ sơ {code} đang tạm khóa tra cứu vì đã "
                f"nhập sai nhiều lần. Bạn thử lại sau {self.settings.status_lock_minutes} "
                "phút, hoặc hỏi trực tiếp bộ phận một cửa."))
        if four is None:
            return audited(audit.Outcome.ASKED, _reply(
                "clarify", "dossier_factor", f"Để bảo vệ thông tin của người nộp hồ sơ {code}, "
                "bạn gửi 4 số cuối của số CCCD (hoặc của số điện thoại) đã khai khi nộp."))
        try:
            record = self._lookup(code)
        except ExternalServiceError:
            return audited(audit.Outcome.UNAVAILABLE, _reply(
                "abstain", "dossier_unavailable", "Hệ thống một cửa chưa trả lời được. Bạn "
                "thử lại sau ít phút."))
        if record is None or not record.matches(self.fkey, four):
            outcome = audit.Outcome.NOT_FOUND if record is None else audit.Outcome.WRONG_FACTOR
            return audited(outcome, _reply(
                "abstain", "dossier_unmatched", f"Không tìm thấy hồ sơ {code} với 4 số cuối "
                "bạn gửi. Bạn kiểm tra lại mã trên giấy biên nhận và 4 số cuối của số CCCD "
                "hoặc số điện thoại của người nộp."))
        return audited(audit.Outcome.SHOWN, _reply("answer", "dossier_status", describe(
            code=record.code, procedure_name=record.procedure_name, status=record.status,
            received_at=record.received_at, due_at=record.due_at, result_at=record.result_at,
            returned_at=record.returned_at, pickup_place=record.pickup_place,
            today=dt.datetime.now(_VN).date())))

    def _lookup(self, code: str) -> DossierRecord | None:
        source = self._source or source_for(self.settings, self.db, self.fkey)
        if source is None:
            return None
        try:
            return source.get(code)
        finally:
            close = getattr(source, "close", None)
            if self._source is None and callable(close):
                close()
