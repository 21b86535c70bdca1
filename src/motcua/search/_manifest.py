"""The manifest of a saved index: which store generation it was built from, what it holds.

Why a separate small file: a server checks it every second or two (one ``stat``) and reads it
on a change without parsing the whole index; ``motcua index status`` reads it to compare with
the store. It is written inside the folder that ``replace_dir`` swaps in whole, so the stamp
and the index it describes always arrive together. It also lists a SHA-256 of every file of
the index, so that a truncated or garbled file is found before it is loaded (and the index
rebuilt) instead of failing inside a search.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["MANIFEST", "DiskStamp", "Manifest", "check_files", "disk_stamp", "read_manifest",
           "version_of", "write_manifest"]

MANIFEST = "manifest.json"
DiskStamp = tuple[int, int, int]  # inode, mtime in ns, size: changes whenever a save swaps in


@dataclass(frozen=True)
class Manifest:
    kind: str  # "procedures" | "documents"
    generation: int | None  # None: built without a store (tests, benchmarks)
    count: int
    built_at: str = ""
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256


def _digest(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _index_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Write the manifest, with the digests of the files already in ``folder``, into a
    folder being prepared (``replace_dir``'s temporary one): call it last."""
    folder = Path(folder)
    files = {p.relative_to(folder).as_posix(): _digest(p) for p in _index_files(folder)}
    data = asdict(manifest) | {"built_at": manifest.built_at or datetime.now(UTC).isoformat(),
                               "files": files}
    (folder / MANIFEST).write_text(json.dumps(data), "utf-8")


def read_manifest(folder: Path) -> Manifest | None:
    """The saved manifest, or None when the index is missing, older than manifests or broken."""
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text("utf-8"))
        generation = data["generation"]
        files = data.get("files") or {}
        return Manifest(kind=str(data["kind"]), count=int(data["count"]),
                        generation=None if generation is None else int(generation),
                        built_at=str(data.get("built_at", "")),
                        files={str(k): str(v) for k, v in files.items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def check_files(folder: Path, manifest: Manifest) -> str | None:
    """None when every file the manifest lists is there with its digest, else what is wrong.

    Why before loading: a truncated ``.npy`` may load and then fail (or silently mislead)
    inside a search; a digest mismatch is caught here and the index rebuilt.
    """
    folder = Path(folder)
    if not manifest.files:
        return "bản kê (manifest) không liệt kê tệp nào"
    for name, digest in manifest.files.items():
        try:
            if _digest(folder / name) != digest:
                return f"tệp {name} khác với bản kê (manifest)"
        except OSError:
            return f"thiếu tệp {name}"
    return None


def disk_stamp(folder: Path) -> DiskStamp | None:
    """Identity of the manifest file on disk (None when absent): cheap enough per request."""
    try:
        st = os.stat(Path(folder) / MANIFEST)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def version_of(manifest: Manifest) -> str:
    """The content hash of an index: a digest of its files' digests (not of the manifest,
    which holds the build time). Equal on every machine that built it from the same rows."""
    lines = "".join(f"{name}\t{digest}\n" for name, digest in sorted(manifest.files.items()))
    return hashlib.sha256(lines.encode()).hexdigest()
