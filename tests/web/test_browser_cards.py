"""Phone screenshots of the short card over the real catalog (issue 10's targets).

Ten typical questions on a 390×844 screen in Debian's Chromium: the short card shows, the
details are behind "Xem chi tiết", nothing scrolls sideways, every tap target is at least
44 px, the page is Vietnamese. Screenshots are kept in test-artifacts/cards/ for a human.
Skips without Chromium, Playwright or the shared data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from motcua._settings import get_settings
from motcua.store.db import Database
from motcua.web.app import create_app
from tests._net import serve_in_thread
from tests.web.test_browser import ARGS, ARTIFACTS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"),
]

QUESTIONS = [
    "làm giấy khai sinh cho con cần gì",
    "đăng ký kết hôn cần giấy tờ gì",
    "cấp lại thẻ căn cước bị mất",
    "đăng ký tạm trú cho người thuê trọ",
    "bố tôi mất cần làm giấy khai tử",
    "xin giấy xác nhận tình trạng hôn nhân",
    "đăng ký thường trú",
    "chứng thực bản sao giấy tờ",
    "mất giấy đăng ký xe máy",
    "gia hạn tạm trú",
]
# Elements a finger taps; each must be at least 44 px high (WCAG target size).
_TAPS = "article.card button, article.card a.button, article.card summary, " \
        "article.card .short .checklist label, .actions button"


@pytest.fixture
def real_server(real_assistant: Any, db: Database) -> Iterator[str]:

    settings = get_settings().model_copy(update={"rate_limit_per_minute": 1000})
    app = create_app(settings, real_assistant, db=db)
    with serve_in_thread(app) as url:
        yield url


def test_browser_short_cards_fit_a_phone(real_server: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    out = ARTIFACTS / "cards"
    out.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                    has_touch=True, locale="vi-VN")
        page = phone.new_page()
        page.goto(real_server + "/")
        assert page.locator("html").get_attribute("lang") == "vi"
        assert page.locator("#examples button").count() >= 4
        answered = 0
        for i, question in enumerate(QUESTIONS, start=1):
            page.get_by_role("button", name="Cuộc hỏi mới").click()
            page.get_by_label("Câu hỏi của bạn").fill(question)
            page.get_by_role("button", name="Hỏi", exact=True).click()
            reply = page.locator(".msg.assistant:not(.pending)").last
            sync_api.expect(reply).to_be_visible()
            assert page.locator(".msg.pending").count() == 0
            card = reply.locator("article.card")
            if card.count():
                answered += 1
                sync_api.expect(card.locator(".short")).to_be_visible()
                sync_api.expect(card.locator("details.details")).not_to_have_attribute("open", "")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{question!r}: the page scrolls sideways ({width} px)"
            small = page.evaluate(
                "s => [...document.querySelectorAll(s)].filter(e => e.offsetParent)"
                ".map(e => [e.textContent.trim().slice(0, 40), e.getBoundingClientRect().height])"
                ".filter(([, h]) => h < 44)", _TAPS)
            assert small == [], f"{question!r}: tap targets under 44 px: {small}"
            reply.screenshot(path=str(out / f"card-{i:02}.png"))
        assert answered >= 8
        # The printable checklist: that card alone, one page an officer can hand over.
        page.locator("article.card").last.evaluate("c => c.classList.add('printing')")
        page.emulate_media(media="print")
        assert not page.locator("form#ask").is_visible()
        assert not page.locator("article.card.printing details.details").is_visible()
        pdf = page.pdf(path=str(out / "checklist.pdf"), format="A4")
        assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1  # one page
        browser.close()


def test_browser_cards_artifacts_folder_is_ignored() -> None:
    ignore = (Path(__file__).resolve().parents[2] / ".gitignore").read_text("utf-8")
    assert "test-artifacts" in ignore


def test_browser_next_steps_chips_ask_that_procedure(real_server: str) -> None:
    # a life event's answer offers what the family needs next; a tap asks for it
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                   has_touch=True, locale="vi-VN").new_page()
        page.goto(real_server + "/")
        page.get_by_label("Câu hỏi của bạn").fill("bố tôi vừa qua đời ở nhà, gia đình cần làm gì")
        page.get_by_role("button", name="Hỏi", exact=True).click()
        reply = page.locator(".msg.assistant:not(.pending)").last
        sync_api.expect(reply.locator("article.card h2")).to_contain_text("khai tử")
        chips = reply.get_by_label("Bạn cũng có thể cần").locator("button")
        assert chips.count() >= 1
        name = chips.first.get_attribute("title") or ""
        assert chips.first.bounding_box()["height"] >= 44  # type: ignore[index]
        chips.first.click()
        answer = page.locator(".msg.assistant:not(.pending)").last.locator("article.card h2")
        sync_api.expect(answer).to_have_text(" ".join(name.split()))
        browser.close()
