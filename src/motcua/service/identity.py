"""Who a request or command acts for: the logged-in official.

Why its own module: the accounts and the console sessions both hand it out, and the sessions
module must not import the accounts module that revokes sessions (no import cycle).
"""

from __future__ import annotations

__all__ = ["UNKNOWN_USER", "UserInfo"]

# The audit actor of a failed login whose username does not exist: what was typed may be a
# password typed into the wrong field, so it is never stored.
UNKNOWN_USER = "unknown user"


class UserInfo:
    """What a request handler needs to know about the logged-in official."""

    def __init__(self, id: int, username: str, role: str, commune_code: str | None) -> None:
        self.id, self.username, self.role, self.commune_code = id, username, role, commune_code

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def scope(self) -> str | None:
        """The commune an officer is limited to; None for a province admin (all communes)."""
        return None if self.is_admin else self.commune_code
