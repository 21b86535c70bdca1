"""Document import speed in pages per second, through ``motcua docs import``.

Why PDFs printed here: the shared resolutions are Markdown conversions of official PDFs, and
pages only mean something for PDFs. Chromium prints each resolution's text to an A4 PDF (a
text PDF, like the ones the National Assembly publishes) in a work folder outside the
repository; OCR speed of scanned pages comes from the documents room's own ``bench/ocr.py``.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.corpus import _markdown_paragraphs
from bench.pipelines import Unavailable, failure, run_motcua

__all__ = ["document_import", "ocr_speed"]

log = logging.getLogger(__name__)

_CSS = "body{font:12pt 'DejaVu Serif',serif;margin:2cm} p{text-align:justify}"


def _print_pdfs(sources: list[Path], out: Path) -> list[Path]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise Unavailable("chromium is not installed (make system-deps) to print the PDFs")
    out.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for src in sources:
        paras = _markdown_paragraphs(src.read_text("utf-8"))
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
        page = out / f"{src.stem}.html"
        page.write_text(f"<!doctype html><meta charset=utf-8><style>{_CSS}</style>{body}",
                        "utf-8")
        pdf = out / f"{src.stem}.pdf"
        proc = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
        page.unlink()
        if proc.returncode != 0 or not pdf.exists():
            raise Unavailable(f"chromium could not print {src.name}: {failure(proc)}")
        pdfs.append(pdf)
    return pdfs


def _pages(pdfs: list[Path]) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in pdfs)


def document_import(root: Path, work: Path, files: int) -> dict[str, Any]:
    """Print ``files`` reform resolutions to PDF, import them into a fresh data home, and
    report pages/s from the command's own elapsed time (process start excluded)."""
    home = work / "docs-home"
    home.mkdir(parents=True, exist_ok=True)
    _, probe = run_motcua(["docs", "import", "--help"], home, timeout=60)
    if probe.returncode != 0:
        raise Unavailable("'motcua docs import' does not exist yet")
    sources = sorted((root / "data/documents/reform-2025").glob("*NQ-UBTVQH15.md"))[:files]
    pdfs = _print_pdfs(sources, work / "pdf")
    pages = _pages(pdfs)
    wall, proc = run_motcua(["docs", "import", *map(str, pdfs), "--json"], home)
    if proc.returncode != 0:
        raise Unavailable(f"motcua docs import failed: {failure(proc)}")
    try:
        report = json.loads(proc.stdout)
    except ValueError as exc:
        raise Unavailable("motcua docs import --json printed no JSON") from exc
    seconds = float(report.get("seconds") or wall)
    passages = sum(int(f.get("passages") or 0) for f in report.get("files", []))
    return {"files": len(pdfs), "pages": pages, "passages": passages,
            "imported": report.get("imported"), "failed": report.get("failed"),
            "seconds": round(seconds, 2), "wall_s": round(wall, 2),
            "pages_per_s": round(pages / seconds, 1) if seconds else 0.0}


def ocr_speed(pages: int) -> dict[str, Any]:
    """The documents room's ``bench/ocr.py PAGES`` (scanned A4 pages, Tesseract vie)."""
    script = Path(__file__).with_name("ocr.py")
    if not script.exists():
        raise Unavailable("bench/ocr.py does not exist yet")
    proc = subprocess.run([sys.executable, str(script), str(pages)], capture_output=True,
                          text=True, timeout=900, check=False)
    if proc.returncode != 0:
        raise Unavailable(f"bench/ocr.py failed: {failure(proc)}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    if "skipped" in result:
        raise Unavailable(str(result["skipped"]))
    return result
