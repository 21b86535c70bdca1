"""Turn one portal record (a JSON object, or an xlsx row in the same key names) into a
``ParsedProcedure``.

Why gaps are listed rather than filled: the answer must never invent a fee or a paper. A field
that is empty, a placeholder ("Không có thông tin", "--") or has nothing we could parse is
named in ``gaps`` so the answer can say the source has no information and the importer can
report it.
"""

from __future__ import annotations

import logging
import re
from itertools import pairwise
from typing import Any

from motcua._errors import FileFormatError
from motcua.catalog.model import (
    F_ADDRESS,
    F_AGENCY,
    F_CHANNELS,
    F_CONDITIONS,
    F_DOSSIER,
    F_LEGAL,
    F_LEVEL,
    F_NAME,
    F_RESULT,
    F_STEPS,
    ParsedProcedure,
    Step,
)
from motcua.catalog.parse._text import clean, is_placeholder
from motcua.catalog.parse.channels import parse_channels
from motcua.catalog.parse.dossier import parse_dossier
from motcua.catalog.parse.legal import parse_legal

__all__ = ["F_CODE", "F_COMPETENT_AGENCY", "parse_levels", "parse_record", "parse_results",
           "parse_steps"]

logger = logging.getLogger(__name__)

F_CODE = "ma_thu_tuc"
F_COMPETENT_AGENCY = "co_quan_co_tham_quyen"
_TEXT_FIELDS = (
    F_CODE, F_NAME, F_CHANNELS, F_DOSSIER, F_LEGAL, F_STEPS, F_CONDITIONS, F_RESULT, F_LEVEL,
    F_AGENCY, F_ADDRESS, F_COMPETENT_AGENCY, "so_quyet_dinh", "loai_thu_tuc", "linh_vuc",
    "doi_tuong_thuc_hien", "detail_url",
)
# Fields whose emptiness is worth reporting (the ones an answer card would show).
_GAP_FIELDS = (F_CHANNELS, F_DOSSIER, F_LEGAL, F_STEPS, F_RESULT, F_LEVEL, F_AGENCY, "linh_vuc")
_LEVELS = {"cấp xã": "xa", "cấp tỉnh": "tinh", "cấp bộ": "bo", "cơ quan khác": "khac"}
_NONE_VALUES = frozenset({"không", "không.", "không có", "không có."})
_STEP_START_RE = re.compile(r"(?:[-+•]\s*)?Bước\s*\d+")
_RESULT_CODE_RE = re.compile(r"Mã: ?[A-Z0-9][\w.\-]*?\d(?=[^\d.]|$)")
_PORTAL_UI_RE = re.compile(r"Từ khóa|Chọn cơ quan thực hiện|Mô tảKhông có thông tin")


def _text(raw: dict[str, Any], key: str, *, source: str) -> str:
    value = raw.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FileFormatError(
            f"field {key!r} must be text, got {type(value).__name__}",
            hint="check that the file is a dichvucong.gov.vn procedure record",
            source=source, field=key,
        )
    return value


def _value(text: str) -> str:
    """A simple text field, "" when it is a placeholder."""
    return "" if is_placeholder(text) else clean(text)


def parse_levels(text: str) -> list[str]:
    """"Cấp xã, Cấp tỉnh, Cơ quan khác" → ["xa", "tinh", "khac"] (source order, no repeats)."""
    out: list[str] = []
    for part in clean(text).split(","):
        level = _LEVELS.get(part.strip().casefold())
        if level is None:
            if part.strip():
                logger.debug("unknown level %r", part.strip())
            continue
        if level not in out:
            out.append(level)
    return out


def parse_steps(text: str) -> list[Step]:
    """Steps split on line breaks, or on "Bước N" when the text is one line; verbatim."""
    if is_placeholder(text):
        return []
    lines = [clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1:
        line = lines[0]
        cuts = [m.start() for m in _STEP_START_RE.finditer(line) if m.start() > 0]
        bounds = [0, *cuts, len(line)]
        lines = [line[a:b].strip() for a, b in pairwise(bounds)]
        lines = [line for line in lines if line]
    return [Step(text=line) for line in lines]


def parse_results(text: str) -> list[str]:
    """Result documents: the names before each "Mã: KQ..." code, without the portal's UI text."""
    if is_placeholder(text):
        return []
    s = clean(text)
    codes = list(_RESULT_CODE_RE.finditer(s))
    if codes:
        names, pos = [], 0
        for m in codes:
            names.append(s[pos : m.start()].strip())
            pos = m.end()
        return [n for n in names if n and not is_placeholder(n)]
    ui = _PORTAL_UI_RE.search(s)
    head = s[: ui.start()].strip() if ui else s
    return [] if is_placeholder(head) else [head]


def _strip_ui(text: str) -> str:
    s = clean(text)
    ui = _PORTAL_UI_RE.search(s)
    return s[: ui.start()].strip() if ui else s


def _conditions(text: str) -> str:
    s = _strip_ui(text)
    if is_placeholder(s) or s.casefold() in _NONE_VALUES:
        return ""
    return s


def parse_record(raw: dict[str, Any], *, source: str = "") -> ParsedProcedure:
    """Parse one portal record; raises ``FileFormatError`` when it is not a procedure record."""
    if not isinstance(raw, dict):
        raise FileFormatError(
            f"a procedure record must be a JSON object, got {type(raw).__name__}",
            hint="each file must hold one dichvucong.gov.vn procedure record", source=source,
        )
    for key in (F_CODE, F_NAME):
        if key not in raw:
            raise FileFormatError(
                f"record has no {key!r} field",
                hint="each procedure record needs ma_thu_tuc (code) and ten_thu_tuc (name)",
                source=source, field=key,
            )
    f = {key: _text(raw, key, source=source) for key in _TEXT_FIELDS}
    code, name = clean(f[F_CODE]), clean(f[F_NAME])
    for key, value in ((F_CODE, code), (F_NAME, name)):
        if is_placeholder(value):
            raise FileFormatError(
                f"record field {key!r} is empty", hint="a procedure needs a code and a name",
                source=source, field=key,
            )
    agencies: list[str] = []
    for key in (F_AGENCY, F_COMPETENT_AGENCY):
        value = clean(f[key])
        if not is_placeholder(value) and value not in agencies:
            agencies.append(value)
    proc = ParsedProcedure(
        code=code,
        name=name,
        levels=parse_levels(f[F_LEVEL]),
        field=_value(f["linh_vuc"]),
        deciding_document=_value(f["so_quyet_dinh"]),
        kind=_value(f["loai_thu_tuc"]),
        subjects=_value(f["doi_tuong_thuc_hien"]),
        agencies=agencies,
        address=_value(f[F_ADDRESS]),
        channels=parse_channels(f[F_CHANNELS]),
        dossier=parse_dossier(f[F_DOSSIER]),
        legal_basis=parse_legal(f[F_LEGAL]),
        steps=parse_steps(f[F_STEPS]),
        conditions=_conditions(f[F_CONDITIONS]),
        results=parse_results(f[F_RESULT]),
        url=_value(f["detail_url"]),
    )
    parsed = {
        F_CHANNELS: proc.channels, F_DOSSIER: proc.dossier, F_LEGAL: proc.legal_basis,
        F_STEPS: proc.steps, F_RESULT: proc.results, F_LEVEL: proc.levels,
        F_AGENCY: proc.agencies, "linh_vuc": proc.field,
    }
    proc.gaps = [key for key in _GAP_FIELDS if not parsed[key]]
    if is_placeholder(_strip_ui(f[F_CONDITIONS])):  # "Không" (none) is an answer, not a gap
        proc.gaps.append(F_CONDITIONS)
    return proc
