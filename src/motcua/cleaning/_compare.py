"""Adapters that run the two public packages through the same scorer as our resolver.

Why adapters: each package answers in its own shape (names for underthesea, an ``AdminUnit``
for vietnamadminunits). We map both to (status, new ward code, candidates) so that one scorer
judges all three. vietnamadminunits geocodes divided communes through ArcGIS when a street is
present; we have no network at run time, so that call is replaced by "no location", which
makes the package fall back to its default new ward (what it does offline anyway).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from motcua.cleaning.evaluate import Prediction
from motcua.cleaning.units import PROVINCE_TYPES, WARD_TYPES, load_units, name_key, strip_type

__all__ = ["package_predictors"]

log = logging.getLogger(__name__)
Predictor = Callable[[str], Prediction]


def _code_from_names(province: str | None, ward: str | None) -> str:
    if not province or not ward:
        return ""
    units = load_units()
    pcodes = units.new_province_by_key.get(name_key(strip_type(province, PROVINCE_TYPES)[1]), [])
    for pcode in pcodes:
        wards = units.new_ward_by_key.get((pcode, name_key(strip_type(ward, WARD_TYPES)[1])), [])
        exact = [w for w in wards if w.name == ward] or wards
        if len(exact) == 1:
            return exact[0].code
    return ""


def _vietnamadminunits() -> tuple[Predictor, str]:
    import vietnamadminunits.converter.converter_2025 as conv
    from vietnamadminunits import convert_address, parse_address

    conv.get_geo_location = lambda address: None  # no network: fall back to the default ward

    def predict(address: str) -> Prediction:
        try:
            unit = convert_address(address)
            if unit.ward_code:
                return Prediction("converted", str(unit.ward_code))
        except Exception as exc:  # noqa: BLE001 - the package raises bare Exceptions; a miss
            log.debug("vietnamadminunits convert failed", extra={"error": str(exc)})
        try:
            unit = parse_address(address, mode="FROM_2025", level=2)
            if unit.ward_code:
                return Prediction("ok", str(unit.ward_code))
        except Exception as exc:  # noqa: BLE001 - same: any failure of the package is a miss
            log.debug("vietnamadminunits parse failed", extra={"error": str(exc)})
        return Prediction("not_found")

    return predict, ("convert_address (legacy) then parse_address FROM_2025; ArcGIS geocoding "
                     "disabled (offline), divided communes get the package's default ward")


def _underthesea() -> tuple[Predictor, str]:
    from underthesea.address import ConversionStatus, convert_address

    def predict(address: str) -> Prediction:
        try:
            res: Any = convert_address(address)
        except Exception as exc:  # noqa: BLE001 - third-party code under measurement; a miss
            log.debug("underthesea convert failed", extra={"error": str(exc)})
            return Prediction("not_found")
        if res.status != ConversionStatus.SUCCESS:
            return Prediction("not_found")
        code = _code_from_names(res.new.province, res.new.ward)
        return Prediction("converted", code) if code else Prediction("not_found")

    return predict, ("underthesea.address.convert_address (bundled mapping.json, no download); "
                     "names mapped to codes through the package tables")


def package_predictors() -> dict[str, tuple[Predictor, str]]:
    """Both packages, imported and warmed up so that loading is not timed."""
    out: dict[str, tuple[Predictor, str]] = {}
    for name, factory in (("vietnamadminunits", _vietnamadminunits),
                          ("underthesea", _underthesea)):
        try:
            predict, note = factory()
        except ImportError as exc:
            log.warning("package not installed", extra={"package": name, "error": str(exc)})
            continue
        predict("Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội")
        out[name] = (predict, note)
    return out
