"""The administrative units after the 2025 reform, read at run time from ``vietnamadminunits``.

Why the package and not a copy: the list changes by resolution; the maintained package is
updated with it, and shipping our own copy would freeze a stale map into every install.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from motcua._errors import ConfigError, UnknownCommune
from motcua.text import fold

__all__ = ["AdminUnit", "list_units", "resolve_unit"]

log = logging.getLogger(__name__)
_TYPES = ("xã", "phường", "đặc khu", "thị trấn")


@dataclass(frozen=True)
class AdminUnit:
    code: str  # the statistics office's 5-digit ward code
    name: str  # "Xã Hữu Lũng", "Phường Kỳ Lừa"
    short: str  # "Hữu Lũng"
    kind: str  # "Xã" | "Phường" | "Đặc khu"
    province: str  # "Lạng Sơn"


def _key(text: str) -> str:
    return "".join(ch for ch in fold(text).lower() if ch.isalnum())


@lru_cache(maxsize=1)
def _all_units() -> tuple[AdminUnit, ...]:
    try:
        from vietnamadminunits.database import query
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ConfigError("the vietnamadminunits package is missing",
                          hint="pip install vietnamadminunits") from exc
    rows = query("SELECT DISTINCT wardCode, ward, wardShort, wardType, provinceShort "
                 "FROM admin_units ORDER BY provinceShort, wardShort")
    units = tuple(AdminUnit(code=str(r["wardCode"]), name=r["ward"], short=r["wardShort"],
                            kind=r["wardType"], province=r["provinceShort"]) for r in rows)
    log.debug("administrative units loaded", extra={"count": len(units)})
    return units


def list_units(province: str | None = None) -> list[AdminUnit]:
    """All communes, wards and special zones, or those of one province (any spelling)."""
    units = _all_units()
    if province is None:
        return list(units)
    key = _key(province.removeprefix("Tỉnh ").removeprefix("Thành phố "))
    return [u for u in units if _key(u.province) == key]


@lru_cache(maxsize=4096)
def _index(province_key: str) -> dict[str, list[AdminUnit]]:
    out: dict[str, list[AdminUnit]] = {}
    for unit in _all_units():
        if province_key and _key(unit.province) != province_key:
            continue
        for k in {_key(unit.code), _key(unit.name), _key(unit.short)}:
            out.setdefault(k, []).append(unit)
    return out


def resolve_unit(text: str, *, province: str | None = None) -> AdminUnit:
    """A unit from its code or name, with or without diacritics and type ("xã", "phường").

    ``"Kỳ Lừa, Lạng Sơn"`` names the province after a comma; otherwise ``province`` (the
    deployment's default) narrows the search, and a code is accepted from any province.
    Raises ``UnknownCommune`` with the reason and what to send instead.
    """
    raw = (text or "").strip()
    if not raw or len(raw) > 120:
        raise UnknownCommune("tên xã/phường trống hoặc quá dài",
                             hint="gửi mã xã (ví dụ 06187) hoặc tên xã/phường")
    name, _, prov = raw.partition(",")
    prov = prov.strip() or (province or "")
    if name.strip().isdigit():
        hits = _index("").get(_key(name), [])
        if hits:
            return hits[0]
    pkey = _key(prov.removeprefix("Tỉnh ").removeprefix("tỉnh ")) if prov else ""
    index = _index(pkey)
    key = _key(name)
    hits = index.get(key, [])
    if not hits:
        lowered = fold(name.strip()).lower()
        for kind in _TYPES:
            if lowered.startswith(fold(kind) + " "):
                hits = index.get(_key(name.strip()[len(kind) + 1:]), [])
                break
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise UnknownCommune(
            f"tên {name.strip()!r} trùng với nhiều xã/phường",
            hint="gửi mã xã, hoặc tên đầy đủ kèm loại (Xã/Phường)",
            candidates=", ".join(f"{u.name} ({u.code})" for u in hits[:5]),
        )
    where = f" thuộc {prov}" if prov else ""
    raise UnknownCommune(f"không tìm thấy xã/phường {name.strip()!r}{where}",
                         hint="chọn xã trong danh sách (motcua communes list, GET "
                              "/api/v1/communes) hoặc gửi mã xã")
