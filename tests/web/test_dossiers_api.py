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


def test_dossiers_import_upload_then_ask(client: Client, db: Database, tmp_path: Path) -> None:
    c = TestClient(client[0].app, raise_server_exceptions=False)
    key = {"X-API-Key": create_api_key(db, name="bao-cao")}
    export = write_csv(tmp_path / "xuat.csv", generate(300, seed=9))
    files = [("files", ("../../etc/xuat.csv", export.read_bytes(), "text/csv"))]
    assert c.post("/api/v1/dossiers/import", files=files).status_code == 401
    r = c.post("/api/v1/dossiers/import", files=files, headers=key)
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == 300 and r.json()["files"] == ["xuat.csv"]
    answer = c.post(URL, json={"question": "có bao nhiêu hồ sơ"}, headers=key).json()
    assert answer["value"] == 300


def test_dossiers_import_bad_row_is_422_and_imports_nothing(client: Client, db: Database
                                                            ) -> None:
    c = TestClient(client[0].app, raise_server_exceptions=False)
    key = {"X-API-Key": create_api_key(db, name="bao-cao")}
    body = "Mã hồ sơ,Đơn vị tiếp nhận,Ngày tiếp nhận\nHS-1,Xã Hữu Lũng,05/07/2026\n" \
           "HS-2,Xã Hữu Lũng,31/02/2026\n".encode()
    r = c.post("/api/v1/dossiers/import", files=[("files", ("a.csv", body, "text/csv"))],
               headers=key)
    assert r.status_code == 400 and "a.csv, dòng 3" in r.json()["error"]["message"]
    assert not (get_settings().home / "dossiers.duckdb").exists()


def test_dossiers_import_too_large_is_422(client: Client, db: Database,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_DOSSIER_MAX_BYTES", "10")
    get_settings.cache_clear()
    from tests.web.fake import make_client

    c = TestClient(make_client(db, rate_limit_per_minute=1000)[0].app,
                   raise_server_exceptions=False)
    key = {"X-API-Key": create_api_key(db, name="bao-cao")}
    r = c.post("/api/v1/dossiers/import", files=[("files", ("a.csv", b"x" * 11, "text/csv"))],
               headers=key)
    assert r.status_code == 422 and "lớn hơn" in r.json()["error"]["message"]
