"""Document search in the console is filtered by the official's province unless asked
otherwise; an integration's key gets every province unless it names one."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from motcua.documents.service import DocumentService
from motcua.service.accounts import create_api_key, create_user
from motcua.store.db import Database
from tests.web.fake import FakeAssistant

PASSWORD = "mat-khau-du-dai"
_DOC = """# NGHỊ QUYẾT
Số: {n}/NQ-TEST

Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh {province}

Điều 1. Sắp xếp đơn vị hành chính

1. Sắp xếp toàn bộ diện tích tự nhiên và quy mô dân số của xã {name} và xã Cúc Vàng \
thành xã mới có tên gọi là xã Hoa Cúc.
"""


@pytest.fixture
def c(client: tuple[TestClient, FakeAssistant], db: Database) -> TestClient:
    svc = DocumentService(db)
    home = "Lạng Sơn"  # the province of the officer's commune below
    for n, province, name in ((1, home, "Hoàng Đồng"), (2, "Xa Mẫu", "Hoằng Đông")):
        result = svc.import_file(_DOC.format(n=n, province=province, name=name).encode(),
                                 f"nq{n}.md")
        assert result.status == "imported", result
    return TestClient(client[0].app, raise_server_exceptions=False)


def _numbers(r: object) -> list[str]:
    """The documents of the hits, best first, each once."""
    body = r.json()  # type: ignore[attr-defined]
    return list(dict.fromkeys(i["citation"]["number"] for i in body["items"]))


def test_documents_province_console_defaults_to_the_officials_own(c: TestClient,
                                                                  db: Database) -> None:
    # 06187: Kỳ Lừa, a ward of the deployment's province (Lạng Sơn)
    create_user(db, username="canbo.kylua", password=PASSWORD, role="officer",
                commune="06187")
    c.post("/console/login", data={"username": "canbo.kylua", "password": PASSWORD})
    r = c.get("/api/v1/documents/search", params={"q": "xa Hoang Dong"})
    assert r.status_code == 200, r.text
    assert _numbers(r) == ["1/NQ-TEST"]
    assert r.json()["province"] == "Lạng Sơn"
    every = c.get("/api/v1/documents/search", params={"q": "xa Hoang Dong", "province": "all"})
    assert sorted(_numbers(every)) == ["1/NQ-TEST", "2/NQ-TEST"]
    other = c.get("/api/v1/documents/search", params={"q": "xa Hoang Dong",
                                                      "province": "xa mau"})
    assert _numbers(other) == ["2/NQ-TEST"]


def test_documents_province_admin_without_commune_gets_every_province(
        c: TestClient, db: Database) -> None:
    create_user(db, username="canbo.tinh", password=PASSWORD, role="admin")
    c.post("/console/login", data={"username": "canbo.tinh", "password": PASSWORD})
    r = c.get("/api/v1/documents/search", params={"q": "xa Hoang Dong"})
    assert sorted(_numbers(r)) == ["1/NQ-TEST", "2/NQ-TEST"]


def test_documents_province_key_gets_every_province(c: TestClient, db: Database) -> None:
    key = {"X-API-Key": create_api_key(db, name="reader")}
    r = c.get("/api/v1/documents/search", params={"q": "xa Hoang Dong"}, headers=key)
    assert sorted(_numbers(r)) == ["1/NQ-TEST", "2/NQ-TEST"] and r.json()["province"] is None
    accented = c.get("/api/v1/documents/search", params={"q": "xã Hoằng Đông"}, headers=key)
    assert _numbers(accented)[0] == "2/NQ-TEST"


def test_documents_province_ask_reads_the_officials_province(c: TestClient,
                                                             db: Database) -> None:
    create_user(db, username="canbo.kylua", password=PASSWORD, role="officer",
                commune="06187")
    c.post("/console/login", data={"username": "canbo.kylua", "password": PASSWORD})
    question = {"question": "xa Hoang Dong sau sap xep thuoc xa nao"}
    own = c.post("/api/v1/documents/ask", json=question).json()
    assert own["province"] == "Lạng Sơn"
    assert {x["number"] for x in own["citations"]} == {"1/NQ-TEST"}
    other = c.post("/api/v1/documents/ask", json={**question, "province": "Xa Mẫu"}).json()
    assert {x["number"] for x in other["citations"]} == {"2/NQ-TEST"}


@pytest.mark.parametrize("body", [{"question": "xã nào", "province": "x" * 81},
                                  {"question": "xã nào", "province": 5},
                                  {"question": "xã nào", "tinh": "Lạng Sơn"}])
def test_documents_province_ask_bad_input_is_422(c: TestClient, db: Database,
                                                 body: dict[str, object]) -> None:
    key = {"X-API-Key": create_api_key(db, name="reader")}
    r = c.post("/api/v1/documents/ask", json=body, headers=key)
    assert r.status_code == 422, r.text
