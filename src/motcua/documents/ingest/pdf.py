"""PDF reader: the text layer where a page has one, Tesseract OCR only for pages without.

Why per page: scanned annexes are often appended to a born-digital decision; OCR of the whole
file would be slow and would replace good text with recognised text.
"""

from __future__ import annotations

import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from motcua._errors import ExternalServiceError, FileFormatError
from motcua.documents.ingest.pdfcheck import (
    OCR_DPI,
    PDF_ERRORS,
    check_page_pixels,
    open_pdf,
    page_sizes,
)
from motcua.documents.limits import ParseLimits, refuse
from motcua.documents.model import ExtractedText
from motcua.text.normalize import nfc

__all__ = ["MIN_TEXT_CHARS", "ocr_available", "ocr_image", "pdf_to_text"]

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 25  # fewer letters than this on a page means it is a scan (or blank)
OCR_LANG = "vie"


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Tesseract is on PATH and has the Vietnamese language data."""
    if shutil.which("tesseract") is None:
        return False
    import pytesseract

    try:
        return OCR_LANG in pytesseract.get_languages(config="")
    except (OSError, RuntimeError, pytesseract.TesseractError):
        return False


def ocr_image(image: Any) -> str:
    """Recognise one PIL image as Vietnamese text."""
    if not ocr_available():
        raise ExternalServiceError(
            "chưa cài Tesseract OCR với dữ liệu tiếng Việt",
            hint="cài gói Debian tesseract-ocr và tesseract-ocr-vie, hoặc nhập với --no-ocr "
                 "(bỏ qua các trang quét)",
        )
    import pytesseract

    # One OpenMP thread per tesseract process: pages run in parallel instead, which measured
    # about twice as fast on a busy 2-core machine (bench/ocr.py).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return nfc(pytesseract.image_to_string(image, lang=OCR_LANG))
    except (OSError, RuntimeError, pytesseract.TesseractError) as exc:
        raise ExternalServiceError(f"OCR failed: {exc}",
                                   hint="check the tesseract install") from exc


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _ocr_pages(data: bytes, indexes: list[int]) -> dict[int, str]:
    """OCR the given pages: rendered one batch at a time (pdfium is not thread-safe), each
    batch recognised in parallel tesseract processes."""
    import pypdfium2 as pdfium

    workers = max(1, min(len(indexes), os.cpu_count() or 1))
    out: dict[int, str] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for start in range(0, len(indexes), workers):
                batch = indexes[start : start + workers]
                images = [pdf[i].render(scale=OCR_DPI / 72).to_pil() for i in batch]
                for i, text in zip(batch, pool.map(ocr_image, images), strict=True):
                    out[i] = text
    finally:
        pdf.close()
    return out


def pdf_to_text(data: bytes, filename: str, *, ocr: bool = True,
                limits: ParseLimits | None = None) -> ExtractedText:
    """Text of every page; pages, scanned pages and their render size are capped first."""
    limits = limits or ParseLimits()
    reader = open_pdf(data, filename)
    sizes = page_sizes(reader, filename, limits)
    try:
        pages = list(reader.pages)
    except PDF_ERRORS as exc:
        raise FileFormatError(
            f"{filename}: không đọc được tệp PDF ({exc.__class__.__name__}: {exc})",
            hint="kiểm tra tệp PDF có đầy đủ không; tải hoặc quét lại",
            path=filename,
        ) from exc
    if len(pages) != len(sizes):
        raise refuse(filename, "không đọc được tệp PDF: cây trang bất thường",
                     hint="mở bằng trình xem PDF và in ra PDF mới rồi nhập lại")
    texts: list[str] = []
    for i, page in enumerate(pages):
        try:
            text = page.extract_text() or ""
        except PDF_ERRORS as exc:
            log.warning("pdf page unreadable", extra={"file": filename, "page": i + 1,
                                                      "error": str(exc)})
            text = ""
        texts.append(nfc(text).strip())
    scanned = [i for i, t in enumerate(texts) if _letters(t) < MIN_TEXT_CHARS] if ocr else []
    if len(scanned) > limits.max_ocr_pages:
        raise refuse(filename, f"tệp có {len(scanned)} trang quét cần nhận dạng chữ, vượt giới "
                     f"hạn {limits.max_ocr_pages} trang")
    check_page_pixels(sizes, scanned, filename, limits)
    if scanned:
        for i, text in _ocr_pages(data, scanned).items():
            texts[i] = text.strip()
    return ExtractedText(text="\n\n".join(texts) + "\n", format="pdf", pages=len(pages),
                         ocr_pages=[i + 1 for i in scanned])
