"""The one exception tree of motcua.

Every error we raise on purpose is a ``MotcuaError`` carrying enough context for the caller to
say what went wrong and what to do. Interfaces map them at their edge only: the CLI prints the
message and exits non-zero, the HTTP API turns ``status_code``/``code`` into a JSON body.

::

    MotcuaError
    ├── ConfigError            settings are missing, insecure or contradictory
    ├── InputError             the caller gave something we cannot use (4xx at the API edge)
    │   ├── InvalidQuestion    empty, too long or not text
    │   ├── UnknownCommune     a commune name that is not in the administrative-unit list
    │   └── FileFormatError    a file we cannot read (wrong format, broken, encrypted, bad encoding)
    ├── Unauthorized           an action for officials or integrations without a valid login/key
    ├── NotFound               a procedure, document or conversation that does not exist
    ├── Conflict               the request clashes with what is stored (a document number)
    ├── StoreError             the database could not be reached or migrated
    ├── IndexError_            the search index is missing or does not match the store
    │   └── EmptyIndex         nothing imported yet to search (a state, not a fault: 409)
    └── ExternalServiceError   an optional service (LLM, OCR binary) failed or is absent
"""

from __future__ import annotations

from typing import Any


class MotcuaError(Exception):
    """Base of every deliberate motcua error."""

    status_code = 500
    code = "internal_error"

    def __init__(self, message: str, *, hint: str | None = None, **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.context = context

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape used by the CLI ``--json`` output and the HTTP API."""
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.hint:
            out["hint"] = self.hint
        safe = {k: v for k, v in self.context.items() if isinstance(v, str | int | float | bool)}
        if safe:
            out["context"] = safe
        return out


class ConfigError(MotcuaError):
    code = "config_error"


class InputError(MotcuaError):
    status_code = 400
    code = "invalid_input"


class InvalidQuestion(InputError):
    status_code = 422
    code = "invalid_question"


class UnknownCommune(InputError):
    status_code = 422
    code = "unknown_commune"


class FileFormatError(InputError):
    status_code = 422
    code = "file_format"


class Unauthorized(MotcuaError):
    status_code = 401
    code = "unauthorized"


class NotFound(MotcuaError):
    status_code = 404
    code = "not_found"


class StoreError(MotcuaError):
    status_code = 503
    code = "store_unavailable"


class IndexError_(MotcuaError):
    status_code = 503
    code = "index_unavailable"


class EmptyIndex(IndexError_):
    """Nothing was imported yet, so there is nothing to search (documents on a fresh install).

    Why not a 503: the server is fine and ``/readyz`` says ready; a 503 makes clients retry
    and monitors alarm for a state that only an import changes. 409: the request conflicts
    with the current state, and the hint says which import changes it.
    """

    status_code = 409
    code = "index_empty"


class ExternalServiceError(MotcuaError):
    status_code = 502
    code = "external_service"


class Conflict(MotcuaError):
    """Refused because it would silently overwrite something stored; the hint says how to
    ask for the replacement explicitly."""

    status_code = 409
    code = "conflict"
