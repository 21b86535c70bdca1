"""The citizen page around the answer card: examples, the card script, the print style."""

from __future__ import annotations

from fastapi.testclient import TestClient

from motcua.web.routes.citizen import EXAMPLES
from tests.web.fake import FakeAssistant


def test_card_page_empty_page_offers_example_questions(
        client: tuple[TestClient, FakeAssistant]) -> None:
    c, _ = client
    html = c.get("/").text
    assert 'id="examples"' in html
    assert all(f'data-q="{q}"' in html for q in EXAMPLES)
    assert html.index("/static/card.js") < html.index("/static/app.js")  # app.js uses it


def test_card_page_script_renders_short_card_details_and_states(
        client: tuple[TestClient, FakeAssistant]) -> None:
    c, _ = client
    card = c.get("/static/card.js").text
    app = c.get("/static/app.js").text
    assert "short_facts" in card and "Xem chi tiết" in card and "In danh sách giấy tờ" in card
    assert "Đang trả lời..." in app and "Mã hỏi đáp của bạn" in app
    css = c.get("/static/app.css").text
    assert "@media print" in css


def test_card_page_api_answer_carries_short_facts(
        client: tuple[TestClient, FakeAssistant]) -> None:
    c, _ = client
    data = c.post("/api/v1/ask", json={"question": "khai sinh"}).json()
    assert {f["kind"] for f in data["answer"]["short_facts"]} >= {"name", "fee", "paper"}
    assert "short" in data["answer"] and "aspect" in data["answer"]
