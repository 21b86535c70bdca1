"""Address cleaning: motcua against vietnamadminunits and underthesea, and streaming at scale.

``python -m bench.addresses [--synthetic N] [--rows N] [--xlsx N] [--json FILE]``

1. dev: the shared gold file (``eval/addresses.dev.csv``), all three systems in the same run,
   through the same scorer as ``motcua eval addresses --compare``.
2. synthetic: addresses generated from the package's own tables (N random old communes written
   six ways, N/2 new wards written three ways), so every style is measured on thousands of
   rows rather than thirty; an old commune that was divided must come back ambiguous.
3. divided agreement: how often the second, independent mapping in shared/ (dvhcvn) agrees
   with vietnamadminunits on which old communes were divided (informative only).
4. streaming: a generated CSV of ``--rows`` rows (and an XLSX of ``--xlsx`` rows) through
   ``motcua clean addresses`` in a child process; wall time, rows/s and peak resident memory.
Nothing here is copied into the repository; the shared data is read in place.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from motcua.cleaning.convert import clean_address
from motcua.cleaning.evaluate import GoldAddress, evaluate_addresses, motcua_predict, score
from motcua.cleaning.units import (
    DISTRICT_TYPES,
    PROVINCE_TYPES,
    WARD_TYPES,
    OldWard,
    load_units,
    strip_type,
)
from motcua.text import fold

ABBR = {"Phường": "P.", "Xã": "X.", "Thị trấn": "TT.", "Quận": "Q.", "Huyện": "H.",
        "Thị xã": "TX.", "Thành phố": "TP.", "Tỉnh": "T.", "Đặc khu": "Đặc khu", "": ""}
STREETS = ["Số 12 Lê Lợi", "Thôn 3", "Tổ 5", "Ngõ 4 phố Huế", "Khu phố 2", "Bản Na Hối",
           "Khối 7", "Ấp Tân Lập"]


def shared_root() -> Path:
    env = os.environ.get("MOTCUA_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


def _old_styles(w: OldWard, d: str, p: str, street: str,
                new_p: str) -> Iterator[tuple[str, str]]:
    wt, wn = strip_type(w.name, WARD_TYPES)
    dt_, dn = strip_type(d, DISTRICT_TYPES)
    _, pn = strip_type(p, PROVINCE_TYPES)
    yield "full", f"{street}, {w.name}, {d}, {p}"
    yield "short", f"{ABBR[wt]}{wn}, {ABBR[dt_]}{dn}, {pn}"
    yield "nodiac", fold(f"{street}, {w.name}, {d}, {p}").title()
    yield "lower_noprefix", f"{wn}, {dn}, {pn}".lower()
    yield "nostreet_dash", f"{w.name} - {d} - {p}"
    yield "mixed", fold(f"{street}, {ABBR[wt].lower()} {wn}, {ABBR[dt_].lower()} {dn}, {pn}")
    yield "nocomma", f"{street} {w.name} {d} {pn}"
    yield "nocomma_nodiac", fold(f"{street} {w.name} {d} {pn}")
    yield "new_province_old_rest", f"{street}, {w.name}, {d}, {new_p}"


def synthetic_gold(n: int, seed: int = 7) -> list[GoldAddress]:
    """Gold rows built from the package tables: old communes nine ways, new wards three ways."""
    units = load_units()
    rng = random.Random(seed)
    olds = sorted({w.code: w for ws in units.old_ward_by_key.values() for w in ws
                   if w.code}.values(), key=lambda w: w.code)
    rows: list[GoldAddress] = []
    for w in rng.sample(olds, min(n, len(olds))):
        d = units.old_districts[(w.province_key, w.district_key)].name
        p = units.old_provinces[w.province_key].name
        new_p = units.province_name(units.old_provinces[w.province_key].new_province_code)
        for style, text in _old_styles(w, d, p, rng.choice(STREETS), new_p):
            rows.append(GoldAddress(f"o{w.code}-{style}", text,
                                    "divided" if w.divided else style, w.new_codes))
    for code in rng.sample(sorted(units.new_wards), min(n // 2, len(units.new_wards))):
        nw = units.new_wards[code]
        p = units.province_name(nw.province_code)
        _, pn = strip_type(p, PROVINCE_TYPES)
        for style, text in (("new_full", f"{rng.choice(STREETS)}, {nw.name}, {p}"),
                            ("new_nodiac", fold(f"{nw.name}, {p}")),
                            ("new_short", f"{nw.short}, {pn}".lower())):
            rows.append(GoldAddress(f"n{code}-{style}", text, style, (code,)))
    return rows


def compare_on(gold: list[GoldAddress]) -> dict[str, Any]:
    from motcua.cleaning._compare import package_predictors

    clean_address("Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội")
    out = {"motcua": score(gold, motcua_predict)}
    for name, (predict, note) in package_predictors().items():
        out[name] = score(gold, predict) | {"note": note}
    for r in out.values():
        r.pop("errors", None)
    return out


def divided_agreement(shared: Path) -> dict[str, Any] | None:
    path = shared / "data" / "adminunits" / "dvhcvn-splits.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    theirs: dict[str, set[str]] = {}
    for prov in data:
        for level3 in prov.get("level3s", []):
            theirs[level3["level3_id"]] = {s["new_id"] for s in level3.get("splits", [])}
    ours = {w.code: set(w.new_codes) for ws in load_units().old_ward_by_key.values()
            for w in ws if w.code}
    both = ours.keys() & theirs.keys()
    div_ours = {c for c in both if len(ours[c]) > 1}
    div_theirs = {c for c in both if len(theirs[c]) > 1}
    return {"old_communes_in_both": len(both), "divided_vietnamadminunits": len(div_ours),
            "divided_dvhcvn": len(div_theirs), "divided_in_both": len(div_ours & div_theirs),
            "same_new_codes": sum(ours[c] == theirs[c] for c in both)}


def _big_rows(rows: int) -> Iterator[list[Any]]:
    gold = synthetic_gold(3000, seed=11)
    yield ["id", "Họ tên", "Địa chỉ"]
    for i in range(rows):
        # a house number per row: every address is distinct, as in a real register
        yield [i, "Nguyễn Văn A", f"Số {i}, {gold[i % len(gold)].address}"]


def _write_big(path: Path, rows: int) -> None:
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet()
        for row in _big_rows(rows):
            ws.append(row)
        wb.save(path)
        return
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(_big_rows(rows))


def streaming(rows: int, suffix: str = ".csv") -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / f"big{suffix}", Path(tmp) / f"big.cleaned{suffix}"
        _write_big(src, rows)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", "from motcua.cli import main; main()", "clean", "addresses",
             str(src), "--column", "Địa chỉ", "-o", str(out),
             "--json-report", str(Path(tmp) / "r.json")],
            capture_output=True, text=True, check=False,
            env={**os.environ, "COLUMNS": "120"})
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            return {"rows": rows, "error": proc.stderr[-2000:]}
        report = json.loads((Path(tmp) / "r.json").read_text(encoding="utf-8"))
        peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"rows": rows, "format": suffix, "input_mb": round(src.stat().st_size / 2**20, 1),
                "wall_seconds": round(wall, 1), "rows_per_second": report["rows_per_second"],
                "rows_per_cpu_second": report["rows_per_cpu_second"],
                "peak_memory_mb": round(peak_child, 1), "statuses": report["statuses"]}


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def _print(result: dict[str, Any]) -> None:
    keys = ["n", "accuracy", "divided_correct", "divided_confident_wrong",
            "addresses_per_second"]
    for part in ("dev", "synthetic"):
        if part not in result:
            continue
        _out(f"\n## {part}")
        systems = result[part]
        _out("| system | " + " | ".join(keys) + " |")
        _out("|---" * (len(keys) + 1) + "|")
        for name, r in systems.items():
            _out(f"| {name} | " + " | ".join(str(r[k]) for k in keys) + " |")
        styles = next(iter(systems.values()))["by_style"]
        _out("\n| style | " + " | ".join(systems) + " |")
        _out("|---" * (len(systems) + 1) + "|")
        for s in styles:
            _out(f"| {s} | " + " | ".join(
                f"{r['by_style'][s]['correct']}/{r['by_style'][s]['n']}"
                for r in systems.values()) + " |")
    for part in ("divided_agreement", "streaming", "streaming_xlsx"):
        if result.get(part):
            _out(f"\n## {part}\n{json.dumps(result[part], ensure_ascii=False)}")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.addresses", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--synthetic", type=int, default=2000, help="old communes sampled (0: skip)")
    p.add_argument("--rows", type=int, default=0, help="rows for the streaming run (0: skip)")
    p.add_argument("--xlsx", type=int, default=0, help="rows for an XLSX streaming run (0: skip)")
    p.add_argument("--json", type=Path, help="also write every number to this file")
    args = p.parse_args(argv)
    shared = shared_root()
    result: dict[str, Any] = {}
    dev = shared / "eval" / "addresses.dev.csv"
    if dev.is_file():
        r = evaluate_addresses(dev, compare=True)
        r.pop("errors", None)
        result["dev"] = {"motcua": r, **r.pop("packages")}
    else:
        sys.stderr.write(f"(dev set not found at {dev}; set MOTCUA_SHARED)\n")
    if args.synthetic:
        result["synthetic"] = compare_on(synthetic_gold(args.synthetic))
    result["divided_agreement"] = divided_agreement(shared)
    if args.rows:
        result["streaming"] = streaming(args.rows)
    if args.xlsx:
        result["streaming_xlsx"] = streaming(args.xlsx, ".xlsx")
    _print(result)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
