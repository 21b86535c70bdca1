"""The console cookie: a random session token, signed; CSRF tokens derived from it.

Why sign a token that the store already knows: a cookie that was not made by this server
(guessed, tampered, or signed with a leaked or public development secret) is refused before
the database is asked. Whether the login is still live (not logged out, not expired, user
still active) is the store's answer (``motcua.service.sessions``).
Why bytes in ``compare_digest``: it refuses ``str`` with non-ASCII characters (TypeError, a
500 for a hostile form value); any text is compared as its UTF-8 bytes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

__all__ = ["COOKIE", "SessionSigner"]

COOKIE = "motcua_session"
_TOKEN = re.compile(r"^[A-Za-z0-9_\-]{43}$")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


class SessionSigner:
    def __init__(self, secret: str, *, max_age_seconds: int) -> None:
        self._key = hashlib.sha256(("motcua-session:" + secret).encode("utf-8")).digest()
        self.max_age = max_age_seconds

    def _mac(self, payload: str) -> str:
        digest = hmac.new(self._key, _bytes(payload), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def sign(self, token: str) -> str:
        """The cookie value for a session token."""
        return f"{token}.{self._mac('session:' + token)}"

    def verify(self, cookie: str | None) -> str | None:
        """The session token of a cookie this server signed; None for anything else."""
        if not cookie or len(cookie) > 200:
            return None
        token, _, mac = cookie.partition(".")
        if not _TOKEN.match(token):
            return None
        if not hmac.compare_digest(_bytes(self._mac("session:" + token)), _bytes(mac)):
            return None
        return token

    def keyed_hash(self, value: str) -> str:
        """An HMAC of ``value`` with the server's secret: a stable key for counting that
        does not store ``value`` (what was typed at a failed login)."""
        return self._mac("keyed:" + value)

    def csrf(self, cookie: str) -> str:
        """A form token bound to the session cookie: a forged cross-site form cannot know it."""
        return self._mac("csrf:" + cookie)

    def check_csrf(self, cookie: str | None, csrf: str | None) -> bool:
        if not cookie or not csrf:
            return False
        return hmac.compare_digest(_bytes(self.csrf(cookie)), _bytes(csrf))
