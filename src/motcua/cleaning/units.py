"""The administrative-unit tables, indexed for fast lookup, loaded from ``vietnamadminunits``.

Why read the package's data files instead of calling its parser: its parser is slow (regex over
every keyword), geocodes divided communes over the network and picks a default for them. We only
want its data (34 provinces, 3,321 wards, 10,040 old communes and the official old→new mapping),
which it ships as an SQLite file and a JSON file. We locate them with ``find_spec`` so that
importing the package (which pulls in geopy and shapely and loads 4 MB of JSON) never happens.
The project itself holds none of these tables.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from motcua._errors import ConfigError
from motcua.text import fold, normalize_tone

__all__ = [
    "AdminUnits",
    "NewProvince",
    "NewWard",
    "OldDistrict",
    "OldProvince",
    "OldWard",
    "accent_key",
    "load_units",
    "name_key",
]

log = logging.getLogger(__name__)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")

WARD_TYPES = ("Phường", "Xã", "Thị trấn", "Đặc khu")
DISTRICT_TYPES = ("Quận", "Huyện", "Thị xã", "Thành phố")
PROVINCE_TYPES = ("Tỉnh", "Thành phố")

# Common ways of writing a province that the package's keyword lists do not carry.
_EXTRA_PROVINCE_ALIASES = {
    "tphcm": "thanhphohochiminh", "hcmc": "thanhphohochiminh", "saigon": "thanhphohochiminh",
    "tphn": "thanhphohanoi", "brvt": "tinhbariavungtau", "tthue": "thanhphohue",
    "thuathienhue": "thanhphohue", "daklak": "tinhdaklak", "daclac": "tinhdaklak",
    "daknong": "tinhdaknong", "dacnong": "tinhdaknong",
}


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "d"}
    for cp in range(0xC0, 0x1F00):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base.isalpha():
            table[cp] = base.lower()
    return table


_FOLD = _fold_table()


def fast_fold(text: str) -> str:
    """Lower case without diacritics by one table lookup per character (NFC input)."""
    return text.translate(_FOLD).lower()


def name_key(text: str) -> str:
    """Folded name without spaces or punctuation, numbers without leading zeros ("Phường 03")."""
    key = _NON_ALNUM.sub("", fast_fold(text))
    return _LEADING_ZEROS.sub("", key) if "0" in key else key


@lru_cache(maxsize=65536)
def accent_key(text: str) -> str:
    """Like ``name_key`` but keeps the diacritics, to tell "Cẩm Giang" from "Cẩm Giàng"."""
    return _LEADING_ZEROS.sub("", _NON_WORD.sub("", normalize_tone(text).lower()))


def strip_type(name: str, types: tuple[str, ...]) -> tuple[str, str]:
    """Split "Thị trấn Na Dương" into ("Thị trấn", "Na Dương")."""
    low = name.lower()
    for t in types:
        if low.startswith(t.lower() + " "):
            return t, name[len(t) + 1:]
    return "", name


@dataclass(frozen=True, slots=True)
class NewProvince:
    code: str
    name: str
    short: str


@dataclass(frozen=True, slots=True)
class NewWard:
    code: str
    name: str
    type: str
    short: str
    province_code: str


@dataclass(frozen=True, slots=True)
class OldProvince:
    key: str
    code: str
    name: str
    new_province_code: str


@dataclass(frozen=True, slots=True)
class OldDistrict:
    key: str
    name: str
    type: str
    province_key: str


@dataclass(frozen=True, slots=True)
class OldWard:
    """An old commune (or a district without communes, ``code`` empty) and its new ward(s)."""

    code: str
    name: str
    type: str
    province_key: str
    district_key: str
    new_codes: tuple[str, ...]

    @property
    def divided(self) -> bool:
        return len(self.new_codes) > 1


@dataclass
class AdminUnits:
    """Every table the address resolver needs, keyed by ``name_key`` of the name without type."""

    new_provinces: dict[str, NewProvince] = field(default_factory=dict)
    new_wards: dict[str, NewWard] = field(default_factory=dict)
    old_provinces: dict[str, OldProvince] = field(default_factory=dict)
    old_districts: dict[tuple[str, str], OldDistrict] = field(default_factory=dict)
    # lookups: key -> candidates
    new_province_by_key: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    old_province_by_key: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    new_ward_by_key: dict[tuple[str, str], list[NewWard]] = field(
        default_factory=lambda: defaultdict(list))
    new_ward_anywhere: dict[str, list[NewWard]] = field(default_factory=lambda: defaultdict(list))
    old_district_by_key: dict[tuple[str, str], list[OldDistrict]] = field(
        default_factory=lambda: defaultdict(list))
    old_district_anywhere: dict[str, list[OldDistrict]] = field(
        default_factory=lambda: defaultdict(list))
    old_ward_by_key: dict[tuple[str, str, str], list[OldWard]] = field(
        default_factory=lambda: defaultdict(list))
    old_ward_by_province: dict[tuple[str, str], list[OldWard]] = field(
        default_factory=lambda: defaultdict(list))
    old_wardless: dict[tuple[str, str], OldWard] = field(default_factory=dict)
    old_keys_of_new: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Names written with a spaced dash ("Chân Mây - Lăng Cô"), folded, as (left, right) parts.
    dashed_names: set[tuple[str, str]] = field(default_factory=set)

    def province_name(self, code: str) -> str:
        p = self.new_provinces.get(code)
        return p.name if p else ""


def _package_data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            "Chưa cài gói vietnamadminunits (bảng đơn vị hành chính)",
            hint="pip install vietnamadminunits",
        )
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    if not (data / "dataset.db").is_file() or not (data / "converter_2025.json").is_file():
        raise ConfigError(
            f"Gói vietnamadminunits tại {data.parent} thiếu dataset.db/converter_2025.json",
            hint="cài lại: pip install --force-reinstall vietnamadminunits>=1.0",
        )
    return data


def _keywords(raw: str | None) -> list[str]:
    return [k for k in json.loads(raw)] if raw else []


_NUMBERED = re.compile(r"^(?:phuong|ward|quan|district|p|f|q)(\d+)$")


def _untyped_keywords(raw: str | None, prefixes: tuple[str, ...]) -> set[str]:
    """The package's keywords without their unit-type prefix (they hold older names too)."""
    kws = _keywords(raw)
    known = set(kws)
    out: set[str] = set()
    for k in kws:
        m = _NUMBERED.match(k)
        if m:
            out.add(_LEADING_ZEROS.sub("", m.group(1)))
        elif not any(k.startswith(p) and k[len(p):] in known for p in prefixes):
            out.add(k)
    return out


@lru_cache(maxsize=1)
def load_units() -> AdminUnits:
    """Build the indexes once per process (about 0.3 s)."""
    data = _package_data_dir()
    units = AdminUnits()
    con = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        con.row_factory = sqlite3.Row
        new_rows = con.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, provinceKeywords, ward, "
            "wardType, wardCode, wardKey, wardKeywords FROM admin_units").fetchall()
        old_rows = con.execute(
            "SELECT province, provinceCode, provinceKey, provinceKeywords, district, districtType,"
            " districtKey, districtKeywords, ward, wardType, wardCode, wardKey, wardKeywords "
            "FROM admin_units_legacy").fetchall()
    finally:
        con.close()
    conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))

    new_code_by_key: dict[tuple[str, str], str] = {}
    prov_code_by_key: dict[str, str] = {}
    for r in new_rows:
        pcode = r["provinceCode"]
        prov_code_by_key[r["provinceKey"]] = pcode
        if pcode not in units.new_provinces:
            units.new_provinces[pcode] = NewProvince(pcode, r["province"], r["provinceShort"])
            _, pshort = strip_type(r["province"], PROVINCE_TYPES)
            for k in {name_key(pshort), *_keywords(r["provinceKeywords"])}:
                if pcode not in units.new_province_by_key[k]:
                    units.new_province_by_key[k].append(pcode)
        wtype, wshort = strip_type(r["ward"], WARD_TYPES)
        ward = NewWard(r["wardCode"], r["ward"], wtype or r["wardType"], wshort, pcode)
        units.new_wards[ward.code] = ward
        new_code_by_key[(r["provinceKey"], r["wardKey"])] = ward.code
        units.new_ward_by_key[(pcode, name_key(wshort))].append(ward)
        units.new_ward_anywhere[name_key(wshort)].append(ward)

    old_to_new: dict[str, tuple[str, ...]] = {}
    for nprov, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for nward, olds in wards.items():
            for o in olds:
                old_to_new[o] = (new_code_by_key[(nprov, nward)],)
    for nprov, olds_div in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for o, cands in olds_div.items():
            old_to_new[o] = tuple(sorted({new_code_by_key[(nprov, c["newWardKey"])]
                                          for c in cands}))
    new_prov_of_old = {o: prov_code_by_key[n] for n, olds in conv["DICT_PROVINCE"].items()
                       for o in olds}

    for r in old_rows:
        pkey, dkey = r["provinceKey"], r["districtKey"]
        if pkey not in units.old_provinces:
            units.old_provinces[pkey] = OldProvince(pkey, r["provinceCode"], r["province"],
                                                    new_prov_of_old[pkey])
            units.old_keys_of_new[new_prov_of_old[pkey]].append(pkey)
            _, pshort = strip_type(r["province"], PROVINCE_TYPES)
            for k in {name_key(pshort), *_keywords(r["provinceKeywords"])}:
                units.old_province_by_key[k].append(pkey)
        if (pkey, dkey) not in units.old_districts:
            dtype, dshort = strip_type(r["district"], DISTRICT_TYPES)
            dist = OldDistrict(dkey, f"{dtype} {dshort}" if dtype else dshort, dtype, pkey)
            units.old_districts[(pkey, dkey)] = dist
            keys = {name_key(dshort)} | _untyped_keywords(
                r["districtKeywords"], ("quan", "huyen", "thixa", "thanhpho", "district"))
            for k in keys:
                units.old_district_by_key[(pkey, k)].append(dist)
                units.old_district_anywhere[k].append(dist)
        new_codes = old_to_new[f"{pkey}_{dkey}_{r['wardKey'] or ''}"]
        if not r["ward"]:
            units.old_wardless[(pkey, dkey)] = OldWard("", r["district"], "", pkey, dkey,
                                                        new_codes)
            continue
        wtype, wshort = strip_type(r["ward"], WARD_TYPES)
        ward_old = OldWard(r["wardCode"], r["ward"], wtype, pkey, dkey, new_codes)
        main = name_key(wshort)
        # Older names (before the 2019-2021 mergers) are kept by the package as keywords.
        aliases = _untyped_keywords(r["wardKeywords"], ("phuong", "xa", "thitran", "ward"))
        for k in {main} | aliases:
            units.old_ward_by_key[(pkey, dkey, k)].append(ward_old)
            units.old_ward_by_province[(pkey, k)].append(ward_old)
    for name in [w.name for w in units.new_wards.values()] + [
            d.name for d in units.old_districts.values()] + [
            p.name for p in units.old_provinces.values()] + [r["ward"] or "" for r in old_rows]:
        if "-" in name:
            left, _, right = name.partition("-")
            units.dashed_names.add((" ".join(fold(left).split()[-2:]),
                                    " ".join(fold(right).split()[:2])))
    for alias, pkey in _EXTRA_PROVINCE_ALIASES.items():
        if pkey in units.old_provinces and pkey not in units.old_province_by_key[alias]:
            units.old_province_by_key[alias].append(pkey)
        pcode = prov_code_by_key.get(pkey)
        if pcode and pcode not in units.new_province_by_key[alias]:
            units.new_province_by_key[alias].append(pcode)
    log.info("administrative units loaded", extra={
        "new_wards": len(units.new_wards), "old_provinces": len(units.old_provinces),
        "source": str(data)})
    return units
