"""Routers other rooms expose (documents, cleaning), mounted when those rooms are installed.

Why optional: the web room must not depend on rooms that are still being written; each router
module imports its room lazily and reports whether it could mount.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI

__all__ = ["mount_optional_routers"]

log = logging.getLogger(__name__)


def mount_optional_routers(app: FastAPI) -> list[str]:
    mounted = []
    from motcua.web.routes import channels, cleaning, console_dossiers, documents, dossiers

    for name, module in (("documents", documents), ("cleaning", cleaning),
                         ("channels", channels), ("dossiers", dossiers),
                         ("console dossiers", console_dossiers)):
        router = module.build_router()
        if router is None:
            log.info("router not mounted: its room is not available", extra={"room": name})
            continue
        app.include_router(router)
        mounted.append(name)
    return mounted
