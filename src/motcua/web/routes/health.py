"""Liveness and readiness for the process supervisor and load balancer."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from motcua.web.deps import StateDep

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, Any]:
    """The process answers: it does not look at the database or the index."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(state: StateDep) -> JSONResponse:
    """200 when the database answers and every index is loaded, else 503 with details.

    ``indexes`` says, per index served, which store generation it was built from, the
    store's, and whether they agree (``fresh``): an index being rebuilt after an import is
    still served (ready, not fresh); a missing, damaged or unloadable one is not ready.
    ``version`` is the content hash of the index served and, for procedures,
    ``latest_version`` the newest build recorded in the store by any worker (equal once this
    worker follows it: docs/scaling.md). The messages name no server path. A sync handler:
    the first call may load an index, which must not run on the event loop.
    """
    checks, indexes = state.readiness()
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse({"status": "ready" if ready else "not_ready", "checks": checks,
                         "indexes": indexes}, status_code=200 if ready else 503)
