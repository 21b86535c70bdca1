"""``/api/v1/documents`` (upload, search, ask): the documents room over HTTP.

Why a hook and not routes here yet: the documents room's service (ingest, search, ask over
officials' documents) is being written; when ``motcua.documents.api`` exposes
``build_router() -> APIRouter`` it is mounted as is, so the room keeps its own HTTP shape and
this module stays the one place the web app looks for it.
"""

from __future__ import annotations

import importlib
import logging

from fastapi import APIRouter

__all__ = ["build_router"]

log = logging.getLogger(__name__)


def build_router() -> APIRouter | None:
    try:
        module = importlib.import_module("motcua.documents.api")
    except ImportError:
        return None
    factory = getattr(module, "build_router", None)
    router = factory() if callable(factory) else None
    return router if isinstance(router, APIRouter) else None
