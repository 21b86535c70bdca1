"""Markdown (as pandoc writes it from official PDFs) to plain text lines.

Why not a Markdown renderer: the converted resolutions put the issuer and the signer in pandoc
"simple" and "grid" tables whose columns sit side by side; we need each column read top to
bottom (issuer, then number), and emphasis glued to words ("là**xã Thất Khê**") split cleanly.
Output: one logical paragraph per line, blank lines between blocks.
"""

from __future__ import annotations

import re

from motcua.text.normalize import nfc

__all__ = ["markdown_to_text", "paragraphs_from_lines"]

_SIMPLE_RULE = re.compile(r"^\s*-{3,}(?:\s+-{3,})+\s*$")
_GRID_RULE = re.compile(r"^\s*\+[-=:+]+\+\s*$")
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_GLUED_EMPH = re.compile(r"(?<=\w)\*\*(?=\w)")
_EMPH = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_BR = re.compile(r"<br\s*/?>", re.I)


def _inline(text: str) -> str:
    text = _BR.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _GLUED_EMPH.sub(" ", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPH.sub("", text)
    return " ".join(text.split())


def paragraphs_from_lines(lines: list[str]) -> list[str]:
    """Join soft-wrapped lines; a trailing backslash or a blank line ends a paragraph."""
    out: list[str] = []
    buf: list[str] = []
    for raw in [*lines, ""]:
        line = raw.rstrip()
        hard = line.endswith("\\") and not line.endswith("\\\\")
        if hard:
            line = line[:-1]
        if line.strip():
            buf.append(line.strip())
        if (hard or not line.strip()) and buf:
            para = _inline(" ".join(buf))
            if para:
                out.append(para)
            buf = []
    return out


def _simple_table(block: list[str], rule: str) -> list[str]:
    spans = [m.start() for m in re.finditer(r"-+", rule)]
    cols: list[list[str]] = [[] for _ in spans]
    for line in block:
        for i, start in enumerate(spans):
            end = spans[i + 1] if i + 1 < len(spans) else None
            cols[i].append(line[start:end] if end is not None else line[start:])
    out: list[str] = []
    for col in cols:
        out.extend(paragraphs_from_lines(col))
        out.append("")
    return out


def _grid_table(block: list[str]) -> list[str]:
    out: list[str] = []
    cols: list[list[str]] = []

    def flush() -> None:
        for col in cols:
            out.extend(paragraphs_from_lines(col))
            out.append("")
        cols.clear()

    for line in block:
        if _GRID_RULE.match(line):
            flush()
            continue
        cells = line.strip().strip("|").split("|")
        while len(cols) < len(cells):
            cols.append([])
        for i, cell in enumerate(cells):
            cols[i].append(cell)
    flush()
    return out


def _pipe_table(block: list[str]) -> list[str]:
    rows = []
    for line in block:
        if _PIPE_SEP.match(line):
            continue
        cells = [_inline(c) for c in line.strip().strip("|").split("|")]
        row = " | ".join(c for c in cells if c)
        if row:
            rows.append(row)
    return [*rows, ""]


def markdown_to_text(source: str) -> str:
    lines = nfc(source).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    para: list[str] = []

    def flush_para() -> None:
        out.extend(paragraphs_from_lines(para))
        para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if _SIMPLE_RULE.match(line):
            flush_para()
            j = i + 1
            while j < len(lines) and not _SIMPLE_RULE.match(lines[j]):
                j += 1
            out.extend(_simple_table(lines[i + 1 : j], line))
            i = j + 1
            continue
        stripped = line.strip()
        if stripped.startswith("+") and _GRID_RULE.match(line):
            flush_para()
            j = i
            while j < len(lines) and lines[j].strip().startswith(("+", "|")):
                j += 1
            out.extend(_grid_table(lines[i:j]))
            i = j
            continue
        if stripped.startswith("|") and i + 1 < len(lines) and _PIPE_SEP.match(lines[i + 1]):
            flush_para()
            j = i
            while j < len(lines) and lines[j].strip().startswith("|"):
                j += 1
            out.extend(_pipe_table(lines[i:j]))
            i = j
            continue
        if not stripped:
            flush_para()
            out.append("")
        else:
            para.append(_HEADING.sub("", line))
        i += 1
    flush_para()
    return _squeeze(out)


def _squeeze(lines: list[str]) -> str:
    """At most one blank line between paragraphs."""
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
