"""Real browser, live server, stand-in language model: the card at once, the rewording later.

The stand-in waits before it answers, so the page must show the card (and "Đang viết lại...")
while the model is still writing, then the checked rewording above the card; a rewording
that invents a fee never reaches the page.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from motcua._settings import get_settings
from motcua.store.db import Database
from motcua.web.app import create_app
from tests._llm_standin import LlmStandIn, llm_stand_in
from tests._net import serve_in_thread
from tests.web.test_browser import ARGS, ARTIFACTS, CHROMIUM
from tests.web.test_phrasing import INVENTED_FEE, PLAIN, ShortCardAssistant

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture
def served(db: Database) -> Iterator[tuple[str, LlmStandIn]]:

    with llm_stand_in(PLAIN) as llm:
        llm.delay = 1.5
        settings = get_settings().model_copy(update={
            "rate_limit_per_minute": 1000, "phrasing": "on", "llm_base_url": llm.url,
            "llm_model": "qwen-test", "phrasing_timeout_seconds": 10.0})
        app = create_app(settings, ShortCardAssistant(), db=db)
        with serve_in_thread(app) as url:
            yield url, llm


@pytest.fixture
def page(served: tuple[str, LlmStandIn]) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                    has_touch=True, locale="vi-VN")
        page = phone.new_page()
        page.goto(served[0] + "/")
        yield page
        browser.close()


def _ask(page: Any) -> None:
    page.get_by_label("Câu hỏi của bạn").fill("làm giấy khai sinh cho con cần gì")
    page.get_by_role("button", name="Hỏi", exact=True).click()


def test_browser_card_at_once_then_checked_rewording(page: Any) -> None:
    from playwright.sync_api import expect

    start = time.monotonic()
    _ask(page)
    card = page.locator("article.card")
    expect(card).to_contain_text("Tờ khai đăng ký khai sinh", timeout=1200)
    expect(card.locator(".plain.pending")).to_have_text("Đang viết lại bằng lời dễ hiểu...")
    shown = time.monotonic() - start
    assert shown < 1.5, f"card shown after {shown:.2f} s, behind the model"
    plain = card.locator("section.plain")
    expect(plain).to_contain_text("Không mất tiền: miễn phí.", timeout=8000)
    expect(plain).to_contain_text("Giấy chứng sinh <b>bản gốc</b>")  # text, not markup
    expect(card.locator(".plain.pending")).to_have_count(0)
    expect(card.locator(".short")).to_contain_text("Lệ phí: miễn phí")  # the card stays
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"horizontal scrolling: {width}px"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".msg.assistant").last.screenshot(path=str(ARTIFACTS / "plain-card-phone.png"))


def test_browser_invented_fee_never_shown(page: Any, served: tuple[str, LlmStandIn]) -> None:
    from playwright.sync_api import expect

    served[1].reply = INVENTED_FEE
    _ask(page)
    card = page.locator("article.card")
    expect(card).to_contain_text("Tờ khai đăng ký khai sinh")
    expect(card.locator(".plain.pending")).to_have_count(1)
    expect(card.locator(".plain.pending")).to_have_count(0, timeout=8000)  # gave up quietly
    expect(card.locator("section.plain")).to_have_count(0)
    assert "50.000" not in card.inner_text()
    expect(page.locator("#error")).to_be_hidden()
