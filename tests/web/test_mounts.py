"""Routers of other rooms mounted by the web app when those rooms are installed."""

from __future__ import annotations

import importlib.util

import pytest
from fastapi.testclient import TestClient

from tests.web.fake import FakeAssistant

Client = tuple[TestClient, FakeAssistant]


@pytest.mark.skipif(importlib.util.find_spec("motcua.cleaning.convert") is None,
                    reason="the cleaning room is not installed")
@pytest.mark.parametrize(("body", "status"), [
    ({"address": "xã Hữu Lũng, Lạng Sơn"}, 200),
    ({"address": ""}, 422),
    ({"address": "x" * 501}, 422),
    ({"addr": "Hữu Lũng"}, 422),
])
def test_mounts_clean_address(client: Client, body: dict[str, str], status: int) -> None:
    c, _ = client
    r = c.post("/api/v1/clean/address", json=body)
    assert r.status_code == status
    if status == 200:
        assert r.json()["new_ward_code"] == "06385"
    else:
        assert r.json()["error"]["code"] == "invalid_input"
