"""``DossierSource`` over the one-stop system's HTTP API (``MOTCUA_STATUS_SOURCE_URL`` + key).

The contract we call (docs/channels.md): ``GET {url}/{code}`` with ``Authorization: Bearer
{key}``; 200 with one JSON object of the export's fields (``code``, ``status`` as 1-10 or its
label, the dates, ``pickup_place``, and ``id_number``/``phone`` or their last four digits),
404 when the code is unknown. The numbers are hashed on arrival like an import's and never
kept or logged; the key is a ``SecretStr`` and appears in no message.

Why no retries here: the citizen is waiting for this reply; one bounded try, then a clear
"try later" is better than a slow answer, and the source's own load is not multiplied.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

import httpx
from pydantic import SecretStr

from motcua._errors import ExternalServiceError, InputError
from motcua.tracking.importer import record_from_mapping
from motcua.tracking.record import DossierRecord, FactorKey

__all__ = ["HttpSource"]

log = logging.getLogger(__name__)


class HttpSource:
    def __init__(self, url: str, key: SecretStr, fkey: FactorKey, *, timeout: float = 5.0,
                 client: httpx.Client | None = None) -> None:
        self.url = url.rstrip("/")
        self._key = key
        self._fkey = fkey
        self._client = client or httpx.Client(timeout=httpx.Timeout(timeout, connect=timeout))

    def _fail(self, why: str, **context: object) -> ExternalServiceError:
        log.warning("dossier source failed", extra={"source": self.url, "why": why, **context})
        return ExternalServiceError(f"hệ thống một cửa không trả lời được ({why})",
                                    hint="thử lại sau ít phút", source="http")

    def get(self, code: str) -> DossierRecord | None:
        headers = {"Authorization": f"Bearer {self._key.get_secret_value()}",
                   "Accept": "application/json"}
        try:
            resp = self._client.get(f"{self.url}/{quote(code, safe='')}", headers=headers)
        except httpx.TimeoutException:
            raise self._fail("quá thời gian chờ") from None
        except httpx.HTTPError as exc:
            raise self._fail("không kết nối được", error=type(exc).__name__) from None
        if resp.status_code == 404:
            return None
        if resp.status_code in (401, 403):
            raise self._fail("khóa truy cập bị từ chối", status=resp.status_code)
        if resp.status_code != 200:
            raise self._fail(f"mã lỗi {resp.status_code}", status=resp.status_code)
        try:
            item = resp.json()
        except ValueError:
            raise self._fail("dữ liệu không phải JSON") from None
        if not isinstance(item, dict):
            raise self._fail("dữ liệu không phải một hồ sơ")
        try:
            record = record_from_mapping(item, self._fkey)
        except InputError as exc:
            raise self._fail("dữ liệu hồ sơ không hợp lệ", detail=exc.message[:200]) from None
        if record.code != code:
            raise self._fail("trả về hồ sơ khác mã đã hỏi")
        return record

    def close(self) -> None:
        self._client.close()
