"""Realistic one-stop exports for tests, the eval and the bench (no real export is public).

Why generated at run time and not shipped: the communes come from the administrative-unit data
(``vietnamadminunits``, Lạng Sơn's 65 units) and the procedures from the catalog in the store
(else the bundled sample), so nothing public is copied into the repository. The shapes follow
what exports look like: more dossiers on Monday mornings, fewer around Tết and in summer
holidays, lateness and online share that depend on the procedure, a title block above the
header, header spellings and date formats that differ from file to file. A seed makes every
export reproducible; ``Dossier`` rows are the truth the eval computes its gold answers from.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import random
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

from motcua.dossiers.schema import Channel, Status

__all__ = ["Dossier", "default_communes", "default_procedures", "generate", "write_csv",
           "write_xlsx"]

log = logging.getLogger(__name__)

_MONTH_WEIGHT = {1: 1.3, 2: 0.6, 3: 1.2, 4: 1.0, 5: 1.0, 6: 0.9, 7: 0.8, 8: 1.2, 9: 1.1,
                 10: 1.0, 11: 1.0, 12: 1.1}  # Tết in Feb, the new school year in Aug-Sep
_WEEKDAY_WEIGHT = (1.5, 1.1, 1.0, 1.0, 1.2, 0.25, 0.0)  # Saturday mornings only, Sunday closed
_HOURS = ((7, 30, 3.0), (8, 0, 4.0), (8, 30, 4.0), (9, 0, 3.5), (9, 30, 3.0), (10, 0, 2.5),
          (10, 30, 2.0), (11, 0, 1.0), (13, 30, 1.5), (14, 0, 2.5), (14, 30, 2.5),
          (15, 0, 2.0), (15, 30, 1.5), (16, 0, 1.0))


@dataclass(frozen=True, slots=True)
class Dossier:
    """One dossier as it must be stored after import (the gold truth)."""

    code: str
    procedure_code: str
    procedure_name: str
    field: str
    commune: str  # official name, "Xã Hữu Lũng"
    commune_code: str
    channel: str
    received_at: dt.datetime
    due_at: dt.datetime
    result_at: dt.datetime | None
    returned_at: dt.datetime | None
    status: str
    paid_online: bool | None
    digitised: bool | None


_UNITS_CSV = "data/adminunits/2025_34-province-3221-ward_with_location.csv"


def default_communes(province: str = "Lạng Sơn") -> list[tuple[str, str]]:
    """(name, code) of the province's units, read at run time: the shared unit list when it
    is there (``MOTCUA_SHARED``), else the ``vietnamadminunits`` package (the same list)."""
    from motcua._settings import get_settings

    path = get_settings().shared_dir / _UNITS_CSV
    units: list[tuple[str, str]] = []
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            units = sorted((r["ward"], r["wardCode"].zfill(5)) for r in csv.DictReader(fh)
                           if r["provinceShort"] == province)
    if not units:
        from motcua.communes.units import list_units

        units = sorted((u.name, u.code) for u in list_units(province))
    if not units:
        raise ValueError(f"no administrative units for {province!r}")
    return units


def default_procedures() -> list[tuple[str, str, str]]:
    """(code, name, field) from the imported catalog, else from the bundled sample."""
    rows: list[tuple[str, str, str]] = []
    try:
        from motcua._settings import get_settings
        from motcua.catalog.manage import list_procedures
        from motcua.store.db import open_database

        settings = get_settings()
        if settings.database_url or (settings.home / "motcua.db").exists():
            rows = [(r.code, r.name, r.field or "Khác") for r in
                    list_procedures(open_database(settings.db_url)) if not r.sample]
    except (ImportError, OSError) as exc:
        log.info("catalog store unavailable for the generator", extra={"error": str(exc)})
    if not rows:
        from motcua.catalog.sample import sample_records

        rows = [(r["ma_thu_tuc"], r["ten_thu_tuc"], r["linh_vuc"]) for r in sample_records()]
    return [r for r in rows if not r[1].startswith("Công bố")]


def _days(rng: random.Random, start: dt.date, end: dt.date) -> tuple[list[dt.date], list[float]]:
    days, weights = [], []
    day = start
    while day <= end:
        w = _WEEKDAY_WEIGHT[day.weekday()] * _MONTH_WEIGHT[day.month]
        if w > 0:
            days.append(day)
            weights.append(w * rng.uniform(0.8, 1.2))
        day += dt.timedelta(days=1)
    return days, weights


def generate(n: int, *, seed: int = 0, start: dt.date = dt.date(2025, 7, 1),
             end: dt.date = dt.date(2026, 6, 30),
             communes: Sequence[tuple[str, str]] | None = None,
             procedures: Sequence[tuple[str, str, str]] | None = None) -> list[Dossier]:
    """``n`` dossiers received between ``start`` and ``end``; results after ``end`` are not
    known yet (those dossiers are still being processed at export time)."""
    rng = random.Random(seed)
    communes = list(communes or default_communes())
    procedures = list(procedures or default_procedures())
    size = [rng.lognormvariate(0, 0.7) for _ in communes]
    delay = [rng.uniform(0.5, 2.0) for _ in communes]  # a commune's own slowness
    popularity = [1.0 / (i + 1) ** 0.9 for i in range(len(procedures))]
    rng.shuffle(popularity)
    traits = [(rng.choice((0, 1, 2, 3, 5, 7, 10, 15)), rng.uniform(0.01, 0.3),
               rng.uniform(0.1, 0.85), rng.random() < 0.4, rng.uniform(0.5, 0.98))
              for _ in procedures]  # days allowed, late share, online share, fee, digitised
    days, day_w = _days(rng, start, end)
    hours, hour_w = [(h, m) for h, m, _ in _HOURS], [w for _, _, w in _HOURS]
    cutoff = dt.datetime.combine(end, dt.time(23, 59, 59))
    out: list[Dossier] = []
    picks_c = rng.choices(range(len(communes)), weights=size, k=n)
    picks_p = rng.choices(range(len(procedures)), weights=popularity, k=n)
    picks_d = rng.choices(days, weights=day_w, k=n)
    for i in range(n):
        c, p, day = picks_c[i], picks_p[i], picks_d[i]
        hour, minute = rng.choices(hours, weights=hour_w)[0]
        if day.weekday() == 5 and hour >= 12:
            hour = 9
        received = dt.datetime.combine(day, dt.time(hour, (minute + rng.randrange(30)) % 60))
        allowed, late_share, online_share, fee, digitise = traits[p]
        due = dt.datetime.combine(day + dt.timedelta(days=allowed), dt.time(23, 59, 59))
        channel = (Channel.ONLINE if rng.random() < online_share else
                   Channel.POST if rng.random() < 0.04 else Channel.DIRECT)
        fate = rng.random()
        if rng.random() < min(0.9, late_share * delay[c]):
            result = due + dt.timedelta(days=rng.randint(1, 12), hours=-rng.randint(6, 14))
        else:
            span = max(0.0, (due - received).total_seconds() / 86400 - 0.4)
            result = received + dt.timedelta(days=rng.uniform(0, span), hours=rng.uniform(0.5, 6))
        result = result.replace(second=0, microsecond=0)
        returned: dt.datetime | None = None
        status = Status.RESOLVED
        if fate < 0.01:
            status, result_at = Status.WITHDRAWN, None
        elif result > cutoff:
            status, result_at = Status.PROCESSING, None
        else:
            result_at = result
            if fate < 0.03:
                status = Status.REJECTED
            elif (back := result + dt.timedelta(days=rng.randint(0, 3), hours=2)) <= cutoff:
                status, returned = Status.RETURNED, back
        paid = None if not fee else rng.random() < (0.75 if channel == Channel.ONLINE else 0.08)
        digitised = None if result_at is None else rng.random() < digitise
        code, name, field = procedures[p]
        out.append(Dossier(f"{communes[c][1]}-{day:%y%m%d}-{i:07d}", code, name, field,
                           communes[c][0], communes[c][1], channel.value, received, due,
                           result_at, returned, status.value, paid, digitised))
    return out


_HEADERS = {
    "code": ("Mã hồ sơ", "MÃ HỒ SƠ", "Ma ho so", "Số hồ sơ", "Mã HS"),
    "procedure_code": ("Mã thủ tục", "Mã TTHC", "MA THU TUC"),
    "procedure_name": ("Tên thủ tục", "Tên TTHC", "Thủ tục hành chính"),
    "field": ("Lĩnh vực", "LĨNH VỰC", "Tên lĩnh vực"),
    "commune": ("Đơn vị tiếp nhận", "Xã tiếp nhận", "Don vi tiep nhan", "Cơ quan tiếp nhận"),
    "channel": ("Kênh nộp", "Hình thức nộp", "Kenh nop"),
    "received_at": ("Ngày tiếp nhận", "Thời gian tiếp nhận", "NGÀY TIẾP NHẬN", "Ngay tiep nhan"),
    "due_at": ("Ngày hẹn trả", "Hạn giải quyết", "Ngày hẹn trả kết quả"),
    "result_at": ("Ngày có kết quả", "Ngày hoàn thành", "Ngay co ket qua"),
    "returned_at": ("Ngày trả kết quả", "Ngày trả KQ"),
    "status": ("Trạng thái", "Tình trạng", "TRẠNG THÁI"),
    "paid_online": ("Thanh toán trực tuyến", "TT trực tuyến"),
    "digitised": ("Số hóa", "Số hóa kết quả", "Đã số hóa"),
}
_CHANNEL_TEXT = {"truc_tiep": ("Trực tiếp", "Tại quầy", "Trực tiếp"),
                 "truc_tuyen": ("Trực tuyến", "DVC trực tuyến", "Online", "Trực tuyến toàn trình"),
                 "buu_chinh": ("Bưu chính", "Bưu chính công ích", "BCCI")}
_STATUS_TEXT = {"dang_xu_ly": ("Đang xử lý", "Đang giải quyết"),
                "da_giai_quyet": ("Đã giải quyết", "Chờ trả kết quả"),
                "da_tra": ("Đã trả kết quả", "Đã trả KQ"), "tu_choi": ("Từ chối",),
                "da_huy": ("Đã hủy",)}
_WHEN = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%H:%M %d/%m/%Y",
         "%d-%m-%Y %H:%M")
_DAY = ("%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "ngày %d tháng %m năm %Y")


class _Style:
    """One file's spellings: header variants, column order, date formats, value words."""

    def __init__(self, seed: int) -> None:
        rng = self.rng = random.Random(seed)
        self.columns = list(_HEADERS)
        rng.shuffle(self.columns)
        self.headers = [rng.choice(_HEADERS[c]) for c in self.columns]
        self.when, self.day = rng.choice(_WHEN), rng.choice(_DAY)
        self.flags = rng.choice((("Có", "Không"), ("x", "Không"), ("1", "0"), ("Có", "Chưa")))
        self.unit_prefix = rng.choice(("", "", "UBND "))

    def cells(self, d: Dossier, *, typed: bool = False) -> list[object]:
        rng, values = self.rng, dict(zip(Dossier.__slots__, astuple(d), strict=True))
        out: list[object] = []
        for col in self.columns:
            v = values[col]
            if col == "commune":
                v = (self.unit_prefix + str(v)) if self.unit_prefix else v
            elif col == "channel":
                v = rng.choice(_CHANNEL_TEXT[str(v)])
            elif col == "status":
                v = rng.choice(_STATUS_TEXT[str(v)])
            elif col in ("paid_online", "digitised"):
                v = "" if v is None else self.flags[0] if v else self.flags[1]
            elif isinstance(v, dt.datetime) and not typed:
                v = v.strftime(self.day if col == "due_at" else self.when)
            elif v is None:
                v = ""
            out.append(v)
        return out

    def title(self, rows: int) -> list[list[str]]:
        return [["DANH SÁCH HỒ SƠ TIẾP NHẬN"], [f"Tổng số: {rows} hồ sơ"], []]


def write_csv(path: Path, dossiers: Sequence[Dossier], *, seed: int = 0,
              delimiter: str = ",") -> Path:
    style = _Style(seed)
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerows(style.title(len(dossiers)))
        writer.writerow(["STT", *style.headers, "Ghi chú"])
        for i, d in enumerate(dossiers, start=1):
            writer.writerow([i, *style.cells(d), ""])
    return path


def write_xlsx(path: Path, dossiers: Sequence[Dossier], *, seed: int = 0) -> Path:
    """An Excel export; date columns are real datetime cells, as Excel files carry them."""
    import openpyxl

    style = _Style(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Hồ sơ")
    for row in style.title(len(dossiers)):
        sheet.append(row)
    sheet.append(["STT", *style.headers])
    for i, d in enumerate(dossiers, start=1):
        sheet.append([i, *style.cells(d, typed=True)])
    book.save(path)
    return path
