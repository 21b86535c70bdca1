"""The console's dossier page: officials only, CSRF on upload, bad rows listed, all or nothing."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from motcua._settings import get_settings
from motcua.dossiers.generate import generate, write_csv
from motcua.service.accounts import create_user, list_audit
from motcua.store.db import Database
from motcua.web.dossier_view import answer_view, vn_number
from tests.web.fake import make_client

PASSWORD = "mat-khau-du-dai"
PAGE = "/console/dossiers"
HEADER = "Mã hồ sơ,Đơn vị tiếp nhận,Ngày tiếp nhận\n"


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no csrf token in the page"
    return match.group(1)


def _store() -> Path:
    return get_settings().home / "dossiers.duckdb"


@pytest.fixture
def official(db: Database) -> TestClient:
    create_user(db, username="canbo.kylua", password=PASSWORD, role="officer", commune="06187")
    c, _ = make_client(db, rate_limit_per_minute=1000)
    r = c.post("/console/login", data={"username": "canbo.kylua", "password": PASSWORD},
               follow_redirects=False)
    assert r.status_code == 303
    return c


def _upload(c: TestClient, name: str, body: bytes, csrf: str | None = None):
    token = csrf if csrf is not None else _csrf(c.get(PAGE).text)
    return c.post(f"{PAGE}/import", data={"csrf": token},
                  files=[("files", (name, body, "text/csv"))])


@pytest.mark.parametrize(("method", "path"), [
    ("get", PAGE), ("get", PAGE + "?q=tháng nào đông nhất"), ("post", PAGE + "/import")])
def test_console_dossiers_without_login_goes_to_login(db: Database, method: str,
                                                      path: str) -> None:
    c, _ = make_client(db, rate_limit_per_minute=1000)
    kwargs = {"files": [("files", ("a.csv", HEADER.encode(), "text/csv"))]} \
        if method == "post" else {}
    r = getattr(c, method)(path, follow_redirects=False, **kwargs)
    assert r.status_code == 303 and r.headers["location"] == "/console/login"
    assert not _store().exists()


def test_console_dossiers_page_is_linked_light_and_vietnamese(official: TestClient) -> None:
    assert 'href="/console/dossiers"' in official.get("/console").text
    page = official.get(PAGE)
    assert page.status_code == 200
    text = page.text
    assert '<html lang="vi">' in text and 'for="q"' in text and 'for="files"' in text
    assert 'enctype="multipart/form-data"' in text and "<script" not in text
    assert "http://" not in text and "https://" not in text  # nothing from a CDN
    assert text.count('href="/console/dossiers?q=') >= 4  # example questions
    assert len(page.content) + len(official.get("/static/app.css").content) < 60_000


def test_console_dossiers_upload_without_csrf_is_refused(official: TestClient,
                                                         tmp_path: Path) -> None:
    body = write_csv(tmp_path / "x.csv", generate(20, seed=1)).read_bytes()
    r = _upload(official, "x.csv", body, csrf="forged")
    assert r.status_code == 400
    assert not _store().exists()


@pytest.mark.parametrize(("rows", "expected"), [
    ("HS-1,Xã Hữu Lũng,05/07/2026\nHS-2,Xã Hữu Lũng,31/02/2026\n",
     ["x.csv, dòng 3, cột 'Ngày tiếp nhận': '31/02/2026'", "không tồn tại"]),
    ("HS-1,Xã Hữu Lũng,05/07/2026\nHS-1,Xã Hữu Lũng,06/07/2026\n", ["trùng mã hồ sơ"]),
    ("HS-1,Xã Không Có Thật,05/07/2026\n", ["dòng 2", "Đơn vị tiếp nhận"]),
    (",Xã Hữu Lũng,05/07/2026\n", ["dòng 2", "Mã hồ sơ"]),
    ("HS-1,Xã Hữu Lũng,hôm qua\nHS-2,Xã Hữu Lũng,2026-13-01\n", ["dòng 2", "dòng 3"]),
])
def test_console_dossiers_bad_rows_listed_and_nothing_imported(
        official: TestClient, rows: str, expected: list[str]) -> None:
    r = _upload(official, "x.csv", (HEADER + rows).encode())
    assert r.status_code == 400
    assert "Không nhập gì" in r.text and 'class="bad-rows"' in r.text
    for text in expected:
        assert text in html.unescape(r.text)
    assert 'for="files"' in r.text  # the form is still there to try again
    assert not _store().exists()


@pytest.mark.parametrize(("name", "body", "expected"), [
    ("x.pdf", b"%PDF-1.4", "pdf"),
    ("x.csv", b"", "dòng"),
    ("x.csv", "Họ tên,Địa chỉ\nA,B\n".encode(), "Mã hồ sơ"),
])
def test_console_dossiers_bad_file_shows_what_to_do(official: TestClient, name: str,
                                                    body: bytes, expected: str) -> None:
    r = _upload(official, name, body)
    assert r.status_code in (400, 422), r.text
    assert 'role="alert"' in r.text and expected in html.unescape(r.text)
    assert f"{name[0].upper()}{name[1:]}:" not in r.text  # a file name is not capitalised
    assert not _store().exists()


def test_console_dossiers_upload_with_no_file_chosen(official: TestClient) -> None:
    # what a browser sends for an empty file input: a part with filename=""
    csrf = _csrf(official.get(PAGE).text)
    body = (f'--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n'
            '--b\r\nContent-Disposition: form-data; name="files"; filename=""\r\n'
            'Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n').encode()
    r = official.post(f"{PAGE}/import", content=body,
                      headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code in (400, 422)
    assert 'role="alert"' in r.text and not _store().exists()


def test_console_dossiers_upload_then_ask(official: TestClient, db: Database,
                                          tmp_path: Path) -> None:
    body = write_csv(tmp_path / "xuat.csv", generate(500, seed=3)).read_bytes()
    r = _upload(official, "xuat.csv", body)
    assert r.status_code == 200, r.text
    assert "Đã nhập 500 hồ sơ" in r.text and "STT" in r.text  # ignored column listed
    assert "từ 01/07/2025" in official.get(PAGE).text or "Đang có số liệu" in r.text
    assert any(e["action"] == "dossiers.import" and e["actor"] == "canbo.kylua"
               for e in list_audit(db))
    page = official.get(PAGE, params={"q": "tháng nào đông nhất?"})
    assert page.status_code == 200
    text = page.text
    assert text.count('class="bar"') >= 2 and "<svg" in text
    assert 'class="answer-table"' in text and "<details" in text and "SELECT" in text
    assert re.search(r'class="counted">500<', text)
    total = official.get(PAGE, params={"q": "co bao nhieu ho so"}).text
    assert "<strong>500 hồ sơ</strong>" in total
    daily = official.get(PAGE, params={"q": "số hồ sơ theo ngày"})
    assert daily.text.count('class="bar"') == 40 and "Biểu đồ vẽ 40 dòng đầu" in daily.text
    assert len(daily.content) < 200_000  # the citizen page's budget, with hundreds of rows


@pytest.mark.parametrize(("question", "css"), [
    ("dự báo tháng sau", "warning"),  # refused
    ("tỷ lệ", "warning"),  # asked back: which rate
])
def test_console_dossiers_refuse_and_clarify_show_the_message(
        official: TestClient, tmp_path: Path, question: str, css: str) -> None:
    _upload(official, "x.csv", write_csv(tmp_path / "x.csv", generate(50, seed=2)).read_bytes())
    r = official.get(PAGE, params={"q": question})
    assert r.status_code == 200
    assert f'answer-message {css}' in r.text and "<svg" not in r.text


@pytest.mark.parametrize(("q", "status", "text"), [
    ("có bao nhiêu hồ sơ", 409, "Chưa có dữ liệu hồ sơ"),
    ("x" * 501, 422, ""),
])
def test_console_dossiers_question_errors_stay_on_the_page(
        official: TestClient, q: str, status: int, text: str) -> None:
    r = official.get(PAGE, params={"q": q})
    assert r.status_code == status
    assert text in r.text


def test_dossier_view_formats_vietnamese_numbers_and_bars() -> None:
    assert vn_number(12345, "hồ sơ") == "12.345 hồ sơ"
    assert vn_number(1234.56, "%") == "1.234,6%"
    assert vn_number(None, "%") == "không có số liệu"
    view = answer_view({"status": "answer", "value": None, "unit": "%", "sql": "SELECT 1",
                        "rows": 30, "message": "m",
                        "table": [{"label": "Xã " + "A" * 60, "value": 50.0, "rows": 10},
                                  {"label": "Xã B", "value": 25.0, "rows": 20}]})
    assert [b.percent for b in view.bars] == [50.0, 25.0]  # a rate is drawn against 100%
    assert len(view.bars[0].label) <= 40 and view.bars[0].title.endswith("A" * 60)
    assert view.table[1] == {"label": "Xã B", "value": "25,0%", "rows": "20"}
    assert (view.value_head, view.rows_head) == ("Tỷ lệ (%)", "Tổng số hồ sơ")
    counts = answer_view({"status": "answer", "value": "Xã A", "unit": "hồ sơ", "sql": "",
                          "rows": 3, "message": "m",
                          "table": [{"label": "Xã A", "value": 2, "rows": 2},
                                    {"label": "Xã B", "value": 1, "rows": 1}]})
    assert [b.percent for b in counts.bars] == [100.0, 50.0] and counts.value == "Xã A"
    assert counts.table[0]["value"] == "2" and counts.rows_head == ""  # count = rows: one column
    assert counts.value_head == "Số hồ sơ"


def test_console_dossiers_mapping_box_maps_an_unknown_header(official: TestClient) -> None:
    body = ("Số BN,Tên thủ tục,Đơn vị tiếp nhận,Ngày tiếp nhận\n"
            "HS-1,Đăng ký khai sinh,Xã Hữu Lũng,05/07/2026\n").encode()
    r = _upload(official, "x.csv", body)
    assert r.status_code == 400
    text = html.unescape(r.text)
    assert "--map" not in text and "“Tên cột trong tệp=code”" in text and "Ghép cột" in text
    assert re.search(r'<details class="details mapping" open>', r.text)
    assert not _store().exists()
    token = _csrf(official.get(PAGE).text)
    ok = official.post(f"{PAGE}/import", data={"csrf": token, "mapping": "Số BN=code\n"},
                       files=[("files", ("x.csv", body, "text/csv"))])
    assert ok.status_code == 200, ok.text
    assert "Đã nhập 1 hồ sơ" in ok.text


@pytest.mark.parametrize(("mapping", "expected"), [
    ("Số BN", "không đúng dạng"),
    ("=code", "không đúng dạng"),
    ("Số BN=", "không đúng dạng"),
    ("Số BN=khong_co", "Cột đích 'khong_co' không có"),
    ("\n".join(f"C{i}=-" for i in range(31)), "tối đa 30"),
])
def test_console_dossiers_bad_mapping_is_refused(official: TestClient, mapping: str,
                                                 expected: str) -> None:
    body = (HEADER + "HS-1,Xã Hữu Lũng,05/07/2026\n").encode()
    r = official.post(f"{PAGE}/import",
                      data={"csrf": _csrf(official.get(PAGE).text), "mapping": mapping},
                      files=[("files", ("x.csv", body, "text/csv"))])
    assert r.status_code == 400
    assert expected in html.unescape(r.text)
    assert not _store().exists()
