"""Decide which portal records must not be imported as procedures.

Why: the crawl contains provincial *decisions announcing* a list of procedures and their
internal workflows ("Công bố Danh mục và Quy trình nội bộ thủ tục hành chính ..."). They look
like records but describe no single procedure a citizen can follow; importing them would put
announcements into search results. Real procedures whose names also start with "Công bố"
("Công bố hợp quy ...", "Công bố mở cảng cá ...", "Công bố Danh mục khu đất ...") are kept.
"""

from __future__ import annotations

import re
from typing import Any

from motcua.catalog.model import F_CHANNELS, F_DOSSIER, F_LEGAL, F_NAME, F_STEPS
from motcua.catalog.parse._text import clean, is_placeholder
from motcua.catalog.parse.channels import CHANNEL_HEADER
from motcua.catalog.parse.dossier import DOSSIER_HEADER
from motcua.catalog.parse.legal import LEGAL_HEADER

__all__ = ["JUNK_RULES", "junk_reason"]

# An announcement of a catalog or of internal workflows of administrative procedures.
_ANNOUNCEMENT_RE = re.compile(
    r"^(?:Quyết định\s+(?:số\s+\S+\s+)?(?:về việc\s+)?)?Công bố\s+(?:Danh mục|Quy trình nội bộ)"
    r".*thủ tục hành chính",
    re.IGNORECASE,
)
_WORKFLOW_RE = re.compile(r"^(?:Phê duyệt\s+|Ban hành\s+)?Quy trình nội bộ", re.IGNORECASE)
# A procedure must say at least one of these; all empty means there is nothing to answer with.
_ESSENTIAL = (F_CHANNELS, F_DOSSIER, F_LEGAL, F_STEPS)

REASON_ANNOUNCEMENT = "catalog announcement, not a procedure"
REASON_WORKFLOW = "internal workflow document, not a procedure"
REASON_EMPTY = "all essential fields empty or placeholders"
JUNK_RULES = (REASON_ANNOUNCEMENT, REASON_WORKFLOW, REASON_EMPTY)


def _essential_empty(raw: dict[str, Any]) -> bool:
    for key in _ESSENTIAL:
        value = raw.get(key)
        if not isinstance(value, str) or is_placeholder(value):
            continue
        stripped = clean(value)
        for header in (CHANNEL_HEADER, DOSSIER_HEADER, LEGAL_HEADER):
            stripped = stripped.replace(header, "")
        if not is_placeholder(stripped):
            return False
    return True


def junk_reason(raw: dict[str, Any]) -> str | None:
    """A short English reason when ``raw`` must not be imported as a procedure, else None.

    Not a record at all (not a dict) is ``parse_record``'s error to raise, so it is None here.
    """
    if not isinstance(raw, dict):
        return None
    name = raw.get(F_NAME)
    title = clean(name) if isinstance(name, str) else ""
    if _ANNOUNCEMENT_RE.search(title):
        return REASON_ANNOUNCEMENT
    if _WORKFLOW_RE.search(title):
        return REASON_WORKFLOW
    if _essential_empty(raw):
        return REASON_EMPTY
    return None
