"""Resolve an address onto the two-level map: validate a new address, convert an old one.

Why interpretations with scores: the same three segments "hoằng đồng, hoằng hóa, thanh hóa"
read as an old commune/district/province or as a street plus a new ward. We try every
interpretation the tables confirm and keep the one with the most confirmed levels (old three
levels beat new two levels beat old two levels). An old commune that was divided among several
new ones is never resolved to one of them: the package's data only says which new wards share
it, not which streets went where, so the row comes back ``ambiguous`` with every candidate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from motcua.cleaning.address import (
    Reading,
    Segment,
    is_bare_type,
    province_splits,
    split_address,
    split_on_types,
)
from motcua.cleaning.result import (
    MAX_ADDRESS_LENGTH,
    REASONS,
    AddressResult,
    Candidate,
    Status,
)
from motcua.cleaning.suggest import suggest_codes
from motcua.cleaning.units import (
    DISTRICT_TYPES,
    PROVINCE_TYPES,
    WARD_TYPES,
    AdminUnits,
    NewWard,
    OldDistrict,
    OldWard,
    accent_key,
    load_units,
    strip_type,
)

__all__ = ["MAX_ADDRESS_LENGTH", "REASONS", "AddressResult", "Candidate", "Status",
           "clean_address"]

_TOP_SCORE = 30


@dataclass(slots=True)
class _Match:
    score: int
    ward_index: int
    new_wards: list[NewWard] = field(default_factory=list)
    old_wards: list[OldWard] = field(default_factory=list)
    district: OldDistrict | None = None


def _typed(readings: Iterable[Reading], allowed: tuple[str, ...]) -> list[Reading]:
    return [r for r in readings if not r.type or r.type in allowed]


def _narrow(found: list[Any], reading: Reading, accented_of: Any) -> list[Any]:
    """Prefer the units whose type and diacritics agree with what was written."""
    if len(found) > 1 and reading.type:
        same = [u for u in found if u.type == reading.type]
        found = same or found
    if len(found) > 1 and reading.has_accents:
        same = [u for u in found if accented_of(u) == reading.accented]
        found = same or found
    return found


def _accented_short(unit: Any) -> str:
    return accent_key(strip_type(unit.name, (*WARD_TYPES, *DISTRICT_TYPES))[1])


def _lookup(seg: Segment, allowed: tuple[str, ...], table: Any, prefix: tuple[str, ...]) -> list:
    for r in _typed(seg.readings, allowed):
        found = table.get((*prefix, r.key)) if prefix else table.get(r.key)
        if found:
            return _narrow(list(found), r, _accented_short)
    return []


def _provinces(seg: Segment, units: AdminUnits) -> tuple[list[str], list[str]]:
    new: list[str] = []
    old: list[str] = []
    for r in _typed(seg.readings, PROVINCE_TYPES):
        new += [c for c in units.new_province_by_key.get(r.key, ()) if c not in new]
        old += [k for k in units.old_province_by_key.get(r.key, ()) if k not in old]
    return new, old


def _interpretations(segs: Sequence[Segment], units: AdminUnits) -> list[_Match]:
    n = len(segs)
    out: list[_Match] = []
    new_codes, old_keys = _provinces(segs[-1], units)
    if n >= 2:
        for pcode in new_codes:
            wards = _lookup(segs[-2], WARD_TYPES, units.new_ward_by_key, (pcode,))
            if wards:
                out.append(_Match(20, n - 2, new_wards=wards))
            elif n >= 3 and segs[-2].type_hint in DISTRICT_TYPES:
                # A new ward with the abolished district still written between (a common mix).
                wards = _lookup(segs[-3], WARD_TYPES, units.new_ward_by_key, (pcode,))
                if wards:
                    out.append(_Match(10, n - 3, new_wards=wards))
        # The new province written over an old district and commune of a province merged into it.
        merged = [k for c in new_codes for k in units.old_keys_of_new.get(c, ())
                  if k not in old_keys]
        for pkey in (*old_keys, *merged):
            for dist in _lookup(segs[-2], DISTRICT_TYPES, units.old_district_by_key, (pkey,)):
                olds = (_lookup(segs[-3], WARD_TYPES, units.old_ward_by_key, (pkey, dist.key))
                        if n >= 3 else [])
                if olds:
                    out.append(_Match(30 if pkey in old_keys else 28, n - 3, old_wards=olds,
                                      district=dist))
                elif (pkey, dist.key) in units.old_wardless:
                    out.append(_Match(25, n - 2, old_wards=[units.old_wardless[(pkey, dist.key)]],
                                      district=dist))
            olds = _lookup(segs[-2], WARD_TYPES, units.old_ward_by_province, (pkey,))
            if olds:
                out.append(_Match(15, n - 2, old_wards=olds))
    if not new_codes and not old_keys:
        # No province written: an old district and commune, or a new ward unique in the country.
        for dist in _lookup(segs[-1], DISTRICT_TYPES, units.old_district_anywhere, ()):
            if n >= 2:
                olds = _lookup(segs[-2], WARD_TYPES, units.old_ward_by_key,
                               (dist.province_key, dist.key))
                if olds:
                    out.append(_Match(12, n - 2, old_wards=olds, district=dist))
        wards = _lookup(segs[-1], WARD_TYPES, units.new_ward_anywhere, ())
        if len(wards) == 1 and segs[-1].type_hint:
            out.append(_Match(5, n - 1, new_wards=wards))
    return out


def _pattern(segs: Sequence[Segment], reason: str) -> str:
    shape = ", ".join(f"{s.type_hint} …" if s.type_hint else "…" for s in segs)
    return f"{REASONS[reason]}: {shape}" if shape else REASONS[reason]


def _from_match(text: str, segs: Sequence[Segment], m: _Match, units: AdminUnits) -> AddressResult:
    res = AddressResult(input=text, status="ok")
    res.street = ", ".join(s.text for s in segs[: m.ward_index])
    if m.new_wards:
        codes = sorted({w.code for w in m.new_wards})
        reason = "same_name_new" if len(codes) > 1 else ""
        status: Status = "ok"
    else:
        first = m.old_wards[0]
        res.old_ward = first.name if first.code else ""
        dist = m.district or units.old_districts.get((first.province_key, first.district_key))
        res.old_district = dist.name if dist else ""
        res.old_province = units.old_provinces[first.province_key].name
        codes = sorted({c for w in m.old_wards for c in w.new_codes})
        if len(m.old_wards) == 1 and first.divided:
            reason = "divided"
        elif len(codes) > 1:
            reason = "same_name_old"
        else:
            reason = ""
        status = "converted"
    if len(codes) == 1:
        ward = units.new_wards[codes[0]]
        res.status = status
        res.new_ward, res.new_ward_code = ward.name, ward.code
        res.new_province_code = ward.province_code
        res.new_province = units.province_name(ward.province_code)
        return res
    res.status = "ambiguous"
    res.reason = reason
    res.candidates = [Candidate(c, units.new_wards[c].name,
                                units.province_name(units.new_wards[c].province_code))
                      for c in codes]
    provinces = {units.new_wards[c].province_code for c in codes}
    if len(provinces) == 1:
        res.new_province_code = provinces.pop()
        res.new_province = units.province_name(res.new_province_code)
    res.pattern = _pattern(segs, reason)
    return res


def _not_found(text: str, segs: Sequence[Segment], units: AdminUnits) -> AddressResult:
    res = AddressResult(input=text, status="not_found")
    new_codes, old_keys = _provinces(segs[-1], units)
    provinces = set(new_codes) | {units.old_provinces[k].new_province_code for k in old_keys}
    if len(provinces) == 1:
        res.new_province_code = provinces.pop()
        res.new_province = units.province_name(res.new_province_code)
        res.reason = "ward_not_found"
        codes = suggest_codes(segs, new_codes, old_keys, units)
        if codes:
            res.status, res.reason = "ambiguous", "spelling"
            res.candidates = [Candidate(c, units.new_wards[c].name, res.new_province)
                              for c in codes]
    else:
        res.reason = "province_not_found" if not provinces else "province_ambiguous"
    res.pattern = _pattern(segs, res.reason)
    return res


def _best(segs: list[Segment], units: AdminUnits) -> _Match | None:
    """The best-confirmed interpretation; equally good ones are merged, never picked from
    (two districts "Huyện Cai Lậy" and "Thị xã Cai Lậy" may each hold a commune of one name)."""
    found = _interpretations(segs, units) if segs else []
    if not found:
        return None
    top = max(m.score for m in found)
    tied = [m for m in found if m.score == top]
    if len(tied) == 1:
        return tied[0]
    districts = {m.district for m in tied}
    return _Match(top, min(m.ward_index for m in tied),
                  new_wards=[w for m in tied for w in m.new_wards],
                  old_wards=list({w: None for m in tied for w in m.old_wards}),
                  district=districts.pop() if len(districts) == 1 else None)


def _retry_without_commas(segs: list[Segment], units: AdminUnits) -> tuple[list[Segment],
                                                                          _Match | None]:
    """Cut before type words and cut the province off the end; without diacritics some cuts
    fall inside names ("huyen quan ba"), so every way of leaving out up to two cuts, with
    every way of cutting off the province, is scored and the best-confirmed one is kept."""
    def is_province(key: str) -> bool:
        return bool(units.new_province_by_key.get(key) or units.old_province_by_key.get(key))

    first, n_cuts = split_on_types(segs)
    n = min(n_cuts, 6)
    variants = [(), *((i,) for i in range(n)),
                *((i, j) for i in range(n) for j in range(i + 1, n))]
    best: tuple[int, list[Segment], _Match] | None = None
    for skips in variants:
        cut = first if not skips else split_on_types(segs, skips)[0]
        for alt in province_splits(cut, is_province):
            if len(alt) == len(segs) or any(is_bare_type(s) for s in alt):
                continue
            m = _best(alt, units)
            if m is not None and (best is None or m.score > best[0]):
                best = (m.score, alt, m)
                if m.score >= _TOP_SCORE:  # nothing is better confirmed than three levels
                    return alt, m
    return (best[1], best[2]) if best else (segs, None)


def clean_address(text: str, units: AdminUnits | None = None) -> AddressResult:
    """Validate a new-map address or convert an old one; never guesses a divided commune."""
    units = units or load_units()
    if not isinstance(text, str) or not text.strip():
        return AddressResult(input=str(text or ""), status="invalid", reason="empty",
                             pattern=REASONS["empty"])
    if len(text) > MAX_ADDRESS_LENGTH:
        return AddressResult(input=text, status="invalid",
                             reason="too_long", pattern=REASONS["too_long"])
    segs = split_address(text)
    if not any(ch.isalpha() for ch in text) or not segs:
        return AddressResult(input=text, status="invalid", reason="no_letters",
                             pattern=REASONS["no_letters"])
    best = _best(segs, units)
    if best is None:
        segs, best = _retry_without_commas(segs, units)
    if best is None:
        return _not_found(text, segs, units)
    return _from_match(text, segs, best, units)
