"""Shared text helpers of the parsers: one whitespace normalisation, placeholders, groundedness.

Why one normalisation for everything: the eval counts a shown fact as grounded only when it is
found in its cited source field. If parsers and the checker cleaned text differently, a correct
value could look invented. So every parser slices its values out of ``clean(field)``, and
``grounded`` compares against the same ``clean``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from motcua.text import nfc

__all__ = ["PLACEHOLDERS", "clean", "grounded", "is_placeholder"]

_WS_RE = re.compile(r"\s+")

# Values the portal shows when a cell has no content. Compared after clean() and casefold().
PLACEHOLDERS = frozenset(
    {"", "không có thông tin", "--", "----", "-", "...", "…", "null", "none", "n/a"}
)

_LONGEST_PLACEHOLDER = max(len(p) for p in PLACEHOLDERS)


def clean(text: str) -> str:
    """NFC, non-breaking spaces to spaces, whitespace runs collapsed to one space, stripped."""
    return _WS_RE.sub(" ", nfc(text)).strip()


def is_placeholder(text: str | None) -> bool:
    """True when a source field carries no information ("Không có thông tin", "--", empty)."""
    if text is None:
        return True
    if len(text) > _LONGEST_PLACEHOLDER * 4:  # cheap exit: long texts carry content
        return False
    return clean(text).casefold() in PLACEHOLDERS


def grounded(value: str, source_text: str) -> bool:
    """True when ``value`` occurs verbatim in ``source_text`` after the same normalisation.

    An empty value claims nothing and is therefore grounded; matching is case-sensitive because
    the answer card shows the value exactly as parsed.
    """
    needle = clean(value)
    if not needle:
        return True
    return needle in _clean_source(source_text)


@lru_cache(maxsize=1024)
def _clean_source(text: str) -> str:
    """``clean`` for sources: one record's fields are checked many times in a row."""
    return clean(text)
