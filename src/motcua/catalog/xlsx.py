"""Read the portal's xlsx procedure lists into dicts keyed like the JSON records.

Why the same keys: ``parse_record`` then works on list rows too, and reports the fields a list
does not carry (channels, papers, legal basis) as gaps instead of treating them as known-empty.
The header row is found by its labels because the portal puts a title block of varying height
above it.
"""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path
from typing import Any

from motcua._errors import FileFormatError
from motcua.catalog.parse._text import clean

__all__ = ["HEADER_KEYS", "read_procedure_list"]

logger = logging.getLogger(__name__)

# Header label (casefolded, cleaned) → JSON record key.
HEADER_KEYS = {
    "mã số": "ma_thu_tuc",
    "mã thủ tục": "ma_thu_tuc",
    "mã tthc": "ma_thu_tuc",
    "tên": "ten_thu_tuc",
    "tên thủ tục": "ten_thu_tuc",
    "tên thủ tục hành chính": "ten_thu_tuc",
    "tên tthc": "ten_thu_tuc",
    "cơ quan ban hành": "co_quan_ban_hanh",
    "cơ quan thực hiện": "co_quan_thuc_hien",
    "lĩnh vực": "linh_vuc",
    "cấp thực hiện": "cap_thuc_hien",
    "số quyết định": "so_quyet_dinh",
    "loại thủ tục": "loai_thu_tuc",
    "đối tượng thực hiện": "doi_tuong_thuc_hien",
}
_REQUIRED = ("ma_thu_tuc", "ten_thu_tuc")
_HEADER_SCAN_ROWS = 50
_CODE_DECIMALS = 6  # codes look like "1.000080"; Excel may have stored them as numbers


def _cell_text(value: Any, key: str) -> str:
    if value is None:
        return ""
    if key == "ma_thu_tuc" and isinstance(value, float):
        return f"{value:.{_CODE_DECIMALS}f}"
    return str(value).strip()


def _header_map(row: tuple[Any, ...]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for i, cell in enumerate(row):
        if isinstance(cell, str):
            key = HEADER_KEYS.get(clean(cell).casefold())
            if key and key not in mapping.values():
                mapping[i] = key
    return mapping


def _open(path: Path) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise FileFormatError(
            f"{path}: file not found", hint="check the path", path=str(path)
        ) from exc
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileFormatError(
            f"{path}: not a readable xlsx workbook ({exc})",
            hint="export the procedure list from dichvucong.gov.vn again as .xlsx",
            path=str(path),
        ) from exc


def read_procedure_list(path: str | Path) -> list[dict[str, str]]:
    """Rows of the first sheet that has a procedure-list header, as record dicts."""
    path = Path(path)
    workbook = _open(path)
    try:
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            mapping: dict[int, str] = {}
            for _, row in zip(range(_HEADER_SCAN_ROWS), rows, strict=False):
                candidate = _header_map(row)
                if all(k in candidate.values() for k in _REQUIRED):
                    mapping = candidate
                    break
            if not mapping:
                continue
            records = []
            for row in rows:
                record = {
                    key: _cell_text(row[i] if i < len(row) else None, key)
                    for i, key in mapping.items()
                }
                if any(record.values()):
                    records.append(record)
            logger.info("read %d procedures from %s (sheet %r)", len(records), path, sheet.title)
            return records
    finally:
        workbook.close()
    raise FileFormatError(
        f"{path}: no procedure-list header row (needs 'Mã số' and 'Tên' columns)",
        hint="use the portal's 'Danh sách thủ tục hành chính' xlsx export",
        path=str(path),
    )
