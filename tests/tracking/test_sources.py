"""Both dossier sources keep the one contract: the imported export and the HTTP connector."""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from motcua._errors import ExternalServiceError
from motcua.store.db import Database, open_database
from motcua.tracking.http import HttpSource
from motcua.tracking.importer import import_file
from motcua.tracking.store import StoredSource
from motcua.tracking.testing import ITEMS, DossierSourceContract
from tests.tracking._standin import KEY, StatusApi, status_api

CSV_HEADERS = {"code": "Mã hồ sơ", "procedure_name": "Tên thủ tục", "status": "Trạng thái",
               "received_at": "Ngày tiếp nhận", "due_at": "Ngày hẹn trả",
               "result_at": "Ngày có kết quả", "returned_at": "Ngày trả kết quả",
               "pickup_place": "Nơi trả kết quả", "id_number": "Số CCCD",
               "phone": "Số điện thoại"}


def write_csv(path: Path, items: list[dict[str, Any]], *, extra: bool = True) -> Path:
    """An export as a one-stop system writes it: a title block, Vietnamese headers, columns
    we must read past (the applicant's name)."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["DANH SÁCH HỒ SƠ"])
        out.writerow([])
        out.writerow([*CSV_HEADERS.values(), *(["Họ tên người nộp"] if extra else [])])
        for item in items:
            out.writerow([item.get(k, "") for k in CSV_HEADERS]
                         + (["Nguyễn Văn A"] if extra else []))
    return path


class TestImportedCsvSource(DossierSourceContract):
    @pytest.fixture(autouse=True)
    def _db(self, database_url: str, tmp_path: Path) -> Iterator[None]:
        self.db: Database = open_database(database_url)
        self.tmp = tmp_path
        yield
        self.db.dispose()

    def make_source(self, items: list[dict[str, Any]]) -> StoredSource:
        import_file(self.db, write_csv(self.tmp / "export.csv", items), self.fkey)
        return StoredSource(self.db)


class TestImportedJsonSource(DossierSourceContract):
    @pytest.fixture(autouse=True)
    def _db(self, tmp_path: Path) -> Iterator[None]:
        self.db: Database = open_database(f"sqlite:///{tmp_path / 'j.db'}")
        self.tmp = tmp_path
        yield
        self.db.dispose()

    def make_source(self, items: list[dict[str, Any]]) -> StoredSource:
        path = self.tmp / "export.json"
        path.write_text(json.dumps({"dossiers": items}, ensure_ascii=False), "utf-8")
        import_file(self.db, path, self.fkey)
        return StoredSource(self.db)


class TestHttpSource(DossierSourceContract):
    @pytest.fixture(autouse=True)
    def _server(self) -> Iterator[None]:
        with status_api(ITEMS) as api:
            self.api: StatusApi = api
            yield

    def make_source(self, items: list[dict[str, Any]]) -> HttpSource:
        self.api.items = {i["code"]: i for i in items}
        return HttpSource(self.api.url, SecretStr(KEY), self.fkey, timeout=2.0)


# -- the HTTP connector's own rules ---------------------------------------------------------

@pytest.fixture
def api() -> Iterator[StatusApi]:
    with status_api(ITEMS) as server:
        yield server


def _source(api: StatusApi, key: str = KEY, timeout: float = 2.0) -> HttpSource:
    return HttpSource(api.url, SecretStr(key), DossierSourceContract.fkey, timeout=timeout)


def test_http_source_sends_bearer_key_and_quoted_code(api: StatusApi) -> None:
    assert _source(api).get("000.00.20.H35-250701-0001") is not None
    assert api.auth == [f"Bearer {KEY}"]
    assert api.paths == ["/api/dossiers/000.00.20.H35-250701-0001"]


@pytest.mark.parametrize(("status", "body", "why"), [
    (500, {"error": "boom"}, "mã lỗi 500"),
    (503, b"<html>down</html>", "mã lỗi 503"),
    (200, b"not json", "không phải JSON"),
    (200, [1, 2], "không phải một hồ sơ"),
    (200, {"code": "000.00.20.H35-250701-0001", "status": "??", "phone": "0912345678"},
     "không hợp lệ"),
    (200, {"code": "000.00.20.H35-250701-0002", "status": "4", "phone": "0912345678"},
     "khác mã"),
    (403, {"error": "forbidden"}, "khóa truy cập"),
])
def test_http_source_bad_answers_are_external_errors(api: StatusApi, status: int, body: Any,
                                                     why: str) -> None:
    api.script.append((status, body))
    with pytest.raises(ExternalServiceError, match=why) as info:
        _source(api).get("000.00.20.H35-250701-0001")
    assert info.value.hint


def test_http_source_wrong_key_refused_key_never_logged(
        api: StatusApi, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="motcua")
    secret = "wrong-key-must-not-be-logged-42"
    with pytest.raises(ExternalServiceError) as info:
        _source(api, key=secret).get("000.00.20.H35-250701-0001")
    text = caplog.text + str(info.value) + repr(info.value.to_dict())
    assert secret not in text and KEY not in text
    assert "0912" not in caplog.text


def test_http_source_slow_server_times_out(api: StatusApi) -> None:
    api.delay = 1.0
    with pytest.raises(ExternalServiceError, match="thời gian chờ"):
        _source(api, timeout=0.2).get("000.00.20.H35-250701-0001")


def test_http_source_no_server_is_external_error() -> None:
    from tests._net import free_port

    source = HttpSource(f"http://127.0.0.1:{free_port()}/x", SecretStr(KEY),
                        DossierSourceContract.fkey, timeout=1.0)
    with pytest.raises(ExternalServiceError, match="không kết nối"):
        source.get("000.00.20.H35-250701-0001")
