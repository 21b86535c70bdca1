"""Storage: SQLAlchemy models and sessions, Alembic migrations; SQLite or PostgreSQL."""

from motcua.store.db import Database, open_database
from motcua.store.generation import StoreGeneration
from motcua.store.models import Base, Procedure, ProcedureVersion

__all__ = ["Base", "Database", "Procedure", "ProcedureVersion", "StoreGeneration", "open_database"]
