"""Commune seats from the official list of the new units: where a commune without a profile is.

Why: after the 2025 reform the catalog says only "Ủy ban nhân dân cấp xã", and most communes
have no profile yet, so the answer could not say where to go. The official list of the new
units (sapnhap.bando.com.vn, published with the reform) names each unit's administrative
centre ("Trụ sở Đảng ủy, HĐND, UBND xã Xuất Lễ"): a real place an official can check. It is
read from the list the province keeps (``motcua communes import-seats FILE``) into the
profiles, never over an address an official entered, and the answer says where it comes from.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from motcua._errors import FileFormatError, UnknownCommune
from motcua.communes.units import resolve_unit

__all__ = ["SEAT_SOURCE", "Seat", "read_seats"]

SEAT_SOURCE = "danh mục đơn vị hành chính sau sắp xếp năm 2025"
_NEEDED = ("tentinh", "loai", "tenhc", "trungtamhc")


@dataclass(frozen=True)
class Seat:
    code: str  # the unit's 5-digit code
    name: str  # "Xã Ba Sơn"
    seat: str  # "Trụ sở Đảng ủy, HĐND, UBND xã Xuất Lễ"


def read_seats(path: Path, *, province: str | None = None) -> tuple[list[Seat], list[str]]:
    """The seats in the official list (``province``: only its units), and one line per row
    that names no unit we know (what was skipped and why)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FileFormatError(f"{path}: không có tệp này", hint="kiểm tra đường dẫn") from None
    except UnicodeDecodeError:
        raise FileFormatError(f"{path.name}: không phải văn bản UTF-8",
                              hint="lưu tệp dạng CSV UTF-8") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _NEEDED if c not in (reader.fieldnames or [])]
    if missing:
        raise FileFormatError(f"{path.name}: thiếu cột {', '.join(missing)}",
                              hint="dùng tệp danh mục đơn vị hành chính mới (cột tentinh, loai, "
                                   "tenhc, trungtamhc)")
    seats: list[Seat] = []
    skipped: list[str] = []
    wanted = _plain(province) if province else None
    for line, row in enumerate(reader, start=2):
        where = _plain(row["tentinh"] or "")
        if wanted and wanted != where:
            continue
        seat = " ".join((row["trungtamhc"] or "").split())
        name = f"{(row['loai'] or '').strip().capitalize()} {(row['tenhc'] or '').strip()}"
        if not seat:
            skipped.append(f"dòng {line}: {name} không có trụ sở")
            continue
        try:
            unit = resolve_unit(name, province=province or _province_name(row["tentinh"]))
        except UnknownCommune as exc:
            skipped.append(f"dòng {line}: {exc.message}")
            continue
        seats.append(Seat(unit.code, unit.name, seat))
    return seats, skipped


def _plain(province: str) -> str:
    """'tỉnh Lạng Sơn', 'Lạng Sơn' and 'Thủ đô Hà Nội' compared as the province's name."""
    return " ".join(_province_name(province).lower().split())


def _province_name(text: str) -> str:
    words = text.split()
    for lead in (("thủ", "đô"), ("thành", "phố"), ("tỉnh",)):
        if tuple(w.lower() for w in words[:len(lead)]) == lead:
            words = words[len(lead):]
            break
    return " ".join(words)
