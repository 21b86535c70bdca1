import pytest
from sqlalchemy import inspect

from motcua._errors import StoreError
from motcua.store import Procedure, open_database


def test_open_database_migrates_idempotently(database_url: str) -> None:
    open_database(database_url).dispose()
    db = open_database(database_url)
    assert "procedures" in inspect(db.engine).get_table_names()
    db.dispose()


def test_session_rolls_back_on_error(database_url: str) -> None:
    db = open_database(database_url)
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Procedure(code="X.1", name="x", levels="", field="", version=1, content_hash="h",
                        source="", data={}, raw={}))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.get(Procedure, "X.1") is None
    db.dispose()


@pytest.mark.parametrize("url", ["nosuchdialect://x", "postgresql+psycopg://nobody@127.0.0.1:1/x"])
def test_open_database_bad_url_raises_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        open_database(url)


def test_database_at_heads_only_after_migration(tmp_path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'h.db'}", migrate=False)
    assert not db.at_heads()
    db.migrate()
    assert db.at_heads()
    db.dispose()
