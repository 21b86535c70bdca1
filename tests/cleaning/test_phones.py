from __future__ import annotations

import pytest

from motcua.cleaning.phones import OLD_MOBILE_PREFIXES, clean_phone


@pytest.mark.parametrize(("raw", "value", "status"), [
    ("0912345678", "0912345678", "ok"),
    ("0912.345.678", "0912345678", "changed"),
    ("+84 912 345 678", "0912345678", "changed"),
    ("84912345678", "0912345678", "changed"),
    ("912345678", "0912345678", "changed"),
    ("01688 123 456", "0388123456", "converted"),
    ("0123-456-7890", "0834567890", "converted"),
    ("02412345678", "02412345678", "ok"),
    ("abc", "abc", "invalid"),
    ("0512", "0512", "invalid"),
    ("", "", "empty"),
])
def test_clean_phone_cases(raw: str, value: str, status: str) -> None:
    r = clean_phone(raw)
    assert (r.value, r.status) == (value, status)


def test_clean_phone_prefix_table_is_complete() -> None:
    assert len(OLD_MOBILE_PREFIXES) == 21
    assert all(len(k) == 4 and len(v) == 3 for k, v in OLD_MOBILE_PREFIXES.items())
