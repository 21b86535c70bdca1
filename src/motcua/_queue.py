"""The background job queue every room shares: Huey, embedded in the serving process.

Why one helper: uploads and channel deliveries both need the same choice (``SqliteHuey`` in a
file of the data home by default, no server; ``RedisHuey`` when ``MOTCUA_REDIS_URL`` is set, so
several machines share one queue) and the same consumer that runs as threads inside uvicorn or
the CLI without taking over their signals.
"""

from __future__ import annotations

import hashlib
from typing import Any

from huey import RedisHuey, SqliteHuey
from huey.consumer import Consumer

from motcua._errors import ConfigError
from motcua._settings import Settings

__all__ = ["EmbeddedConsumer", "make_huey", "queue_name", "start_consumer"]


class EmbeddedConsumer(Consumer):
    def _set_signal_handlers(self) -> None:
        """uvicorn (or the CLI) owns this process's signals."""


def queue_name(room: str, db_url: str) -> str:
    """One queue per room and database, so that two stores sharing a data home never swap jobs."""
    return f"motcua-{room}-" + hashlib.sha256(db_url.encode()).hexdigest()[:10]


def make_huey(settings: Settings, name: str) -> Any:
    if settings.redis_url:
        try:
            return RedisHuey(name, url=settings.redis_url, results=False)
        except ImportError as exc:
            raise ConfigError("MOTCUA_REDIS_URL is set but the redis package is missing",
                              hint="pip install redis, or unset MOTCUA_REDIS_URL") from exc
    settings.home.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(name, filename=str(settings.home / "jobs.sqlite3"), results=False)


def start_consumer(huey: Any, *, shutdown_timeout: float) -> EmbeddedConsumer:
    """One worker thread polling at most every half second, so that a job starts promptly."""
    consumer = EmbeddedConsumer(huey, workers=1, worker_type="thread", periodic=False,
                                max_delay=0.5, check_worker_health=False,
                                shutdown_timeout=shutdown_timeout)
    consumer.start()
    return consumer
