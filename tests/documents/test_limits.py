"""The cheap checks: every hostile file is refused from its header, in milliseconds."""

from __future__ import annotations

import time

import pytest

from motcua._errors import FileFormatError
from motcua.documents.limits import ParseLimits, check_file
from motcua.documents.sandbox import parse_isolated
from tests.documents._hostile import HOSTILE
from tests.documents._pdf import text_pdf

LIMITS = ParseLimits()


@pytest.mark.parametrize("case", list(HOSTILE))
def test_check_file_refuses_hostile_quickly(case: str) -> None:
    make, fragment = HOSTILE[case]
    filename, data = make()
    start = time.perf_counter()
    with pytest.raises(FileFormatError) as info:
        check_file(data, filename, LIMITS)
    assert time.perf_counter() - start < 0.5
    assert fragment in info.value.message and filename in info.value.message
    assert info.value.hint


@pytest.mark.parametrize("case", list(HOSTILE))
def test_parse_isolated_refuses_hostile(case: str) -> None:
    """The same refusal through the sandbox's entry point (checked before the child starts)."""
    make, fragment = HOSTILE[case]
    filename, data = make()
    with pytest.raises(FileFormatError) as info:
        parse_isolated(data, filename, limits=LIMITS)
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("limits", "filename", "data", "fragment"),
    [
        (ParseLimits(max_bytes=100), "a.txt", b"x" * 101, "vượt giới hạn"),
        (ParseLimits(max_pages=2), "a.pdf", None, "tệp có 3 trang, vượt giới hạn 2 trang"),
        (ParseLimits(max_page_pixels=1000), "a.pdf", text_pdf(["Dieu 1"]), "trang 1 khổ"),
    ],
)
def test_check_file_caps_are_settings(limits: ParseLimits, filename: str, data: bytes | None,
                                      fragment: str) -> None:
    if data is None:
        from tests.documents._hostile import blank_pages_pdf

        data = blank_pages_pdf(3)[1]
    with pytest.raises(FileFormatError) as info:
        check_file(data, filename, limits)
    assert fragment in info.value.message


def test_check_file_page_pixels_only_when_ocr() -> None:
    check_file(text_pdf(["Dieu 1"]), "a.pdf", ParseLimits(max_page_pixels=1000), ocr=False)


def test_limits_from_settings_follow_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from motcua._settings import Settings

    monkeypatch.setenv("MOTCUA_DOC_MAX_PAGES", "7")
    monkeypatch.setenv("MOTCUA_DOC_PARSE_MEMORY_MB", "512")
    limits = ParseLimits.from_settings(Settings())
    assert (limits.max_pages, limits.memory_bytes) == (7, 512 * 1024 * 1024)
    assert ParseLimits.from_settings(Settings().model_copy(update={})) == ParseLimits(
        max_pages=7, memory_bytes=512 * 1024 * 1024)
