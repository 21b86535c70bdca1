"""A fake assistant for the web tests: answers, asks back or abstains by keyword."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi.testclient import TestClient

from motcua._errors import InvalidQuestion, NotFound
from motcua._settings import get_settings
from motcua.answer.schema import (
    AnswerCard,
    AskResponse,
    ChannelFact,
    Citation,
    PaperFact,
    ProcedureRef,
    ShortFact,
    WhereFact,
)
from motcua.catalog.model import ParsedProcedure
from motcua.store.db import Database
from motcua.web.app import create_app

BIRTH = ParsedProcedure(code="1.001193", name="Thủ tục đăng ký khai sinh", levels=["xa"],
                        field="Hộ tịch", url="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-"
                        "hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193")
LAND = ParsedProcedure(code="1.004227", name="Đăng ký biến động đất đai", levels=["xa"],
                       field="Đất đai")


class FakeAssistant:
    """Answers "khai sinh" questions, asks back on "đất", abstains otherwise; records calls."""

    def __init__(self, where_provider=None) -> None:
        self.calls: list[tuple[str, str | None, tuple[str, ...]]] = []
        self.where_provider = where_provider

    def ask(self, question: str, *, commune: str | None = None,
            history: Sequence[str] = ()) -> AskResponse:
        if len(question) > 500:
            raise InvalidQuestion("too long")
        self.calls.append((question, commune, tuple(history)))
        text = " ".join([*history, question]).lower()
        if "khai sinh" in text:
            where = self.where_provider(commune, BIRTH) if self.where_provider else []
            card = AnswerCard(
                code=BIRTH.code, name=BIRTH.name, levels=["xa"], field="Hộ tịch", url=BIRTH.url,
                text="...", papers=[PaperFact(name="Tờ khai đăng ký khai sinh", count="1 bản chính",
                                              cite="c1"),
                                    PaperFact(name="Giấy chứng sinh <b>bản gốc</b>", cite="c1")],
                channels=[ChannelFact(kind="truc_tiep", label="Trực tiếp", time="1 Ngày làm việc",
                                      fee="Miễn phí", cite="c2")],
                where=where or [WhereFact(text="Ủy ban nhân dân cấp xã")],
                short_facts=[
                    ShortFact(kind="name", text=BIRTH.name, quote=BIRTH.name, cite="c3"),
                    *[ShortFact(kind="local", text=w.text) for w in where[:3]],
                    ShortFact(kind="online", text="Hoặc nộp trực tuyến: dichvucong.gov.vn",
                              quote="Trực tuyến", cite="c2"),
                    ShortFact(kind="fee", text="Lệ phí: miễn phí", quote="Miễn phí", cite="c2"),
                    ShortFact(kind="paper", text="☐ Tờ khai đăng ký khai sinh — 1 bản chính",
                              quote="Tờ khai đăng ký khai sinh", cite="c1"),
                    ShortFact(kind="paper", text="☐ Giấy chứng sinh <b>bản gốc</b>",
                              quote="Giấy chứng sinh <b>bản gốc</b>", cite="c1")])
            return AskResponse(status="answer", message="Thủ tục bạn cần là đăng ký khai sinh.",
                               procedures=[ProcedureRef(code=BIRTH.code, name=BIRTH.name,
                                                        score=3.2)],
                               answer=card, citations=[Citation(id="c1", code=BIRTH.code,
                                                                field="thanh_phan_ho_so",
                                                                quote="Tờ khai")])
        if "đất" in text:
            return AskResponse(status="clarify", message="Bạn muốn hỏi thủ tục nào?",
                               clarify_question="Bạn hỏi về khai sinh hay đất đai?",
                               reason="ambiguous",
                               procedures=[ProcedureRef(code=BIRTH.code, name="khai sinh",
                                                        score=1.0),
                                           ProcedureRef(code=LAND.code, name=LAND.name,
                                                        score=1.0)])
        return AskResponse(status="abstain", message="Xin lỗi, tôi chưa tìm được thủ tục phù hợp.",
                           reason="low_confidence")

    def search(self, query: str, *, level: str | None = None, field: str | None = None,
               limit: int = 10) -> list[ProcedureRef]:
        return [ProcedureRef(code=p.code, name=p.name, score=1.0, levels=p.levels)
                for p in (BIRTH, LAND) if field is None or field == p.field][:limit]

    def get(self, code: str) -> ParsedProcedure:
        for p in (BIRTH, LAND):
            if p.code == code:
                return p
        raise NotFound(f"procedure {code} not found")


def make_client(db: Database, **config: object) -> tuple[TestClient, FakeAssistant]:
    """An in-process client over ``db`` with the fake assistant wired to the real profiles."""
    fake = FakeAssistant()
    settings = get_settings().model_copy(update=config)
    app = create_app(settings, fake, db=db)
    fake.where_provider = app.state.service.registry
    return TestClient(app), fake
