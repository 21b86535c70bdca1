"""The parsing child: same result as in-process, and the caps only it can check."""

from __future__ import annotations

import signal
import time

import pytest

from motcua._errors import FileFormatError
from motcua.documents.limits import MIB, ParseLimits, check_file
from motcua.documents.parse import parse_document
from motcua.documents.sandbox import _died, parse_isolated
from tests.documents._hostile import blank_pages_pdf, random_text_docx
from tests.documents._samples import DECISION

BIG_TEXT = ("Điều 1. Phạm vi\n" + "chữ " * 2_000_000).encode()


def test_parse_isolated_same_as_in_process() -> None:
    isolated = parse_isolated(DECISION.encode(), "qd.txt")
    local = parse_document(DECISION.encode(), "qd.txt")
    assert isolated.meta == local.meta
    assert [p.path for p in isolated.passages] == [p.path for p in local.passages]


@pytest.mark.parametrize(
    ("case", "limits", "fragment"),
    [
        ("ocr pages", ParseLimits(max_ocr_pages=2), "3 trang quét cần nhận dạng chữ, vượt giới "
         "hạn 2 trang"),
        ("text node", ParseLimits(max_xml_text_chars=10_000), "dài hơn 10000 ký tự"),
        ("paragraphs", ParseLimits(max_paragraphs=500), "hơn 500 đoạn văn"),
        ("wall clock", ParseLimits(wall_seconds=0.3), "quá 0.3 giây"),
        ("memory", ParseLimits(memory_bytes=300 * MIB), "cần hơn 300 MB bộ nhớ"),
    ],
)
def test_parse_isolated_child_caps(case: str, limits: ParseLimits, fragment: str) -> None:
    filename, data = {
        "ocr pages": lambda: blank_pages_pdf(3),
        "text node": lambda: random_text_docx(node_chars=50_000),
        "paragraphs": lambda: random_text_docx(paragraphs=600),
        "wall clock": lambda: ("big.txt", BIG_TEXT),
        "memory": lambda: ("big.txt", BIG_TEXT),
    }[case]()
    check_file(data, filename, limits)  # nothing visible from the header: the child must see it
    start = time.perf_counter()
    with pytest.raises(FileFormatError) as info:
        parse_isolated(data, filename, ocr=True, limits=limits)
    assert time.perf_counter() - start < 5
    assert fragment in info.value.message and filename in info.value.message
    assert info.value.hint


@pytest.mark.parametrize(
    ("exitcode", "fragment"),
    [
        (-signal.SIGSEGV, "trình đọc tệp bị lỗi (SIGSEGV)"),
        (-signal.SIGABRT, "trình đọc tệp bị lỗi (SIGABRT)"),
        (-signal.SIGKILL, "bộ nhớ"),
        (-signal.SIGXCPU, "giây"),
        (1, "trình đọc tệp bị lỗi (mã 1)"),
    ],
)
def test_sandbox_child_death_is_a_clear_refusal(exitcode: int, fragment: str) -> None:
    with pytest.raises(FileFormatError) as info:
        _died(exitcode, "x.pdf", ParseLimits())
    assert fragment in info.value.message and info.value.hint
