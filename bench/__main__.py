"""``python -m bench all|quality|speed|endtoend [--quick|--full]``.

Writes the Markdown report to stdout and to ``bench/results/<date>.md``, and every number to
``bench/results/<date>.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.corpus import cache_dir, shared_root
from bench.engines import ENGINES, engine_class
from bench.report import machine, render

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Mode:
    sizes: list[str]
    queries: int  # speed queries per engine and size
    budget_s: float  # seconds of querying at most per engine and size
    ask_calls: int
    doc_files: int  # reform resolutions printed to PDF and imported
    ocr_pages: int


MODES = {
    "quick": Mode(sizes=["3k", "100k"], queries=500, budget_s=8.0, ask_calls=300, doc_files=3,
                  ocr_pages=0),
    "full": Mode(sizes=["3k", "100k", "1M"], queries=3000, budget_s=120.0, ask_calls=1000,
                 doc_files=34, ocr_pages=4),
}


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["all", "quality", "speed", "endtoend", "report"],
                   help="'report' re-renders the Markdown from a saved JSON (--from)")
    p.add_argument("--from", dest="source", type=Path,
                   help="the JSON 'report' reads (default: the newest in bench/results)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--quick", dest="mode", action="store_const", const="quick",
                      help="3k + 100k passages, 500 queries, 8 s per engine (default)")
    mode.add_argument("--full", dest="mode", action="store_const", const="full",
                      help="3k + 100k + 1M passages, 3,000 queries, 120 s per engine")
    p.add_argument("--sizes", nargs="+", choices=["3k", "100k", "1M"], help="override sizes")
    p.add_argument("--engines", nargs="+", choices=list(ENGINES), help="override engines")
    p.add_argument("--no-write", action="store_true", help="stdout only, no bench/results")
    p.set_defaults(mode="quick")
    return p.parse_args(argv)


def _write(result: dict[str, Any], text: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    md = RESULTS / f"{result['date']}.md"
    for path, body in ((md, text),
                       (md.with_suffix(".json"), json.dumps(result, indent=1, ensure_ascii=False))):
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(body, "utf-8")
        tmp.replace(path)
    return md


def _rerender(source: Path | None, *, write: bool) -> int:
    """Render a saved run again (after a change to the report's layout), without rerunning."""
    if source is None:
        saved = sorted(p for p in RESULTS.glob("*.json") if p.stem[:4].isdigit())
        if not saved:
            raise SystemExit("no saved run in bench/results: run 'python -m bench all' first")
        source = saved[-1]
    try:
        result = json.loads(source.read_text("utf-8"))
        text = render(result)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SystemExit(f"{source} is not a saved benchmark run: {exc}") from exc
    sys.stdout.write(text)
    if write:
        _write(result, text)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("bench").setLevel(logging.INFO)
    if args.what == "report":
        return _rerender(args.source, write=not args.no_write)
    cfg = MODES[args.mode]
    root = shared_root()
    started = time.perf_counter()
    result: dict[str, Any] = {
        "date": dt.date.today().isoformat(), "command": f"{args.what} --{args.mode}",
        "machine": machine(), "mode": asdict(cfg),
        "notes": {name: engine_class(name).note for name in ENGINES},
    }
    work = Path(tempfile.mkdtemp(prefix="run-", dir=cache_dir()))
    try:
        if args.what in ("all", "quality"):
            from bench.quality import run_quality

            result["quality"] = run_quality(root, work)
            result["notes"] |= result["quality"].pop("notes")
        if args.what in ("all", "speed"):
            from bench.speed import run_speed

            result["speed"] = run_speed(root, args.sizes or cfg.sizes, cfg.queries,
                                        args.engines, budget_s=cfg.budget_s)
        if args.what in ("all", "endtoend"):
            from bench.endtoend import run_endtoend

            result["endtoend"] = run_endtoend(root, work, ask_calls=cfg.ask_calls,
                                            doc_files=cfg.doc_files, ocr_pages=cfg.ocr_pages)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    text = render(result)
    sys.stdout.write(text)
    if not args.no_write:
        path = _write(result, text)
        logging.getLogger("bench").info("report written to %s", path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
