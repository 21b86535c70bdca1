"""Cheap structural checks of a PDF: header, end marker, password, page tree, page sizes.

Why a bounded walk of the page tree instead of ``len(reader.pages)``: pypdf flattens the whole
tree first, and a hostile file can declare one page while listing millions; this walk stops
as soon as the page cap is passed. Sizes come from each page's (inherited) MediaBox times its
UserUnit, which is what a renderer would allocate, so a page too big to render for OCR is
refused before any pixel exists.
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from motcua.documents.limits import ParseLimits, refuse

__all__ = ["OCR_DPI", "PDF_ERRORS", "check_page_pixels", "check_pdf", "open_pdf", "page_pixels",
           "page_sizes"]

OCR_DPI = 300
# What pypdf raises on a malformed file (its own errors, and plain ones from broken objects).
PDF_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
              RecursionError, OSError, zlib.error)
_BROKEN_HINT = "kiểm tra tệp PDF có đầy đủ không; tải hoặc quét lại"


def page_pixels(size: tuple[float, float], dpi: int = OCR_DPI) -> int:
    scale = dpi / 72
    return int(size[0] * scale) * int(size[1] * scale)


def open_pdf(data: bytes, filename: str) -> PdfReader:
    """A reader over a complete, readable PDF; truncated and password-protected are refused."""
    if b"%PDF-" not in data[:1024]:
        raise refuse(filename, "không đọc được tệp PDF: thiếu phần đầu %PDF", hint=_BROKEN_HINT)
    if b"%%EOF" not in data[-2048:]:
        raise refuse(filename, "không đọc được tệp PDF: tệp không đầy đủ (bị cắt mất phần cuối)",
                     hint="tải hoặc sao chép lại tệp gốc rồi tải lên lại")
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
    except PDF_ERRORS as exc:
        raise refuse(filename, f"không đọc được tệp PDF ({exc.__class__.__name__})",
                     hint=_BROKEN_HINT) from exc
    if locked:
        raise refuse(filename, "tệp PDF có mật khẩu",
                     hint="bỏ mật khẩu (in ra PDF mới) rồi nhập lại")
    return reader


def _box(value: Any, user_unit: float) -> tuple[float, float] | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return abs(x1 - x0) * user_unit, abs(y1 - y0) * user_unit


def page_sizes(reader: PdfReader, filename: str, limits: ParseLimits) -> list[tuple[float, float]]:
    """Width and height in points of every page, walking at most ``max_pages`` leaves."""
    try:
        root: Any = reader.trailer["/Root"].get_object()
        top: Any = root["/Pages"].get_object()
        declared = int(top.get("/Count", 0))
    except PDF_ERRORS as exc:
        raise refuse(filename, f"không đọc được tệp PDF ({exc.__class__.__name__})",
                     hint=_BROKEN_HINT) from exc
    if declared > limits.max_pages:
        raise refuse(filename, f"tệp có {declared} trang, vượt giới hạn {limits.max_pages} trang")
    sizes: list[tuple[float, float]] = []
    seen: set[object] = set()
    stack: list[tuple[Any, Any]] = [(top, None)]
    try:
        while stack:
            node, inherited = stack.pop()
            ref = getattr(node, "indirect_reference", None)
            key = (ref.idnum, ref.generation) if ref is not None else id(node)
            if key in seen or len(seen) > 4 * limits.max_pages + 64:
                raise refuse(filename, "cây trang của tệp PDF bất thường (lặp hoặc quá lớn)",
                             hint=_BROKEN_HINT)
            seen.add(key)
            box = node.get("/MediaBox", inherited)
            kids = node.get("/Kids")
            if kids is not None:
                stack.extend((kid.get_object(), box) for kid in reversed(list(kids)))
                continue
            if len(sizes) >= limits.max_pages:
                raise refuse(filename, f"tệp có hơn {limits.max_pages} trang, vượt giới hạn "
                             f"{limits.max_pages} trang")
            unit = float(node.get("/UserUnit", 1) or 1)
            sizes.append(_box(box, unit) or (612.0, 792.0))
    except PDF_ERRORS as exc:
        raise refuse(filename, f"không đọc được tệp PDF ({exc.__class__.__name__})",
                     hint=_BROKEN_HINT) from exc
    return sizes


def check_pdf(data: bytes, filename: str, limits: ParseLimits, *, ocr: bool = True) -> None:
    """Pages and, when pages may be OCR'd, the pixels each would be rendered to."""
    sizes = page_sizes(open_pdf(data, filename), filename, limits)
    if ocr:
        check_page_pixels(sizes, range(len(sizes)), filename, limits)


def check_page_pixels(sizes: list[tuple[float, float]], pages: Any, filename: str,
                      limits: ParseLimits) -> None:
    for i in pages:
        pixels = page_pixels(sizes[i])
        if pixels > limits.max_page_pixels:
            w_mm, h_mm = (round(v * 25.4 / 72) for v in sizes[i])
            raise refuse(filename, f"trang {i + 1} khổ {w_mm}×{h_mm} mm cần "
                         f"{pixels / 1e6:.0f} triệu điểm ảnh để nhận dạng chữ, vượt giới hạn "
                         f"{limits.max_page_pixels / 1e6:.0f} triệu")
