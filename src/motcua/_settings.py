"""One settings class for the whole application.

Why one class: every room reads the same environment the same way, and the refusal of insecure
defaults outside development lives in one place.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from motcua._errors import ConfigError

_DEV_SECRET = "dev-insecure-secret-change-me"


def _default_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "motcua"


class Settings(BaseSettings):
    """Environment variables prefixed ``MOTCUA_`` (``MOTCUA_HOME``, ``MOTCUA_DATABASE_URL``...)."""

    model_config = SettingsConfigDict(env_prefix="MOTCUA_", extra="ignore")

    env: str = Field(default="development", description="development | production | test")
    home: Path = Field(default_factory=_default_home)
    database_url: str | None = None
    shared: Path | None = None
    secret_key: SecretStr = SecretStr(_DEV_SECRET)
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    default_province: str = "Lạng Sơn"
    max_question_chars: int = 500
    conversation_retention_days: int = 180

    @model_validator(mode="after")
    def _refuse_insecure_outside_dev(self) -> Settings:
        if self.env == "production" and self.secret_key.get_secret_value() == _DEV_SECRET:
            raise ConfigError(
                "MOTCUA_SECRET_KEY is the development default",
                hint="set MOTCUA_SECRET_KEY to a long random value in production",
            )
        return self

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL; SQLite in the data home unless ``MOTCUA_DATABASE_URL`` is set."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'motcua.db'}"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def shared_dir(self) -> Path:
        """The shared real data folder: ``MOTCUA_SHARED`` or ``../shared`` beside the project."""
        if self.shared:
            return self.shared
        return Path(__file__).resolve().parents[3] / "shared"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
