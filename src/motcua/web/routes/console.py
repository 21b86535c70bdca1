"""The officials' console: login, inbox of handed-over conversations, reply, close,
analytics and the audit log. Server-rendered forms, no script needed.

Why every state change is a POST with a CSRF token and the cookie is SameSite=Strict: a page
on another site cannot make a logged-in official reply or close a conversation.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from motcua._errors import InputError
from motcua.service import analytics, conversations
from motcua.service.accounts import UserInfo, authenticate, list_audit
from motcua.web.deps import StateDep, UserDep
from motcua.web.limits import TokenBucket
from motcua.web.sessions import COOKIE

__all__ = ["router"]

router = APIRouter(prefix="/console", include_in_schema=False)
_CONV_ID = r"^[0-9a-f]{32}$"
_login_bucket = TokenBucket(10)


def _page(request: Request, name: str, ctx: dict[str, Any], status: int = 200,
          user: UserInfo | None = None) -> HTMLResponse:
    token = request.cookies.get(COOKIE) or ""
    state = request.app.state.service
    base = {"user": user, "csrf": state.signer.csrf(token) if token else ""}
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, {**base, **ctx}, status_code=status)
    return response


def _check_csrf(request: Request, state: StateDep, csrf: str) -> None:
    if not state.signer.check_csrf(request.cookies.get(COOKIE), csrf):
        raise InputError("form expired", hint="reload the page and try again")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return _page(request, "login.html", {"error": ""})


@router.post("/login", response_model=None)
def login(request: Request, state: StateDep, username: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=256)]) -> Response:
    client = request.client.host if request.client else "unknown"
    wait = _login_bucket.take(client)
    if wait > 0:
        return _page(request, "login.html", {
            "error": f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {math.ceil(wait)} giây."},
            status=429)
    user = authenticate(state.db, username.strip(), password)
    if user is None:
        return _page(request, "login.html",
                     {"error": "Tên đăng nhập hoặc mật khẩu không đúng."}, status=401)
    response = RedirectResponse("/console", status_code=303)
    response.set_cookie(COOKIE, state.signer.sign(user.id), max_age=state.signer.max_age,
                        httponly=True, samesite="strict", path="/",
                        secure=state.settings.env == "production")
    return response


@router.post("/logout")
def logout(request: Request, state: StateDep,
           csrf: Annotated[str, Form(max_length=200)] = "") -> RedirectResponse:
    _check_csrf(request, state, csrf)
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("", response_class=HTMLResponse)
def inbox(request: Request, state: StateDep, user: UserDep,
          status: Annotated[str, Query(pattern="^(open|closed)$")] = "open") -> HTMLResponse:
    items = conversations.inbox(state.db, commune_code=user.scope, status=status)
    names = {u.code: u.name for u in state.units()}
    return _page(request, "inbox.html", {"items": items, "status": status,
                                         "commune": names.get(user.commune_code or "", "")},
                 user=user)


@router.get("/c/{conversation_id}", response_class=HTMLResponse)
def conversation(request: Request, state: StateDep, user: UserDep,
                 conversation_id: Annotated[str, Path(pattern=_CONV_ID)]) -> HTMLResponse:
    view = conversations.get_conversation(state.db, conversation_id, commune_code=user.scope)
    return _page(request, "conversation.html", {"c": view}, user=user)


@router.post("/c/{conversation_id}/reply")
def reply(request: Request, state: StateDep, user: UserDep,
          conversation_id: Annotated[str, Path(pattern=_CONV_ID)],
          text: Annotated[str, Form(max_length=4000)],
          csrf: Annotated[str, Form(max_length=200)] = "") -> RedirectResponse:
    _check_csrf(request, state, csrf)
    conversations.officer_reply(state.db, conversation_id=conversation_id, text=text,
                                actor=user.username, commune_code=user.scope)
    return RedirectResponse(f"/console/c/{conversation_id}", status_code=303)


@router.post("/c/{conversation_id}/close")
def close(request: Request, state: StateDep, user: UserDep,
          conversation_id: Annotated[str, Path(pattern=_CONV_ID)],
          csrf: Annotated[str, Form(max_length=200)] = "") -> RedirectResponse:
    _check_csrf(request, state, csrf)
    conversations.close_handover(state.db, conversation_id=conversation_id,
                                 actor=user.username, commune_code=user.scope)
    return RedirectResponse("/console", status_code=303)


@router.get("/analytics", response_class=HTMLResponse)
def analytics_page(request: Request, state: StateDep, user: UserDep,
                   days: Annotated[int, Query(ge=1, le=366)] = 30) -> HTMLResponse:
    data = analytics.summary(state.db, days=days, commune_code=user.scope)
    return _page(request, "analytics.html", {"a": data}, user=user)


@router.get("/analytics.json")
def analytics_json(state: StateDep, user: UserDep,
                   days: Annotated[int, Query(ge=1, le=366)] = 30) -> dict[str, Any]:
    return analytics.summary(state.db, days=days, commune_code=user.scope)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, state: StateDep, user: UserDep) -> HTMLResponse:
    if not user.is_admin:
        return _page(request, "message.html", {
            "title": "Không có quyền", "text": "Chỉ quản trị viên cấp tỉnh xem được nhật ký."},
            status=403, user=user)
    return _page(request, "audit.html", {"entries": list_audit(state.db)}, user=user)
