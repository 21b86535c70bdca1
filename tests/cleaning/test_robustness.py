"""Any text at all: every cleaner answers with a status and never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.cleaning import clean_address
from motcua.cleaning.dates import parse_date
from motcua.cleaning.ids import check_id
from motcua.cleaning.names import clean_name
from motcua.cleaning.phones import clean_phone

# Vietnamese letters, separators and digits, so that inputs look like addresses often enough.
_LETTERS = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậềểễếệ"
            "ìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐĂÂÊÔƠƯPXQHT0123456789 ,.-/;'")
ALPHABET = st.sampled_from([*_LETTERS, "Phường ", "Xã ", "Quận ", "Huyện ", "Tỉnh ", "TP. "])
TEXT = st.lists(ALPHABET, max_size=60).map("".join) | st.text(max_size=80)
STATUSES = {"ok", "converted", "ambiguous", "not_found", "invalid"}


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_robustness_clean_address_any_text(text: str) -> None:
    res = clean_address(text)
    assert res.status in STATUSES
    if res.status in ("ok", "converted"):
        assert res.new_ward_code and not res.candidates
    if res.status == "ambiguous":
        assert len(res.candidates) >= 1 and not res.new_ward_code


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_robustness_field_cleaners_any_text(text: str) -> None:
    assert clean_name(text).status in {"ok", "changed", "empty", "invalid"}
    assert parse_date(text).status in {"ok", "changed", "empty", "invalid", "impossible"}
    assert check_id(text).status in {"ok", "old_id", "mismatch", "invalid", "empty"}
    assert clean_phone(text).status in {"ok", "changed", "converted", "empty", "invalid"}
