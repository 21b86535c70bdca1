"""The officials' console: login, inbox of handed-over conversations, reply, close,
analytics, the audit log and changing one's own password. Server-rendered forms, no script.

Why every state change is a POST with a CSRF token and the cookie is SameSite=Lax: a page on
another site cannot make a logged-in official reply or close a conversation (Lax still lets a
link from an e-mail open the console). The session lives in the store, so logout, a new
password or a deactivation ends it on every worker at once. Failed logins are counted in the
store per typed username and per client address (``motcua.service.throttle``); the address is
``client_ip``, which believes X-Forwarded-For only from MOTCUA_TRUSTED_PROXIES.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from motcua._errors import InputError, Unauthorized
from motcua.channels.delivery import push_officer_reply
from motcua.service import analytics, conversations, throttle
from motcua.service.accounts import UserInfo, authenticate, change_own_password, list_audit
from motcua.service.sessions import open_session, revoke_session
from motcua.web.client import client_ip, client_scheme
from motcua.web.deps import StateDep, UserDep
from motcua.web.sessions import COOKIE
from motcua.web.state import ServiceState

__all__ = ["router"]

router = APIRouter(prefix="/console", include_in_schema=False)
_CONV_ID = r"^[0-9a-f]{32}$"
_WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
# The same words for a locked real account and a locked unknown name: no one learns who exists.
_LOCKED = ("Đăng nhập tạm thời bị khóa vì sai quá nhiều lần. "
           "Vui lòng thử lại sau {minutes} phút.")


def _page(request: Request, name: str, ctx: dict[str, Any], status: int = 200,
          user: UserInfo | None = None) -> HTMLResponse:
    cookie = request.cookies.get(COOKIE) or ""
    state = request.app.state.service
    base = {"user": user, "csrf": state.signer.csrf(cookie) if user is not None else ""}
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, {**base, **ctx}, status_code=status)
    return response


def _check_csrf(request: Request, state: StateDep, csrf: str) -> None:
    if not state.signer.check_csrf(request.cookies.get(COOKIE), csrf):
        raise InputError("form expired", hint="reload the page and try again")


def _policy(state: ServiceState) -> throttle.LoginPolicy:
    s = state.settings
    minutes = timedelta(minutes=s.login_lockout_minutes)
    return throttle.LoginPolicy(account_failures=s.login_max_failures,
                                address_failures=s.login_address_max_failures,
                                window=minutes, lockout=minutes)


def _account_key(state: ServiceState, username: str) -> str:
    return "acct:" + state.signer.keyed_hash(username.casefold())


def _secure(request: Request, state: ServiceState) -> bool:
    return (state.settings.is_production
            or client_scheme(request.scope, state.settings.proxies) == "https")


def _start_session(request: Request, state: ServiceState, user: UserInfo,
                   response: Response) -> None:
    token = open_session(state.db, user.id, hours=state.settings.session_hours)
    response.set_cookie(COOKIE, state.signer.sign(token), max_age=state.signer.max_age,
                        httponly=True, samesite="lax", path="/",
                        secure=_secure(request, state))


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return _page(request, "login.html", {"error": ""})


@router.post("/login", response_model=None)
def login(request: Request, state: StateDep, username: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=256)]) -> Response:
    name = username.strip()
    address = client_ip(request.scope, state.settings.proxies)
    policy = _policy(state)
    account = _account_key(state, name)
    limits = {account: policy.account_failures,
              throttle.address_key(address): policy.address_failures}
    wait = throttle.locked_for(state.db, list(limits))
    if wait > 0:
        return _page(request, "login.html",
                     {"error": _LOCKED.format(minutes=max(1, math.ceil(wait / 60)))},
                     status=429)
    user = authenticate(state.db, name, password, address=address)
    if user is None:
        throttle.record_failure(state.db, limits, policy)
        return _page(request, "login.html", {"error": _WRONG}, status=401)
    throttle.clear(state.db, account)
    response = RedirectResponse("/console", status_code=303)
    _start_session(request, state, user, response)
    return response


@router.post("/logout")
def logout(request: Request, state: StateDep,
           csrf: Annotated[str, Form(max_length=200)] = "") -> RedirectResponse:
    _check_csrf(request, state, csrf)
    revoke_session(state.db, state.signer.verify(request.cookies.get(COOKIE)))
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax",
                           secure=_secure(request, state))
    return response


@router.get("/password", response_class=HTMLResponse)
def password_form(request: Request, user: UserDep) -> HTMLResponse:
    return _page(request, "password.html", {"error": ""}, user=user)


@router.post("/password", response_model=None)
def password_change(request: Request, state: StateDep, user: UserDep,
                    current: Annotated[str, Form(max_length=256)],
                    new: Annotated[str, Form(max_length=256)],
                    confirm: Annotated[str, Form(max_length=256)],
                    csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    """A new password ends every session of the account, then this browser gets a new one.
    Wrong current passwords count like failed logins (a stolen session cannot guess it)."""
    _check_csrf(request, state, csrf)
    policy = _policy(state)
    account = _account_key(state, user.username)
    wait = throttle.locked_for(state.db, [account])
    if wait > 0:
        return _page(request, "password.html", {
            "error": _LOCKED.format(minutes=max(1, math.ceil(wait / 60)))}, status=429,
            user=user)
    if new != confirm:
        return _page(request, "password.html", {"error": "Hai lần nhập mật khẩu mới không "
                                                "khớp nhau."}, status=400, user=user)
    try:
        change_own_password(state.db, user, current, new)
    except (Unauthorized, InputError) as exc:
        if isinstance(exc, Unauthorized):
            throttle.record_failure(state.db, {account: policy.account_failures}, policy)
        return _page(request, "password.html",
                     {"error": f"{exc.message[:1].upper()}{exc.message[1:]}."}, status=400,
                     user=user)
    response = _page(request, "message.html", {
        "title": "Đã đổi mật khẩu",
        "text": "Mật khẩu mới có hiệu lực ngay; các phiên đăng nhập khác đã bị đăng xuất."},
        user=None)
    _start_session(request, state, user, response)
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
    message_id = conversations.officer_reply(state.db, conversation_id=conversation_id,
                                             text=text, actor=user.username,
                                             commune_code=user.scope)
    push_officer_reply(state.settings, state.db, lambda: state.assistant,
                       conversation_id=conversation_id, message_id=message_id, text=text)
    return RedirectResponse(f"/console/c/{conversation_id}", status_code=303)


@router.post("/c/{conversation_id}/take")
def take(request: Request, state: StateDep, user: UserDep,
         conversation_id: Annotated[str, Path(pattern=_CONV_ID)],
         csrf: Annotated[str, Form(max_length=200)] = "") -> RedirectResponse:
    _check_csrf(request, state, csrf)
    message_id = conversations.take_handover(state.db, conversation_id=conversation_id,
                                             actor=user.username, commune_code=user.scope)
    if message_id is not None:
        push_officer_reply(state.settings, state.db, lambda: state.assistant,
                           conversation_id=conversation_id, message_id=message_id,
                           text=conversations.TAKEN_NOTICE, prefix="")
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
