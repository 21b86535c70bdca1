"""Readers that turn a file's bytes into plain text, one paragraph per line.

Why one entry point: the importer, the API upload and the summariser all accept "a file" and
must treat its format the same way; the suffix decides the reader.
"""

from __future__ import annotations

import io
from pathlib import Path

from motcua._errors import FileFormatError
from motcua.documents.ingest.glue import unglue
from motcua.documents.ingest.markdown import markdown_to_text
from motcua.documents.ingest.office import docx_to_text
from motcua.documents.ingest.pdf import ocr_available, ocr_image, pdf_to_text
from motcua.documents.ingest.plain import csv_to_text, decode_text, html_to_text
from motcua.documents.limits import IMAGE_SUFFIXES, ParseLimits, refuse
from motcua.documents.model import ExtractedText

__all__ = ["SUPPORTED_SUFFIXES", "extract_text", "ocr_available"]

_IMAGE = IMAGE_SUFFIXES
SUPPORTED_SUFFIXES = frozenset(
    {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".csv", *_IMAGE}
)


def extract_text(data: bytes, filename: str, *, ocr: bool = True,
                 limits: ParseLimits | None = None) -> ExtractedText:
    """Read ``data`` according to the suffix of ``filename``, within ``limits`` (defaults:
    ``ParseLimits()``); ``sandbox.parse_isolated`` adds the time and memory limits. Prose
    gets its lost spaces back (``glue.unglue``); a CSV's cells are left as they are."""
    extracted = _extract(data, filename, ocr=ocr, limits=limits)
    if extracted.format != "csv":
        extracted.text = unglue(extracted.text)
    return extracted


def _extract(data: bytes, filename: str, *, ocr: bool,
             limits: ParseLimits | None) -> ExtractedText:
    limits = limits or ParseLimits()
    suffix = Path(filename).suffix.lower()
    if not data:
        raise FileFormatError(f"{filename}: tệp rỗng", hint="kiểm tra lại tệp",
                              path=filename)
    if suffix == ".pdf":
        return pdf_to_text(data, filename, ocr=ocr, limits=limits)
    if suffix == ".docx":
        return ExtractedText(text=docx_to_text(data, filename, limits), format="docx")
    if suffix in {".html", ".htm"}:
        return ExtractedText(text=html_to_text(decode_text(data, filename)), format="html")
    if suffix in {".md", ".markdown"}:
        return ExtractedText(text=markdown_to_text(decode_text(data, filename)), format="markdown")
    if suffix == ".txt":
        return ExtractedText(text=decode_text(data, filename), format="txt")
    if suffix == ".csv":
        return ExtractedText(text=csv_to_text(decode_text(data, filename)), format="csv")
    if suffix in _IMAGE:
        return _image(data, filename, ocr=ocr, limits=limits)
    raise FileFormatError(
        f"{filename}: không hỗ trợ loại tệp {suffix or '(không có đuôi)'}",
        hint="dùng PDF, DOCX, HTML, Markdown, TXT, CSV hoặc ảnh (PNG, JPG, TIFF)",
        path=filename,
    )


def _image(data: bytes, filename: str, *, ocr: bool, limits: ParseLimits) -> ExtractedText:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        if image.size[0] * image.size[1] > limits.max_image_pixels:
            raise Image.DecompressionBombError(f"{image.size} over the cap")
        image.load()
    except Image.DecompressionBombError as exc:
        raise refuse(filename, f"ảnh quá lớn, vượt giới hạn {limits.max_image_pixels / 1e6:.0f} "
                     "triệu điểm ảnh", hint="quét lại ở độ phân giải 300 dpi") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise FileFormatError(f"{filename}: không đọc được tệp ảnh", hint="quét lại văn bản",
                              path=filename) from exc
    text = ocr_image(image) if ocr else ""
    return ExtractedText(text=text, format="image", pages=1, ocr_pages=[1] if ocr else [])
