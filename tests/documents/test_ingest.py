from __future__ import annotations

import io

import pytest

from motcua._errors import FileFormatError
from motcua.documents.ingest import extract_text, ocr_available
from motcua.documents.ingest.markdown import markdown_to_text
from motcua.documents.ingest.pdf import pdf_to_text
from tests.documents._pdf import scanned_page, scanned_pdf, text_pdf, vietnamese_font
from tests.documents._samples import RESOLUTION_MD


def _docx(paragraphs: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "ỦY BAN NHÂN DÂN\nTỈNH MẪU"
    table.rows[0].cells[1].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for p in paragraphs:
        doc.add_paragraph(p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_ingest_markdown_glued_emphasis_and_escapes() -> None:
    text = markdown_to_text(RESOLUTION_MD)
    assert "tên gọi là xã Na Mẫu." in text
    assert "2. Sắp xếp" in text or "2.Sắp xếp" in text
    assert "**" not in text and "\\" not in text
    assert text.splitlines()[0] == "HỘI ĐỒNG MẪU"  # left column of the header first


def test_ingest_markdown_nfd_normalised() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Điều 1. Phạm vi điều chỉnh")
    result = extract_text(nfd.encode(), "a.md")
    assert result.text.strip() == "Điều 1. Phạm vi điều chỉnh"


def test_ingest_docx_table_then_paragraphs() -> None:
    result = extract_text(_docx(["Điều 1. Phạm vi", "1. Khoản một."]), "qd.docx")
    lines = result.text.splitlines()
    assert lines[0] == "ỦY BAN NHÂN DÂN"
    assert "Điều 1. Phạm vi" in lines


def test_ingest_html_blocks_and_scripts() -> None:
    html = ("<html><head><title>t</title><script>var x=1;</script></head><body>"
            "<h1>Điều 1. Phạm vi</h1><p>1. Khoản <b>một</b>.</p><table><tr><td>A</td><td>B</td>"
            "</tr></table></body></html>")
    text = extract_text(html.encode(), "x.html").text
    assert "var x" not in text
    assert "Điều 1. Phạm vi" in text.splitlines()
    assert "1. Khoản một." in text.splitlines()
    assert "A | B" in text


def test_ingest_text_layer_pdf_needs_no_ocr() -> None:
    result = pdf_to_text(text_pdf(["Dieu 1. Pham vi dieu chinh", "1. Khoan mot cua dieu nay."]),
                         "a.pdf")
    assert result.ocr_pages == []
    assert "Dieu 1. Pham vi dieu chinh" in result.text


@pytest.mark.parametrize(
    ("data", "filename", "fragment"),
    [
        (b"", "empty.pdf", "tệp rỗng"),
        (b"%PDF-1.4\nthis is not a pdf", "broken.pdf", "không đọc được tệp PDF"),
        (b"PK\x03\x04garbage", "broken.docx", "không đọc được tệp DOCX"),
        (b"\xff\xfe\x00", "bad.exe", "không hỗ trợ"),
        ("Điều 1".encode("cp1258", errors="replace") + b"\xe0\xe1", "legacy.txt",
         "không phải văn bản UTF-8"),
        (b"not an image", "scan.png", "không đọc được tệp ảnh"),
    ],
)
def test_ingest_bad_input(data: bytes, filename: str, fragment: str) -> None:
    with pytest.raises(FileFormatError) as info:
        extract_text(data, filename)
    assert fragment in info.value.message
    assert info.value.hint


def test_ingest_encrypted_pdf_refused() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf(["Secret"]))))
    writer.encrypt("mật-khẩu", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(FileFormatError, match="mật khẩu"):
        extract_text(out.getvalue(), "secret.pdf")


def test_ingest_scanned_pdf_ocr_only_textless_pages() -> None:
    if not ocr_available():
        pytest.skip("tesseract with Vietnamese data (tesseract-ocr-vie) is not installed")
    font = vietnamese_font()
    if font is None:
        pytest.skip("no TTF font with Vietnamese glyphs (install fonts-dejavu-core)")
    page = scanned_page(["Điều 1. Phạm vi điều chỉnh", "Quyết định này quy định về hộ tịch."],
                        font)
    result = extract_text(scanned_pdf([page]), "scan.pdf")
    assert result.ocr_pages == [1]
    assert "Phạm vi điều chỉnh" in result.text
    assert "hộ tịch" in result.text


def test_ingest_scanned_pdf_without_ocr_is_empty() -> None:
    font = vietnamese_font()
    if font is None:
        pytest.skip("no TTF font with Vietnamese glyphs (install fonts-dejavu-core)")
    result = extract_text(scanned_pdf([scanned_page(["Điều 1"], font)]), "scan.pdf", ocr=False)
    assert result.ocr_pages == [] and result.text.strip() == ""


def test_ingest_mixed_pdf_ocr_only_the_scanned_page() -> None:
    if not ocr_available():
        pytest.skip("tesseract with Vietnamese data (tesseract-ocr-vie) is not installed")
    font = vietnamese_font()
    if font is None:
        pytest.skip("no TTF font with Vietnamese glyphs (install fonts-dejavu-core)")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf(["Dieu 1. Pham vi dieu chinh cua quyet dinh"]))))
    writer.append(PdfReader(io.BytesIO(scanned_pdf([scanned_page(["Phụ lục đính kèm"], font)]))))
    out = io.BytesIO()
    writer.write(out)
    result = extract_text(out.getvalue(), "mixed.pdf")
    assert result.pages == 2 and result.ocr_pages == [2]
    assert "Pham vi dieu chinh" in result.text and "Phụ lục" in result.text


def test_ingest_markdown_grid_and_pipe_tables() -> None:
    grid = (
        "+------------------+------------------+\n"
        "| ***Nơi nhận:\\*** | **TM. ỦY BAN\\    |\n"
        "| - Chính phủ;\\    | CHỦ TỊCH\\        |\n"
        "| - Lưu: VT.       | \\                 |\n"
        "|                  | Lê Văn Mẫu**     |\n"
        "+------------------+------------------+\n"
    )
    pipe = "| Stt | Tên |\n| --- | --- |\n| 1 | Xã Một |\n| 2 | Phường Hai |\n"
    lines = markdown_to_text(grid + "\n" + pipe).splitlines()
    first = next(i for i, x in enumerate(lines) if x.startswith("Nơi nhận:"))
    assert first < lines.index("TM. ỦY BAN") < lines.index("Lê Văn Mẫu")  # column by column
    assert "1 | Xã Một" in lines and "2 | Phường Hai" in lines
