"""The bundled sample catalog: portal format, plausible facts, safe writing, eval questions."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from motcua._errors import InputError
from motcua.catalog import sample
from motcua.catalog._sample_records import SPECS
from motcua.catalog.sample import (
    CHANNELS_HEADER,
    DECIDING_DOCUMENT,
    DOSSIER_HEADER,
    LEGAL_HEADER,
    RECORD_KEYS,
    SAMPLE_EVAL,
    sample_questions,
    sample_records,
    write_sample,
    write_sample_questions,
)
from motcua.text import fold

NA = "Không có thông tin"
JUNK = {"MAU.0040", "MAU.0041"}  # the announcement and the placeholder record
LABEL = r"(?:Trực tiếp|Trực tuyến|Dịch vụ bưu chính)"
STYLES = {"std", "nodiac", "colloquial", "abbr", "off-topic", "gibberish", "private", "injection"}


def _good() -> list[dict[str, str]]:
    return [r for r in sample_records() if r["ma_thu_tuc"] not in JUNK]


def _amount(fee: str) -> int | None:
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})*) Việt Nam Đồng", fee)
    return int(m.group(1).replace(",", "")) if m else None


# ---- record format ---------------------------------------------------------------------------

def test_sample_records_have_portal_keys_and_string_values() -> None:
    records = sample_records()
    assert len(records) >= 34
    for r in records:
        assert tuple(r) == RECORD_KEYS, r["ma_thu_tuc"]
        assert all(isinstance(v, str) for v in r.values()), r["ma_thu_tuc"]
        assert r["ten_thu_tuc"] and r["cap_thuc_hien"] and r["linh_vuc"]


def test_sample_codes_unique_and_clearly_synthetic() -> None:
    codes = [r["ma_thu_tuc"] for r in sample_records()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"MAU\.\d{4}", c) for c in codes)
    for r in sample_records():
        assert r["detail_url"] == "" and r["formality_id"] == ""
        assert r["so_quyet_dinh"] == DECIDING_DOCUMENT


def test_sample_levels_mostly_commune() -> None:
    good = _good()
    assert sum("Cấp xã" in r["cap_thuc_hien"] for r in good) >= 30
    assert sum(r["cap_thuc_hien"] == "Cấp xã" for r in good) >= 25
    assert sum(r["cap_thuc_hien"] == "Cấp tỉnh" for r in good) >= 2


@pytest.mark.parametrize(
    ("field", "header", "at_start"),
    [
        ("cach_thuc_thuc_hien", CHANNELS_HEADER, True),
        ("thanh_phan_ho_so", DOSSIER_HEADER, False),
        ("can_cu_phap_ly", LEGAL_HEADER, True),
    ],
)
def test_sample_flattened_fields_have_portal_headers(field: str, header: str,
                                                     at_start: bool) -> None:
    for r in _good():
        value = r[field]
        assert value.startswith(header) if at_start else header in value, (r["ma_thu_tuc"], field)
        assert len(value) > len(header) + 10, (r["ma_thu_tuc"], field)


def test_sample_dossier_rows_end_with_a_count() -> None:
    count = r"\d+ bản (?:chính|sao)(?:,\d+ bản sao)?"
    for r in _good():
        for chunk in r["thanh_phan_ho_so"].split(DOSSIER_HEADER)[1:]:
            assert re.search(count, chunk), r["ma_thu_tuc"]


def test_sample_channel_rows_are_label_time_fee() -> None:
    row = re.compile(LABEL + r"(\d+(?: Ngày làm việc| Ngày)?|Không có thông tin)"
                     r"(Miễn phí|Không có thông tin|\d{1,3}(?:,\d{3})* Việt Nam Đồng)")
    for r in _good():
        body = r["cach_thuc_thuc_hien"][len(CHANNELS_HEADER):]
        assert row.match(body), r["ma_thu_tuc"]


def test_sample_results_keep_the_portal_chrome() -> None:
    for r in _good():
        assert "Mã: KQ.MAU." in r["ket_qua_xu_ly"]
        assert r["ket_qua_xu_ly"].endswith("Nộp hồ sơ")


def test_sample_raw_text_holds_every_field_in_portal_order() -> None:
    labels = ["Tên thủ tục", "Mã thủ tục", "Số quyết định", "Cấp thực hiện", "Loại thủ tục",
              "Lĩnh vực", "Đối tượng thực hiện", "Cơ quan có thẩm quyền", "Địa chỉ tiếp nhận HS",
              "Trình Tự Thực Hiện", "Cách Thức Thực Hiện", "Thành phần hồ sơ", "Căn cứ pháp lý",
              "Cơ quan thực hiện", "Yêu cầu, điều kiện thực hiện", "Kết quả xử lý"]
    for r in sample_records():
        raw = r["raw_text"]
        assert raw.startswith(r["ten_thu_tuc"] + "Tên thủ tục" + r["ten_thu_tuc"])
        pos = 0
        for label in labels:
            pos = raw.find(label, pos)
            assert pos >= 0, (r["ma_thu_tuc"], label)
        for key in RECORD_KEYS[3:-1]:
            assert r[key] in raw, (r["ma_thu_tuc"], key)


def test_sample_text_is_nfc() -> None:
    for r in sample_records():
        for key, value in r.items():
            assert unicodedata.is_normalized("NFC", value), (r["ma_thu_tuc"], key)


def test_sample_records_are_fresh_copies() -> None:
    first = sample_records()
    first[0]["ten_thu_tuc"] = "changed"
    first.pop()
    again = sample_records()
    assert again[0]["ten_thu_tuc"] != "changed" and len(again) == len(SPECS)


# ---- deliberate imperfections -----------------------------------------------------------------

def test_sample_has_one_catalog_announcement() -> None:
    hits = [r for r in sample_records() if r["ten_thu_tuc"].startswith("Công bố Danh mục")]
    assert [r["ma_thu_tuc"] for r in hits] == ["MAU.0040"]


def test_sample_has_one_placeholder_record() -> None:
    def placeholders(r: dict[str, str]) -> int:
        return sum(v == NA for v in r.values())

    heavy = [r["ma_thu_tuc"] for r in sample_records() if placeholders(r) >= 8]
    assert heavy == ["MAU.0041"]


def test_sample_has_one_channel_time_without_unit() -> None:
    bare = re.compile(LABEL + r"\d+(?=Miễn phí|Không có thông tin|\d{1,3}(?:,\d{3})* Việt)")
    hits = [(r["ma_thu_tuc"], m.group(0)) for r in sample_records()
            for m in bare.finditer(r["cach_thuc_thuc_hien"])]
    assert hits == [("MAU.0002", "Trực tuyến1")]


# ---- plausibility of the authored facts ------------------------------------------------------

@pytest.mark.parametrize("spec", [s for s in SPECS if s["code"] not in JUNK],
                         ids=lambda s: s["code"])
def test_sample_fees_and_times_consistent(spec: dict[str, Any]) -> None:
    by_label: dict[str, int] = {}
    for label, time, fee, note, _desc in spec["channels"]:
        assert re.fullmatch(r"\d+( Ngày làm việc| Ngày)?", time), time
        assert fee in ("Miễn phí", NA) or _amount(fee) is not None, fee
        amount = 0 if fee == "Miễn phí" else _amount(fee)
        if amount is not None:
            by_label[label] = amount
        stated = re.match(r"\((\d{1,3}(?:\.\d{3})*) đồng", note)
        if stated:  # a note opening with an amount restates the fee column
            assert int(stated.group(1).replace(".", "")) == amount, (spec["code"], note)
        if fee == "Miễn phí":
            assert not re.search(r"\d\.\d{3} đồng", note), (spec["code"], note)
    if "Trực tuyến" in by_label and "Trực tiếp" in by_label:
        assert by_label["Trực tuyến"] <= by_label["Trực tiếp"], spec["code"]
    assert len({label for label, *_ in spec["channels"]}) == len(spec["channels"])


def test_sample_ministry_slugs_look_like_the_shared_layout() -> None:
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", s["ministry"]) for s in SPECS)


# ---- write_sample -----------------------------------------------------------------------------

def test_write_sample_layout_matches_records(tmp_path: Path) -> None:
    paths = write_sample(tmp_path / "cat")
    records = {r["ma_thu_tuc"]: r for r in sample_records()}
    assert len(paths) == len(records)
    for path in paths:
        assert path.parent.parent == tmp_path / "cat"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert path.name == f"{data['ma_thu_tuc']}.json"
        assert data == records[data["ma_thu_tuc"]]


def test_write_sample_is_idempotent(tmp_path: Path) -> None:
    dest = tmp_path / "cat"
    first = write_sample(dest)
    stamps = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in first}
    second = write_sample(dest)
    assert second == first
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in second} == stamps
    assert sorted(dest.rglob("*.json")) == sorted(first)
    assert not [p for p in dest.rglob("*") if p.is_file() and p.suffix != ".json"]


def test_write_sample_repairs_a_damaged_file(tmp_path: Path) -> None:
    dest = tmp_path / "cat"
    paths = write_sample(dest)
    paths[3].write_bytes(b'{"ma_thu_tuc": "MAU.00')
    write_sample(dest)
    assert json.loads(paths[3].read_text(encoding="utf-8"))["ma_thu_tuc"] == paths[3].stem


def test_write_sample_failure_leaves_no_partial_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "cat"
    paths = write_sample(dest)
    victim = paths[5]
    victim.write_text("old content", encoding="utf-8")  # a changed file must be rewritten
    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        if Path(dst) == victim:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(sample.os, "replace", failing_replace)
    with pytest.raises(InputError) as err:
        write_sample(dest)
    assert str(victim) in err.value.message and err.value.hint
    assert victim.read_text(encoding="utf-8") == "old content"  # untouched, not half-written
    assert not [p for p in dest.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("make", ["file", "parent_is_file"])
def test_write_sample_bad_destination(tmp_path: Path, make: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    dest = blocker if make == "file" else blocker / "cat"
    with pytest.raises(InputError) as err:
        write_sample(dest)
    assert err.value.message and err.value.hint
    assert blocker.read_text(encoding="utf-8") == "x"


# ---- sample questions -------------------------------------------------------------------------

def test_sample_questions_reference_existing_procedures() -> None:
    codes = {r["ma_thu_tuc"] for r in _good()}
    items = sample_questions()
    assert len(items) >= 40
    assert len({q["id"] for q in items}) == len(items)
    for q in items:
        assert set(q) <= {"id", "question", "gold", "style", "expect"}
        assert q["style"] in STYLES, q
        assert set(q["gold"]) <= codes, q
        assert bool(q["gold"]) != (q.get("expect") == "abstain"), q


def test_sample_questions_cover_every_style_and_abstain_kind() -> None:
    items = sample_questions()
    styles = {q["style"] for q in items}
    assert styles == STYLES
    assert sum(q.get("expect") == "abstain" for q in items) >= 6
    text = " ".join(q["question"].lower() for q in items)
    for phrase in ("sổ đỏ", "cccd", "cà vẹt", "bỏ qua mọi hướng dẫn"):
        assert phrase in text, phrase


def test_sample_questions_nodiac_items_have_no_diacritics() -> None:
    for q in sample_questions():
        if q["style"] == "nodiac":
            assert fold(q["question"]) == q["question"].lower(), q["question"]


def test_sample_questions_are_fresh_copies() -> None:
    items = sample_questions()
    items[0]["gold"].append("X")
    assert "X" not in SAMPLE_EVAL[0]["gold"]


def test_write_sample_questions_jsonl_roundtrip(tmp_path: Path) -> None:
    path = write_sample_questions(tmp_path / "eval" / "sample.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == sample_questions()
    assert write_sample_questions(path) == path


def test_write_sample_questions_to_a_folder_fails(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        write_sample_questions(tmp_path)
    assert err.value.hint


# ---- through the real parser and importer ----------------------------------------------------

def _parser() -> Any:
    try:
        from motcua.catalog import parse
    except ImportError as exc:  # the parser package is another room's work in progress
        pytest.skip(f"motcua.catalog.parse not importable yet: {exc}")
    if not hasattr(parse, "parse_record") or not hasattr(parse, "junk_reason"):
        pytest.skip("motcua.catalog.parse has no parse_record/junk_reason yet")
    return parse


def test_sample_junk_is_exactly_the_deliberate_records() -> None:
    parse = _parser()
    flagged = {r["ma_thu_tuc"] for r in sample_records() if parse.junk_reason(r)}
    assert flagged == JUNK


@pytest.mark.parametrize("spec", [s for s in SPECS if s["code"] not in JUNK],
                         ids=lambda s: s["code"])
def test_sample_parses_to_the_authored_structure(spec: dict[str, Any]) -> None:
    parse = _parser()
    record = next(r for r in sample_records() if r["ma_thu_tuc"] == spec["code"])
    parsed = parse.parse_record(record, source=f"sample:{spec['code']}")
    assert parsed.code == spec["code"] and parsed.name == spec["name"]
    assert [(c.label, c.time.text, c.fee.text) for c in parsed.channels] == [
        (label, time, fee) for label, time, fee, _note, _desc in spec["channels"]
    ]
    assert [d.name for d in parsed.dossier] == [
        name for _heading, rows in spec["dossier"] for name, _tpl, _count in rows
    ]
    assert [(x.number, x.title) for x in parsed.legal_basis] == [
        (number, title) for title, number in spec["legal"]
    ]
    assert [name for name, _code in spec["results"]] == parsed.results
    assert not any(c.fee.conflict for c in parsed.channels), spec["code"]
    missing = [c for c in parsed.channels if c.time.unit_missing]
    assert len(missing) == (1 if spec["code"] == "MAU.0002" else 0)


def test_sample_imports_into_a_fresh_store(tmp_path: Path) -> None:
    _parser()
    from motcua.catalog.importer import CatalogImporter
    from motcua.store.db import open_database

    dest = tmp_path / "cat"
    write_sample(dest)
    db = open_database(f"sqlite:///{tmp_path / 'sample.db'}")
    report = CatalogImporter(db).run([dest])
    assert not report.malformed
    assert report.imported == len(SPECS) - len(JUNK)
    assert {Path(source).stem for source, _reason in report.skipped} == JUNK
    again = CatalogImporter(db).run([dest])
    assert again.imported == 0 and again.updated == 0
    assert again.unchanged == len(SPECS) - len(JUNK)


def test_sample_eval_runs_grounded_end_to_end(tmp_path: Path) -> None:
    """The quickstart path: bundled sample → store → index → ``ask`` → eval metrics."""
    _parser()
    from motcua._settings import get_settings
    from motcua.answer.assistant import load_assistant
    from motcua.catalog.bootstrap import ensure_sample
    from motcua.eval.procedures import ProcedureEval, load_items

    settings = get_settings()  # the isolated MOTCUA_HOME of this test
    ensure_sample(settings)
    items = load_items(write_sample_questions(tmp_path / "sample.jsonl"))
    result = ProcedureEval(load_assistant(settings)).run(items, baseline=False)
    assert result["n"] == len(SAMPLE_EVAL)
    assert result["ungrounded_facts"] == 0, result.get("ungrounded_examples")
    assert result["abstain_recall"] == 1.0
    assert result["recall_at_5"] >= 0.85


@pytest.mark.parametrize(("code", "expected"),
                         [("MAU.0001", True), ("1.001193", False), ("", False), ("mau.1", False)])
def test_is_sample_code(code: str, expected: bool) -> None:
    from motcua.catalog.sample import is_sample_code

    assert is_sample_code(code) is expected
