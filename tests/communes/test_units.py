"""Administrative units from the installed vietnamadminunits package."""

from __future__ import annotations

import pytest

from motcua._errors import UnknownCommune
from motcua.communes.units import list_units, resolve_unit


def test_units_lang_son_has_65() -> None:
    units = list_units("Lạng Sơn")
    assert len(units) == 65
    assert {u.province for u in units} == {"Lạng Sơn"}
    assert len(list_units("lang son")) == 65
    assert len(list_units()) > 3000


@pytest.mark.parametrize("text", ["06187", "Kỳ Lừa", "ky lua", "Phường Kỳ Lừa", "phuong ky lua",
                                  "Kỳ Lừa, Lạng Sơn", "  KỲ LỪA  "])
def test_units_resolve_spellings(text: str) -> None:
    assert resolve_unit(text, province="Lạng Sơn").code == "06187"


@pytest.mark.parametrize(("text", "match"), [
    ("", "trống"), ("x" * 200, "quá dài"), ("Atlantis", "không tìm thấy xã/phường"),
    ("99999", "không tìm thấy xã/phường"),
])
def test_units_resolve_unknown(text: str, match: str) -> None:
    with pytest.raises(UnknownCommune, match=match) as info:
        resolve_unit(text, province="Lạng Sơn")
    assert info.value.hint


def test_units_resolve_code_from_any_province() -> None:
    other = next(u for u in list_units() if u.province != "Lạng Sơn")
    assert resolve_unit(other.code, province="Lạng Sơn") == other
