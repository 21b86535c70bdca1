from __future__ import annotations

from motcua.cleaning.duplicates import DuplicateFinder


def test_duplicates_same_id_and_same_name_dob() -> None:
    f = DuplicateFinder()
    assert f.check(2, name="nguyễn văn a", dob="05/07/1990", id_number="001090012345") == []
    same_id = f.check(3, name="trần b", dob="01/01/1980", id_number="001090012345")
    assert [(d.first_line, d.reason) for d in same_id] == [(2, "same_id")]
    same_person = f.check(4, name="nguyễn văn a", dob="05/07/1990", id_number="")
    assert [(d.first_line, d.reason) for d in same_person] == [(2, "same_name_dob")]
    assert f.check(5, name="nguyễn văn a", dob="06/07/1990") == []
    assert f.found == 2


def test_duplicates_empty_keys_never_match() -> None:
    f = DuplicateFinder()
    f.check(2)
    assert f.check(3) == []
    f.check(4, name="a", dob="")
    assert f.check(5, name="a", dob="") == []
