"""What the documents room accepts from a person: the files of an import and a query.

Why apart from the service: both are checks of input before any work starts (a path that does
not exist, an empty or over-long query), shared by the CLI and the HTTP API.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from motcua._errors import InputError
from motcua._settings import get_settings
from motcua.documents.ingest import SUPPORTED_SUFFIXES

__all__ = ["check_query", "iter_files"]


def iter_files(paths: Iterable[Path]) -> list[Path]:
    """Files to import: the given files, and every supported file under given folders."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.is_file():
            out.append(path)
        else:
            raise InputError(f"{path}: không có tệp hoặc thư mục này",
                             hint="kiểm tra lại đường dẫn")
    return out


_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs"})  # control characters, lone surrogates


def check_query(text: str, what: str = "câu hỏi") -> str:
    """The query with whitespace collapsed and control characters and lone surrogates removed.

    Why remove them: the query is echoed in answers, and a NUL or a lone surrogate cannot be
    encoded as UTF-8 JSON (nor stored by PostgreSQL); it is noise, not a reason for a 500.
    """
    text = "".join(" " if unicodedata.category(ch) in _UNSAFE_CATEGORIES else ch
                   for ch in (text or ""))
    text = " ".join(text.split())
    if not text:
        raise InputError(f"{what} trống", hint="nhập vài từ cần tìm")
    limit = get_settings().max_question_chars  # one limit for every question (MOTCUA_MAX_...)
    if len(text) > limit:
        raise InputError(f"{what} quá dài ({len(text)} ký tự)",
                         hint=f"rút gọn còn tối đa {limit} ký tự")
    return text
