"""Hostile files made by the tests (never checked in, never downloaded), each small on disk.

Each maker returns ``(filename, bytes)``. The expensive ones (hundreds of MB deflated) are
cached for the test session: they are the same bytes every time.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from functools import cache

from tests.documents._pdf import text_pdf

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + W + b"><w:body>"
_TAIL = b"</w:body></w:document>"
_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
          b'package/2006/content-types"/>')


def _docx(write_body: object, level: int = 1) -> bytes:
    """A zip with ``word/document.xml`` streamed through deflate by ``write_body(member)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(_HEAD)
            write_body(member)  # type: ignore[operator]
            member.write(_TAIL)
    return out.getvalue()


def blank_pages_pdf(pages: int = 2000) -> tuple[str, bytes]:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return "blank.pdf", out.getvalue()


def huge_page_pdf(side: int = 200_000) -> tuple[str, bytes]:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(side, side)
    out = io.BytesIO()
    writer.write(out)
    return "huge.pdf", out.getvalue()


def encrypted_pdf() -> tuple[str, bytes]:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["Dieu 1. Pham vi"]))))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return "locked.pdf", out.getvalue()


def truncated_pdf() -> tuple[str, bytes]:
    data = text_pdf([f"Dieu {i}. Noi dung cua dieu nay." for i in range(1, 40)])
    return "cut.pdf", data[: len(data) // 2]


@cache
def paragraphs_docx(count: int = 3_000_000) -> tuple[str, bytes]:
    para = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"

    def body(member: io.BufferedIOBase) -> None:
        block = para * 10_000
        for _ in range(count // 10_000):
            member.write(block)

    return "paragraphs.docx", _docx(body)


@cache
def text_node_docx(megabytes: int = 300) -> tuple[str, bytes]:
    def body(member: io.BufferedIOBase) -> None:
        member.write(b"<w:p><w:r><w:t>")
        chunk = b"a" * (1 << 20)
        for _ in range(megabytes):
            member.write(chunk)
        member.write(b"</w:t></w:r></w:p>")

    return "textnode.docx", _docx(body)


def zip_bomb_docx(megabytes: int = 60) -> tuple[str, bytes]:
    """One member of zeros: a ratio of about 1:1000, the signature of a zip bomb."""
    out = io.BytesIO()
    with (zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
          archive.open("word/media/zeros.bin", "w") as member):
        chunk = bytes(1 << 20)
        for _ in range(megabytes):
            member.write(chunk)
    return "bomb.docx", out.getvalue()


def many_members_docx(count: int = 5000) -> tuple[str, bytes]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for i in range(count):
            archive.writestr(f"word/m{i}.xml", b"")
    return "members.docx", out.getvalue()


def random_text_docx(node_chars: int = 0, paragraphs: int = 1) -> tuple[str, bytes]:
    """A DOCX that passes the zip checks (random letters do not compress much) but has one
    long text node or many paragraphs: caught by the child's streaming XML check."""
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz "

    def body(member: io.BufferedIOBase) -> None:
        for _ in range(paragraphs):
            member.write(b"<w:p><w:r><w:t>xin chao</w:t></w:r></w:p>")
        if node_chars:
            text = "".join(rng.choice(letters) for _ in range(node_chars))
            member.write(b"<w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>")

    return "long.docx", _docx(body, level=6)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png_bomb(side: int = 60_000) -> tuple[str, bytes]:
    """A PNG declaring side × side grey pixels (3.6 G for 60 000) in a few hundred bytes."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (side + 1) * 4, 9)  # the first rows; a decoder allocates all
    data = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", rows)
            + _png_chunk(b"IEND", b""))
    return "bomb.png", data


def jpeg_bomb(side: int = 65_000) -> tuple[str, bytes]:
    """A small JPEG whose frame header (SOF0) is patched to declare side × side pixels."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (16, 16), 255).save(out, format="JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", side, side)
    return "bomb.jpg", bytes(data)


HOSTILE = {  # name -> (maker, a fragment of the refusal)
    "2000 blank pages": (blank_pages_pdf, "tệp có 2000 trang, vượt giới hạn 500 trang"),
    "one 200000x200000 page": (huge_page_pdf, "triệu điểm ảnh"),
    "3 million paragraphs": (paragraphs_docx, "nén bất thường"),
    "300 MB text node": (text_node_docx, "vượt giới hạn 100 MB"),
    "zip bomb": (zip_bomb_docx, "bom nén"),
    "5000 zip members": (many_members_docx, "5000 thành phần"),
    "PNG bomb": (png_bomb, "điểm ảnh"),
    "JPEG bomb": (jpeg_bomb, "điểm ảnh"),
    "truncated PDF": (truncated_pdf, "không đầy đủ"),
    "encrypted PDF": (encrypted_pdf, "mật khẩu"),
}
