"""Every real catalog record parses, and every extracted value is grounded in its field."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from motcua.catalog.model import F_CHANNELS, F_DOSSIER, F_LEGAL
from motcua.catalog.parse import grounded, junk_reason, parse_record

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def records(shared: Path) -> list[tuple[Path, dict]]:
    folder = shared / "data" / "catalog" / "dichvucong-2026"
    paths = sorted(folder.glob("*/*.json"))
    if not paths:
        pytest.skip(f"no catalog records under {folder}")
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def test_parse_shared_every_record_parses_and_is_grounded(records):
    stats: Counter[str] = Counter()
    ungrounded: list[str] = []
    for path, raw in records:
        proc = parse_record(raw, source=str(path))
        if junk_reason(raw):
            stats["junk"] += 1
            continue
        stats["good"] += 1
        stats["with_channels"] += bool(proc.channels)
        stats["with_dossier"] += bool(proc.dossier)
        stats["with_legal"] += bool(proc.legal_basis)
        checks = [(F_CHANNELS, v) for c in proc.channels
                  for v in (c.time.text, c.fee.text, c.fee.note, c.description)]
        checks += [(F_DOSSIER, v) for d in proc.dossier
                   for v in (d.name, d.template, d.count_text, d.case)]
        checks += [(F_LEGAL, v) for lb in proc.legal_basis for v in (lb.number, lb.title)]
        for field, value in checks:
            if not grounded(value, raw[field]):
                ungrounded.append(f"{proc.code} {field}: {value[:60]!r}")
    assert ungrounded == []
    good = stats["good"]
    assert good > 0.99 * len(records)
    assert stats["with_channels"] >= 0.95 * good
    assert stats["with_dossier"] >= 0.95 * good
    assert stats["with_legal"] >= 0.95 * good
