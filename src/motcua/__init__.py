"""motcua: a Vietnamese-first assistant for one-stop public administration service centres.

The public API is re-exported here; everything else is private to its room. Imports are lazy
(PEP 562) so that ``motcua --help`` and a kiosk's cold start do not pay for rooms they do not use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    # errors
    "MotcuaError": "motcua._errors",
    "ConfigError": "motcua._errors",
    "InputError": "motcua._errors",
    "InvalidQuestion": "motcua._errors",
    "UnknownCommune": "motcua._errors",
    "FileFormatError": "motcua._errors",
    "NotFound": "motcua._errors",
    "StoreError": "motcua._errors",
    "ExternalServiceError": "motcua._errors",
    # settings
    "Settings": "motcua._settings",
    "get_settings": "motcua._settings",
    # procedures: catalog, answers
    "ParsedProcedure": "motcua.catalog.model",
    "CatalogImporter": "motcua.catalog.importer",
    "import_catalog": "motcua.catalog.bootstrap",
    "Assistant": "motcua.answer.assistant",
    "AskResponse": "motcua.answer.schema",
    "load_assistant": "motcua.answer.assistant",
    # search
    "BM25Index": "motcua.search.bm25",
    "SearchBackend": "motcua.search._protocol",
    # storage
    "open_database": "motcua.store.db",
    # documents and cleaning
    "DocumentService": "motcua.documents.service",
    "clean_address": "motcua.cleaning",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'motcua' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
