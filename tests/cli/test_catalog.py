"""``motcua catalog list | show | remove`` and the empty-home sample fallback of ``ask``.

MotcuaError propagates out of the Typer app under CliRunner (``main()`` prints it and exits 2);
the bad-input cases check the exception and a non-zero exit code.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from motcua._errors import InputError, NotFound
from motcua.answer.messages import SAMPLE_NOTICE
from motcua.cli import app
from tests.catalog.official import write_official

runner = CliRunner()
QUESTION = "thuê phòng trọ ở phường mới thì đăng ký tạm trú thế nào"


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _json(args: list[str]) -> dict:
    return json.loads(_ok(args))


@pytest.fixture
def official(tmp_path: Path) -> Path:
    folder = write_official(tmp_path / "chinh-thuc", 12)
    _ok(["catalog", "import", "--json", str(folder)])
    return folder


def test_cli_catalog_list_json_counts_and_sources(official: Path) -> None:
    data = _json(["catalog", "list", "--json"])
    assert data["state"] == "official" and data["total"] == data["official"] == 12
    assert data["sample"] == 0 and data["listed"] == 12
    assert data["by_folder"] == {str(official / "bo-thu-nghiem"): 12}
    first = data["procedures"][0]
    assert {"code", "name", "levels", "version", "source", "sample"} <= set(first)
    assert first["source"].startswith(str(official))
    text = " ".join(_ok(["catalog", "list"]).split())
    assert "Tổng 12 thủ tục" in text and "danh mục chính thức" in text


def test_cli_catalog_list_empty_home() -> None:
    data = _json(["catalog", "list", "--json"])
    assert data["state"] == "empty" and data["procedures"] == []


def test_cli_catalog_show_one_record(official: Path) -> None:
    code = _json(["catalog", "list", "--json"])["procedures"][0]["code"]
    data = _json(["catalog", "show", code, "--json"])
    assert data["code"] == code and data["sample"] is False and data["version"] == 1
    assert data["raw"]["ma_thu_tuc"] == code and data["data"]["code"] == code
    text = _ok(["catalog", "show", code])
    assert f"Mã: {code}" in text and "Thủ tục:" in text


@pytest.mark.parametrize("code", ["9.99999", "MAU.0001", "   ", "1.001193; drop table"])
def test_cli_catalog_show_unknown_code_fails(official: Path, code: str) -> None:
    result = runner.invoke(app, ["catalog", "show", code])
    assert result.exit_code != 0
    assert isinstance(result.exception, NotFound)
    assert "không có thủ tục mã" in result.exception.message


def test_cli_catalog_remove_asks_first(official: Path) -> None:
    code = _json(["catalog", "list", "--json"])["procedures"][0]["code"]
    result = runner.invoke(app, ["catalog", "remove", code], input="n\n")
    assert result.exit_code == 1
    assert _json(["catalog", "list", "--json"])["total"] == 12


def test_cli_catalog_remove_codes_rebuilds_index(official: Path) -> None:
    hits = json.loads(_ok(["search", "--json", "đăng ký tạm trú"]))
    code = hits[0]["code"]
    out = _ok(["catalog", "remove", code, "--yes"])
    assert "Đã gỡ 1 thủ tục" in out
    assert _json(["catalog", "list", "--json"])["total"] == 11
    again = json.loads(_ok(["search", "--json", "đăng ký tạm trú"]))
    assert code not in {h["code"] for h in again}


def test_cli_catalog_remove_unknown_code_removes_nothing(official: Path) -> None:
    code = _json(["catalog", "list", "--json"])["procedures"][0]["code"]
    result = runner.invoke(app, ["catalog", "remove", code, "9.99999", "--yes"])
    assert isinstance(result.exception, NotFound) and "9.99999" in result.exception.message
    assert _json(["catalog", "list", "--json"])["total"] == 12


@pytest.mark.parametrize("args", [
    [],
    ["9.900001", "--all"],
    ["--source", "x", "--all"],
    ["9.900001", "--source", "x"],
])
def test_cli_catalog_remove_needs_exactly_one_choice(official: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["catalog", "remove", *args, "--yes"])
    assert isinstance(result.exception, InputError)
    assert _json(["catalog", "list", "--json"])["total"] == 12


def test_cli_catalog_remove_by_source(official: Path, tmp_path: Path) -> None:
    other = write_official(tmp_path / "khac", 3, start=20, folder="bo-khac")
    _ok(["catalog", "import", str(other)])
    assert _json(["catalog", "list", "--json", "--source", str(other)])["listed"] == 3
    out = _ok(["catalog", "remove", "--source", str(other), "--yes"])
    assert "Đã gỡ 3 thủ tục" in out
    assert _json(["catalog", "list", "--json"])["total"] == 12
    one = _json(["catalog", "list", "--json"])["procedures"][0]["source"]
    assert "Đã gỡ 1 thủ tục" in _ok(["catalog", "remove", "--source", one, "--yes"])
    nothing = _ok(["catalog", "remove", "--source", str(tmp_path / "khong-co"), "--yes"])
    assert "không gỡ gì" in nothing


def test_cli_catalog_remove_all_then_ask_falls_back_to_sample(official: Path) -> None:
    assert _json(["ask", "--json", QUESTION])["sample"] is False
    out = _ok(["catalog", "remove", "--all", "--yes"])
    assert "Kho đã trống" in out
    data = _json(["ask", "--json", QUESTION])
    assert data["sample"] is True


def test_cli_ask_empty_home_uses_sample_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("motcua.answer.assistant")  # "motcua" may not propagate
    logger.addHandler(caplog.handler)
    try:
        data = _json(["ask", "--json", QUESTION])
    finally:
        logger.removeHandler(caplog.handler)
    assert data["status"] == "answer" and data["sample"] is True
    assert data["answer"]["code"].startswith("MAU.")
    assert SAMPLE_NOTICE in data["answer"]["text"]
    # one record, seen once or twice: by our handler and, when "motcua" propagates (logging
    # not configured yet in this process), by caplog's own on the root logger
    in_use = {id(r) for r in caplog.records if "sample catalog is in use" in r.getMessage()}
    assert len(in_use) == 1
    text = _ok(["ask", QUESTION])
    assert "Đây là dữ liệu mẫu" in " ".join(text.split())


@pytest.mark.parametrize("question", ["giá vàng hôm nay bao nhiêu", "????", "tạm trú"])
def test_cli_ask_sample_flag_on_every_status(question: str) -> None:
    data = _json(["ask", "--json", question])
    assert data["status"] in {"abstain", "clarify", "answer"} and data["sample"] is True


def test_cli_ask_after_official_import_drops_the_flag(official: Path) -> None:
    data = _json(["ask", "--json", QUESTION])
    assert data["status"] == "answer" and data["sample"] is False
    assert not data["answer"]["code"].startswith("MAU.")
    assert SAMPLE_NOTICE not in data["answer"]["text"]
    assert "Đây là dữ liệu mẫu" not in _ok(["ask", QUESTION])


def test_cli_ask_official_home_with_sample_option_stays_official(official: Path) -> None:
    data = _json(["ask", "--sample", "--json", QUESTION])
    assert data["sample"] is False
    assert _json(["catalog", "list", "--json"])["sample"] == 0


def test_cli_ask_empty_home_without_fallback_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from motcua._errors import IndexError_
    from motcua._settings import get_settings

    monkeypatch.setenv("MOTCUA_SAMPLE_FALLBACK", "false")
    get_settings.cache_clear()
    result = runner.invoke(app, ["ask", QUESTION])
    assert result.exit_code != 0 and isinstance(result.exception, IndexError_)


def test_cli_catalog_import_sample_into_official_home_fails(official: Path,
                                                            tmp_path: Path) -> None:
    from motcua._errors import Conflict
    from motcua.catalog.sample import write_sample

    write_sample(tmp_path / "mau")
    result = runner.invoke(app, ["catalog", "import", str(tmp_path / "mau")])
    assert result.exit_code != 0 and isinstance(result.exception, Conflict)
    assert _json(["catalog", "list", "--json"])["sample"] == 0
