"""Spelling suggestions for an address whose commune name matches nothing exactly.

Why suggestions and not answers: "Phúc Sá" is probably "Phúc Xá", but a close spelling is a
guess. The address comes back ``ambiguous`` with the close units as candidates, so an official
confirms it; a guess is never written as a confident new ward code.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence

from motcua.cleaning.address import Segment
from motcua.cleaning.units import DISTRICT_TYPES, WARD_TYPES, AdminUnits

__all__ = ["suggest_codes"]

CUTOFF = 0.8
_KEYS: dict[int, tuple[dict[str, list[str]], dict[tuple[str, str], list[str]],
                       dict[str, list[str]]]] = {}


def _keys(units: AdminUnits) -> tuple[dict[str, list[str]], dict[tuple[str, str], list[str]],
                                      dict[str, list[str]]]:
    """Name keys per new province, per old district and of districts per old province."""
    if id(units) not in _KEYS:
        new: dict[str, list[str]] = defaultdict(list)
        for pcode, key in units.new_ward_by_key:
            new[pcode].append(key)
        old: dict[tuple[str, str], list[str]] = defaultdict(list)
        for pkey, dkey, key in units.old_ward_by_key:
            old[(pkey, dkey)].append(key)
        dists: dict[str, list[str]] = defaultdict(list)
        for pkey, key in units.old_district_by_key:
            dists[pkey].append(key)
        _KEYS.clear()
        _KEYS[id(units)] = (new, old, dists)
    return _KEYS[id(units)]


def _close(seg: Segment, allowed: tuple[str, ...], keys: list[str]) -> list[str]:
    out: list[str] = []
    # Stricter than exact lookup: a written type that does not fit rules the segment out.
    readings = seg.readings[:1] if seg.type_hint else seg.readings
    for r in readings:
        if (not r.type or r.type in allowed) and len(r.key) >= 4:
            out += [k for k in difflib.get_close_matches(r.key, keys, n=3, cutoff=CUTOFF)
                    if k not in out]
    return out


def suggest_codes(segs: Sequence[Segment], new_codes: list[str], old_keys: list[str],
                  units: AdminUnits) -> list[str]:
    """New ward codes whose names are close to what was written, in the written province."""
    new_keys, old_ward_keys, district_keys = _keys(units)
    codes: set[str] = set()
    if len(segs) >= 2:
        for pcode in new_codes:
            for key in _close(segs[-2], WARD_TYPES, new_keys.get(pcode, [])):
                codes |= {w.code for w in units.new_ward_by_key[(pcode, key)]}
    if len(segs) >= 3:
        for pkey in old_keys:
            dist_keys = {r.key for r in segs[-2].readings} & set(district_keys.get(pkey, []))
            dist_keys = dist_keys or set(_close(segs[-2], DISTRICT_TYPES,
                                                district_keys.get(pkey, [])))
            for dkey in {d.key for k in dist_keys for d in units.old_district_by_key[(pkey, k)]}:
                for key in _close(segs[-3], WARD_TYPES, old_ward_keys.get((pkey, dkey), [])):
                    for w in units.old_ward_by_key[(pkey, dkey, key)]:
                        codes |= set(w.new_codes)
    return sorted(codes)
