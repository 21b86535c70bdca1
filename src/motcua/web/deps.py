"""``Annotated`` dependencies shared by the routers, so handlers stay one screen long."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from motcua._errors import Unauthorized
from motcua.answer._protocol import AssistantProtocol
from motcua.answer.phrasing import Phraser
from motcua.service.accounts import verify_api_key
from motcua.service.identity import UserInfo
from motcua.service.sessions import resolve_session
from motcua.store.db import Database
from motcua.web.sessions import COOKIE
from motcua.web.state import ServiceState

__all__ = ["AssistantDep", "DbDep", "LoginRequired", "PhraserDep", "StateDep", "UserDep",
           "get_state", "official_caller", "session_user"]


class LoginRequired(Exception):
    """Raised by the console's user dependency; the app answers with a redirect to login."""


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


StateDep = Annotated[ServiceState, Depends(get_state)]


def _assistant(state: StateDep) -> AssistantProtocol:
    return state.assistant


def _db(state: StateDep) -> Database:
    return state.db


def _phraser(request: Request, state: StateDep) -> Phraser | None:
    """The app's one phraser (None while MOTCUA_PHRASING is off), made on first use."""
    app_state = request.app.state
    if not hasattr(app_state, "phraser"):
        app_state.phraser = Phraser.from_settings(state.settings)
    phraser: Phraser | None = app_state.phraser
    return phraser


def session_user(request: Request, state: ServiceState) -> UserInfo | None:
    """The official of the request's console cookie: signed by us, and live in the store
    (not logged out, not expired, user still active); None otherwise."""
    token = state.signer.verify(request.cookies.get(COOKIE))
    return resolve_session(state.db, token) if token is not None else None


def official_caller(request: Request, state: ServiceState, room: str) -> str:
    """Who calls an officials' route: an integration key's name ("key:NAME") or a logged-in
    official ("user:ID"); else 401 saying ``room`` ("kho văn bản") is for officials only."""
    name = verify_api_key(state.db, request.headers.get("x-api-key", ""))
    if name:
        return f"key:{name}"
    user = session_user(request, state)
    if user is not None:
        return f"user:{user.id}"
    raise Unauthorized(f"{room} chỉ dành cho cán bộ: cần đăng nhập hoặc khóa API",
                       hint="đăng nhập tại /console/login, hoặc gửi tiêu đề X-API-Key với khóa "
                            "hợp lệ (motcua users api-key TÊN)")


def _user(request: Request, state: StateDep) -> UserInfo:
    user = session_user(request, state)
    if user is None:
        raise LoginRequired
    return user


AssistantDep = Annotated[AssistantProtocol, Depends(_assistant)]
DbDep = Annotated[Database, Depends(_db)]
PhraserDep = Annotated[Phraser | None, Depends(_phraser)]
UserDep = Annotated[UserInfo, Depends(_user)]
