"""DOCX reader (python-docx): paragraphs and tables in document order.

Why document order: Vietnamese decisions put the issuer/number header and the signature in
tables; reading tables after all paragraphs would separate the signer from the end of the text.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document as load_docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from motcua._errors import FileFormatError
from motcua.text.normalize import nfc

__all__ = ["docx_to_text"]


def _blocks(doc: DocxDocument) -> list[str]:
    out: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, doc).text.strip())
        elif child.tag == qn("w:tbl"):
            table = Table(child, doc)
            columns: list[list[str]] = []
            for row in table.rows:
                for i, cell in enumerate(row.cells):
                    while len(columns) <= i:
                        columns.append([])
                    text = cell.text.strip()
                    if text and (not columns[i] or columns[i][-1] != text):
                        columns[i].append(text)
            for col in columns:
                out.extend(col)
                out.append("")
    return out


def docx_to_text(data: bytes, filename: str) -> str:
    try:
        doc = load_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FileFormatError(
            f"{filename}: không đọc được tệp DOCX ({exc.__class__.__name__})",
            hint="mở bằng Word hoặc LibreOffice và lưu lại dạng .docx",
            path=filename,
        ) from exc
    return nfc("\n".join(_blocks(doc))).strip() + "\n"
