"""Migration 0008: handovers become one per conversation and commune; existing rows keep
their commune and get its name, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from motcua.store import open_database
from motcua.store.db import _MIGRATIONS

_NOW = "2026-03-12 07:30:00+00:00"


def test_handovers_migrate_to_one_per_commune(database_url: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    engine = create_engine(database_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007_auth_sessions")
        conn.execute(text(
            "INSERT INTO conversations (id, commune_code, commune_name, channel, status,"
            " created_at, updated_at) VALUES ('c1', '06187', 'Phường Kỳ Lừa', 'web',"
            " 'handover', :t, :t)"), {"t": _NOW})
        conn.execute(text(
            "INSERT INTO handovers (conversation_id, commune_code, status, note, created_at,"
            " updated_at) VALUES ('c1', '06187', 'waiting', '', :t, :t)"), {"t": _NOW})
    engine.dispose()
    db = open_database(database_url)
    assert db.at_heads()
    insert = text("INSERT INTO handovers (conversation_id, commune_code, status, note,"
                  " created_at, updated_at) VALUES ('c1', :code, 'waiting', '', :t, :t)")
    with db.engine.begin() as conn:
        row = conn.execute(text("SELECT commune_code, commune_name FROM handovers")).one()
        assert tuple(row) == ("06187", "Phường Kỳ Lừa")
        conn.execute(insert, {"code": "06385", "t": _NOW})  # a second commune: allowed
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(insert, {"code": "06187", "t": _NOW})  # the same commune twice: not
    db.dispose()
