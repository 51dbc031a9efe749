"""Write a mirror file only when its bytes changed, so a second run touches only what moved.

Unchanged files keep their modification time, which is what rsync, a CDN or a
mirror's own ``If-Modified-Since`` answers rely on.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Tally:
    """What one run did to the output directory."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    bytes: int = 0  # total size of every file the run produced
    kinds: dict[str, int] = field(default_factory=dict)  # documents rendered, by kind

    def add(self, other: Tally) -> None:
        self.written += other.written
        self.unchanged += other.unchanged
        self.removed += other.removed
        self.bytes += other.bytes
        for kind, n in other.kinds.items():
            self.kinds[kind] = self.kinds.get(kind, 0) + n


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_if_changed(
    root: Path, relative: str, data: bytes, tally: Tally, known: str | None = None
) -> str:
    """Put ``data`` at ``root/relative`` unless the file already holds exactly these bytes.

    ``known`` is the hash of the bytes the last build wrote there (the manifest): when
    it matches and the size agrees, the file is not read back. Returns the new hash.
    """
    path = root / relative
    tally.bytes += len(data)
    digest = sha256(data)
    try:
        size = path.stat().st_size
        if size == len(data) and (digest == known or path.read_bytes() == data):
            tally.unchanged += 1
            return digest
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temporary.write_bytes(data)
    temporary.replace(path)  # readers of a served mirror never see half a file
    tally.written += 1
    return digest


def remove_stale(root: Path, keep: set[str], tally: Tally, under: str = "") -> None:
    """Delete files under ``root/under`` this run did not produce (a cable withdrawn)."""
    base = root / under if under else root
    if not base.is_dir():
        return
    for path in sorted(base.rglob("*"), reverse=True):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative not in keep:
            path.unlink()
            tally.removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
