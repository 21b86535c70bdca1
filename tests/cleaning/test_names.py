from __future__ import annotations

import unicodedata

import pytest

from motcua.cleaning.names import clean_name


@pytest.mark.parametrize(("raw", "value", "status"), [
    ("NGUYỄN văn  a", "Nguyễn Văn A", "changed"),
    ("Nguyễn Văn A", "Nguyễn Văn A", "ok"),
    ("  lê thị hoà ", "Lê Thị Hòa", "changed"),
    (unicodedata.normalize("NFD", "Trần Thị Thuỷ"), "Trần Thị Thủy", "changed"),
    ("H'Hen Niê", "H'Hen Niê", "ok"),
    ("h'hen niê", "H'Hen Niê", "changed"),
    ("", "", "empty"),
    (None, "", "empty"),
    ("Nguyen Van 123", "Nguyen Van 123", "invalid"),
    ("Lê @ Văn", "Lê @ Văn", "invalid"),
])
def test_clean_name_cases(raw: object, value: str, status: str) -> None:
    r = clean_name(raw)
    assert (r.value, r.status) == (value, status)
