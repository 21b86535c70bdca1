"""PDF reader: the text layer where a page has one, Tesseract OCR only for pages without.

Why per page: scanned annexes are often appended to a born-digital decision; OCR of the whole
file would be slow and would replace good text with recognised text.
"""

from __future__ import annotations

import io
import logging
import shutil
from functools import lru_cache
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from motcua._errors import ExternalServiceError, FileFormatError
from motcua.documents.model import ExtractedText
from motcua.text.normalize import nfc

__all__ = ["MIN_TEXT_CHARS", "ocr_available", "ocr_image", "pdf_to_text"]

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 25  # fewer letters than this on a page means it is a scan (or blank)
OCR_DPI = 300
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
            "Tesseract OCR with Vietnamese data is not installed",
            hint="install the Debian packages tesseract-ocr and tesseract-ocr-vie",
        )
    import pytesseract

    try:
        return nfc(pytesseract.image_to_string(image, lang=OCR_LANG))
    except (OSError, RuntimeError, pytesseract.TesseractError) as exc:
        raise ExternalServiceError(f"OCR failed: {exc}",
                                   hint="check the tesseract install") from exc


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _render(data: bytes, index: int) -> Any:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        return page.render(scale=OCR_DPI / 72).to_pil()
    finally:
        pdf.close()


def pdf_to_text(data: bytes, filename: str, *, ocr: bool = True) -> ExtractedText:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileFormatError(
                f"{filename}: the PDF is password-protected",
                hint="remove the password (print to PDF) and import it again",
                path=filename,
            )
        pages = list(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise FileFormatError(
            f"{filename}: not a readable PDF ({exc.__class__.__name__}: {exc})",
            hint="check that the file is a complete PDF; download or scan it again",
            path=filename,
        ) from exc
    texts: list[str] = []
    ocr_pages: list[int] = []
    for i, page in enumerate(pages):
        try:
            text = page.extract_text() or ""
        except (PdfReadError, ValueError, KeyError, TypeError) as exc:
            log.warning("pdf page unreadable", extra={"file": filename, "page": i + 1,
                                                      "error": str(exc)})
            text = ""
        if _letters(text) < MIN_TEXT_CHARS and ocr:
            text = ocr_image(_render(data, i))
            ocr_pages.append(i + 1)
        texts.append(nfc(text).strip())
    return ExtractedText(text="\n\n".join(texts) + "\n", format="pdf", pages=len(pages),
                         ocr_pages=ocr_pages)
