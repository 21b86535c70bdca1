"""Input checks of the documents room: import paths and queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua._errors import InputError
from motcua.documents.inputs import check_query, iter_files


@pytest.mark.parametrize(("raw", "clean"), [
    ("  nghị   quyết\tsáp nhập ", "nghị quyết sáp nhập"),
    ("điều\x00 5", "điều 5"),
    ("khoản \ud800 2", "khoản 2"),
])
def test_check_query_cleans(raw: str, clean: str) -> None:
    assert check_query(raw) == clean


@pytest.mark.parametrize(("raw", "match"), [
    ("", "trống"), ("   \x00 ", "trống"), ("a" * 5001, "quá dài"),
])
def test_check_query_refuses_with_reason(raw: str, match: str) -> None:
    with pytest.raises(InputError, match=match) as info:
        check_query(raw)
    assert info.value.hint


def test_iter_files_folders_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B", "utf-8")
    (tmp_path / "sub" / "c.exe").write_bytes(b"MZ")
    assert [p.name for p in iter_files([tmp_path])] == ["a.md", "b.txt"]
    with pytest.raises(InputError, match="không có tệp"):
        iter_files([tmp_path / "khong-co"])
