"""The Markdown report: machine header, targets with PASS/MISS, quality, speed, end to end.

Why the targets first: the reader's question is "did we make it", and every MISS must be seen
without reading the tables. Ratios are to the best engine at that size (×1.0 = best).
"""

from __future__ import annotations

import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["machine", "render", "targets"]

_MB = 1024 * 1024
BASELINES = ("bm25s", "tantivy", "sqlite-fts5")


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kb = 0
    versions = {}
    for pkg in ("numpy", "bm25s", "tantivy"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "absent"
    versions["sqlite"] = sqlite3.sqlite_version
    return {
        "cores": os.cpu_count() or 0, "cpu": cpu or platform.processor() or "unknown",
        "memory_gb": round(mem_kb / 1024 / 1024, 1), "os": platform.platform(),
        "python": platform.python_version(), "versions": versions,
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }


# -- targets -------------------------------------------------------------------------------------
def _ours(engines: dict[str, Any], pipeline: str) -> tuple[str, dict[str, Any]]:
    name = pipeline if pipeline in engines else "motcua"
    return name, engines[name]


def targets(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(target, measured, PASS | MISS | not measured)."""
    rows: list[tuple[str, str, str]] = []

    def add(label: str, value: float | None, limit: float, fmt: str, le: bool = True,
            missing: str = "not measured", cpu: float | None = None) -> None:
        if value is None:
            rows.append((label, "—", missing))
            return
        ok = value <= limit if le else value >= limit
        shown = fmt.format(value) + (f" (CPU {cpu:.2f} ms)" if cpu is not None else "")
        rows.append((label, shown, "PASS" if ok else "MISS"))

    e2e = result.get("endtoend", {})
    ask = e2e.get("ask", {})
    add("`ask` p95 on the full catalog ≤ 10 ms", ask.get("p95_ms"), 10,
        "{:.2f} ms", missing="not available yet", cpu=ask.get("cpu_p95_ms"))
    sizes = result.get("speed", {}).get("sizes", {})
    for size, limit in (("100k", 5.0), ("1M", 30.0)):
        engine = _doc_engine(sizes, size)
        row = sizes.get(size, {}).get("engines", {}).get(engine, {})
        add(f"document search ({engine}) p95 at {size} passages ≤ {limit:g} ms",
            row.get("p95_ms"), limit,
            "{:.2f} ms", missing="not measured (run --full)" if size == "1M" else "not measured",
            cpu=row.get("cpu_p95_ms"))
    engine = _doc_engine(sizes, "1M")
    row = sizes.get("1M", {}).get("engines", {}).get(engine, {})
    rss = row.get("rss")
    split = (f" ({row.get('rss_anon', 0) / _MB:.0f} private + "
             f"{row.get('rss_file', 0) / _MB:.0f} mapped)" if row.get("rss_anon") else "")
    add(f"resident memory serving 1M passages ({engine}) ≤ 1 GB", rss / _MB if rss else None,
        1024, "{:.0f} MB" + split, missing="not measured (run --full)")
    add("cold start (process start to first answer) ≤ 2 s",
        e2e.get("cold_start", {}).get("median_s"), 2.0, "{:.2f} s", missing="not available yet")
    sets = result.get("quality", {}).get("sets", {})
    for set_name, pipeline in (("procedures", "motcua ask pipeline"),
                               ("alqac", "motcua legal retriever")):
        engines = sets.get(set_name, {}).get("engines")
        if not engines:
            continue
        name, ours = _ours(engines, pipeline)
        best = max(engines[b]["all"]["mrr@10"] for b in BASELINES if b in engines)
        margin = ours["all"]["mrr@10"] - best
        add(f"{set_name}: {name} MRR@10 ≥ best baseline + 0.10", round(margin, 4), 0.10,
            "{:+.4f} over the best baseline", le=False)
        gap = ours["all"]["mrr@10"] - ours["folded"]["mrr@10"]
        add(f"{set_name}: {name} no-diacritics MRR@10 within 0.02 of accented", abs(gap), 0.02,
            f"{ours['folded']['mrr@10']:.3f} vs {ours['all']['mrr@10']:.3f}")
    return rows


def _doc_engine(sizes: dict[str, Any], size: str) -> str:
    """The document-search engine: the documents room's index when measured, else BM25Index."""
    del size  # the same engine at every size, so the rows compare
    measured = any("p95_ms" in d.get("engines", {}).get("motcua-docs", {})
                   for d in sizes.values())
    return "motcua-docs" if measured else "motcua"


# -- tables --------------------------------------------------------------------------------------
def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def _quality(q: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for set_name, data in q.get("sets", {}).items():
        engines = data["engines"]
        styles = [s for s in ("std", "nodiac", "colloquial", "abbr")
                  if any(s in m for m in engines.values())]
        first = next(iter(engines.values()))
        counts = ", ".join(f"{s} {first[s]['n']}" for s in styles if s in first)
        out += ["", f"### {set_name}: {data['corpus']:,} documents, {data['questions']} questions"
                    f" ({counts})", ""]
        header = ["engine", "R@1", "R@5", "R@10", "MRR@10"]
        header += [f"MRR@10 {s}" for s in styles] + ["MRR@10 all folded"]
        rows = []
        for name, m in engines.items():
            a = m["all"]
            row = [name] + [f"{a[k]:.3f}" for k in ("recall@1", "recall@5", "recall@10", "mrr@10")]
            row += [f"{m[s]['mrr@10']:.3f}" if s in m else "—" for s in styles]
            row.append(f"{m['folded']['mrr@10']:.3f}")
            rows.append(row)
        out += _table(header, rows)
    return out


def _ratio(value: float, best: float) -> str:
    return f"×{value / best:.1f}" if best > 0 else "—"


def _rss(r: dict[str, Any]) -> str:
    total = f"{r['rss'] / _MB:.0f}"
    if r.get("rss_anon") or r.get("rss_file"):
        total += f" ({r.get('rss_anon', 0) / _MB:.0f} + {r.get('rss_file', 0) / _MB:.0f})"
    return total


def _speed(s: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for size, data in s.get("sizes", {}).items():
        engines = data["engines"]
        ok = {n: r for n, r in engines.items() if "p50_ms" in r}
        best = {k: min((r[k] for r in ok.values()), default=0.0)
                for k in ("build_s", "p50_ms", "p95_ms", "p99_ms")}
        out += ["", f"### {size}: {data['passages']:,} passages", ""]
        header = ["engine", "build s", "build peak MB", "size MB",
                  "RSS serving MB (private + mapped)", "p50 ms",
                  "p95 ms", "p99 ms", "CPU p50 / p95 ms", "q/s (1 thread)", "queries"]
        rows = []
        for name, r in engines.items():
            if name not in ok:
                rows.append([name, f"failed: {r.get('error', '?')}"] + [""] * 9)
                continue
            rows.append([
                name, f"{r['build_s']:.1f} ({_ratio(r['build_s'], best['build_s'])})",
                f"{r.get('build_peak_rss', 0) / _MB:.0f}", f"{r['size_bytes'] / _MB:.1f}", _rss(r),
                *(f"{r[k]:.2f} ({_ratio(r[k], best[k])})" for k in ("p50_ms", "p95_ms", "p99_ms")),
                f"{r.get('cpu_p50_ms', 0):.2f} / {r.get('cpu_p95_ms', 0):.2f}",
                f"{r['qps']:.0f}", f"{r['queries']:,}"])
        out += _table(header, rows)
    return out


def _endtoend(e: dict[str, Any]) -> list[str]:
    def show(key: str, fmt: str) -> str:
        d = e.get(key, {})
        if not d:
            return "not measured"
        if "status" in d:
            return f"{d['status']} ({d.get('why', '')})"
        return fmt.format(**d)

    rows = [
        ["catalog import (`motcua catalog import`, full catalog, store + index)",
         show("catalog_import", "{seconds:.1f} s")],
        ["`ask` latency, full catalog, in process",
         show("ask", "p50 {p50_ms:.2f} ms, p95 {p95_ms:.2f} ms, p99 {p99_ms:.2f} ms "
                     "over {calls} calls (CPU p50 {cpu_p50_ms:.2f}, p95 {cpu_p95_ms:.2f} ms)")],
        ["cold start (`motcua ask --json`, process start to answer)",
         show("cold_start", "median {median_s:.2f} s (min {min_s:.2f} s, {runs} runs)")],
    ]
    rows.append(["document import (`motcua docs import`, reform resolutions printed to PDF)",
                 show("document_import", "{pages_per_s:.1f} pages/s ({pages} pages, {files} "
                                         "files, {passages} passages in {seconds:.1f} s)")])
    rows.append(["OCR of scanned pages (`bench/ocr.py`, Tesseract vie, 300 dpi)",
                 show("ocr", "{pages_per_second:.2f} pages/s ({pages} pages, word recall "
                             "{word_recall})")])
    return _table(["measure", "result"], rows)


def render(result: dict[str, Any]) -> str:
    m = result["machine"]
    v = ", ".join(f"{k} {x}" for k, x in m["versions"].items())
    lines = [
        f"# motcua benchmarks, {result['date']} (`python -m bench {result['command']}`)", "",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB RAM, {m['os']}, "
        f"Python {m['python']}; {v}. Load average at start: {m['load_avg']}. "
        f"Run time {result['elapsed_s']:.0f} s.", "",
        "## Targets", "",
    ]
    lines += _table(["target", "measured", "result"], [list(t) for t in targets(result)])
    if m["load_avg"] and m["load_avg"][0] > m["cores"]:
        lines += ["", f"The machine was busy when this run started (load average "
                      f"{m['load_avg'][0]} on {m['cores']} cores): wall-clock latencies include "
                      "waiting for a core; the CPU figures are what the work itself costs."]
    if "quality" in result:
        lines += ["", "## Quality (Recall@k = a gold id in the top k; MRR@10)"]
        lines += _quality(result["quality"])
    if "speed" in result:
        s = result["speed"]
        lines += ["", f"## Speed and memory (one thread; {s['queries']:,} queries, "
                      f"{s['warmup']} untimed warm-up; ratios to the best engine)"]
        lines += _speed(s)
    if "endtoend" in result:
        lines += ["", "## End to end", ""]
        lines += _endtoend(result["endtoend"])
    lines += ["", "## How each engine is configured", ""]
    lines += [f"- **{name}**: {note}" for name, note in result.get("notes", {}).items()]
    return "\n".join(lines) + "\n"
