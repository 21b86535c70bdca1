"""Candidate duplicate persons, found in one pass and listed with the reason, never merged.

Why fixed-size digests: a register of a million rows must not keep a million names in memory;
an 8-byte digest per key is enough to point a later row at the earlier row it repeats.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["Duplicate", "DuplicateFinder"]


@dataclass(frozen=True, slots=True)
class Duplicate:
    line: int
    first_line: int
    reason: str  # same_id, same_name_dob

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "duplicate_of": self.first_line, "reason": self.reason}


def _digest(*parts: str) -> bytes:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()


@dataclass
class DuplicateFinder:
    _by_id: dict[bytes, int] = field(default_factory=dict)
    _by_name_dob: dict[bytes, int] = field(default_factory=dict)
    found: int = 0

    def check(self, line: int, *, name: str = "", dob: str = "", id_number: str = "") -> list[
            Duplicate]:
        """Record this row and return the earlier rows it may repeat."""
        out: list[Duplicate] = []
        if id_number:
            key = _digest(id_number)
            first = self._by_id.setdefault(key, line)
            if first != line:
                out.append(Duplicate(line, first, "same_id"))
        if name and dob:
            key = _digest(name, dob)
            first = self._by_name_dob.setdefault(key, line)
            if first != line and not any(d.first_line == first for d in out):
                out.append(Duplicate(line, first, "same_name_dob"))
        self.found += bool(out)
        return out
