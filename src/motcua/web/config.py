"""Settings of the web service only (limits, keys, polling), read from ``MOTCUA_WEB_*``.

Why a class of its own: the project-wide settings stay small; these knobs matter only to
whoever runs ``motcua serve`` and are documented in docs/service.md.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["WebConfig"]


class WebConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MOTCUA_WEB_", extra="ignore")

    max_body_bytes: int = Field(default=16_384, description="larger request bodies get 413")
    rate_limit_per_minute: int = Field(
        default=30, description="requests to /api/ per client IP per minute; 0 disables")
    api_key_rate_limit_per_minute: int = Field(
        default=600, description="requests per minute for a client with a valid API key")
    require_api_key: bool = Field(
        default=False, description="refuse /api/v1 requests without a valid X-API-Key "
        "(the citizen page then needs a reverse proxy adding one)")
    poll_interval_ms: int = 4000
    session_hours: int = 8
    sample: bool = Field(default=False, description="import the bundled sample catalog and "
                         "commune profiles when the store is empty")
    profile_ttl_seconds: float = 30.0
    threads: int = Field(default=40, description="threads per worker for blocking handlers")
