"""A tiny catalog built in code: three procedures with known facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua.answer.assistant import Assistant
from motcua.catalog.indexing import ProcedureRepository, search_doc
from motcua.catalog.model import (
    Channel,
    DossierItem,
    Fee,
    LegalBasis,
    ParsedProcedure,
    ProcessingTime,
)
from motcua.search.procedures import ProcedureIndex
from motcua.store import Procedure, open_database

CH = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def _proc(code: str, name: str, paper: str, fee: str, time: str, unit: str | None,
          legal: tuple[str, str]) -> tuple[ParsedProcedure, dict]:
    raw = {
        "ma_thu_tuc": code, "ten_thu_tuc": name, "cap_thuc_hien": "Cấp xã",
        "cach_thuc_thuc_hien": f"{CH}Trực tiếp{time}{fee}",
        "thanh_phan_ho_so": f"Tên giấy tờMẫu đơn, tờ khaiSố lượng{paper}1 bản chính",
        "can_cu_phap_ly": f"Tên văn bản pháp lýMã văn bản{legal[1]}{legal[0]}",
        "co_quan_thuc_hien": "Ủy ban nhân dân cấp xã",
    }
    parsed = ParsedProcedure(
        code=code, name=name, levels=["xa"], field="Hộ tịch",
        agencies=["Ủy ban nhân dân cấp xã"],
        channels=[Channel("truc_tiep", "Trực tiếp",
                          ProcessingTime(time, float(time.split()[0]), unit, unit is None),
                          Fee(fee, free=fee == "Miễn phí"))],
        dossier=[DossierItem(paper, 1, None, "1 bản chính")],
        legal_basis=[LegalBasis(legal[0], legal[1])],
    )
    return parsed, raw


PROCS = [
    _proc("T.1", "Thủ tục đăng ký khai sinh", "Tờ khai đăng ký khai sinh", "Miễn phí",
          "3 Ngày làm việc", "Ngày làm việc", ("60/2014/QH13", "Luật Hộ tịch")),
    _proc("T.2", "Thủ tục đăng ký kết hôn", "Tờ khai đăng ký kết hôn", "Miễn phí", "5", None,
          ("60/2014/QH13", "Luật Hộ tịch")),
    _proc("T.3", "Đăng ký tạm trú", "Tờ khai thay đổi thông tin cư trú", "15,000 Việt Nam Đồng",
          "3 Ngày làm việc", "Ngày làm việc", ("68/2020/QH14", "Luật Cư trú")),
    _proc("T.4", "Đăng ký thường trú", "Tờ khai thay đổi thông tin cư trú",
          "20,000 Việt Nam Đồng", "7 Ngày làm việc", "Ngày làm việc",
          ("68/2020/QH14", "Luật Cư trú")),
]


@pytest.fixture
def assistant(tmp_path: Path) -> Assistant:
    db = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    with db.session() as s:
        for parsed, raw in PROCS:
            s.add(Procedure(code=parsed.code, name=parsed.name, levels="xa", field=parsed.field,
                            version=1, content_hash="h", source="test", data=parsed.to_dict(),
                            raw=raw))
    index = ProcedureIndex()
    index.build([search_doc(p) for p, _ in PROCS])
    return Assistant(index, ProcedureRepository(db))
