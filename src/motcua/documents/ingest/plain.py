"""Plain text, CSV and HTML readers.

Why the standard library: these formats need only decoding and block breaks; a dependency
would add nothing the tests could notice.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

from motcua._errors import FileFormatError
from motcua.text.normalize import nfc

__all__ = ["csv_to_text", "decode_text", "html_to_text"]

_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
    "article", "header", "footer", "blockquote", "pre", "ul", "ol", "title",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


def decode_text(data: bytes, filename: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; legacy 8-bit encodings are refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(data.decode("utf-16"))
    try:
        return nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            f"{filename}: tệp không phải văn bản UTF-8 (byte {exc.start})",
            hint="lưu lại tệp dưới dạng UTF-8 (Unicode) rồi nhập lại",
            path=filename,
        ) from exc


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(source: str) -> str:
    collector = _TextCollector()
    collector.feed(source)
    collector.close()
    lines = []
    for raw in "".join(collector.parts).split("\n"):
        line = " ".join(raw.split()).strip(" |")
        lines.append(line)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", nfc(text)).strip() + "\n"


def csv_to_text(source: str) -> str:
    try:
        dialect = csv.Sniffer().sniff(source[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(source), dialect)
    return "\n".join(" | ".join(c.strip() for c in row if c.strip()) for row in rows) + "\n"
