"""``motcua ask`` and ``motcua search``."""

from __future__ import annotations

from typing import Annotated

import typer

from motcua._settings import get_settings
from motcua.answer.assistant import Assistant, load_assistant
from motcua.answer.messages import SAMPLE_NOTICE
from motcua.answer.render import option_labels, options
from motcua.answer.schema import AskResponse
from motcua.catalog.bootstrap import ensure_sample
from motcua.cli._apps import app
from motcua.cli._output import console, print_json

SampleOpt = Annotated[bool, typer.Option("--sample", help="dùng dữ liệu mẫu kèm theo (danh "
                                         "mục và hồ sơ xã, nhập vào kho trống); kho trống vẫn "
                                         "dùng mẫu trừ khi MOTCUA_SAMPLE_FALLBACK=false")]


def _assistant(sample: bool) -> Assistant:
    """The assistant over the data home, with the commune profiles as its WhereProvider."""
    from motcua.communes.registry import ProfileRegistry, ensure_sample_profiles
    from motcua.store.db import open_database

    settings = get_settings()
    db = open_database(settings.db_url)
    if sample:
        ensure_sample(settings, db=db)
        ensure_sample_profiles(db)
    elif settings.sample_fallback:  # an empty store answers from the sample, saying so
        ensure_sample(settings, db=db)
    registry = ProfileRegistry(db, province=settings.default_province)
    return load_assistant(settings, where_provider=registry, db=db)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="câu hỏi, có dấu hoặc không dấu")],
    commune: Annotated[str | None, typer.Option(help="xã/phường của người hỏi")] = None,
    as_json: Annotated[bool, typer.Option("--json",
                                          help="in ra dạng JSON (lược đồ ổn định)")] = False,
    sample: SampleOpt = False,
    details: Annotated[bool, typer.Option("--chi-tiet", "--details",
                                          help="in cả phần chi tiết (đủ giấy tờ, lưu ý, căn "
                                               "cứ pháp lý) sau thẻ ngắn")] = False,
) -> None:
    """Hỏi về một thủ tục: trả lời kèm nguồn, hỏi lại, hoặc từ chối khi không chắc."""
    from motcua.service.citizens import CitizenService, Inbound

    service = CitizenService(get_settings(), _assistant(sample))  # nothing recorded
    response = service.handle(Inbound(text=question, channel="cli", commune=commune)).response
    if as_json:
        print_json(response.model_dump())
        return
    _print_response(response, details=details)


def _print_response(r: AskResponse, *, details: bool = False) -> None:
    """The short card (as a chat channel sends it), the details only when asked for."""
    if r.sample:
        console.print(f"[bold yellow]⚠ {SAMPLE_NOTICE}[/]")
    console.print(r.message)
    if r.status == "answer" and r.answer:
        console.print()
        notice = f"⚠ {SAMPLE_NOTICE}"  # printed above already
        short = "\n".join(ln for ln in r.answer.short.splitlines() if ln != notice)
        console.print(short or r.answer.text, markup=False, highlight=False)
        if details:
            console.print("\n[bold]Chi tiết[/]")
            console.print(r.answer.text, markup=False, highlight=False)
        elif r.answer.short:
            console.print("\n(Xem chi tiết: motcua ask --chi-tiet \"...\")", markup=False)
        return
    if r.status == "clarify":
        shown = options(r)
        shared, labels = option_labels([p.name for p in shown])
        console.print(f"{shared}, bạn cần việc nào?" if shared else "Bạn cần việc nào?")
        for i, (p, label) in enumerate(zip(shown, labels, strict=True), start=1):
            console.print(f"  {i}. {label} (mã {p.code})", markup=False)
        return
    for p in r.procedures[:5]:
        console.print(f"  - {p.name} (mã {p.code})", markup=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="từ khóa")],
    level: Annotated[str | None, typer.Option(help="xa | tinh | bo")] = None,
    field: Annotated[str | None, typer.Option(help="lĩnh vực, ví dụ 'Hộ tịch'")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    sample: SampleOpt = False,
) -> None:
    """Tìm thủ tục theo từ khóa, xếp theo mức độ phù hợp."""
    refs = _assistant(sample).search(query, level=level, field=field, limit=limit)
    if as_json:
        print_json([r.model_dump() for r in refs])
        return
    if not refs:
        console.print("Không tìm thấy thủ tục phù hợp.")
    for i, r in enumerate(refs, start=1):
        console.print(f"{i:2}. [{r.code}] {r.name}  ({', '.join(r.levels)}; {r.score:.2f})")
