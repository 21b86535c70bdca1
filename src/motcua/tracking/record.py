"""What a lookup needs of a dossier, the ``DossierSource`` protocol, and the second factor.

Why only hashes of the second factor: a status lookup must not become a way to read ID or
phone numbers, and a copy of the store must not give them either. We keep, per dossier, a
random salt and an HMAC (keyed with the server's secret) of the *last four digits* of the
applicant's ID number and of the phone, never the full numbers. Four digits are only 10,000
guesses, so the key matters: without it a stolen table cannot be tested offline, and online
guessing is stopped by the per-code lock (``audit.py``). The comparison is constant-time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from motcua.tracking.status import DossierStatus

__all__ = ["DossierRecord", "DossierSource", "FactorKey", "last4"]

_DIGITS = re.compile(r"\d")


def last4(value: object) -> str | None:
    """The last four digits of an ID number or a phone as typed (spaces, dots, +84), or None
    when fewer than four digits are given."""
    digits = "".join(_DIGITS.findall("" if value is None else str(value)))
    return digits[-4:] if len(digits) >= 4 else None


@dataclass(frozen=True)
class FactorKey:
    """The server-side key of the factor hashes (``MOTCUA_STATUS_HASH_KEY`` or the server's
    secret); changing it makes every stored hash unmatchable until the next import."""

    secret: bytes

    def digest(self, salt: str, kind: str, four: str) -> str:
        return hmac.new(self.secret, f"{salt}|{kind}|{four}".encode(), hashlib.sha256).hexdigest()

    def code_digest(self, code: str) -> str:
        """The code as the audit table keeps it: counted and locked without being readable."""
        return hmac.new(self.secret, f"code|{code}".encode(), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class DossierRecord:
    """One dossier as the lookup shows it; no personal data but the two factor hashes."""

    code: str
    procedure_name: str
    status: DossierStatus
    received_at: dt.date | None = None
    due_at: dt.date | None = None
    result_at: dt.date | None = None
    returned_at: dt.date | None = None
    pickup_place: str = ""
    salt: str = ""
    id_hash: str | None = None
    phone_hash: str | None = None

    @classmethod
    def hashed(cls, key: FactorKey, *, id_number: object = None, phone: object = None,
               **fields: object) -> DossierRecord:
        """A record whose factors are hashed here from whatever digits were given; the
        numbers themselves go no further than this call."""
        salt = secrets.token_hex(8)
        id4, phone4 = last4(id_number), last4(phone)
        return cls(salt=salt, id_hash=key.digest(salt, "id", id4) if id4 else None,
                   phone_hash=key.digest(salt, "phone", phone4) if phone4 else None,
                   **fields)  # type: ignore[arg-type]

    def matches(self, key: FactorKey, four: str) -> bool:
        """True when ``four`` is the last four digits of the ID number or of the phone.
        Both are always computed and compared (constant time, same work either way)."""
        ok = False
        for kind, stored in (("id", self.id_hash), ("phone", self.phone_hash)):
            given = key.digest(self.salt, kind, four)
            ok |= hmac.compare_digest(given, stored or "0" * len(given)) and stored is not None
        return ok


@runtime_checkable
class DossierSource(Protocol):
    """Where dossier states come from: the imported export, or the one-stop system's API.
    ``get`` takes a canonical code (``codes.canonical_code``) and returns None when unknown;
    ``ExternalServiceError`` when the source cannot answer."""

    def get(self, code: str) -> DossierRecord | None: ...
