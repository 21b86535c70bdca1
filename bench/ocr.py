"""OCR speed: pages per second of ``motcua.documents`` on scanned pages made here.

Usage: python bench/ocr.py [PAGES]
Why a rendered sample: no scanned document may be copied into the project; a text page drawn
with a Vietnamese-capable font and wrapped as an image-only PDF exercises the same path
(text-layer detection, rendering at 300 dpi, Tesseract ``vie``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from motcua.documents.ingest import extract_text, ocr_available
from tests.documents._pdf import scanned_page, scanned_pdf, vietnamese_font

LINES = [
    "ỦY BAN NHÂN DÂN TỈNH MẪU",
    "QUYẾT ĐỊNH về việc thành lập Tổ công tác",
    "Điều 1. Thành lập Tổ công tác số hóa hồ sơ hộ tịch.",
    "1. Tổ công tác gồm 7 người, do Phó Chủ tịch làm tổ trưởng.",
    "2. Hoàn thành trước ngày 30 tháng 6 năm 2025.",
    "Điều 2. Giao Sở Nội vụ chủ trì, hướng dẫn các xã, phường thực hiện.",
] * 4


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    font = vietnamese_font()
    if not ocr_available() or font is None:
        sys.stdout.write(json.dumps({"skipped": "tesseract-ocr-vie or a Vietnamese font "
                                     "(fonts-dejavu-core) is missing"}) + "\n")
        return
    pdf = scanned_pdf([scanned_page(LINES, font) for _ in range(pages)])
    start = time.perf_counter()
    result = extract_text(pdf, "scan.pdf")
    seconds = time.perf_counter() - start
    words = {w for line in LINES for w in line.split()}
    found = sum(1 for w in words if w in result.text)
    sys.stdout.write(json.dumps({
        "pages": pages, "ocr_pages": len(result.ocr_pages), "seconds": round(seconds, 2),
        "pages_per_second": round(pages / seconds, 3),
        "word_recall": round(found / len(words), 3),
    }) + "\n")


if __name__ == "__main__":
    main()
