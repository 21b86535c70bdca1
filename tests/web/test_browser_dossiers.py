"""Real-browser test of the console's dossier page on a phone (Debian Chromium + Playwright).

An official logs in, follows the navigation to "Số liệu hồ sơ", uploads a generated export,
asks in Vietnamese, and sees the figure, the chart, the table and the SQL; a bad export shows
its rows in error. Nothing scrolls sideways at 390 px, and the page logs no error (a blocked
inline style or script would show as a Content-Security-Policy error in the console).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from motcua.dossiers.generate import generate, write_csv, write_xlsx
from motcua.service.accounts import create_user
from motcua.store.db import Database
from tests._net import serve_in_thread
from tests.web.fake import make_client
from tests.web.test_browser import ARGS, ARTIFACTS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"),
]
PHONE = 390


@pytest.fixture
def server(db: Database) -> Iterator[str]:

    client, _ = make_client(db, rate_limit_per_minute=1000)
    create_user(db, username="canbo.kylua", password="mat-khau-du-dai", role="officer",
                commune="06187")
    with serve_in_thread(client.app) as url:
        yield url


def _width(page) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


def test_browser_dossiers_upload_ask_and_see_the_chart(server: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    expect = sync_api.expect
    csv_export = write_csv(tmp_path / "xuat-thang.csv", generate(1500, seed=11), seed=11)
    xlsx_export = write_xlsx(tmp_path / "xuat-bo-sung.xlsx",
                             generate(300, seed=12, start=dt.date(2026, 1, 1)),
                             seed=12)
    bad = tmp_path / "xuat-loi.csv"
    bad.write_text("Mã hồ sơ,Đơn vị tiếp nhận,Ngày tiếp nhận\nHS-9,Xã Hữu Lũng,31/02/2026\n",
                   encoding="utf-8")
    out = ARTIFACTS / "dossiers"
    out.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        page = browser.new_context(viewport={"width": PHONE, "height": 844}, is_mobile=True,
                                   has_touch=True, locale="vi-VN").new_page()
        errors: list[str] = []
        # A 400 page (the bad upload) and the missing favicon are logged as failed loads.
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and not
                m.text.startswith("Failed to load resource") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server + "/console/login")
        page.get_by_label("Tên đăng nhập").fill("canbo.kylua")
        page.get_by_label("Mật khẩu").fill("mat-khau-du-dai")
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("link", name="Số liệu hồ sơ").click()
        expect(page.get_by_role("heading", name="Số liệu hồ sơ một cửa")).to_be_visible()
        expect(page.get_by_text("Chưa có số liệu hồ sơ")).to_be_visible()

        # A bad export: every bad row shown, nothing imported.
        page.get_by_label("Tệp xuất (chọn được nhiều tệp)").set_input_files(str(bad))
        page.get_by_role("button", name="Tải lên và nhập").click()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("Không nhập gì: 1 dòng có lỗi")
        expect(alert.locator(".bad-rows li")).to_contain_text("xuat-loi.csv, dòng 2")
        assert _width(page) <= PHONE, "the error list scrolls sideways"
        page.screenshot(path=str(out / "bad-rows.png"), full_page=True)

        # Two good exports at once (CSV and XLSX).
        page.get_by_label("Tệp xuất (chọn được nhiều tệp)").set_input_files(
            [str(csv_export), str(xlsx_export)])
        page.get_by_role("button", name="Tải lên và nhập").click()
        expect(page.get_by_role("status")).to_contain_text("Đã nhập 1.800 hồ sơ")
        expect(page.get_by_role("status")).to_be_in_viewport()  # the page opens at the result
        expect(page.get_by_text("Đang có số liệu hồ sơ nhận từ")).to_be_visible()

        # A ranked question: the label asked for, chart bars, the table, the SQL.
        page.get_by_label("Câu hỏi về hồ sơ (có dấu hoặc không dấu)").fill(
            "10 thủ tục nhiều hồ sơ nhất")
        page.get_by_role("button", name="Hỏi", exact=True).click()
        answer = page.locator("#answer")
        expect(answer.locator(".answer-message")).to_contain_text("thủ tục")
        chart = answer.locator("figure.chart svg")
        expect(chart).to_be_visible()
        assert chart.locator("rect.bar").count() == 10
        assert answer.locator("table.answer-table tbody tr").count() == 10
        widths = [float(w.rstrip("%")) for w in chart.locator("rect.bar").evaluate_all(
            "rs => rs.map(r => r.getAttribute('width'))")]
        assert widths[0] == 100.0 and widths == sorted(widths, reverse=True)
        box = chart.bounding_box()
        assert box is not None and box["width"] <= PHONE and box["height"] >= 10 * 30
        sql = answer.locator("details.sql")
        expect(sql).not_to_have_attribute("open", "")
        sql.locator("summary").click()
        expect(sql.locator("code")).to_contain_text("SELECT")
        assert int(answer.locator(".counted").inner_text().replace(".", "")) == 1800
        assert _width(page) <= PHONE, f"the answer scrolls sideways ({_width(page)} px)"
        page.screenshot(path=str(out / "ranked-phone.png"), full_page=True)

        # An example question is a link; a monthly series draws one bar per month.
        page.get_by_role("link", name="Tỷ lệ nộp trực tuyến theo tháng").click()
        expect(answer.locator(".answer-message")).to_contain_text("tháng")
        expect(answer.locator(".answer-message")).to_be_in_viewport()
        assert answer.locator("rect.bar").count() >= 12
        expect(answer.locator("table.answer-table")).to_contain_text("%")
        assert _width(page) <= PHONE
        page.screenshot(path=str(out / "monthly-phone.png"), full_page=True)

        # Without diacritics, a single figure; a question it cannot answer is asked back.
        page.get_by_label("Câu hỏi về hồ sơ (có dấu hoặc không dấu)").fill(
            "co bao nhieu ho so nop truc tuyen")
        page.get_by_role("button", name="Hỏi", exact=True).click()
        expect(answer.locator(".figure")).to_contain_text("hồ sơ")
        page.get_by_label("Câu hỏi về hồ sơ (có dấu hoặc không dấu)").fill("tỷ lệ")
        page.get_by_role("button", name="Hỏi", exact=True).click()
        expect(answer.locator(".answer-message.warning")).to_be_visible()
        assert answer.locator("svg").count() == 0
        assert errors == [], errors
        browser.close()
