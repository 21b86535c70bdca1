"""``POST /api/v1/clean/address``: the cleaning room's address conversion over HTTP.

Why a separate module: the cleaning room owns the logic (``motcua.cleaning.convert``); this
router only validates the request and returns ``AddressResult.to_dict()``. It is mounted only
when that room is importable.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

__all__ = ["build_router"]

log = logging.getLogger(__name__)


class AddressRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    address: str = Field(min_length=1, max_length=500)


class AddressBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    addresses: list[str] = Field(min_length=1, max_length=1000)


def build_router() -> APIRouter | None:
    try:
        from motcua.cleaning.convert import clean_address
    except ImportError as exc:
        log.info("cleaning room unavailable", extra={"error": str(exc)})
        return None
    router = APIRouter(prefix="/api/v1/clean", tags=["cleaning"])

    @router.post("/address")
    def address(body: AddressRequest) -> dict[str, Any]:
        """An address in any old or new form → the new province and commune (or ambiguous)."""
        result: dict[str, Any] = clean_address(body.address).to_dict()
        return result

    @router.post("/addresses")
    def addresses(body: AddressBatch) -> dict[str, Any]:
        return {"items": [clean_address(a[:500]).to_dict() for a in body.addresses]}

    return router
