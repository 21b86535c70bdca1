"""The portal's ten states: read from exports' spellings, told in plain Vietnamese."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.tracking.status import LABELS, DossierStatus, describe, parse_status

TODAY = dt.date(2025, 7, 2)


def test_status_ten_portal_codes_in_order() -> None:
    assert [s.value for s in DossierStatus] == [str(n) for n in range(1, 11)]
    assert [LABELS[s] for s in DossierStatus] == [
        "Mới đăng ký", "Được tiếp nhận", "Không được tiếp nhận", "Đang xử lý",
        "Yêu cầu bổ sung", "Nghĩa vụ tài chính", "Rút hồ sơ", "Dừng xử lý", "Đã xử lý xong",
        "Đã trả kết quả"]


@pytest.mark.parametrize(("value", "expected"), [
    ("4", DossierStatus.PROCESSING), (4, DossierStatus.PROCESSING),
    (10.0, DossierStatus.RETURNED), ("Đang xử lý", DossierStatus.PROCESSING),
    ("DANG XU LY", DossierStatus.PROCESSING), ("đã trả kết quả", DossierStatus.RETURNED),
    ("Chờ bổ sung", DossierStatus.SUPPLEMENT), ("Hoàn thành", DossierStatus.DONE),
    ("Yêu cầu thực hiện nghĩa vụ tài chính", DossierStatus.FINANCIAL),
    ("Công dân yêu cầu rút hồ sơ", DossierStatus.WITHDRAWN),
    ("Mới đăng ký", DossierStatus.NEW), ("Không được tiếp nhận", DossierStatus.NOT_RECEIVED),
])
def test_parse_status_numbers_and_spellings(value: object, expected: DossierStatus) -> None:
    assert parse_status(value) is expected


@pytest.mark.parametrize("value", ["", None, "0", "11", "đang chờ gì đó", "x"])
def test_parse_status_unknown_refused_in_vietnamese(value: object) -> None:
    with pytest.raises(ValueError, match="10 trạng thái"):
        parse_status(value)


def _told(status: DossierStatus, **dates: dt.date | None) -> str:
    fields: dict[str, dt.date | None] = {"received_at": dt.date(2025, 7, 1),
                                         "due_at": dt.date(2025, 7, 3), "result_at": None,
                                         "returned_at": None, **dates}
    return describe(code="000.00.20.H35-250701-0001", procedure_name="Đăng ký khai sinh",
                    status=status, pickup_place="Bộ phận một cửa UBND xã Tân Thanh",
                    today=TODAY, **fields)


def test_describe_processing_gives_promised_date_and_place() -> None:
    text = _told(DossierStatus.PROCESSING)
    assert "đang xử lý" in text and "Ngày hẹn trả kết quả: 03/07/2025." in text
    assert "Nơi nhận kết quả: Bộ phận một cửa UBND xã Tân Thanh." in text
    assert "quá ngày hẹn" not in text
    assert all(line.endswith((".", "?")) for line in text.splitlines())


def test_describe_late_dossier_says_so() -> None:
    assert "quá ngày hẹn" in _told(DossierStatus.PROCESSING, due_at=dt.date(2025, 7, 1))


def test_describe_returned_gives_dates_not_place() -> None:
    text = _told(DossierStatus.RETURNED, result_at=dt.date(2025, 7, 2),
                 returned_at=dt.date(2025, 7, 2))
    assert "Ngày trả kết quả: 02/07/2025." in text and "Nơi nhận" not in text
    assert "Ngày hẹn" not in text


@pytest.mark.parametrize("status", list(DossierStatus))
def test_describe_every_status_told(status: DossierStatus) -> None:
    text = _told(status)
    assert text.startswith("Hồ sơ 000.00.20.H35-250701-0001 (Đăng ký khai sinh): ")
    assert len(text.splitlines()) >= 2
