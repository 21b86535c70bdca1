"""Caps against hostile documents, and the cheap checks that apply them before any parsing.

Why checks before parsing: the review measured a 250 KB PDF of 2,000 blank pages stalling the
service for 11 minutes (OCR of every page), a 433-byte PDF with one huge page taking 4.6 GB
(rendered for OCR) and a DOCX that inflates to 300 MB. Each of these is visible from a few
bytes of the file (a page count, a MediaBox, a zip's central directory, an image header), so
``check_file`` refuses them in milliseconds, in the uploader's request, before a child process
starts. What cannot be seen that cheaply (scanned pages to OCR, the size of an XML text node)
is checked in the child (``sandbox.py``) before the heavy step, and the child's time and memory
limits catch the rest. Every refusal is a ``FileFormatError`` saying what exceeded which cap.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from motcua._errors import FileFormatError

if TYPE_CHECKING:
    from motcua._settings import Settings

__all__ = ["SPLIT_HINT", "ParseLimits", "check_file", "check_zip", "refuse"]

MIB = 1024 * 1024
SPLIT_HINT = "chia nhỏ tệp rồi tải lên lại"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"})
_RESCAN_HINT = "quét lại ở độ phân giải 300 dpi rồi tải lên lại"
_RATIO_MIN_BYTES = MIB  # small members (styles, settings) compress very well legitimately


@dataclass(frozen=True)
class ParseLimits:
    """What one file may cost; the defaults are those of ``Settings`` (``MOTCUA_DOC_*``)."""

    max_bytes: int = 25 * MIB
    max_pages: int = 500
    max_ocr_pages: int = 50
    max_page_pixels: int = 40_000_000
    max_image_pixels: int = 50_000_000
    max_unzipped_bytes: int = 100 * MIB
    max_zip_members: int = 2000
    max_zip_ratio: int = 100
    max_xml_text_chars: int = 1_000_000
    max_paragraphs: int = 200_000
    wall_seconds: float = 240.0
    memory_bytes: int = 1024 * MIB

    @classmethod
    def from_settings(cls, settings: Settings) -> ParseLimits:
        s = settings
        return cls(max_bytes=s.doc_max_bytes, max_pages=s.doc_max_pages,
                   max_ocr_pages=s.doc_max_ocr_pages, max_page_pixels=s.doc_max_page_pixels,
                   max_image_pixels=s.doc_max_image_pixels,
                   max_unzipped_bytes=s.doc_max_unzipped_bytes,
                   max_zip_members=s.doc_max_zip_members, max_zip_ratio=s.doc_max_zip_ratio,
                   max_xml_text_chars=s.doc_max_xml_text_chars,
                   max_paragraphs=s.doc_max_paragraphs, wall_seconds=s.doc_parse_seconds,
                   memory_bytes=s.doc_parse_memory_mb * MIB)


def refuse(filename: str, what: str, hint: str = SPLIT_HINT) -> FileFormatError:
    """The one shape of a refusal: "<file>: <what was wrong>" with what to do."""
    return FileFormatError(f"{filename}: {what}", hint=hint, path=filename)


def _mb(n: int) -> str:
    return f"{n / MIB:.0f} MB" if n >= MIB else f"{n / 1024:.0f} KB"


def check_file(data: bytes, filename: str, limits: ParseLimits, *, ocr: bool = True) -> None:
    """Refuse a file over a cap from its header and directory only (no decompression, no
    rendering). Unsupported suffixes and broken files the readers would refuse anyway are
    left to them, except where a cheap look already tells (a truncated PDF)."""
    if len(data) > limits.max_bytes:
        raise refuse(filename, f"tệp {_mb(len(data))}, vượt giới hạn {_mb(limits.max_bytes)}")
    suffix = Path(filename).suffix.lower()
    if suffix == ".pdf" and data:
        from motcua.documents.ingest.pdfcheck import check_pdf

        check_pdf(data, filename, limits, ocr=ocr)
    elif suffix == ".docx" and data:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_zip(archive, filename, limits)
        except (zipfile.BadZipFile, ValueError, EOFError) as exc:
            raise refuse(filename, f"không đọc được tệp DOCX ({exc.__class__.__name__})",
                         hint="mở bằng Word hoặc LibreOffice và lưu lại dạng .docx") from exc
    elif suffix in IMAGE_SUFFIXES and data:
        _check_image(data, filename, limits)


def check_zip(archive: zipfile.ZipFile, filename: str, limits: ParseLimits) -> None:
    """Member count, declared uncompressed total and compression ratio (a "zip bomb")."""
    members = archive.infolist()
    if len(members) > limits.max_zip_members:
        raise refuse(filename, f"tệp nén chứa {len(members)} thành phần, vượt giới hạn "
                     f"{limits.max_zip_members}")
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise refuse(filename, f"tệp giải nén ra {_mb(total)}, vượt giới hạn "
                     f"{_mb(limits.max_unzipped_bytes)}")
    for m in members:
        if m.file_size > _RATIO_MIN_BYTES and m.file_size > limits.max_zip_ratio * max(
                m.compress_size, 1):
            raise refuse(filename, f"thành phần {m.filename} nén bất thường (1:"
                         f"{m.file_size // max(m.compress_size, 1)}, tối đa 1:"
                         f"{limits.max_zip_ratio}); có thể là tệp 'bom nén'",
                         hint="mở bằng Word hoặc LibreOffice và lưu lại dạng .docx")


def _check_image(data: bytes, filename: str, limits: ParseLimits) -> None:
    """Width × height from the header; PIL reads no pixel until ``load()``."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Image.DecompressionBombError as exc:  # over twice PIL's own cap
        raise refuse(filename, f"ảnh quá lớn, vượt giới hạn {limits.max_image_pixels / 1e6:.0f} "
                     "triệu điểm ảnh", hint=_RESCAN_HINT) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise refuse(filename, "không đọc được tệp ảnh", hint="quét lại văn bản") from exc
    if width * height > limits.max_image_pixels:
        raise refuse(filename, f"ảnh {width}×{height} ({width * height / 1e6:.0f} triệu điểm "
                     f"ảnh), vượt giới hạn {limits.max_image_pixels / 1e6:.0f} triệu",
                     hint=_RESCAN_HINT)
