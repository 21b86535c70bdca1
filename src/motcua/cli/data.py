"""``motcua data import|ask|generate``: dossier exports and questions on them (officials).

Arguments and printing only; the dossiers room (``motcua.dossiers``) does the work. ``ask``
prints the answer, a small bar chart of its table and the SQL that ran; ``--json`` prints the
Interface's JSON exactly (the API returns the same).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from motcua._errors import InputError
from motcua.cli._apps import app, eval_app
from motcua.cli._output import console, print_json

data_app = typer.Typer(help="Số liệu hồ sơ một cửa: nhập tệp xuất, hỏi bằng tiếng Việt.",
                       no_args_is_help=True)
app.add_typer(data_app, name="data")

_JSON = typer.Option("--json", help="in ra dạng JSON")
_BAR = 30


def _mapping(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        header, sep, column = item.rpartition("=")
        if not sep or not header.strip():
            raise InputError(f"--map {item!r} không đúng dạng",
                             hint='ghi --map "Tên cột trong tệp=cột" (ví dụ "Ngày nhận='
                                  'received_at"; "=-" để bỏ qua cột)')
        out[header.strip()] = column.strip()
    return out


def _day(today: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(today) if today else None
    except ValueError:
        raise InputError(f"--today {today!r} không phải ngày", hint="ghi dạng 2026-06-30"
                         ) from None


@data_app.command("import")
def data_import(
    files: Annotated[list[Path], typer.Argument(help="tệp xuất .csv hoặc .xlsx")],
    mapping: Annotated[list[str] | None, typer.Option(
        "--map", help='"Tên cột=cột" khi không tự nhận được cột (lặp lại được)')] = None,
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """Nhập tệp xuất hồ sơ: kiểm tra mọi dòng trước, lỗi một dòng thì không nhập gì."""
    from motcua.dossiers.importer import import_exports

    result = import_exports(files, overrides=_mapping(mapping or []))
    if as_json:
        print_json(result.to_dict())
        return
    console.print(f"Đã nhập {result.rows:,} hồ sơ từ {len(result.files)} tệp ({result.new:,} "
                  f"mới, {result.replaced:,} cập nhật) trong {result.seconds} giây."
                  .replace(",", "."), markup=False)
    for name, ignored in result.ignored.items():
        if ignored:
            console.print(f"  {name}: bỏ qua cột " + ", ".join(ignored), markup=False)


def _chart(table: list[dict[str, Any]], unit: str) -> None:
    values = [t["value"] for t in table if isinstance(t.get("value"), int | float)]
    if len(table) < 2 or not values:
        return
    top = max(values) or 1
    width = max(len(str(t["label"])) for t in table[:20])
    for t in table[:20]:
        v = t["value"]
        bar = "█" * round(_BAR * v / top) if isinstance(v, int | float) else ""
        shown = "—" if v is None else f"{v}{'%' if unit == '%' else ''}"
        console.print(f"  {str(t['label'])[:60]:<{min(width, 60)}} {bar} {shown}",
                      markup=False)
    if len(table) > 20:
        console.print(f"  ... và {len(table) - 20} dòng khác (--json để xem hết)", markup=False)


@data_app.command("ask")
def data_ask(
    question: Annotated[str, typer.Argument(help="câu hỏi, có dấu hoặc không dấu")],
    as_json: Annotated[bool, _JSON] = False,
    today: Annotated[str | None, typer.Option(
        help="tính 'năm nay', 'quý 3', 'tuần trước' theo ngày này (YYYY-MM-DD)")] = None,
) -> None:
    """Hỏi số liệu hồ sơ: số hồ sơ, trễ hạn, tỷ lệ đúng hạn, trực tuyến... theo xã, tháng."""
    from motcua.dossiers.query import ask

    answer = ask(question, today=_day(today))
    if as_json:
        print_json(answer)
        return
    console.print(answer["message"], markup=False)
    _chart(answer["table"], answer["unit"])
    if answer["sql"]:
        what = "câu hỏi" if answer["unit"] == "câu hỏi" else "hồ sơ"
        console.print(f"SQL ({answer['rows']:,} {what} được đếm): ".replace(",", ".")
                      + answer["sql"], markup=False, style="dim", soft_wrap=True)


@data_app.command("report")
def data_report(
    commune: Annotated[str, typer.Argument(help="xã/phường, ví dụ 'Xã Hữu Lũng'")],
    month: Annotated[str, typer.Option(help="tháng báo cáo: 2026-05 hoặc 05/2026")],
    out: Annotated[Path, typer.Option(help="tệp .html hoặc .xlsx sẽ ghi")],
    today: Annotated[str | None, typer.Option(
        help="tính hồ sơ quá hạn theo ngày này (YYYY-MM-DD)")] = None,
) -> None:
    """Báo cáo chỉ số phục vụ của một xã trong một tháng (HTML hoặc Excel) để gửi cấp trên."""
    from motcua.dossiers.report import build_report, write_report

    report = build_report(commune, month, today=_day(today))
    write_report(report, out)
    console.print(f"Đã ghi báo cáo {report.commune} tháng {report.month} vào {out} "
                  f"({len(report.late)} hồ sơ trễ hạn).", markup=False)


@data_app.command("forecast")
def data_forecast(
    commune: Annotated[str | None, typer.Option(help="một xã; bỏ trống: mọi xã")] = None,
    weeks: Annotated[int, typer.Option(help="số tuần tới cần dự báo")] = 2,
    per_staff: Annotated[float, typer.Option(help="hồ sơ một người tiếp nhận được mỗi giờ")] =
    6.0,
    staff: Annotated[int, typer.Option(help="số người đang ở quầy mỗi giờ")] = 1,
    as_json: Annotated[bool, _JSON] = False,
    today: Annotated[str | None, typer.Option(help="ngày tính dự báo (YYYY-MM-DD)")] = None,
) -> None:
    """Dự báo giờ cao điểm theo thứ và giờ, sai số trên các tuần giữ lại, gợi ý thêm người."""
    from dataclasses import asdict

    from motcua.dossiers.forecast import forecast

    results = forecast(commune=commune, weeks=weeks, per_staff=per_staff, staff=staff,
                       today=_day(today))
    if as_json:
        print_json([asdict(r) for r in results])
        return
    scored = [r for r in results if r.model_mae is not None and r.naive_mae is not None]
    if scored:
        model = sum(r.model_mae or 0 for r in scored) / len(scored)
        naive = sum(r.naive_mae or 0 for r in scored) / len(scored)
        console.print(f"Sai số trên 4 tuần giữ lại (trung bình tuyệt đối mỗi giờ mở cửa, "
                      f"{len(scored)} xã): dự báo {model:.2f}, cách 'như tuần trước' "
                      f"{naive:.2f} hồ sơ.", markup=False)
    lines = sorted((p for r in results for p in r.peaks), key=lambda p: -p["extra_staff"])
    if not lines:
        console.print("Không có khung giờ nào cần thêm người trong các tuần tới.", markup=False)
    for p in lines[:30]:
        console.print("  " + p["text"], markup=False)


@data_app.command("sync-questions")
def data_sync_questions() -> None:
    """Chép nhật ký câu hỏi của người dân (đã che số điện thoại, CCCD...) sang kho số liệu."""
    from motcua.dossiers.questions import sync_questions
    from motcua.dossiers.store import dossier_path

    n = sync_questions(dossier_path())
    console.print(f"Đã chép {n:,} câu hỏi của người dân.".replace(",", "."), markup=False)


@data_app.command("generate")
def data_generate(
    out: Annotated[Path, typer.Argument(help="tệp .csv hoặc .xlsx sẽ ghi")],
    rows: Annotated[int, typer.Option(min=1, max=5_000_000, help="số hồ sơ")] = 10_000,
    seed: Annotated[int, typer.Option(help="cùng seed cho cùng tệp")] = 0,
) -> None:
    """Tạo tệp xuất MẪU (hồ sơ giả lập) để thử nhập và hỏi; không phải dữ liệu thật."""
    from motcua.dossiers.generate import generate, write_csv, write_xlsx

    dossiers = generate(rows, seed=seed)
    if out.suffix.lower() == ".xlsx":
        write_xlsx(out, dossiers, seed=seed)
    elif out.suffix.lower() == ".csv":
        write_csv(out, dossiers, seed=seed)
    else:
        raise InputError(f"{out.name}: chỉ ghi được .csv hoặc .xlsx", hint="đổi đuôi tệp")
    console.print(f"Đã ghi {rows:,} hồ sơ giả lập vào {out}.".replace(",", "."), markup=False)


@eval_app.command("dossiers")
def eval_dossiers(
    rows: Annotated[int, typer.Option(min=100, help="generated dossiers")] = 20_000,
    questions: Annotated[int, typer.Option(min=20, help="questions (20 are unsupported)")] = 200,
    seed: Annotated[int, typer.Option(help="generator and question seed")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Dossier questions on a generated export: exact accuracy overall and per shape."""
    from motcua.dossiers.evaluate import run_eval

    report = run_eval(rows=rows, questions=questions, seed=seed)
    if as_json:
        print_json(report)
        return
    console.print(f"{report['questions']} questions on {report['rows']:,} dossiers: exact "
                  f"{report['accuracy']:.3f} on supported shapes, unsupported declined "
                  f"{report['unsupported_declined']:.3f}", markup=False)
    for shape, figures in report["by_shape"].items():
        console.print(f"  {shape:<12} n={figures['n']:<4} exact={figures['exact']:.3f}",
                      markup=False)
    for failure in report["failures"][:20]:
        console.print(f"  FAIL [{failure['shape']}] {failure['question']} -> "
                      f"{failure['status']} {failure['value']!r} (gold {failure['gold']!r})",
                      markup=False)
