"""The citizen's chat page at ``/``: one server-rendered page, one small script, no CDN."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from motcua._errors import UnknownCommune
from motcua.communes.units import resolve_unit
from motcua.web.deps import StateDep

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
# Shown on the empty page, one tap away: the questions a commune counter hears most.
EXAMPLES = (
    "Làm giấy khai sinh cho con cần gì?",
    "Đăng ký kết hôn cần giấy tờ gì?",
    "Làm lại căn cước bị mất ở đâu?",
    "Đăng ký tạm trú cho người thuê trọ",
    "Bố tôi mất, cần làm thủ tục gì?",
    "Xin giấy xác nhận tình trạng hôn nhân",
)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, state: StateDep,
          commune: Annotated[str | None, Query(max_length=120)] = None) -> HTMLResponse:
    selected = ""
    if commune:
        try:
            selected = resolve_unit(commune, province=state.settings.default_province).code
        except UnknownCommune:
            selected = ""
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "index.html", {
        "units": state.units(), "selected": selected,
        "province": state.settings.default_province,
        "max_chars": state.settings.max_question_chars,
        "poll_ms": state.settings.poll_interval_ms, "examples": EXAMPLES,
        "phrasing": "on" if state.settings.phrasing_enabled else "off",
    })
