"""The procedure model: what the portal's flattened tables mean, as typed data.

Why every value keeps its source text: the answer card shows a fee or a paper only with the
field it came from, and ``motcua eval`` checks that each shown value is found in that field.
Parsed numbers (``amount_vnd``, ``value``) are conveniences; ``text`` is the truth.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as _field  # ParsedProcedure has an attribute named ``field``
from typing import Any

__all__ = [
    "Channel",
    "DossierItem",
    "Fee",
    "LegalBasis",
    "ParsedProcedure",
    "ProcessingTime",
    "Step",
]

# Source field names of the portal's JSON records; citations name these.
F_NAME = "ten_thu_tuc"
F_CHANNELS = "cach_thuc_thuc_hien"
F_DOSSIER = "thanh_phan_ho_so"
F_LEGAL = "can_cu_phap_ly"
F_STEPS = "trinh_tu_thuc_hien"
F_CONDITIONS = "yeu_cau_dieu_kien"
F_RESULT = "ket_qua_xu_ly"
F_LEVEL = "cap_thuc_hien"
F_AGENCY = "co_quan_thuc_hien"
F_ADDRESS = "dia_chi_tiep_nhan"


@dataclass
class ProcessingTime:
    text: str  # as in the source, e.g. "7 Ngày làm việc" or "1"
    value: float | None = None
    unit: str | None = None  # "Ngày làm việc", "Ngày", "Giờ", "Tháng", ... or None
    unit_missing: bool = False  # the source gave a number without a unit


@dataclass
class Fee:
    text: str  # as in the source, e.g. "Miễn phí", "20,000 Việt Nam Đồng"
    amount_vnd: int | None = None
    free: bool = False
    unknown: bool = False  # "Không có thông tin" or empty
    note: str = ""  # the description column, verbatim
    conflict: bool = False  # says free but the note names an amount: ask an officer


@dataclass
class Channel:
    kind: str  # "truc_tiep" | "truc_tuyen" | "buu_chinh"
    label: str  # "Trực tiếp" | "Trực tuyến" | "Dịch vụ bưu chính"
    time: ProcessingTime
    fee: Fee
    description: str = ""


@dataclass
class DossierItem:
    name: str
    originals: int | None = None
    copies: int | None = None
    count_text: str = ""  # "1 bản chính,1 bản sao" verbatim
    template: str = ""  # form template name when the source gives one
    case: str = ""  # the case/group heading this paper belongs to ("" = always)
    section: str = ""  # "nộp" (to submit) | "xuất trình" (to show) | ""


@dataclass
class LegalBasis:
    number: str  # "123/2015/NĐ-CP"
    title: str


@dataclass
class Step:
    text: str


@dataclass
class ParsedProcedure:
    code: str
    name: str
    levels: list[str] = _field(default_factory=list)  # "xa" | "tinh" | "bo" | "khac"
    field: str = ""
    deciding_document: str = ""
    kind: str = ""
    subjects: str = ""
    agencies: list[str] = _field(default_factory=list)
    address: str = ""
    channels: list[Channel] = _field(default_factory=list)
    dossier: list[DossierItem] = _field(default_factory=list)
    legal_basis: list[LegalBasis] = _field(default_factory=list)
    steps: list[Step] = _field(default_factory=list)
    conditions: str = ""
    results: list[str] = _field(default_factory=list)
    url: str = ""
    gaps: list[str] = _field(default_factory=list)  # source fields that were empty/placeholder

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedProcedure:
        d = dict(data)
        d["channels"] = [
            Channel(
                kind=c["kind"], label=c["label"], time=ProcessingTime(**c["time"]),
                fee=Fee(**c["fee"]), description=c.get("description", ""),
            )
            for c in d.get("channels", [])
        ]
        d["dossier"] = [DossierItem(**x) for x in d.get("dossier", [])]
        d["legal_basis"] = [LegalBasis(**x) for x in d.get("legal_basis", [])]
        d["steps"] = [Step(**x) for x in d.get("steps", [])]
        return cls(**d)
