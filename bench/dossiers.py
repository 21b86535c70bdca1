"""``python -m bench.dossiers [--rows 1000000]``: dossier import time and question latency.

Why these two figures: the issue's targets are a million dossier rows imported in under a
minute and a question answered in under a second. The export is generated first (not timed;
``motcua.dossiers.generate``, written as CSV with its messy headers and dates), then
``import_exports`` is timed end to end (reading, checking every row, the DuckDB write), then
each question of a fixed set (every shape the parser answers, with and without diacritics) is
asked ``--repeat`` times through ``motcua.dossiers.query.ask`` (parse, SQL, validation, a
fresh read-only connection, the answer): p50, p95 and max.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

QUESTIONS = (
    "Xã nào trễ hạn nhiều nhất quý 3?", "tỷ lệ nộp trực tuyến của phường Đông Kinh theo tháng",
    "10 thủ tục nhiều hồ sơ nhất năm nay", "tháng nào đông nhất?", "thu may dong nhat",
    "so sánh tỷ lệ đúng hạn giữa xã Đồng Đăng và xã Na Sầm", "ty le so hoa theo linh vuc",
    "có bao nhiêu hồ sơ quý 1/2026", "xã nào có tỷ lệ đúng hạn thấp nhất năm 2025",
    "tỷ lệ thanh toán trực tuyến theo quý", "giờ nào đông nhất", "hồ sơ đang xử lý theo xã",
)
TODAY = dt.date(2026, 6, 30)


def run(rows: int, repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MOTCUA_HOME"] = tmp
        from motcua._settings import get_settings

        get_settings.cache_clear()
        from motcua.dossiers.generate import generate, write_csv
        from motcua.dossiers.importer import import_exports
        from motcua.dossiers.query import ask

        start = time.perf_counter()
        export = write_csv(Path(tmp) / "xuat.csv", generate(rows, seed=1, end=TODAY), seed=1)
        generated = time.perf_counter() - start
        target = Path(tmp) / "dossiers.duckdb"
        start = time.perf_counter()
        result = import_exports([export], target=target)
        imported = time.perf_counter() - start
        ask(QUESTIONS[0], path=target, today=TODAY)  # the vocabulary is cached per file state
        times: list[float] = []
        statuses: dict[str, int] = {}
        for _ in range(repeat):
            for q in QUESTIONS:
                t = time.perf_counter()
                answer = ask(q, path=target, today=TODAY)
                times.append((time.perf_counter() - t) * 1000)
                statuses[answer["status"]] = statuses.get(answer["status"], 0) + 1
        times.sort()
        return {"rows": result.rows, "csv_mb": round(export.stat().st_size / 1e6, 1),
                "generate_s": round(generated, 1), "import_s": round(imported, 1),
                "import_rows_per_s": round(result.rows / imported),
                "duckdb_mb": round(target.stat().st_size / 1e6, 1),
                "questions": len(times), "statuses": statuses,
                "ask_p50_ms": round(statistics.median(times), 1),
                "ask_p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                "ask_max_ms": round(times[-1], 1)}


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.dossiers", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    sys.stdout.write(json.dumps(run(args.rows, args.repeat), indent=2) + "\n")


if __name__ == "__main__":
    main()
