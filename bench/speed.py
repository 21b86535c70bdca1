"""Index build time, size on disk, serving memory and query latency, per engine and size.

Why a fresh process per engine and step: resident memory only means something in a process
that holds nothing else (no corpus, no other engine), and the index must be loaded the way a
server loads it, from disk. The parent generates the corpus once and runs, for each engine,
``python -m bench.speed build`` then ``python -m bench.speed serve``; each prints one JSON line.
Queries run one after another on one thread (BLAS/OpenMP/Rayon pools pinned to 1), timed by
the wall clock and by the thread's CPU time; the first ``WARMUP`` queries are not timed (they
fill caches a long-running server has warm). An engine stops after ``budget_s`` seconds of
querying, so one slow baseline cannot stall the run; its row then says how many queries it
was measured on.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import cache_dir, catalog_docs, passages, read_passages, speed_queries
from bench.engines import ENGINES, dir_size, load_engine, make_engine

__all__ = ["SIZES", "read_corpus", "rss_bytes", "run_speed"]

log = logging.getLogger(__name__)

SIZES = {"3k": 0, "100k": 100_000, "1M": 1_000_000}  # 0: the catalog itself (2,642 records)
WARMUP = 20
_SINGLE_THREAD = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                   "NUMBA_NUM_THREADS", "RAYON_NUM_THREADS")}


_STATUS_KEYS = {"VmRSS": "rss", "VmHWM": "peak_rss", "RssAnon": "rss_anon",
                "RssFile": "rss_file"}


def rss_bytes() -> dict[str, int]:
    """Resident memory of this process from /proc: current (rss), peak, and the split into
    private memory (rss_anon) and mapped file pages (rss_file: memory-mapped index files,
    shared by every process that maps them and dropped first under memory pressure)."""
    out = dict.fromkeys(_STATUS_KEYS.values(), 0)
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return out
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in _STATUS_KEYS:
            out[_STATUS_KEYS[key]] = int(value.split()[0]) * 1024
    return out


def read_corpus(path: Path) -> list[tuple[str, str]]:
    """A ``.tsv`` of id<TAB>text, or a ``.txt`` of one passage per line (id = line number)."""
    if path.suffix != ".tsv":
        return read_passages(path)
    with path.open(encoding="utf-8") as fh:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in fh]  # type: ignore[misc]


def _percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return 0.0
    i = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[i]


# -- worker side ---------------------------------------------------------------------------------
def _build(engine_name: str, corpus: Path, out: Path) -> dict[str, Any]:
    docs = read_corpus(corpus)
    engine = make_engine(engine_name)
    t0 = time.perf_counter()
    engine.build(docs)
    t1 = time.perf_counter()
    engine.save(out)
    t2 = time.perf_counter()
    return {"n": len(docs), "build_s": round(t2 - t0, 3), "save_s": round(t2 - t1, 3),
            # an index kept in a database server is measured there (postgres-docs)
            "size_bytes": max(dir_size(out), engine.size_on_disk()),
            "build_peak_rss": rss_bytes()["peak_rss"]}


def _serve(engine_name: str, index: Path, queries_file: Path, k: int,
           budget_s: float) -> dict[str, Any]:
    queries = json.loads(queries_file.read_text("utf-8"))
    before = rss_bytes()["rss"]
    t0 = time.perf_counter()
    engine = load_engine(engine_name, index)
    load_s = time.perf_counter() - t0
    after_load = rss_bytes()["rss"]
    for q in queries[:WARMUP]:
        engine.query(q, k)
    times: list[float] = []
    cpu: list[float] = []
    empty = 0
    deadline = time.perf_counter() + budget_s
    for q in queries:
        c = time.thread_time()
        t = time.perf_counter()
        hits = engine.query(q, k)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
        empty += not hits
        if t > deadline:  # an engine this slow is measured on fewer queries, and says so
            break
    mem = rss_bytes()
    times.sort()
    cpu.sort()
    total = sum(times)
    return {
        "queries": len(times), "empty_results": empty, "load_s": round(load_s, 4),
        "rss_base": before, "rss_after_load": after_load, **mem,
        "p50_ms": round(_percentile(times, 50), 4), "p95_ms": round(_percentile(times, 95), 4),
        "p99_ms": round(_percentile(times, 99), 4), "mean_ms": round(total / len(times), 4),
        "qps": round(1000 * len(times) / total, 1) if total else 0.0,
        # CPU time of the querying thread: what the query costs, without the waits a busy
        # machine adds (compare runs made under different loads with these).
        "cpu_p50_ms": round(_percentile(cpu, 50), 4), "cpu_p95_ms": round(_percentile(cpu, 95), 4),
    }


def _worker(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.speed")
    sub = parser.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("engine", choices=list(ENGINES))
    b.add_argument("corpus", type=Path)
    b.add_argument("out", type=Path)
    s = sub.add_parser("serve")
    s.add_argument("engine", choices=list(ENGINES))
    s.add_argument("index", type=Path)
    s.add_argument("queries", type=Path)
    s.add_argument("--k", type=int, default=10)
    s.add_argument("--budget", type=float, default=120.0, help="seconds of querying at most")
    args = parser.parse_args(argv)
    for path in (args.corpus,) if args.cmd == "build" else (args.index, args.queries):
        if not path.exists():
            parser.error(f"{path} does not exist (generate it with 'python -m bench speed')")
    if args.cmd == "build":
        result = _build(args.engine, args.corpus, args.out)
    else:
        result = _serve(args.engine, args.index, args.queries, args.k, args.budget)
    sys.stdout.write(json.dumps(result) + "\n")


# -- parent side ---------------------------------------------------------------------------------
def _corpus_file(root: Path, size: str) -> Path:
    if SIZES[size]:
        return passages(root, SIZES[size])
    path = cache_dir() / "catalog.tsv"
    docs = catalog_docs(root)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(f"{i}\t{' '.join(t.split())}\n" for i, t in docs), "utf-8")
    tmp.replace(path)
    return path


def _run(args: list[str], timeout: float) -> dict[str, Any]:
    env = {**os.environ, **_SINGLE_THREAD, "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, "-m", "bench.speed", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=Path(__file__).parents[1],
                          check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-3:]
        return {"error": " | ".join(tail) or f"exit {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_speed(root: Path, sizes: list[str], n_queries: int, engines: list[str] | None = None,
              budget_s: float = 120.0, timeout: float = 3600) -> dict[str, Any]:
    """For each size, every engine built, sized, loaded and queried in its own processes."""
    names = engines or list(ENGINES)
    work = Path(tempfile.mkdtemp(prefix="speed-", dir=cache_dir()))
    queries_file = work / "queries.json"
    queries_file.write_text(json.dumps(speed_queries(root, n_queries), ensure_ascii=False))
    result: dict[str, Any] = {"queries": n_queries, "warmup": WARMUP, "budget_s": budget_s,
                              "sizes": {}}
    try:
        for size in sizes:
            corpus = _corpus_file(root, size)
            rows: dict[str, Any] = {}
            for name in names:
                index = work / f"{size}-{name}"
                log.info("speed %s %s: build", size, name)
                row = _run(["build", name, str(corpus), str(index)], timeout)
                if "error" not in row:
                    log.info("speed %s %s: serve", size, name)
                    row |= _run(["serve", name, str(index), str(queries_file),
                                 "--budget", str(budget_s)], timeout)
                shutil.rmtree(index, ignore_errors=True)
                rows[name] = row
            result["sizes"][size] = {"passages": next(
                (r["n"] for r in rows.values() if "n" in r), 0), "engines": rows}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


if __name__ == "__main__":
    _worker(sys.argv[1:])
