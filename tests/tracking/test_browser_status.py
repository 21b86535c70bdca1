"""Real-browser test: the citizen's page shows a dossier lookup with no change to the page.

The code, then the wrong and the right last four digits, typed into the page as a citizen
would; what the page shows is the service's ``message``. A screenshot is kept in
test-artifacts/ for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from motcua._settings import get_settings
from motcua.store.db import Database, open_database
from motcua.tracking.flow import factor_key
from motcua.tracking.importer import import_file
from motcua.tracking.testing import ITEMS
from tests._net import serve_in_thread
from tests.tracking.test_sources import write_csv
from tests.web.fake import make_client
from tests.web.test_browser import ARTIFACTS, CHROMIUM, browser  # noqa: F401 - the fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:

    db: Database = open_database(f"sqlite:///{tmp_path / 'b.db'}")
    import_file(db, write_csv(tmp_path / "e.csv", ITEMS), factor_key(get_settings()))
    client, _ = make_client(db, rate_limit_per_minute=1000)
    with serve_in_thread(client.app) as url:
        yield url
    db.dispose()


def test_browser_status_lookup_on_the_page(server: str, browser) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                               locale="vi-VN").new_page()
    page.goto(server + "/")
    box, ask = page.get_by_label("Câu hỏi của bạn"), page.get_by_role("button", name="Hỏi",
                                                                       exact=True)
    replies = page.locator(".msg.assistant:not(.pending)")
    for n, text in enumerate(["hồ sơ ooo.oo.20.h35 - 250701 - 0001", "9999", "1234"], start=1):
        box.fill(text)
        ask.click()
        expect(replies).to_have_count(n)
    expect(replies.nth(0)).to_contain_text("4 số cuối")
    expect(replies.nth(1)).to_contain_text("Không tìm thấy hồ sơ")
    expect(replies.nth(1)).not_to_contain_text("khai sinh")
    last = replies.nth(2)
    expect(last).to_contain_text("Hồ sơ 000.00.20.H35-250701-0001 (Đăng ký khai sinh)")
    expect(last).to_contain_text("Ngày hẹn trả kết quả: 03/07/2025.")
    expect(last).to_contain_text("Nơi nhận kết quả: Bộ phận một cửa UBND xã Tân Thanh.")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dossier-status.png"), full_page=True)
