"""DOCX reader (python-docx): paragraphs and tables in document order, after size checks.

Why document order: Vietnamese decisions put the issuer/number header and the signature in
tables; reading tables after all paragraphs would separate the signer from the end of the text.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.parsers import expat

from docx import Document as load_docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from motcua._errors import FileFormatError
from motcua.documents.limits import ParseLimits, check_zip, refuse
from motcua.text.normalize import nfc

__all__ = ["check_docx_xml", "docx_to_text"]

_RESAVE_HINT = "mở bằng Word hoặc LibreOffice và lưu lại dạng .docx"


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


def check_docx_xml(archive: zipfile.ZipFile, filename: str, limits: ParseLimits) -> None:
    """Stream every XML part through expat, refusing a text node or a paragraph count over
    its cap before python-docx builds the tree (which costs ~100 bytes per node, all at once).
    """
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        state = {"text": 0, "paragraphs": 0}
        part = info.filename

        def start(name: str, _attrs: object, state: dict[str, int] = state) -> None:
            state["text"] = 0
            if name.endswith(":p"):
                state["paragraphs"] += 1
                if state["paragraphs"] > limits.max_paragraphs:
                    raise refuse(filename, f"tệp có hơn {limits.max_paragraphs} đoạn văn, vượt "
                                 "giới hạn")

        def chars(data: str, state: dict[str, int] = state, part: str = part) -> None:
            state["text"] += len(data)
            if state["text"] > limits.max_xml_text_chars:
                raise refuse(filename, f"một đoạn chữ trong {part} dài hơn "
                             f"{limits.max_xml_text_chars} ký tự, vượt giới hạn")

        parser.StartElementHandler = start
        parser.EndElementHandler = lambda _name, state=state: state.__setitem__("text", 0)
        parser.CharacterDataHandler = chars
        try:
            with archive.open(info) as member:
                while chunk := member.read(1 << 20):
                    parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except (expat.ExpatError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise refuse(filename, f"không đọc được tệp DOCX (phần {info.filename} hỏng)",
                         hint=_RESAVE_HINT) from exc


def docx_to_text(data: bytes, filename: str, limits: ParseLimits | None = None) -> str:
    limits = limits or ParseLimits()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, filename, limits)
            check_docx_xml(archive, filename, limits)
        doc = load_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, etree.XMLSyntaxError) as exc:
        raise FileFormatError(
            f"{filename}: không đọc được tệp DOCX ({exc.__class__.__name__})",
            hint=_RESAVE_HINT,
            path=filename,
        ) from exc
    return nfc("\n".join(_blocks(doc))).strip() + "\n"
