"""Write Vietnamese text the way Windows-1258 exports do (base letter plus combining tone)."""

from __future__ import annotations

import unicodedata

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def to_cp1258(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")
