"""``/healthz`` latency while hostile documents are uploaded, and how fast each is refused.

Usage: python bench/hostile_uploads.py [ROUNDS]
A real server (uvicorn in a thread, SQLite in a temporary data home) gets every hostile file
of ``tests/documents/_hostile.py`` ROUNDS times, then one scanned PDF (OCR in the parsing
child, when Tesseract is installed) and one Markdown file as jobs, while another client polls
``/healthz`` every 20 ms. Prints, per phase, the healthz latency percentiles, and per hostile
case the median time of its 422.
"""

from __future__ import annotations

import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import uvicorn

URL = "/api/v1/documents"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _probe_while(base: str, work: Callable[[], None]) -> list[float]:
    latencies: list[float] = []
    worker = threading.Thread(target=work)
    with httpx.Client(base_url=base, timeout=30) as probe:
        worker.start()
        while worker.is_alive() or not latencies:
            start = time.perf_counter()
            probe.get("/healthz").raise_for_status()
            latencies.append(time.perf_counter() - start)
            time.sleep(0.02)
    worker.join()
    return latencies


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    os.environ["MOTCUA_HOME"] = tempfile.mkdtemp(prefix="motcua-bench-")
    os.environ["MOTCUA_RATE_LIMIT_PER_MINUTE"] = "100000"
    from motcua._settings import get_settings
    from motcua.documents.ingest import ocr_available
    from motcua.service.accounts import create_api_key
    from motcua.store.db import open_database
    from motcua.web.app import create_app
    from tests.documents._hostile import HOSTILE
    from tests.documents._pdf import scanned_page, scanned_pdf, vietnamese_font
    from tests.web.fake import FakeAssistant
    from tests.web.test_documents import DOC

    settings = get_settings()
    db = open_database(settings.db_url)
    key = {"X-API-Key": create_api_key(db, name="bench")}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, FakeAssistant(), db=db),
                                           host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    files = {case: make() for case, (make, _) in HOSTILE.items()}
    refusals: dict[str, list[float]] = {case: [] for case in files}
    jobs: dict[str, float] = {}

    def hostile() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(rounds):
                for case, (name, data) in files.items():
                    start = time.perf_counter()
                    r = client.post(URL, files={"file": (name, data)}, headers=key)
                    refusals[case].append(time.perf_counter() - start)
                    assert r.status_code == 422, (case, r.status_code)

    def real_jobs() -> None:
        uploads = [("nq99.md", DOC.encode())]
        font = vietnamese_font()
        if ocr_available() and font is not None:
            page = scanned_page(["Điều 1. Thành lập Tổ công tác số hóa hồ sơ."] * 12, font)
            uploads.append(("scan.pdf", scanned_pdf([page, page])))
        with httpx.Client(base_url=base, timeout=60) as client:
            for name, data in uploads:
                start = time.perf_counter()
                url = client.post(URL, files={"file": (name, data)}, headers=key
                                  ).json()["status_url"]
                while client.get(url, headers=key).json()["status"] not in {"done", "failed"}:
                    time.sleep(0.05)
                jobs[name] = time.perf_counter() - start

    phases = {"idle": _probe_while(base, lambda: time.sleep(2)),
              f"hostile uploads x{rounds}": _probe_while(base, hostile),
              "import jobs (child + reindex)": _probe_while(base, real_jobs)}
    server.should_exit = True
    print("| phase | healthz probes | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for phase, lat in phases.items():
        print(f"| {phase} | {len(lat)} | {_pct(lat, 0.5):.1f} | {_pct(lat, 0.95):.1f} | "
              f"{max(lat) * 1000:.1f} |")
    print("\n| hostile file | bytes | 422 median ms |")
    print("|---|---|---|")
    for case, times in refusals.items():
        print(f"| {case} | {len(files[case][1])} | {statistics.median(times) * 1000:.1f} |")
    print("\n| job | seconds from upload to done |")
    print("|---|---|")
    for name, seconds in jobs.items():
        print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
