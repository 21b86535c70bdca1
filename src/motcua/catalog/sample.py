"""The bundled sample catalog: authored procedures rendered in the portal's exact JSON format.

Why the portal's format and not our model: the quickstart and the core tests must exercise the
real importer and parsers (flattened tables, placeholders, a catalog announcement, a time without
its unit), so the sample goes through the same path as the national catalog. Why synthetic codes
(``MAU.nnnn``) and ``so_quyet_dinh = "MẪU/2026"``: a sample fact must never pass for an official
one. The content lives in ``_sample_records.py``; this module renders and writes it.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from motcua._errors import InputError
from motcua.catalog._sample_records import NA, QUESTIONS, SPECS, Spec
from motcua.text import nfc

__all__ = [
    "DECIDING_DOCUMENT",
    "RECORD_KEYS",
    "SAMPLE_CODE_PREFIX",
    "SAMPLE_EVAL",
    "is_sample_code",
    "sample_questions",
    "sample_records",
    "write_sample",
    "write_sample_questions",
]

log = logging.getLogger(__name__)

DECIDING_DOCUMENT = "MẪU/2026"
SAMPLE_CODE_PREFIX = "MAU."
RECORD_KEYS = (
    "ma_thu_tuc", "detail_url", "formality_id", "ten_thu_tuc", "so_quyet_dinh", "cap_thuc_hien",
    "loai_thu_tuc", "linh_vuc", "doi_tuong_thuc_hien", "co_quan_co_tham_quyen",
    "dia_chi_tiep_nhan", "co_quan_duoc_uy_quyen", "co_quan_phoi_hop", "thu_tuc_lien_quan",
    "trinh_tu_thuc_hien", "cach_thuc_thuc_hien", "thanh_phan_ho_so", "can_cu_phap_ly",
    "co_quan_thuc_hien", "yeu_cau_dieu_kien", "ket_qua_xu_ly", "raw_text",
)
# Table headers exactly as the portal flattens them (cells run together).
CHANNELS_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
DOSSIER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
# The portal's page chrome that follows the result list; the parser must drop it.
_RESULT_TAIL = (
    "Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phố"
    "Bộ ngành-- Chọn Tỉnh/ Thành phố --Phường/ XãSở-- Chọn Phường/ Xã --Hệ thống chỉ hiển thị "
    "những cơ quan đã áp dụng dịch vụ công trực tuyếnNộp hồ sơ"
)
# (label in raw_text, record key) in the order the portal prints them after the header block.
_RAW_LAYOUT = (
    ("Tên thủ tục", "ten_thu_tuc"), ("Mã thủ tục", "ma_thu_tuc"),
    ("Số quyết định", "so_quyet_dinh"), ("Cấp thực hiện", "cap_thuc_hien"),
    ("Loại thủ tục", "loai_thu_tuc"), ("Lĩnh vực", "linh_vuc"),
    ("Đối tượng thực hiện", "doi_tuong_thuc_hien"),
    ("Cơ quan có thẩm quyền", "co_quan_co_tham_quyen"),
    ("Địa chỉ tiếp nhận HS", "dia_chi_tiep_nhan"),
    ("Cơ quan được ủy quyền", "co_quan_duoc_uy_quyen"),
    ("Cơ quan phối hợp", "co_quan_phoi_hop"),
    ("Thủ tục hành chính liên quan", "thu_tuc_lien_quan"),
    ("Trình Tự Thực Hiện ", "trinh_tu_thuc_hien"),
    ("\nCách Thức Thực Hiện", "cach_thuc_thuc_hien"),
    ("Thành phần hồ sơ", "thanh_phan_ho_so"), ("Căn cứ pháp lý", "can_cu_phap_ly"),
    ("Cơ quan thực hiện", "co_quan_thuc_hien"),
    ("Yêu cầu, điều kiện thực hiện", "yeu_cau_dieu_kien"), ("Kết quả xử lý", "ket_qua_xu_ly"),
)


def _channels(rows: list[tuple[str, str, str, str, str]] | None) -> str:
    if rows is None:
        return NA
    return CHANNELS_HEADER + "".join("".join(row) for row in rows)


def _dossier(groups: list[tuple[str, list[tuple[str, str, str]]]] | None) -> str:
    if groups is None:
        return NA
    return "".join(
        heading + DOSSIER_HEADER + "".join(name + tpl + count for name, tpl, count in rows)
        for heading, rows in groups
    )


def _legal(rows: list[tuple[str, str]] | None) -> str:
    if rows is None:
        return NA
    return LEGAL_HEADER + "".join(title + number for title, number in rows)


def _results(rows: list[tuple[str, str]]) -> str:
    if not rows:
        return NA
    return "".join(f"{name}Mã: {code}" for name, code in rows) + _RESULT_TAIL


def is_sample_code(code: str) -> bool:
    """True for a bundled-sample procedure code, so answers can say the facts are illustrative."""
    return code.startswith(SAMPLE_CODE_PREFIX)


def _render(spec: Spec) -> dict[str, str]:
    record = {
        "ma_thu_tuc": spec["code"],
        "detail_url": "",
        "formality_id": "",
        "ten_thu_tuc": spec["name"],
        "so_quyet_dinh": DECIDING_DOCUMENT,
        "cap_thuc_hien": spec["level"],
        "loai_thu_tuc": spec["kind"],
        "linh_vuc": spec["field"],
        "doi_tuong_thuc_hien": spec["subjects"],
        "co_quan_co_tham_quyen": spec["authority"],
        "dia_chi_tiep_nhan": spec["address"],
        "co_quan_duoc_uy_quyen": spec.get("delegated", ""),
        "co_quan_phoi_hop": spec.get("coordinator", ""),
        "thu_tuc_lien_quan": spec["related"],
        "trinh_tu_thuc_hien": spec["steps"],
        "cach_thuc_thuc_hien": _channels(spec["channels"]),
        "thanh_phan_ho_so": _dossier(spec["dossier"]),
        "can_cu_phap_ly": _legal(spec["legal"]),
        "co_quan_thuc_hien": spec["agency"],
        "yeu_cau_dieu_kien": spec["conditions"],
        "ket_qua_xu_ly": _results(spec["results"]),
    }
    record = {key: nfc(value) for key, value in record.items()}
    record["raw_text"] = record["ten_thu_tuc"] + "".join(
        label + record[key] for label, key in _RAW_LAYOUT
    )
    return {key: record[key] for key in RECORD_KEYS}


def sample_records() -> list[dict[str, str]]:
    """The sample procedures as portal records (a fresh list on every call; safe to mutate)."""
    return [_render(spec) for spec in SPECS]


def _ministry(code: str) -> str:
    for spec in SPECS:
        if spec["code"] == code:
            return str(spec["ministry"])
    raise KeyError(code)


def _atomic_write(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` via a temp file and rename; False when it was already there."""
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass  # unreadable or not text: overwrite it below
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _prepare_dir(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise InputError(
            f"không thể ghi dữ liệu mẫu: {folder} là một tệp, không phải thư mục",
            hint="choose a folder path (it is created when missing)", path=str(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"không thể tạo thư mục {folder}: {exc.strerror or exc}",
            hint="check the path and its write permission", path=str(folder),
        ) from exc


def write_sample(dest: Path) -> list[Path]:
    """Write one JSON file per sample record as ``dest/<ministry-slug>/<code>.json``.

    Same layout as the shared national catalog, so ``motcua catalog import DEST`` treats both
    alike. Each file is written atomically and left untouched when its content is unchanged, so
    a repeated call is a no-op and an interrupted one never leaves a half-written record.
    """
    dest = Path(dest)
    _prepare_dir(dest)
    paths: list[Path] = []
    written = 0
    for record in sample_records():
        folder = dest / _ministry(record["ma_thu_tuc"])
        _prepare_dir(folder)
        path = folder / f"{record['ma_thu_tuc']}.json"
        text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        try:
            written += _atomic_write(path, text)
        except OSError as exc:
            raise InputError(
                f"không thể ghi tệp dữ liệu mẫu {path}: {exc.strerror or exc}",
                hint="check free space and write permission of the folder", path=str(path),
            ) from exc
        paths.append(path)
    log.info("sample catalog written", extra={"dest": str(dest), "files": len(paths),
                                                "changed": written})
    return paths


SAMPLE_EVAL: tuple[dict[str, Any], ...] = tuple(QUESTIONS)


def sample_questions() -> list[dict[str, Any]]:
    """The sample eval items (``motcua eval procedures`` format) as fresh, mutable dicts."""
    return [copy.deepcopy(item) for item in SAMPLE_EVAL]


def _jsonl(items: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def write_sample_questions(path: Path) -> Path:
    """Write the sample eval items as JSONL at ``path`` (atomically; parents are created)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(
            f"không thể ghi bộ câu hỏi mẫu: {path} là một thư mục",
            hint="give a file path such as sample-questions.jsonl", path=str(path),
        )
    _prepare_dir(path.parent)
    try:
        _atomic_write(path, _jsonl(sample_questions()))
    except OSError as exc:
        raise InputError(
            f"không thể ghi tệp {path}: {exc.strerror or exc}",
            hint="check free space and write permission of the folder", path=str(path),
        ) from exc
    return path
