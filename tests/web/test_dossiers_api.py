"""``POST /api/v1/dossiers/ask``: officials only, the Interface's JSON, clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from motcua._settings import get_settings
from motcua.dossiers.generate import generate, write_csv
from motcua.dossiers.importer import import_exports
from motcua.service.accounts import create_api_key, create_user
from motcua.store.db import Database
from tests.web.fake import FakeAssistant

Client = tuple[TestClient, FakeAssistant]
URL = "/api/v1/dossiers/ask"
PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def c(client: Client, tmp_path: Path) -> TestClient:
    export = write_csv(tmp_path / "xuat.csv", generate(400, seed=5))
    import_exports([export], target=get_settings().home / "dossiers.duckdb")
    return TestClient(client[0].app, raise_server_exceptions=False)


@pytest.mark.parametrize("headers", [{}, {"Cookie": "motcua_session=forged.value"}],
                         ids=["anonymous", "forged-cookie"])
def test_dossiers_ask_without_official_is_401(c: TestClient, headers: dict[str, str]) -> None:
    r = c.post(URL, json={"question": "tháng nào đông nhất?"}, headers=headers)
    assert r.status_code == 401
    assert "Xã" not in r.text


def test_dossiers_ask_with_key_or_session_returns_the_interface(c: TestClient,
                                                                db: Database) -> None:
    key = {"X-API-Key": create_api_key(db, name="bao-cao")}
    r = c.post(URL, json={"question": "xa nao tre han nhieu nhat"}, headers=key)
    assert r.status_code == 200, r.text
    body = r.json()
    assert list(body) == ["status", "value", "unit", "table", "sql", "rows", "message"]
    assert body["status"] == "answer" and body["value"].startswith(("Xã", "Phường"))
    create_user(db, username="canbo.so", password=PASSWORD, role="admin")
    assert c.post("/console/login", data={"username": "canbo.so", "password": PASSWORD},
                  follow_redirects=False).status_code == 303
    r = c.post(URL, json={"question": "dự báo tháng sau"})
    assert r.status_code == 200 and r.json()["status"] == "refuse"


@pytest.mark.parametrize(("body", "status"), [
    ({"question": ""}, 422), ({}, 422), ({"question": "a", "sql": "DROP"}, 422),
    ({"question": "x" * 600}, 422),
])
def test_dossiers_ask_bad_body_is_422(c: TestClient, db: Database, body: dict[str, str],
                                      status: int) -> None:
    key = {"X-API-Key": create_api_key(db, name="bao-cao")}
    assert c.post(URL, json=body, headers=key).status_code == status


def test_dossiers_ask_before_any_import_is_409_with_hint(client: Client, db: Database) -> None:
    c = TestClient(client[0].app, raise_server_exceptions=False)
    r = c.post(URL, json={"question": "có bao nhiêu hồ sơ"},
               headers={"X-API-Key": create_api_key(db, name="bao-cao")})
    assert r.status_code == 409
    assert "motcua data import" in r.json()["error"]["hint"]
