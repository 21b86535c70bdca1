"""Structured logging: one JSON object per line on stderr.

Why JSON: service-centre machines ship logs to whatever the province runs; key=value pairs
survive every collector. Secrets never reach a log record: settings hold them as SecretStr.
"""

from __future__ import annotations

import json
import logging
from typing import Any

__all__ = ["configure_logging"]

_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None)))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update({k: v for k, v in vars(record).items() if k not in _RESERVED})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def _configured_level() -> str:
    """MOTCUA_LOG_LEVEL; WARNING while the settings are invalid (the command then says why)."""
    from motcua._errors import ConfigError
    from motcua._settings import get_settings

    try:
        return get_settings().log_level
    except ConfigError:
        return "WARNING"


def configure_logging(level: str | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("motcua")
    root.handlers[:] = [handler]
    root.setLevel((level or _configured_level()).upper())
    root.propagate = False
