"""The ``motcua`` command. Parsing arguments and printing only; logic lives in the rooms."""

from __future__ import annotations

import sys
from typing import Any

import typer

from motcua._errors import MotcuaError
from motcua._logging import configure_logging
from motcua.cli import (  # noqa: F401 - registers
    ask,
    catalog,
    clean,
    data,
    docs,
    evaluate,
    index,
    serve,
    status,
    users,
)
from motcua.cli._apps import app
from motcua.cli._output import err_console, print_json

__all__ = ["app", "main"]


def _json_error(code: str, message: str, hint: str | None = None, **context: Any) -> None:
    """The same error shape as the HTTP API, on stdout where a ``--json`` caller reads."""
    error: dict[str, Any] = {"code": code, "message": message}
    if hint:
        error["hint"] = hint
    if context:
        error["context"] = context
    print_json({"error": error})


def main() -> None:
    """Run the command; errors are text for people, or JSON when ``--json`` was asked for.

    Exit codes: 0 done, 1 done with failures (e.g. a file of a folder refused), 2 refused
    (bad input, unknown code, usage error), 130 interrupted.
    """
    configure_logging()
    if "--json" not in sys.argv[1:]:
        try:
            app()
        except MotcuaError as exc:
            err_console.print(f"[bold red]Lỗi:[/] {exc.message}", highlight=False)
            if exc.hint:
                err_console.print(f"[yellow]Gợi ý:[/] {exc.hint}", highlight=False)
            sys.exit(2)
        return
    try:
        code = app(standalone_mode=False)
    except MotcuaError as exc:
        print_json({"error": exc.to_dict()})
        sys.exit(2)
    except typer.TyperException as exc:  # click's usage errors: bad option, missing argument
        ctx = getattr(exc, "ctx", None)
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        _json_error("usage", message, hint=f"xem {ctx.command_path if ctx else 'motcua'} --help")
        sys.exit(int(getattr(exc, "exit_code", 2)))
    except typer.Abort:
        _json_error("interrupted", "đã dừng theo yêu cầu")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
