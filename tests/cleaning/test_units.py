"""load_units: tables read from the installed vietnamadminunits package, not from the repo."""

from __future__ import annotations

import pytest

from motcua._errors import ConfigError
from motcua.cleaning import units as units_mod
from motcua.cleaning.units import accent_key, load_units, name_key


def test_units_counts_match_the_reform() -> None:
    u = load_units()
    assert len(u.new_provinces) == 34
    assert len(u.new_wards) == 3321
    assert len(u.old_provinces) == 63


def test_units_divided_communes_have_several_candidates() -> None:
    u = load_units()
    divided = {w.code for ws in u.old_ward_by_key.values() for w in ws if w.divided}
    assert len(divided) > 100
    assert all(len(w.new_codes) >= 2 for ws in u.old_ward_by_key.values() for w in ws
               if w.divided)


@pytest.mark.parametrize(("text", "key"), [
    ("Hoằng Đồng", "hoangdong"), ("Phường 03", "phuong3"), ("Bà Rịa-Vũng Tàu", "bariavungtau"),
    ("ĐẮK LẮK", "daklak"), ("10", "10"),
])
def test_units_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


def test_units_accent_key_tells_tones_apart() -> None:
    assert accent_key("Cẩm Giang") != accent_key("Cẩm Giàng")
    assert accent_key("Hoà Bình") == accent_key("Hòa Bình")


def test_units_missing_package_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units_mod.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ConfigError) as err:
        units_mod._package_data_dir()
    assert err.value.hint and "vietnamadminunits" in err.value.hint


@pytest.mark.shared
def test_units_agree_with_shared_adminunit_tables(shared) -> None:  # type: ignore[no-untyped-def]
    import csv

    folder = shared / "data" / "adminunits"
    wards_csv = folder / "2025_34-province-3221-ward_with_location.csv"
    mapping_csv = folder / "convert_legacy_2025_simple.csv"
    if not wards_csv.is_file() or not mapping_csv.is_file():
        pytest.skip(f"administrative-unit CSVs not found in {folder}")
    u = load_units()
    with wards_csv.open(encoding="utf-8-sig") as fh:
        shared_wards = {r["wardCode"].zfill(5): r["ward"] for r in csv.DictReader(fh)}
    assert {c: w.name for c, w in u.new_wards.items()} == shared_wards
    ours: dict[str, set[str]] = {}
    for ws in u.old_ward_by_key.values():
        for w in ws:
            ours[w.code] = set(w.new_codes)
    theirs: dict[str, set[str]] = {}
    with mapping_csv.open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            if r["wardCode"]:
                theirs.setdefault(str(int(float(r["wardCode"]))).zfill(5), set()).add(
                    r["newWardCode"])
    assert ours == theirs
