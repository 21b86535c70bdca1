"""A small stand-in for an official catalog: sample records re-coded as non-sample records.

Why not the shared national catalog: these tests must run everywhere and fast. Codes
``9.9000nn`` and the deciding document ``99/QĐ-THU`` are invented; only the portal format
matters here.
"""

from __future__ import annotations

import json
from pathlib import Path

from motcua.catalog.sample import DECIDING_DOCUMENT, SAMPLE_CODE_PREFIX, sample_records


def official_code(sample_code: str) -> str:
    return "9.9" + sample_code.removeprefix(SAMPLE_CODE_PREFIX).zfill(5)


def official_records(count: int = 12, start: int = 0) -> list[dict[str, str]]:
    """``count`` sample procedures from ``start`` on, with official-looking codes."""
    out = []
    for record in sample_records()[start:start + count]:
        code = record["ma_thu_tuc"]
        out.append({key: value.replace(code, official_code(code))
                    .replace(DECIDING_DOCUMENT, "99/QĐ-THU") for key, value in record.items()})
    return out


def write_official(dest: Path, count: int = 12, *, start: int = 0,
                   folder: str = "bo-thu-nghiem") -> Path:
    """One JSON file per record under ``dest/folder``, like the crawled catalog."""
    target = dest / folder
    target.mkdir(parents=True, exist_ok=True)
    for record in official_records(count, start):
        (target / f"{record['ma_thu_tuc']}.json").write_text(
            json.dumps(record, ensure_ascii=False), "utf-8")
    return dest
