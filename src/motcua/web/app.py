"""The FastAPI application factory.

``create_app(settings, assistant=None)`` is what tests call with a fake assistant;
``app_from_env()`` is what ``motcua serve`` hands uvicorn (``factory=True``) so that every
worker process builds its own app, database pool and index from the environment.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import event

from motcua._settings import Settings, get_settings
from motcua.answer._protocol import AssistantProtocol
from motcua.communes.registry import ProfileRegistry, ensure_sample_profiles
from motcua.service.accounts import verify_api_key
from motcua.store.db import Database, open_database
from motcua.web.errors import install_error_handlers
from motcua.web.headers import SecurityHeadersMiddleware
from motcua.web.limits import BodyLimitMiddleware, RateLimitMiddleware
from motcua.web.mounts import mount_optional_routers
from motcua.web.ratelimit import build_limiter
from motcua.web.routes import api, citizen, console, health
from motcua.web.sessions import SessionSigner
from motcua.web.state import ServiceState
from motcua.web.textguard import LoneSurrogateMiddleware

__all__ = ["app_from_env", "create_app"]

log = logging.getLogger(__name__)
_HERE = Path(__file__).parent
_VN = timezone(timedelta(hours=7))
_MULTIPART_ROOM = 64 * 1024  # multipart headers and boundaries around the uploaded file
# How the console names where a conversation came from (Conversation.channel).
CHANNEL_NAMES = {"web": "Trang web", "cli": "Dòng lệnh", "telegram": "Telegram",
                 "zalo": "Zalo", "webhook": "Hệ thống của tỉnh"}


def _local_time(value: Any) -> str:
    """Times are stored in UTC; officials read them in Vietnam's time (UTC+7)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(_VN).strftime("%d/%m/%Y %H:%M")


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(_HERE / "templates"))
    templates.env.filters["localtime"] = _local_time
    templates.env.globals["channel_names"] = CHANNEL_NAMES
    return templates


def _mount_api_docs(app: FastAPI) -> None:
    """The OpenAPI page at /docs with Swagger UI served by the app itself.

    Why not FastAPI's default: it loads the viewer from a CDN, and service centres may have no
    internet; the assets come from the ``swagger-ui-bundle`` package instead.
    """
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def _docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title="motcua API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )


def seed_sample(settings: Settings, db: Database) -> None:
    """The bundled sample catalog and commune profiles, only into an empty store."""
    from motcua.catalog.bootstrap import ensure_sample

    ensure_sample(settings, db=db)
    ensure_sample_profiles(db)


def _sqlite_for_service(db: Database) -> None:
    """WAL with ``synchronous=NORMAL`` for the service's own connections.

    Why: with FULL, each answer's commit waits for an fsync (3.7 ms measured, vs 1.3 ms), and
    SQLite has one writer at a time, so at 200 users the queue of writers set the latency
    (bench/load.py: ask p50 560 ms). In WAL mode NORMAL never corrupts the database; a power
    cut may lose the last commits (chat messages), which the service accepts.
    """
    if db.engine.dialect.name != "sqlite":
        return

    def _normal(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    event.listen(db.engine, "connect", _normal)
    db.engine.dispose()  # connections opened before (migrations) get the pragma when reopened


def _start_jobs(settings: Settings, db: Database) -> Callable[[], None]:
    """Start this worker's consumer of upload jobs, so that jobs queued before a restart run.

    Returns its stop; a no-op when the documents room is not installed.
    """
    try:
        from motcua.documents.jobs import start_job_consumer
    except ImportError:
        return lambda: None
    return start_job_consumer(settings, db)


def _start_channels(state: ServiceState) -> Callable[[], None]:
    """Start the channel delivery worker when a channel is configured: replies a restart
    interrupted are sent (or marked unknown) before new events arrive."""
    from motcua.channels.delivery import delivery_for

    delivery = delivery_for(state.settings, state.db, lambda: state.assistant)
    if delivery is None:
        return lambda: None
    delivery.ensure_consumer()
    return delivery.stop


def _start_index_watch(state: ServiceState) -> Callable[[], None]:
    """Follow the store's index versions in a thread (NOTIFY and poll), unless the app was
    given its assistant (tests): a new catalog is served without a restart or a request."""
    if state._assistant is not None:
        return lambda: None
    from motcua.web.index_watch import IndexWatcher

    watcher = IndexWatcher(state, poll_seconds=state.settings.index_poll_seconds)
    watcher.start()
    return watcher.stop


def create_app(settings: Settings | None = None, assistant: AssistantProtocol | None = None, *,
               db: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    db = db or open_database(settings.db_url)
    _sqlite_for_service(db)
    if settings.sample:
        seed_sample(settings, db)
    registry = ProfileRegistry(db, ttl=settings.profile_ttl_seconds,
                               province=settings.default_province)
    state = ServiceState(settings=settings, db=db, registry=registry,
                         signer=SessionSigner(settings.session_secret(),
                                              max_age_seconds=settings.session_hours * 3600),
                         _assistant=assistant)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        stop_jobs = _start_jobs(settings, db)
        stop_channels = _start_channels(state)
        stop_watch = _start_index_watch(state)
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(stop_watch)
            await anyio.to_thread.run_sync(stop_channels)
            await anyio.to_thread.run_sync(stop_jobs)

    app = FastAPI(title="motcua", lifespan=lifespan, version="1", docs_url=None, redoc_url=None,
                  description="Trợ lý thủ tục hành chính một cửa: API cho người dân, cán bộ và "
                              "hệ thống tích hợp.")
    app.state.service = state
    app.state.templates = _templates()
    _mount_api_docs(app)
    install_error_handlers(app, private_roots=[settings.home, settings.shared_dir])

    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(citizen.router)
    app.include_router(console.router)
    mount_optional_routers(app)
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")

    app.add_middleware(RateLimitMiddleware, limiter=build_limiter(settings),
                       per_minute=settings.rate_limit_per_minute,
                       address_per_minute=settings.rate_limit_per_address_per_minute,
                       anonymous_per_minute=settings.rate_limit_anonymous_per_minute,
                       key_per_minute=settings.api_key_rate_limit_per_minute,
                       verify_key=lambda key: verify_api_key(db, key),
                       verify_session=state.signer.verify, trusted=settings.proxies,
                       require_key=settings.require_api_key)
    app.add_middleware(LoneSurrogateMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes,
                       overrides={"/api/v1/documents": settings.doc_max_bytes + _MULTIPART_ROOM,
                                  "/api/v1/clean": 25 * 1024 * 1024,
                                  "/api/v1/dossiers/import":
                                      settings.dossier_max_bytes + _MULTIPART_ROOM,
                                  "/console/dossiers/import":
                                      settings.dossier_max_bytes + _MULTIPART_ROOM})
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn calls in each worker (``motcua.web.app:app_from_env``)."""
    from motcua._logging import configure_logging

    configure_logging()
    settings = get_settings()
    app = create_app(settings)
    if settings.sample_fallback and not settings.sample:
        # Started by uvicorn directly (not motcua serve, which seeds once before the workers):
        # an empty store serves the bundled sample, and every answer says so.
        from motcua.catalog.bootstrap import ensure_sample

        ensure_sample(settings, db=app.state.service.db)
    app.state.service.warm_up()
    return app
