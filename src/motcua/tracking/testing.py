"""The contract every ``DossierSource`` keeps, as a test mixin (like ``ChannelContract``).

A source's tests subclass ``DossierSourceContract`` and give one hook: ``make_source(items)``
returning the source under test holding ``items`` (dicts shaped like an export's rows, with
the full ID number and phone as a one-stop system has them), built with ``self.fkey``. pytest
collects the inherited ``test_`` methods for each source. The data below is made up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from motcua.tracking.record import DossierRecord, DossierSource, FactorKey
from motcua.tracking.status import DossierStatus

__all__ = ["ITEMS", "DossierSourceContract"]

ITEMS: list[dict[str, Any]] = [
    {"code": "000.00.20.H35-250701-0001", "procedure_name": "Đăng ký khai sinh",
     "status": "Đang xử lý", "received_at": "01/07/2025 08:15", "due_at": "03/07/2025",
     "result_at": "", "returned_at": "", "pickup_place": "Bộ phận một cửa UBND xã Tân Thanh",
     "id_number": "035099001234", "phone": "0912 345 678"},
    {"code": "000.00.20.H35-250701-0002", "procedure_name": "Chứng thực bản sao",
     "status": "10", "received_at": "2025-07-01", "due_at": "2025-07-01",
     "result_at": "2025-07-01", "returned_at": "2025-07-02", "pickup_place": "",
     "id_number": "", "phone": "+84 987 654 321"},
]


class DossierSourceContract:
    """Inherit and implement ``make_source``; every test here then runs for that source."""

    fkey = FactorKey(b"contract-test-key-not-a-real-secret")

    def make_source(self, items: list[dict[str, Any]]) -> DossierSource:
        raise NotImplementedError

    def _get(self, code: str) -> DossierRecord | None:
        return self.make_source(ITEMS).get(code)

    def test_source_is_a_dossier_source(self) -> None:
        assert isinstance(self.make_source(ITEMS), DossierSource)

    def test_get_known_code_gives_its_fields(self) -> None:
        record = self._get("000.00.20.H35-250701-0001")
        assert record is not None
        assert record.code == "000.00.20.H35-250701-0001"
        assert record.procedure_name == "Đăng ký khai sinh"
        assert record.status is DossierStatus.PROCESSING
        assert record.received_at == dt.date(2025, 7, 1)
        assert record.due_at == dt.date(2025, 7, 3)
        assert record.result_at is None and record.returned_at is None
        assert record.pickup_place == "Bộ phận một cửa UBND xã Tân Thanh"

    def test_get_status_by_number_is_the_portal_code(self) -> None:
        record = self._get("000.00.20.H35-250701-0002")
        assert record is not None and record.status is DossierStatus.RETURNED
        assert record.returned_at == dt.date(2025, 7, 2)

    def test_get_unknown_code_gives_none(self) -> None:
        assert self._get("000.00.20.H35-250701-0999") is None

    def test_matches_last_four_of_id_or_phone(self) -> None:
        record = self._get("000.00.20.H35-250701-0001")
        assert record is not None
        assert record.matches(self.fkey, "1234")  # CCCD ...1234
        assert record.matches(self.fkey, "5678")  # phone ...5678

    def test_matches_wrong_factor_refused(self) -> None:
        record = self._get("000.00.20.H35-250701-0001")
        assert record is not None
        for wrong in ("0000", "4321", "0912", "0350", ""):
            assert not record.matches(self.fkey, wrong)

    def test_matches_missing_factor_refused(self) -> None:
        record = self._get("000.00.20.H35-250701-0002")  # no ID number: phone only
        assert record is not None and record.id_hash is None
        assert record.matches(self.fkey, "4321")
        assert not record.matches(self.fkey, "0000")

    def test_record_holds_no_number_in_clear(self) -> None:
        record = self._get("000.00.20.H35-250701-0001")
        assert record is not None
        hashes = {"salt", "id_hash", "phone_hash"}
        shown = " ".join(str(v) for k, v in dataclasses.asdict(record).items()
                         if k not in hashes)
        for number in ("035099001234", "1234", "0912", "345", "5678"):
            assert number not in shown
        assert record.id_hash and len(record.id_hash) == 64 and record.salt
        assert record.id_hash != record.phone_hash
