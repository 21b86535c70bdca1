"""``motcua users``: officials' accounts and integration API keys (for admins at the server).

Why the secrets are never printed again: the store keeps only hashes (argon2 for passwords,
SHA-256 for keys); ``api-keys`` lists names and states, and a lost key is revoked and replaced.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from motcua._errors import InputError
from motcua._settings import get_settings
from motcua.cli._apps import app
from motcua.cli._output import console, err_console, print_json

if TYPE_CHECKING:
    from motcua.store.db import Database

users_app = typer.Typer(help="Tài khoản cán bộ và khóa API của hệ thống tích hợp.",
                        no_args_is_help=True)
app.add_typer(users_app, name="users")

_USER = typer.Argument(help="tên đăng nhập của cán bộ")
_STDIN = typer.Option("--password-stdin", help="đọc mật khẩu từ stdin (một dòng)")
_JSON = typer.Option("--json", help="in ra dạng JSON")


def _db() -> Database:
    from motcua.store.db import open_database

    return open_database(get_settings().db_url)


def _read_password(password_stdin: bool, label: str = "Mật khẩu") -> str:
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt(label, hide_input=True, confirmation_prompt="Nhập lại")
    if not password:
        raise InputError("mật khẩu trống", hint="nhập mật khẩu từ 10 ký tự trở lên")
    return password


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "strftime") else str(value)


@users_app.command("create")
def users_create(
    username: Annotated[str, _USER],
    role: Annotated[str, typer.Option(help="officer (cán bộ một xã) | admin (cấp tỉnh)")] =
    "officer",
    commune: Annotated[str | None, typer.Option(help="mã hoặc tên xã/phường (officer)")] = None,
    password_stdin: Annotated[bool, _STDIN] = False,
) -> None:
    """Tạo tài khoản cán bộ (mật khẩu băm bằng argon2)."""
    from motcua.service.accounts import create_user

    password = _read_password(password_stdin)
    user = create_user(_db(), username=username, password=password, role=role, commune=commune)
    console.print(f"Đã tạo tài khoản {user.username} ({user.role}"
                  f"{', ' + user.commune_code if user.commune_code else ''}).", markup=False)


@users_app.command("list")
def users_list(as_json: Annotated[bool, _JSON] = False) -> None:
    """Liệt kê tài khoản: vai trò, xã, trạng thái, số phiên đăng nhập còn hiệu lực."""
    from motcua.service.accounts import list_users

    rows = list_users(_db())
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print("Chưa có tài khoản nào (tạo: motcua users create TÊN).", markup=False)
    for r in rows:
        state = "đang hoạt động" if r["active"] else "đã khóa"
        console.print(f"{r['id']:>4}  {r['username']}  {r['role']}  {r['commune'] or '-'}  "
                      f"{state}  {r['sessions']} phiên", markup=False)


@users_app.command("deactivate")
def users_deactivate(username: Annotated[str, _USER]) -> None:
    """Khóa tài khoản: không đăng nhập được nữa, mọi phiên đang mở bị đăng xuất ngay."""
    from motcua.service.accounts import set_active

    ended = set_active(_db(), username, False)
    console.print(f"Đã khóa tài khoản {username}; {ended} phiên đăng nhập đã bị đăng xuất.",
                  markup=False)


@users_app.command("activate")
def users_activate(username: Annotated[str, _USER]) -> None:
    """Mở lại tài khoản đã khóa."""
    from motcua.service.accounts import set_active

    set_active(_db(), username, True)
    console.print(f"Đã mở lại tài khoản {username}.", markup=False)


@users_app.command("password")
def users_password(username: Annotated[str, _USER],
                   password_stdin: Annotated[bool, _STDIN] = False) -> None:
    """Đặt mật khẩu mới (hỏi hai lần); mọi phiên đăng nhập của tài khoản bị đăng xuất."""
    from motcua.service.accounts import set_password

    password = _read_password(password_stdin, "Mật khẩu mới")
    ended = set_password(_db(), username, password)
    console.print(f"Đã đổi mật khẩu của {username}; {ended} phiên đăng nhập đã bị đăng xuất.",
                  markup=False)


@users_app.command("api-key")
def users_api_key(name: Annotated[str, typer.Argument(help="tên hệ thống tích hợp")]) -> None:
    """Tạo khóa API cho hệ thống tích hợp (chỉ hiện một lần)."""
    from motcua.service.accounts import create_api_key

    key = create_api_key(_db(), name=name)
    err_console.print("Khóa API (gửi trong header X-API-Key; chỉ hiện một lần):")
    sys.stdout.write(key + "\n")


@users_app.command("api-keys")
def users_api_keys(as_json: Annotated[bool, _JSON] = False) -> None:
    """Liệt kê khóa API (tên, trạng thái); khóa bí mật không bao giờ hiện lại."""
    from motcua.service.accounts import list_api_keys

    rows = list_api_keys(_db())
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print("Chưa có khóa API nào (tạo: motcua users api-key TÊN).", markup=False)
    for r in rows:
        state = "đang dùng" if r["active"] else "đã thu hồi"
        console.print(f"{r['id']:>4}  {r['name']}  {state}  tạo {_when(r['created_at'])}",
                      markup=False)


@users_app.command("revoke-key")
def users_revoke_key(key: Annotated[str, typer.Argument(help="tên hoặc số (id) của khóa")]
                     ) -> None:
    """Thu hồi khóa API: các yêu cầu dùng khóa này bị từ chối (401)."""
    from motcua.service.accounts import revoke_api_key

    name = revoke_api_key(_db(), key)
    console.print(f"Đã thu hồi khóa API {name}.", markup=False)
