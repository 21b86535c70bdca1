"""Coverage report of the catalog parsers over the real portal catalog.

Usage: python bench/parse_report.py [CATALOG_DIR] [--json] [--samples N]

CATALOG_DIR defaults to $MOTCUA_SHARED/data/catalog/dichvucong-2026 or ../shared/... next to the
repository. Prints records parsed, junk by rule (with sample titles), the share of good records
with channels / dossier / legal basis, unit-missing times, fee conflicts, gaps by field, the
number of ungrounded values (must be 0) and the time to parse everything.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from motcua.catalog.model import F_CHANNELS, F_DOSSIER, F_LEGAL
from motcua.catalog.parse import grounded, junk_reason, parse_record


def default_dir() -> Path:
    env = os.environ.get("MOTCUA_SHARED")
    shared = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"
    return shared / "data" / "catalog" / "dichvucong-2026"


def report(folder: Path, samples: int) -> dict[str, Any]:
    raws = [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*/*.json"))]
    start = time.perf_counter()
    parsed = [(raw, parse_record(raw, source=str(p))) for p, raw in raws]
    parse_seconds = time.perf_counter() - start
    junk: Counter[str] = Counter()
    junk_samples: dict[str, list[str]] = {}
    stats: Counter[str] = Counter()
    gaps: Counter[str] = Counter()
    ungrounded = 0
    for raw, proc in parsed:
        reason = junk_reason(raw)
        if reason:
            junk[reason] += 1
            junk_samples.setdefault(reason, []).append(f"{proc.code} {proc.name[:90]}")
            continue
        stats["good"] += 1
        stats["with_channels"] += bool(proc.channels)
        stats["with_dossier"] += bool(proc.dossier)
        stats["with_legal_basis"] += bool(proc.legal_basis)
        stats["channel_rows"] += len(proc.channels)
        stats["dossier_items"] += len(proc.dossier)
        stats["legal_rows"] += len(proc.legal_basis)
        stats["templates"] += sum(bool(d.template) for d in proc.dossier)
        stats["time_unit_missing"] += sum(c.time.unit_missing for c in proc.channels)
        stats["fee_conflicts"] += sum(c.fee.conflict for c in proc.channels)
        stats["records_with_fee_conflict"] += any(c.fee.conflict for c in proc.channels)
        stats["fee_unknown"] += sum(c.fee.unknown for c in proc.channels)
        gaps.update(proc.gaps)
        values = [(F_CHANNELS, v) for c in proc.channels
                  for v in (c.time.text, c.fee.text, c.fee.note, c.description)]
        values += [(F_DOSSIER, v) for d in proc.dossier for v in (d.name, d.template, d.case)]
        values += [(F_LEGAL, v) for lb in proc.legal_basis for v in (lb.number, lb.title)]
        ungrounded += sum(not grounded(v, raw[f]) for f, v in values)
    good = stats["good"] or 1
    return {
        "records": len(raws),
        "parse_seconds": round(parse_seconds, 3),
        "junk": dict(junk),
        "junk_samples": {k: v[:samples] for k, v in junk_samples.items()},
        "good": stats["good"],
        "share_with_channels": round(stats["with_channels"] / good, 4),
        "share_with_dossier": round(stats["with_dossier"] / good, 4),
        "share_with_legal_basis": round(stats["with_legal_basis"] / good, 4),
        "counts": {k: v for k, v in stats.items() if not k.startswith(("good", "with_"))},
        "gaps": dict(gaps.most_common()),
        "ungrounded_values": ungrounded,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=default_dir())
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--samples", type=int, default=5)
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        sys.stderr.write(f"catalog folder not found: {args.folder} (set MOTCUA_SHARED)\n")
        return 2
    result = report(args.folder, args.samples)
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return 0
    w = sys.stdout.write
    w(f"records parsed: {result['records']} in {result['parse_seconds']} s\n")
    w(f"junk: {sum(result['junk'].values())}\n")
    for reason, n in result["junk"].items():
        w(f"  {n:5d}  {reason}\n")
        for sample in result["junk_samples"][reason]:
            w(f"         e.g. {sample}\n")
    w(f"good records: {result['good']}\n")
    for key in ("share_with_channels", "share_with_dossier", "share_with_legal_basis"):
        w(f"  {key}: {result[key]:.1%}\n")
    for key, n in result["counts"].items():
        w(f"  {key}: {n}\n")
    w("gaps by field (good records):\n")
    for key, n in result["gaps"].items():
        w(f"  {n:5d}  {key}\n")
    w(f"ungrounded values: {result['ungrounded_values']}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
