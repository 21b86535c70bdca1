"""Parsers of the national portal's procedure records (flattened HTML tables) into the model.

Public API used by the importer: ``parse_record``, ``junk_reason``, ``grounded``; the field
parsers are exported for tests and for other formats that carry the same tables.
"""

from motcua.catalog.parse._text import clean, grounded, is_placeholder
from motcua.catalog.parse.channels import parse_channels
from motcua.catalog.parse.dossier import is_note, parse_dossier, split_template
from motcua.catalog.parse.junk import JUNK_RULES, junk_reason
from motcua.catalog.parse.legal import parse_legal
from motcua.catalog.parse.record import parse_levels, parse_record, parse_results, parse_steps

__all__ = [
    "JUNK_RULES",
    "clean",
    "grounded",
    "is_note",
    "is_placeholder",
    "junk_reason",
    "parse_channels",
    "parse_dossier",
    "parse_legal",
    "parse_levels",
    "parse_record",
    "parse_results",
    "parse_steps",
    "split_template",
]
