"""The importer on the bundled sample and on bad files, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from motcua.catalog.importer import CatalogImporter
from motcua.catalog.sample import sample_records, write_sample
from motcua.store import Procedure, ProcedureVersion, open_database


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    write_sample(tmp_path / "catalog")
    return tmp_path / "catalog"


def test_importer_imports_sample_and_reports_junk(database_url: str, sample_dir: Path) -> None:
    db = open_database(database_url)
    report = CatalogImporter(db).run([sample_dir])
    assert report.imported >= 30
    reasons = " ".join(r for _, r in report.skipped)
    assert "announcement" in reasons
    assert report.malformed == []
    db.dispose()


def test_importer_reimport_is_idempotent(database_url: str, sample_dir: Path) -> None:
    db = open_database(database_url)
    first = CatalogImporter(db).run([sample_dir])
    second = CatalogImporter(db).run([sample_dir])
    assert second.imported == 0 and second.updated == 0
    assert second.unchanged == first.imported
    db.dispose()


def test_importer_changed_record_replaces_and_keeps_version(database_url: str,
                                                           sample_dir: Path) -> None:
    db = open_database(database_url)
    CatalogImporter(db).run([sample_dir])
    path = next(sample_dir.rglob("MAU.0001.json"))
    raw = json.loads(path.read_text("utf-8"))
    raw["ten_thu_tuc"] = raw["ten_thu_tuc"] + " (sửa đổi)"
    path.write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    report = CatalogImporter(db).run([sample_dir])
    assert report.updated == 1
    with db.session() as s:
        row = s.get(Procedure, "MAU.0001")
        assert row is not None and row.version == 2 and row.name.endswith("(sửa đổi)")
        versions = s.scalar(select(func.count()).select_from(ProcedureVersion))
        assert versions == 1
    db.dispose()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "invalid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2, 3]", "expected a JSON object"),
        (json.dumps({"ten_thu_tuc": "x"}).encode(), "ma_thu_tuc"),
    ],
)
def test_importer_reports_malformed_file_and_continues(tmp_path: Path, content: bytes,
                                                       reason: str) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "bad.json").write_bytes(content)
    good = sample_records()[0]
    (folder / "good.json").write_text(json.dumps(good, ensure_ascii=False), "utf-8")
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    report = CatalogImporter(db).run([folder])
    assert report.imported == 1
    assert len(report.malformed) == 1
    path, why = report.malformed[0]
    assert path.endswith("bad.json") and reason in why


def test_importer_missing_path_raises_input_error(tmp_path: Path) -> None:
    from motcua._errors import InputError

    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(InputError, match="không tìm thấy"):
        CatalogImporter(db).run([tmp_path / "nope"])
