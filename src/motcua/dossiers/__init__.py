"""Dossier analytics: one-stop exports imported into DuckDB and asked about in Vietnamese.

``import_exports`` (``motcua data import``) checks every row and writes all or nothing;
``ask`` (``motcua data ask``, ``POST /api/v1/dossiers/ask``) parses a question into a query
spec, writes and validates the SQL and answers in the Interface's JSON; ``build_report`` and
``forecast`` give the monthly commune report and the staffing peaks. docs/dossiers.md.
Imports are lazy in the CLI and the web router; this module only names the entry points.
"""

from motcua.dossiers.importer import ImportResult, import_exports
from motcua.dossiers.query import ask

__all__ = ["ImportResult", "ask", "import_exports"]
