"""``motcua serve``, ``motcua communes`` and ``motcua conversations``.

``motcua users`` (accounts and API keys) lives in ``users.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from motcua._settings import get_settings
from motcua.cli._apps import app
from motcua.cli._output import console, err_console, print_json

if TYPE_CHECKING:
    from motcua.store.db import Database

communes_app = typer.Typer(help="Hồ sơ xã: địa chỉ bộ phận một cửa, giờ làm việc, quầy.",
                           no_args_is_help=True)
conversations_app = typer.Typer(help="Hội thoại đã lưu (thời hạn lưu trữ).", no_args_is_help=True)
app.add_typer(communes_app, name="communes")
app.add_typer(conversations_app, name="conversations")


def _db() -> Database:
    from motcua.store.db import open_database

    return open_database(get_settings().db_url)


@app.command()
def serve(
    sample: Annotated[bool, typer.Option("--sample", help="dùng dữ liệu mẫu kèm theo (danh mục và "
                                         "hồ sơ xã; chỉ nhập khi kho trống)")] = False,
    host: Annotated[str, typer.Option(help="địa chỉ lắng nghe")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="số tiến trình phục vụ")] = 1,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log")] = False,
) -> None:
    """Chạy dịch vụ: trang hỏi đáp (/), bàn làm việc cán bộ (/console), API (/docs)."""
    import uvicorn

    from motcua.service.retention import purge_conversations
    from motcua.tracking.audit import purge as purge_lookups
    from motcua.web.app import seed_sample

    settings = get_settings()
    db = _db()
    if sample:
        seed_sample(settings, db)
    elif settings.sample_fallback:  # an empty store serves the sample, saying so on each answer
        from motcua.catalog.bootstrap import ensure_sample

        ensure_sample(settings, db=db)
    purged = purge_conversations(db, older_than_days=settings.conversation_retention_days)
    purge_lookups(db, older_than_days=settings.conversation_retention_days)  # status audit
    db.dispose()
    os.environ["MOTCUA_SAMPLE"] = "0"  # seeded once here, not by every worker
    os.environ["MOTCUA_SAMPLE_FALLBACK"] = "0"  # nor the fallback (app_from_env would redo it)
    err_console.print(f"motcua: http://{host}:{port}/ (cán bộ: /console, API: /docs); "
                      f"{workers} worker(s); {purged} hội thoại quá hạn đã xóa")
    uvicorn.run("motcua.web.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, access_log=access_log, log_level="warning",
                timeout_keep_alive=15, proxy_headers=False)  # motcua.web.client decides


@communes_app.command("list")
def communes_list(
    province: Annotated[str | None, typer.Option(help="mặc định: MOTCUA_DEFAULT_PROVINCE")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Các xã/phường (từ gói vietnamadminunits) và xã nào đã có hồ sơ một cửa."""
    from motcua.communes import list_units, load_profiles

    units = list_units(province or get_settings().default_province)
    have = {p.code for p in load_profiles(_db())}
    rows = [{"code": u.code, "name": u.name, "profile": u.code in have} for u in units]
    if as_json:
        print_json(rows)
        return
    for r in rows:
        console.print(f"{r['code']}  {r['name']}{'  [hồ sơ]' if r['profile'] else ''}",
                      markup=False)


@communes_app.command("import")
def communes_import(
    path: Annotated[Path, typer.Argument(help="tệp hồ sơ .yaml/.yml hoặc .csv")],
) -> None:
    """Nhập hồ sơ xã (YAML hoặc CSV); kiểm tra toàn bộ trước, lỗi thì không nhập gì."""
    from motcua.communes import load_profiles_file, save_profiles
    from motcua.service.accounts import audit

    profiles = load_profiles_file(path)
    db = _db()
    n = save_profiles(db, profiles)
    with db.session() as s:
        audit(s, "cli", "communes.import", path.name, {"count": n})
    console.print(f"Đã nhập {n} hồ sơ xã/phường từ {path.name}.")


@communes_app.command("import-seats")
def communes_import_seats(
    path: Annotated[Path, typer.Argument(help="danh mục đơn vị hành chính mới (CSV: tentinh, "
                                              "loai, tenhc, trungtamhc)")],
    province: Annotated[str | None, typer.Option(help="mặc định: MOTCUA_DEFAULT_PROVINCE")] = None,
) -> None:
    """Nhập trụ sở xã/phường từ danh mục chính thức; không ghi đè địa chỉ cán bộ đã nhập."""
    from motcua.communes import CommuneProfile, load_profiles, save_profiles
    from motcua.communes.seats import read_seats
    from motcua.service.accounts import audit

    where = province or get_settings().default_province
    seats, skipped = read_seats(path, province=where)
    db = _db()
    have = {p.code: p for p in load_profiles(db)}
    changed = [(have[s.code].model_copy(update={"seat": s.seat}) if s.code in have
                else CommuneProfile(code=s.code, seat=s.seat).canonical()) for s in seats]
    n = save_profiles(db, changed)
    with db.session() as s:
        audit(s, "cli", "communes.import-seats", path.name, {"count": n, "skipped": len(skipped)})
    for line in skipped[:20]:
        err_console.print(f"bỏ qua {line}", markup=False)
    console.print(f"Đã nhập trụ sở của {n} xã/phường ({where}) từ {path.name}"
                  + (f"; bỏ qua {len(skipped)} dòng." if skipped else "."))


@communes_app.command("export")
def communes_export(
    path: Annotated[Path, typer.Argument(help="tệp đích .yaml/.yml hoặc .csv")],
) -> None:
    """Xuất hồ sơ xã ra YAML hoặc CSV."""
    from motcua.communes import load_profiles, write_profiles_file

    profiles = load_profiles(_db())
    write_profiles_file(path, profiles)
    console.print(f"Đã xuất {len(profiles)} hồ sơ xã/phường ra {path}.")


@conversations_app.command("purge")
def conversations_purge(
    days: Annotated[int | None, typer.Option(help="mặc định: "
                                             "MOTCUA_CONVERSATION_RETENTION_DAYS")] = None,
) -> None:
    """Xóa hội thoại cũ hơn thời hạn lưu trữ."""
    from motcua.service.retention import purge_conversations

    n = purge_conversations(_db(), older_than_days=days or
                            get_settings().conversation_retention_days, actor="cli")
    console.print(f"Đã xóa {n} hội thoại.")
