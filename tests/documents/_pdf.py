"""Tiny PDFs made by the tests: a text-layer page (hand-written PDF) and scanned pages."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (ASCII, Helvetica)."""
    ops = ["BT /F1 12 Tf 50 800 Td 14 TL"]
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({safe}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def vietnamese_font() -> Path | None:
    """A TTF font with Vietnamese glyphs installed on this machine (DejaVu, Liberation...)."""
    if shutil.which("fc-list"):
        found = subprocess.run(["fc-list", ":lang=vi", "file"], capture_output=True, text=True,
                               check=False).stdout
        for line in found.splitlines():
            path = Path(line.split(":")[0].strip())
            if path.suffix.lower() == ".ttf" and "Sans" in path.name and path.is_file():
                return path
    for cand in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        if Path(cand).is_file():
            return Path(cand)
    return None


def scanned_page(lines: list[str], font: Path, *, size: int = 40) -> object:
    """A white A4-ish page at 200 dpi with ``lines`` drawn as pixels (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(font), size)
    y = 150
    for line in lines:
        draw.text((120, y), line, font=face, fill=0)
        y += int(size * 1.8)
    return image


def scanned_pdf(pages: list[object]) -> bytes:
    out = io.BytesIO()
    first, *rest = pages
    first.save(out, format="PDF", resolution=200, save_all=True, append_images=rest)  # type: ignore[attr-defined]
    return out.getvalue()
