"""Streaming table IO: encodings, malformed rows, XLSX, and atomic output."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from motcua._errors import FileFormatError, InputError
from motcua.cleaning.files import AtomicTableWriter, TableReader, detect_encoding
from tests.cleaning._cp1258 import to_cp1258

TEXT = "Họ tên,Địa chỉ\nNguyễn Văn A,\"Xã Tân Xã, Huyện Thạch Thất\"\nLê Thị Đào,Hà Nội\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (to_cp1258(TEXT), "cp1258"),
    ("Name,City\nJosé,São Paulo\n".encode("cp1252"), "cp1252"),
])
def test_files_detect_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    assert detect_encoding(path) == encoding


@pytest.mark.parametrize("data", [TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"),
                                  to_cp1258(TEXT)])
def test_files_reader_decodes_every_encoding(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    with TableReader(path) as reader:
        rows = list(reader.rows())
    import unicodedata

    assert [unicodedata.normalize("NFC", h) for h in reader.header] == ["Họ tên", "Địa chỉ"]
    assert [r.line for r in rows] == [2, 3]
    assert unicodedata.normalize("NFC", rows[0].values[1]) == "Xã Tân Xã, Huyện Thạch Thất"


def test_files_reader_semicolon_and_malformed_rows(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("a;b\n1;2\n3;4;5\n6\n7;8\n", encoding="utf-8")
    with TableReader(path) as reader:
        rows = list(reader.rows())
    assert [r.values for r in rows] == [["1", "2"], ["3", "4"], ["6", ""], ["7", "8"]]
    assert [r.line for r in rows if r.problem] == [3]


def test_files_reader_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "in.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["Họ tên", "Ngày sinh"])
    ws.append(["Nguyễn Văn A", None])
    ws.append([None, None])
    ws.append(["Lê B", 1990])
    wb.save(path)
    with TableReader(path) as reader:
        rows = list(reader.rows())
    assert reader.header == ["Họ tên", "Ngày sinh"]
    assert [(r.line, r.values) for r in rows] == [(2, ["Nguyễn Văn A", None]),
                                                  (4, ["Lê B", 1990])]


@pytest.mark.parametrize(("name", "content", "error"), [
    ("in.txt", b"a,b\n", FileFormatError),
    ("in.csv", b"", FileFormatError),
    ("broken.xlsx", b"not a zip file", FileFormatError),
    ("missing.csv", None, InputError),
])
def test_files_reader_bad_input(tmp_path: Path, name: str, content: bytes | None,
                                error: type[Exception]) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error) as err:
        TableReader(path)
    assert err.value.hint  # type: ignore[attr-defined]


def test_files_wrong_encoding_given_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(to_cp1258(TEXT))
    with pytest.raises(FileFormatError) as err, TableReader(path, encoding="utf-8") as reader:
        list(reader.rows())
    assert "--encoding" in (err.value.hint or "")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_files_writer_interrupted_leaves_nothing(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    with pytest.raises(KeyboardInterrupt), AtomicTableWriter(out, ["a"]) as w:
        w.write(["1"])
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_files_writer_replaces_only_when_complete(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    with AtomicTableWriter(out, ["a", "b"]) as w:
        w.write(["x", 1])
        assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    if suffix == ".xlsx":
        rows = list(load_workbook(out).active.iter_rows(values_only=True))
        assert rows == [("a", "b"), ("x", 1)]
    else:
        assert out.read_text(encoding="utf-8-sig").splitlines() == ["a,b", "x,1"]
