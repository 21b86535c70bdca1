"""The ``motcua`` command. Parsing arguments and printing only; logic lives in the rooms."""

from __future__ import annotations

import sys

from motcua._errors import MotcuaError
from motcua._logging import configure_logging
from motcua.cli import ask, catalog, clean, docs, evaluate, index, serve, users  # noqa: F401
from motcua.cli._apps import app
from motcua.cli._output import err_console

__all__ = ["app", "main"]


def main() -> None:
    configure_logging()
    try:
        app()
    except MotcuaError as exc:
        err_console.print(f"[bold red]Lỗi:[/] {exc.message}", highlight=False)
        if exc.hint:
            err_console.print(f"[yellow]Gợi ý:[/] {exc.hint}", highlight=False)
        sys.exit(2)
