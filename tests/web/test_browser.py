"""Real-browser test: Debian's Chromium driven by Playwright against a live server.

Citizen asks on a phone-sized screen, sees the answer card, rates it, asks for a person; an
officer logs in, replies; the citizen's page shows the reply. A screenshot of the answer card
is kept in test-artifacts/ for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from motcua.service.accounts import create_user
from motcua.store.db import Database
from tests._net import serve_in_thread
from tests.web.fake import make_client

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture
def server(db: Database) -> Iterator[str]:

    client, _ = make_client(db, rate_limit_per_minute=1000, poll_interval_ms=300)
    create_user(db, username="canbo.kylua", password="mat-khau-du-dai", role="officer",
                commune="06187")
    with serve_in_thread(client.app) as url:
        yield url


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def test_browser_ask_rate_handover_reply(server: str, browser) -> None:
    from playwright.sync_api import expect

    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                is_mobile=True, has_touch=True, locale="vi-VN")
    page = phone.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/")
    page.get_by_label("Xã/phường của bạn").select_option("06187")
    page.get_by_label("Câu hỏi của bạn").fill("làm giấy khai sinh cho con cần gì")
    page.get_by_role("button", name="Hỏi", exact=True).click()
    card = page.locator("article.card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Thủ tục đăng ký khai sinh")
    expect(card).to_contain_text("Quầy số 1")
    expect(card).to_contain_text("Giấy chứng sinh <b>bản gốc</b>")  # shown as text
    expect(card.locator("a.portal")).to_have_attribute("href", "https://dichvucong.gov.vn/p/"
                                                       "home/dvc-tthc-thu-tuc-hanh-chinh-chi-"
                                                       "tiet.html?ma_thu_tuc=1.001193")
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".msg.assistant").last.screenshot(path=str(ARTIFACTS / "answer-card-phone.png"))

    page.get_by_role("button", name="Có, hữu ích").click()
    expect(page.get_by_text("Cảm ơn bạn đã đánh giá.")).to_be_visible()

    page.get_by_label("Câu hỏi của bạn").fill("<img src=x onerror=alert(1)> khai sinh")
    page.get_by_label("Câu hỏi của bạn").press("Enter")
    expect(page.locator(".msg.citizen").last).to_have_text(
        "Bạn<img src=x onerror=alert(1)> khai sinh")
    page.get_by_role("button", name="Gặp cán bộ").last.click()
    expect(page.get_by_text("Đã chuyển câu hỏi của bạn tới cán bộ")).to_be_visible()

    officer = browser.new_context().new_page()
    officer.goto(server + "/console/login")
    officer.get_by_label("Tên đăng nhập").fill("canbo.kylua")
    officer.get_by_label("Mật khẩu").fill("mat-khau-du-dai")
    officer.get_by_role("button", name="Đăng nhập").click()
    officer.get_by_role("link", name="làm giấy khai sinh cho con cần gì").click()
    officer.get_by_label("Trả lời người dân").fill("Chào anh, mời anh mang tờ khai đến quầy số 1.")
    officer.get_by_role("button", name="Gửi trả lời").click()
    expect(officer.locator(".msg.officer")).to_contain_text("mời anh mang tờ khai")

    expect(page.locator(".msg.officer")).to_contain_text(
        "Chào anh, mời anh mang tờ khai đến quầy số 1.", timeout=10_000)
    assert dialogs == []
    page.screenshot(path=str(ARTIFACTS / "citizen-after-reply-phone.png"), full_page=True)
