"""Commune profiles: where the one-stop service centre is, when it opens, which counter takes
which procedures; YAML and CSV import/export.

Why a profile per commune: after the 2025 reform every commune runs its own service centre and
the catalog only says "Ủy ban nhân dân cấp xã"; a citizen needs the address, the hours and the
counter number. Why both formats: provinces keep such lists in spreadsheets (CSV), operators
edit them by hand (YAML). Files are written to a temporary file and renamed, never half-written.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from motcua._errors import FileFormatError, UnknownCommune
from motcua.communes.units import resolve_unit

__all__ = [
    "CSV_COLUMNS",
    "CommuneProfile",
    "Counter",
    "dump_csv",
    "dump_yaml",
    "load_profiles_file",
    "parse_csv",
    "parse_yaml",
    "sample_profiles",
    "write_profiles_file",
]

_SAMPLE = Path(__file__).parent / "data" / "sample_profiles.yaml"
CSV_COLUMNS = ["code", "name", "province", "address", "hours", "phone", "counter",
               "counter_name", "fields", "procedures", "seat"]


class Counter(BaseModel):
    number: str = Field(min_length=1, max_length=16, description='"1", "2A"')
    name: str = Field(default="", max_length=200)
    fields: list[str] = Field(default_factory=list, description="catalog fields (lĩnh vực)")
    procedures: list[str] = Field(default_factory=list, description="procedure codes")


class CommuneProfile(BaseModel):
    code: str = Field(min_length=1, max_length=16)
    name: str = Field(default="", max_length=200)
    province: str = Field(default="", max_length=100)
    address: str = Field(default="", max_length=500)
    hours: str = Field(default="", max_length=500)
    phone: str = Field(default="", max_length=100)
    counters: list[Counter] = Field(default_factory=list)
    seat: str = Field(default="", max_length=500, description="the unit's administrative "
                      "centre from the official list (communes import-seats), shown when no "
                      "address was entered")

    @field_validator("code")
    @classmethod
    def _known_unit(cls, value: str) -> str:
        try:
            return resolve_unit(value).code
        except UnknownCommune as exc:  # pydantic reports ValueErrors with the entry's location
            raise ValueError(exc.message) from exc

    def canonical(self) -> CommuneProfile:
        """The profile with the unit's official name and province filled in."""
        unit = resolve_unit(self.code)
        return self.model_copy(update={"name": unit.name, "province": unit.province})


def _validate(items: Any, source: str) -> list[CommuneProfile]:
    if isinstance(items, dict) and "communes" in items:
        items = items["communes"]
    if not isinstance(items, list):
        raise FileFormatError(f"{source}: expected a list of commune profiles",
                              hint="see docs/service.md for the YAML layout")
    out: list[CommuneProfile] = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        try:
            profile = CommuneProfile.model_validate(item).canonical()
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise FileFormatError(f"{source}: profile #{i}: {where}: {first['msg']}",
                                  hint="fix that entry; nothing was imported") from exc
        if profile.code in seen:
            raise FileFormatError(f"{source}: commune {profile.code} appears twice",
                                  hint="merge the two entries; nothing was imported")
        seen.add(profile.code)
        out.append(profile)
    return out


def parse_yaml(text: str, source: str = "YAML") -> list[CommuneProfile]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise FileFormatError(f"{source}: not valid YAML ({exc.__class__.__name__})",
                              hint="check indentation and quotes") from exc
    return _validate(data, source)


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def parse_csv(text: str, source: str = "CSV") -> list[CommuneProfile]:
    """One row per counter; the commune's columns repeat on each of its rows."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in ("code", "counter") if c not in (reader.fieldnames or [])]
    if missing:
        raise FileFormatError(f"{source}: missing columns {', '.join(missing)}",
                              hint=f"the header must be: {','.join(CSV_COLUMNS)}")
    merged: dict[str, dict[str, Any]] = {}
    for row in reader:
        code = (row.get("code") or "").strip()
        entry = merged.setdefault(code, {
            "code": code, **{k: (row.get(k) or "").strip()
                             for k in ("name", "province", "address", "hours", "phone",
                                       "seat")},
            "counters": []})
        if (row.get("counter") or "").strip():
            entry["counters"].append({
                "number": row["counter"].strip(), "name": (row.get("counter_name") or "").strip(),
                "fields": _split(row.get("fields") or ""),
                "procedures": _split(row.get("procedures") or "")})
    return _validate(list(merged.values()), source)


def dump_yaml(profiles: list[CommuneProfile]) -> str:
    data = {"communes": [p.model_dump() for p in profiles]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def dump_csv(profiles: list[CommuneProfile]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for p in profiles:
        base = {"code": p.code, "name": p.name, "province": p.province, "address": p.address,
                "hours": p.hours, "phone": p.phone, "seat": p.seat}
        if not p.counters:
            writer.writerow({**base, "counter": "", "counter_name": "", "fields": "",
                             "procedures": ""})
        for c in p.counters:
            writer.writerow({**base, "counter": c.number, "counter_name": c.name,
                             "fields": "|".join(c.fields), "procedures": "|".join(c.procedures)})
    return buf.getvalue()


def _fmt(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".csv":
        return "csv"
    raise FileFormatError(f"{path.name}: unknown profile format {suffix or '(none)'}",
                          hint="use a .yaml, .yml or .csv file")


def load_profiles_file(path: Path) -> list[CommuneProfile]:
    fmt = _fmt(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise FileFormatError(f"{path}: no such file", hint="check the path") from exc
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"{path.name}: not UTF-8 text",
                              hint="save the file as UTF-8 (CSV UTF-8 in Excel)") from exc
    return parse_yaml(text, path.name) if fmt == "yaml" else parse_csv(text, path.name)


def write_profiles_file(path: Path, profiles: list[CommuneProfile]) -> None:
    text = dump_yaml(profiles) if _fmt(path) == "yaml" else dump_csv(profiles)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sample_profiles() -> list[CommuneProfile]:
    """The illustrative profiles shipped with the package (addresses marked as samples)."""
    return parse_yaml(_SAMPLE.read_text(encoding="utf-8"), _SAMPLE.name)
