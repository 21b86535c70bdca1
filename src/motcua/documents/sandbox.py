"""Parse one untrusted file in a child process with CPU, memory and wall-clock limits.

Why a child: pypdf, python-docx, lxml, Pillow, pdfium and Tesseract each have their own ways
to spend minutes or gigabytes on a crafted file; in the service's own process that stalls every
request (the review measured ``/healthz`` unanswered for 11 minutes). The child gets
``RLIMIT_AS`` (memory) and ``RLIMIT_CPU``, runs at a lower priority, leads its own process group
(so Tesseract processes die with it) and is killed by the parent at the wall-clock limit. Every
way it can end, including a crash inside a C library, becomes a ``FileFormatError`` naming the
file and what to do; no hostile file turns into a 500 or takes the service down.

Why ``forkserver``: the server process has threads and open database connections that must not
be forked; a fork server started once (with the parsers imported) forks a clean child in a few
milliseconds, where ``spawn`` or ``python -m`` would pay ~0.5 s of imports per file.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import resource
import signal
from multiprocessing.connection import Connection
from typing import Any

from motcua._errors import ExternalServiceError, FileFormatError, MotcuaError
from motcua.documents.limits import MIB, SPLIT_HINT, ParseLimits, check_file, refuse
from motcua.documents.parse import ParsedDocument, parse_document

__all__ = ["parse_isolated"]

log = logging.getLogger(__name__)
_PRELOAD = ["__main__", __name__, "PIL.Image", "pypdfium2", "pytesseract"]
_RESAVE_HINT = "mở tệp bằng phần mềm gốc, lưu hoặc in ra tệp mới rồi nhập lại"


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)  # read only when the fork server first starts
    return ctx


def _limit_self(limits: ParseLimits) -> None:
    os.setpgrp()
    os.nice(10)  # OCR on a small server must not starve the web workers of CPU
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = math.ceil(limits.wall_seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels


def _child(conn: Connection, data: bytes, filename: str, ocr: bool,
           limits: ParseLimits) -> None:
    """The child's whole life: limit itself, parse, send one message, exit."""
    try:
        _limit_self(limits)
        message: tuple[Any, ...] = ("ok", parse_document(data, filename, ocr=ocr,
                                                         limits=limits))
        conn.send(message)
    except MotcuaError as exc:
        conn.send(("error", exc.__class__.__name__, exc.message, exc.hint))
    except MemoryError:
        conn.send(("memory",))
    except Exception as exc:  # noqa: BLE001 - the boundary of untrusted input: any failure of
        # a parser on it means "this file cannot be read", reported as such by the parent
        conn.send(("broken", exc.__class__.__name__))
    finally:
        conn.close()


def _kill_group(proc: Any) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        if proc.is_alive():  # the child had not yet made its own group
            proc.kill()


def _receive(reader: Connection, seconds: float) -> tuple[Any, ...] | None:
    """The child's message, ``()`` on timeout, ``None`` when it died without one."""
    if not reader.poll(seconds):
        return ()
    try:
        message: tuple[Any, ...] = reader.recv()
    except (EOFError, OSError):
        return None
    return message


def parse_isolated(data: bytes, filename: str, *, ocr: bool = True,
                   limits: ParseLimits | None = None) -> ParsedDocument:
    """``parse_document`` with every cap of ``limits``; raises ``FileFormatError`` (or
    ``ExternalServiceError`` when OCR is needed but not installed)."""
    limits = limits or ParseLimits()
    check_file(data, filename, limits, ocr=ocr)
    ctx = _context()
    reader, writer = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(writer, data, filename, ocr, limits),
                       name="motcua-parse", daemon=True)
    proc.start()
    writer.close()
    try:
        message = _receive(reader, limits.wall_seconds)
    finally:
        reader.close()
        _kill_group(proc)  # also any Tesseract it left; before join, while its pid is held
        proc.join(10)
    if message:
        return _result(message, filename, limits)
    if message == ():
        log.warning("document parse timed out", extra={"file": filename})
        raise refuse(filename, f"đọc tệp quá {limits.wall_seconds:g} giây nên đã dừng")
    return _died(proc.exitcode, filename, limits)


def _result(message: tuple[Any, ...], filename: str, limits: ParseLimits) -> ParsedDocument:
    kind = message[0]
    if kind == "ok":
        doc: ParsedDocument = message[1]
        return doc
    if kind == "error":
        _, cls, text, hint = message
        if cls == ExternalServiceError.__name__:
            raise ExternalServiceError(text, hint=hint)
        raise FileFormatError(text, hint=hint, path=filename)
    if kind == "memory":
        raise _memory(filename, limits)
    log.warning("document parser failed", extra={"file": filename, "error": message[1]})
    raise refuse(filename, f"không đọc được tệp ({message[1]})", hint=_RESAVE_HINT)


def _memory(filename: str, limits: ParseLimits) -> FileFormatError:
    return refuse(filename, f"đọc tệp cần hơn {limits.memory_bytes // MIB} MB bộ nhớ nên đã "
                  "dừng", hint=SPLIT_HINT)


def _died(exitcode: int | None, filename: str, limits: ParseLimits) -> ParsedDocument:
    log.warning("document parser died", extra={"file": filename, "exitcode": exitcode})
    if exitcode == -signal.SIGXCPU:
        raise refuse(filename, f"đọc tệp quá {limits.wall_seconds:g} giây nên đã dừng")
    if exitcode == -signal.SIGKILL:  # the kernel's out-of-memory killer
        raise _memory(filename, limits)
    name = signal.Signals(-exitcode).name if exitcode and exitcode < 0 else f"mã {exitcode}"
    raise refuse(filename, f"trình đọc tệp bị lỗi ({name}), có thể do tệp hỏng hoặc thiếu bộ "
                 "nhớ", hint=_RESAVE_HINT)
