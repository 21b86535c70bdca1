"""End to end, through the project's own commands: catalog import, ``ask`` latency, cold
start, document import.

Why through the commands: these are the numbers a deployment sees (process start, imports,
store reads, index load), not the search core's. Each part that is not built yet, or fails,
becomes a row saying so instead of stopping the run.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.corpus import procedure_questions
from bench.docimport import document_import, ocr_speed
from bench.pipelines import Unavailable, catalog_home, failure, run_motcua
from motcua._errors import MotcuaError

__all__ = ["run_endtoend"]

log = logging.getLogger(__name__)

_NA = "not available yet"


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _ask_latency(home: Path, questions: list[str], calls: int) -> dict[str, Any]:
    """``Assistant.ask`` in this process over the full catalog, one call at a time; a first
    pass over the questions is not timed (the repository cache and the typo table warm up)."""
    from motcua._settings import Settings
    from motcua.answer import load_assistant

    assistant = load_assistant(Settings(home=home, database_url=None))
    statuses: dict[str, int] = {}
    for q in questions:
        assistant.ask(q)
    times: list[float] = []
    cpu: list[float] = []
    while len(times) < calls:
        for q in questions:
            c = time.thread_time()
            t = time.perf_counter()
            status: str
            try:
                status = assistant.ask(q).status
            except MotcuaError as exc:
                status = exc.code
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.thread_time() - c) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
    return {"calls": len(times), "p50_ms": round(_percentile(times, 50), 3),
            "p95_ms": round(_percentile(times, 95), 3),
            "p99_ms": round(_percentile(times, 99), 3),
            "cpu_p50_ms": round(_percentile(cpu, 50), 3),
            "cpu_p95_ms": round(_percentile(cpu, 95), 3), "statuses": statuses}


def _cold_start(home: Path, question: str, runs: int = 3) -> dict[str, Any]:
    """Wall time of ``motcua ask QUESTION --json`` from process start to exit."""
    times = []
    for _ in range(runs):
        seconds, proc = run_motcua(["ask", question, "--json"], home, timeout=120)
        if proc.returncode != 0:
            raise Unavailable(f"motcua ask failed: {failure(proc)}")
        json.loads(proc.stdout)  # the answer really came out
        times.append(seconds)
    return {"runs": runs, "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3)}


def run_endtoend(root: Path, work: Path, *, ask_calls: int, doc_files: int = 5,
                 ocr_pages: int = 2) -> dict[str, Any]:
    result: dict[str, Any] = {}
    questions = [q.text for q in procedure_questions(root)]
    try:
        home = catalog_home(root / "data/catalog/dichvucong-2026", work)
        result["catalog_import"] = {"seconds": round(home.import_s, 2),
                                    "report": {k: v for k, v in home.report.items()
                                               if isinstance(v, int | float)}}
    except Unavailable as exc:
        log.warning("%s", exc)
        for key in ("catalog_import", "ask", "cold_start"):
            result[key] = {"status": _NA, "why": str(exc)}
        home = None
    if home is not None:
        try:
            if importlib.util.find_spec("motcua.answer.assistant") is None:
                raise Unavailable("motcua.answer.assistant does not exist yet")
            result["ask"] = _ask_latency(home.home, questions, ask_calls)
        except (Unavailable, ImportError, MotcuaError) as exc:
            result["ask"] = {"status": _NA, "why": str(exc)}
        try:
            result["cold_start"] = _cold_start(home.home, questions[0])
        except (Unavailable, ValueError) as exc:
            result["cold_start"] = {"status": _NA, "why": str(exc)}
    try:
        result["document_import"] = document_import(root, work, doc_files)
    except (Unavailable, OSError, subprocess.TimeoutExpired) as exc:
        result["document_import"] = {"status": _NA, "why": str(exc)}
    if not ocr_pages:
        result["ocr"] = {"status": "not measured", "why": "run --full"}
        return result
    try:
        result["ocr"] = ocr_speed(ocr_pages)
    except (Unavailable, ValueError, subprocess.TimeoutExpired) as exc:
        result["ocr"] = {"status": _NA, "why": str(exc)}
    return result
