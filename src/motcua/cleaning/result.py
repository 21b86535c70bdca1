"""The answer for one address: the shape the CLI columns, the reports and the API share.

Why a module of its own: the HTTP API and the reports depend on this shape and on the reason
codes, not on how the resolver finds its answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["MAX_ADDRESS_LENGTH", "REASONS", "AddressResult", "Candidate", "Status"]

Status = Literal["ok", "converted", "ambiguous", "not_found", "invalid"]
MAX_ADDRESS_LENGTH = 500
# Stable reason codes (API, JSON) and the Vietnamese text officials read in reports.
REASONS = {
    "divided": "xã/phường cũ đã bị chia cho nhiều xã/phường mới",
    "same_name_old": "nhiều xã/phường cũ trùng tên (thiếu dấu, loại hoặc huyện)",
    "same_name_new": "nhiều xã/phường mới trùng tên (thiếu dấu hoặc loại)",
    "ward_not_found": "không tìm thấy xã/phường trong tỉnh",
    "spelling": "không có tên đúng như đã viết; các xã/phường có tên gần giống",
    "province_not_found": "không nhận ra tỉnh/thành phố",
    "province_ambiguous": "tên tỉnh/thành phố không rõ",
    "empty": "địa chỉ trống",
    "too_long": f"địa chỉ dài quá {MAX_ADDRESS_LENGTH} ký tự",
    "no_letters": "địa chỉ không có chữ",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    code: str
    name: str
    province: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name, "province": self.province}


@dataclass(slots=True)
class AddressResult:
    """The answer for one address; ``to_dict`` is the JSON shape of the API and the reports."""

    input: str
    status: Status
    new_province: str = ""
    new_province_code: str = ""
    new_ward: str = ""
    new_ward_code: str = ""
    candidates: list[Candidate] = field(default_factory=list)
    street: str = ""
    old_ward: str = ""
    old_district: str = ""
    old_province: str = ""
    reason: str = ""
    pattern: str = ""

    @property
    def candidate_codes(self) -> list[str]:
        return [c.code for c in self.candidates]

    def candidates_text(self) -> str:
        return " | ".join(f"{c.name} ({c.code})" for c in self.candidates)

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input, "status": self.status,
            "new_province": self.new_province, "new_province_code": self.new_province_code,
            "new_ward": self.new_ward, "new_ward_code": self.new_ward_code,
            "candidates": [c.to_dict() for c in self.candidates],
            "street": self.street,
            "old": {"ward": self.old_ward, "district": self.old_district,
                    "province": self.old_province},
            "reason": self.reason,
            "reason_text": REASONS.get(self.reason, ""),
        }
