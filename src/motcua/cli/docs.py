"""``motcua docs ...`` (import, search, ask, summarize, list, reindex) and ``motcua eval legal``
and ``motcua eval docs``. Parsing arguments and printing only; logic lives in
``motcua.documents`` and ``motcua.eval``.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from motcua._errors import InputError
from motcua.cli._apps import docs_app, eval_app
from motcua.cli._output import console, err_console, print_json

_MARK = re.compile(r"<mark>(.*?)</mark>")


def _service() -> Any:
    from motcua.documents.service import DocumentService

    return DocumentService()


def _highlight(snippet: str) -> str:
    """Rich markup of an HTML snippet: marked words in bold yellow, HTML escapes undone."""
    parts = _MARK.split(snippet)  # plain text at even places, marked words at odd ones
    return "".join(f"[bold yellow]{escape(html.unescape(p))}[/]" if i % 2
                   else escape(html.unescape(p)) for i, p in enumerate(parts))


def _failure(result: Any) -> str:
    """"file: reason", without repeating the name when the reason already starts with it."""
    error = result.error or "lỗi không rõ"
    return error if error.startswith(f"{result.filename}:") else f"{result.filename}: {error}"


@docs_app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="tệp hoặc thư mục cần nhập")],
    no_ocr: Annotated[bool, typer.Option("--no-ocr",
                                         help="không nhận dạng chữ (OCR) trang quét")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="thay văn bản đã lưu cùng số "
                                          "hiệu (nếu không có cờ này thì từ chối)")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Nhập văn bản (PDF, DOCX, HTML, Markdown, TXT, CSV, ảnh); nhập lại tệp cũ không đổi gì.

    Tệp lỗi được báo và bỏ qua; mã thoát là 1 khi có tệp lỗi."""
    from motcua.documents.inputs import iter_files

    service = _service()
    files = iter_files(paths)
    if not files:
        raise InputError("không tìm thấy tệp nào để nhập",
                         hint="give files or folders with PDF, DOCX, HTML, MD or TXT files")
    start = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console, disable=as_json) as progress:
        task = progress.add_task("Đang nhập văn bản", total=len(files))

        def step(result: Any) -> None:
            progress.advance(task)
            if result.status == "failed":
                hint = f" [yellow]({escape(result.hint)})[/]" if result.hint else ""
                progress.console.print(f"[red]Bỏ qua[/] {escape(_failure(result))}{hint}")

        results = service.import_paths(paths, ocr=not no_ocr, on_file=step, files=files,
                                       replace=replace)
    elapsed = time.perf_counter() - start
    counts = {s: sum(r.status == s for r in results) for s in ("imported", "unchanged", "failed")}
    if as_json:
        print_json({"files": [r.model_dump() for r in results], **counts,
                    "seconds": round(elapsed, 2)})
    else:
        console.print(f"Đã nhập [green]{counts['imported']}[/] văn bản mới, "
                      f"[cyan]{counts['unchanged']}[/] không đổi, "
                      f"[red]{counts['failed']}[/] lỗi, trong {elapsed:.1f} giây.")
        for r in results:
            if r.status == "failed":  # again at the end: progress lines scroll away
                hint = f" ({r.hint})" if r.hint else ""
                console.print(f"  [red]lỗi[/] {escape(_failure(r) + hint)}")
    if counts["failed"]:
        raise typer.Exit(1)


@docs_app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="từ khóa tìm kiếm")],
    type_: Annotated[str | None, typer.Option("--type", help="ví dụ 'Nghị quyết'")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer")] = None,
    year: Annotated[int | None, typer.Option("--year")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 10,
    province: Annotated[str | None, typer.Option(
        "--province", help="chỉ văn bản của tỉnh này và văn bản chung (ví dụ 'Lạng Sơn')")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Các đoạn phù hợp nhất, kèm văn bản, số hiệu và vị trí điều khoản."""
    hits = _service().search(query, type=type_, issuer=issuer, year=year, limit=limit,
                             province=province)
    if as_json:
        print_json([h.model_dump() for h in hits])
        return
    if not hits:
        console.print("Không tìm thấy đoạn văn bản nào phù hợp.")
        return
    for i, h in enumerate(hits, start=1):
        console.print(f"[bold]{i}. {escape(h.citation.label)}[/] "
                      f"[dim]({h.score:.2f})[/]")
        console.print(f"   {_highlight(h.snippet)}")


@docs_app.command("ask")
def ask(
    question: Annotated[str, typer.Argument(help="câu hỏi")],
    province: Annotated[str | None, typer.Option(
        "--province", help="chỉ đọc văn bản của tỉnh này và văn bản chung")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Trả lời trích từ văn bản, kèm nguồn; không đủ căn cứ thì từ chối."""
    result = _service().ask(question, province=province)
    if as_json:
        print_json(result.model_dump())
        return
    if result.status != "answer":
        console.print("Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản đã nhập.")
        return
    if result.value:
        console.print(f"[bold]{escape(result.value)}[/]")
    console.print(escape(result.answer))
    for c in result.citations:
        console.print(f"[dim]Nguồn:[/] {escape(c.label)}")


@docs_app.command("summarize")
def summarize(
    ref: Annotated[str, typer.Argument(help="mã, số hiệu văn bản đã lưu, hoặc đường dẫn tệp")],
    length: Annotated[str, typer.Option("--length", help="short (ngắn) | long (dài)")] = "short",
    as_json: Annotated[bool, typer.Option("--json")] = False,
    llm: Annotated[bool, typer.Option("--llm", help="thêm tóm tắt viết lại bằng mô hình "
                                      "ngôn ngữ (cần MOTCUA_LLM_BASE_URL)")] = False,
) -> None:
    """Tóm tắt trích dẫn theo cấu trúc; mỗi câu ghi rõ vị trí trong văn bản.

    REF là một tệp trên máy này (tóm tắt mà không nhập) hoặc mã/số hiệu văn bản đã lưu;
    chỉ dòng lệnh đọc tệp, API HTTP không bao giờ đọc.
    """
    service = _service()
    path = Path(ref)
    summary = (service.summarize_file(path, length=length) if path.is_file()
               else service.summarize(ref, length=length))
    if llm:
        from motcua.documents.llm import abstractive_summary, client_from_settings

        summary.abstractive = abstractive_summary(client_from_settings(), summary)
    if as_json:
        print_json(summary.model_dump())
        return
    head = " ".join(x for x in (summary.doc_type, summary.number) if x)
    console.print(f"[bold]{escape(head or summary.filename or '')}[/]")
    for label, value in (("Cơ quan ban hành", summary.issuer), ("Nơi, ngày ban hành",
                         ", ".join(x for x in (summary.place, summary.issued_date) if x)),
                         ("Trích yếu", summary.subject), ("Người ký", summary.signer)):
        if value:
            console.print(f"{label}: {escape(value)}")
    sections = (("Cấu trúc", summary.structure), ("Nội dung chính", summary.key_points),
                ("Số liệu", summary.figures),
                ("Thời hạn", summary.deadlines))
    for title, items in sections:
        if items:
            console.print(f"\n[bold]{title}[/]")
            for it in items:
                console.print(f"- {escape(it.text)} [dim]({escape(it.location)})[/]")
    if summary.assignments:
        console.print("\n[bold]Phân công[/]")
        for a in summary.assignments:
            console.print(f"- [cyan]{escape(a.who)}[/]: {escape(a.task)} "
                          f"[dim]({escape(a.location)})[/]")
    if summary.abstractive:
        console.print(f"\n[bold]Tóm tắt (LLM)[/]\n{escape(summary.abstractive)}")


@docs_app.command("list")
def list_(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Các văn bản đã nhập."""
    docs = _service().list_documents()
    if as_json:
        print_json(docs)
        return
    table = Table("id", "số", "loại", "ngày", "trích yếu", "đoạn")
    for d in docs:
        table.add_row(str(d["id"]), str(d["number"] or ""), str(d["doc_type"] or ""),
                      str(d["issued_date"] or ""), str(d["subject"] or d["filename"])[:60],
                      str(d["passages"]))
    console.print(table)


@docs_app.command("show")
def show(
    ref: Annotated[str, typer.Argument(help="mã hoặc số hiệu văn bản")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Thông tin một văn bản và các đoạn của nó theo điều khoản."""
    service = _service()
    doc, passages = service.get(ref), service.passages(ref)
    if as_json:
        print_json({**doc, "passages": passages})
        return
    console.print(f"[bold]{escape(str(doc['doc_type'] or ''))} {escape(str(doc['number'] or ''))}"
                  f"[/] — {escape(str(doc['subject'] or doc['filename']))}")
    for p in passages:
        console.print(f"[cyan]{escape(str(p['path']))}[/]: {escape(str(p['text']))}")


@docs_app.command("reindex")
def reindex() -> None:
    """Xây dựng lại chỉ mục văn bản từ cơ sở dữ liệu."""
    n = _service().reindex()
    console.print(f"Đã lập chỉ mục {n} đoạn văn bản.")


def _print_metrics(title: str, result: dict[str, Any], keys: list[str]) -> None:
    table = Table(title=title)
    table.add_column("")
    for k in keys:
        table.add_column(k)
    for name, row in (("motcua", result), *((k, v) for k, v in result.items()
                                            if isinstance(v, dict))):
        table.add_row(name, *(str(row.get(k, "")) for k in keys))
    console.print(table)


@eval_app.command("legal")
def eval_legal(
    questions: Annotated[Path, typer.Argument(help="train.json or oct-train.json")],
    corpus: Annotated[Path, typer.Option("--corpus", help="articles.json or legal_passages.json")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Recall@1/5/10 and MRR@10 of article retrieval, with a plain BM25 baseline."""
    from motcua.eval.legal import evaluate_legal

    result = evaluate_legal(questions, corpus)
    if as_json:
        print_json(result)
        return
    _print_metrics(f"motcua eval legal — {questions.name}", result,
                   ["recall_at_1", "recall_at_5", "recall_at_10", "mrr_at_10", "n"])


@eval_app.command("docs")
def eval_docs(
    questions: Annotated[Path, typer.Argument(help="JSONL questions with gold clause/answer")],
    corpus: Annotated[Path, typer.Option("--corpus", help="folder of documents")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """clause_at_1, clause_at_5 and answer_accuracy, as typed and folded (no diacritics)."""
    from motcua.eval.docs import evaluate_docs

    result = evaluate_docs(questions, corpus)
    if as_json:
        print_json(result)
        return
    _print_metrics(f"motcua eval docs — {questions.name}", result,
                   ["clause_at_1", "clause_at_5", "answer_accuracy", "n"])
