"""Commune profiles: YAML and CSV round trips, validation, atomic writes, counters."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua._errors import FileFormatError
from motcua.catalog.model import ParsedProcedure
from motcua.communes.profile import (
    CommuneProfile,
    Counter,
    dump_csv,
    dump_yaml,
    load_profiles_file,
    parse_csv,
    parse_yaml,
    sample_profiles,
    write_profiles_file,
)
from motcua.communes.registry import counter_for, where_facts


def test_profile_samples_are_lang_son_units() -> None:
    profiles = sample_profiles()
    assert len(profiles) >= 3
    assert {p.province for p in profiles} == {"Lạng Sơn"}
    assert all(p.counters for p in profiles)


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".csv"])
def test_profile_file_round_trip(tmp_path: Path, suffix: str) -> None:
    profiles = sample_profiles()
    path = tmp_path / f"profiles{suffix}"
    write_profiles_file(path, profiles)
    assert load_profiles_file(path) == profiles
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_profile_text_round_trip() -> None:
    profiles = sample_profiles()
    assert parse_yaml(dump_yaml(profiles)) == profiles
    assert parse_csv(dump_csv(profiles)) == profiles


def test_profile_name_canonicalised_from_code() -> None:
    [p] = parse_yaml("- code: ky lua\n  counters: [{number: '1', fields: [Hộ tịch]}]\n")
    assert (p.code, p.name, p.province) == ("06187", "Phường Kỳ Lừa", "Lạng Sơn")


@pytest.mark.parametrize(("text", "fmt", "match"), [
    ("communes: {a: 1}", "yaml", "expected a list"),
    ("- code: Atlantis\n", "yaml", "không tìm thấy xã/phường"),
    ("- code: '06187'\n  counters: [{number: ''}]\n", "yaml", "counters.0.number"),
    ("- code: '06187'\n- code: ky lua\n", "yaml", "appears twice"),
    ("- code: '06187'\n  hours: [1, 2]\n", "yaml", "hours"),
    ("key: [unclosed", "yaml", "not valid YAML"),
    ("name,address\nx,y\n", "csv", "missing columns"),
    ("code,counter\nAtlantis,1\n", "csv", "không tìm thấy xã/phường"),
])
def test_profile_bad_input_clear_error(text: str, fmt: str, match: str) -> None:
    parse = parse_yaml if fmt == "yaml" else parse_csv
    with pytest.raises(FileFormatError, match=match) as info:
        parse(text)
    assert info.value.hint


@pytest.mark.parametrize(("name", "content", "match"), [
    ("p.txt", b"x", "unknown profile format"),
    ("p.csv", "code,counter\n06187,1\n".encode("utf-16"), "not UTF-8"),
    ("missing.yaml", None, "no such file"),
])
def test_profile_bad_file(tmp_path: Path, name: str, content: bytes | None, match: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(FileFormatError, match=match):
        load_profiles_file(path)


def test_profile_failed_write_keeps_old_file(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.yaml"
    write_profiles_file(path, sample_profiles())
    before = path.read_bytes()

    def boom(*_a: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("motcua.communes.profile.os.replace", boom)
    with pytest.raises(OSError):
        write_profiles_file(path, sample_profiles()[:1])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


PROFILE = CommuneProfile(code="06187", address="Số 1", hours="7h30", phone="0205", counters=[
    Counter(number="1", name="Hộ tịch", fields=["Hộ tịch"]),
    Counter(number="2", fields=["Đất đai"], procedures=["2.000001"]),
]).canonical()


@pytest.mark.parametrize(("proc", "number"), [
    (ParsedProcedure(code="1.1", name="Khai sinh", field="Hộ tịch", levels=["xa"]), "1"),
    (ParsedProcedure(code="1.1", name="Khai sinh", field="ho tich", levels=["xa"]), "1"),
    (ParsedProcedure(code="2.000001", name="X", field="Hộ tịch", levels=["tinh"]), "2"),
    (ParsedProcedure(code="3.3", name="Y", field="Đất đai (cấp xã)", levels=["xa"]), "2"),
    (ParsedProcedure(code="4.4", name="Z", field="Thuế", levels=["xa"]), None),
])
def test_profile_counter_for(proc: ParsedProcedure, number: str | None) -> None:
    found = counter_for(PROFILE, proc)
    assert (found.number if found else None) == number


def test_profile_where_facts() -> None:
    proc = ParsedProcedure(code="1.1", name="Khai sinh", field="Hộ tịch", levels=["xa"])
    facts = where_facts(PROFILE, proc)
    assert [f.text for f in facts] == ["Nộp hồ sơ tại: Số 1", "Quầy số 1 (Hộ tịch)",
                                       "Giờ làm việc: 7h30", "Điện thoại: 0205"]
    assert facts[1].counter == "1" and facts[0].commune == "Phường Kỳ Lừa"
    provincial = ParsedProcedure(code="9.9", name="Cấp tỉnh", field="Thuế", levels=["tinh"])
    assert where_facts(PROFILE, provincial) == []
