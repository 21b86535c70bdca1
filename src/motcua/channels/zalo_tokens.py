"""The Zalo OA token pair, kept in the database and refreshed single-flight.

Why so careful: Zalo's refresh token can be used once; two workers refreshing at the same time
would burn it and leave the OA without tokens until someone logs in again. So a refresh holds a
process lock, a file lock in the data home (every worker of this machine) and the row's
``SELECT ... FOR UPDATE`` (PostgreSQL: every machine); whoever comes second finds the access
token already changed and uses the new one. The new pair is written in the same transaction.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path

import httpx
from filelock import FileLock
from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from motcua._errors import ConfigError, ExternalServiceError
from motcua.store.db import Database
from motcua.store.models import Base, utcnow

__all__ = ["TokenKeeper", "ZaloTokenRow"]

log = logging.getLogger(__name__)


class ZaloTokenRow(Base):
    __tablename__ = "zalo_tokens"

    app_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    access_token: Mapped[str] = mapped_column(Text)
    refresh_token: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TokenKeeper:
    def __init__(self, db: Database, *, app_id: str, app_secret: str, access_token: str,
                 refresh_token: str, oauth_base: str, lock_dir: Path,
                 client: httpx.Client | None = None) -> None:
        """``access_token``/``refresh_token``: the pair from the settings, used only until
        the database holds one (after that, the stored pair is the truth)."""
        self.db, self.app_id, self._secret = db, app_id, app_secret
        self._seed = (access_token, refresh_token)
        self._url = f"{oauth_base.rstrip('/')}/v4/oa/access_token"
        lock_dir.mkdir(parents=True, exist_ok=True)
        self._file_lock = FileLock(str(lock_dir / f"zalo-token-{app_id}.lock"))
        self._lock = threading.Lock()
        self._client = client or httpx.Client(timeout=httpx.Timeout(15.0, connect=5.0))

    def access_token(self) -> str:
        with self.db.session() as s:
            row = s.get(ZaloTokenRow, self.app_id)
            if row is not None:
                return row.access_token
        if not self._seed[0] and not self._seed[1]:
            raise ConfigError("chưa có mã truy cập Zalo OA",
                              hint="đặt MOTCUA_ZALO_REFRESH_TOKEN (và MOTCUA_ZALO_ACCESS_TOKEN)")
        return self._seed[0]

    def refresh(self, stale: str) -> str:
        """A fresh access token; refreshes only if ``stale`` is still the current one."""
        with self._lock, self._file_lock, self.db.session() as s:
            row = s.scalars(select(ZaloTokenRow).where(ZaloTokenRow.app_id == self.app_id)
                            .with_for_update()).first()
            current = row.access_token if row is not None else self._seed[0]
            if current != stale and current:
                return current  # another worker refreshed while we waited
            refresh = row.refresh_token if row is not None else self._seed[1]
            access, new_refresh = self._exchange(refresh)
            if row is None:
                s.add(ZaloTokenRow(app_id=self.app_id, access_token=access,
                                   refresh_token=new_refresh))
            else:
                row.access_token, row.refresh_token, row.updated_at = access, new_refresh, utcnow()
            log.info("zalo token refreshed", extra={"app_id": self.app_id})
            return access

    def _exchange(self, refresh: str) -> tuple[str, str]:
        try:
            resp = self._client.post(self._url, headers={"secret_key": self._secret}, data={
                "refresh_token": refresh, "app_id": self.app_id, "grant_type": "refresh_token"})
            body = resp.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise ExternalServiceError("không làm mới được mã truy cập Zalo",
                                       hint="kiểm tra kết nối tới oauth.zaloapp.com",
                                       error=type(exc).__name__) from None
        access, new_refresh = body.get("access_token"), body.get("refresh_token")
        if not isinstance(access, str) or not isinstance(new_refresh, str):
            raise ExternalServiceError("Zalo từ chối làm mới mã truy cập",
                                       hint="cấp lại mã OA (đăng nhập lại ứng dụng Zalo) và đặt "
                                            "MOTCUA_ZALO_REFRESH_TOKEN", status=401,
                                       error=str(body.get("error_name", body.get("error")))[:80])
        return access, new_refresh
