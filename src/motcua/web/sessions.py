"""Signed session cookies for the officials' console, and CSRF tokens derived from them.

Why stdlib HMAC instead of a session store: the cookie carries only the user id and the time
it was issued, signed with ``MOTCUA_SECRET_KEY``; any worker can check it without shared
state, and a deactivated user is refused because every request re-reads the user row.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

__all__ = ["COOKIE", "SessionSigner"]

COOKIE = "motcua_session"


class SessionSigner:
    def __init__(self, secret: str, *, max_age_seconds: int) -> None:
        self._key = hashlib.sha256(("motcua-session:" + secret).encode("utf-8")).digest()
        self.max_age = max_age_seconds

    def _mac(self, payload: str) -> str:
        digest = hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def sign(self, user_id: int, now: float | None = None) -> str:
        payload = f"{user_id}.{int(now if now is not None else time.time())}"
        return f"{payload}.{self._mac(payload)}"

    def verify(self, token: str | None, now: float | None = None) -> int | None:
        """The user id of a valid, unexpired cookie; None for anything else."""
        if not token or len(token) > 200:
            return None
        parts = token.split(".")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
            return None
        payload = f"{parts[0]}.{parts[1]}"
        if not hmac.compare_digest(self._mac(payload), parts[2]):
            return None
        age = (now if now is not None else time.time()) - int(parts[1])
        if age < 0 or age > self.max_age:
            return None
        return int(parts[0])

    def csrf(self, token: str) -> str:
        """A form token bound to the session cookie: a forged cross-site form cannot know it."""
        return self._mac("csrf:" + token)

    def check_csrf(self, token: str | None, csrf: str | None) -> bool:
        return bool(token and csrf) and hmac.compare_digest(self.csrf(token or ""), csrf or "")
