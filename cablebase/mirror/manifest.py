"""What the last build wrote, kept beside the mirror so the next build can skip what has not moved.

Per file: the fingerprint of its inputs and the hash of its bytes; per cable: the
similar cables found and what that search read. It lives *beside* the output
directory (``mirror`` -> ``mirror.manifest.json``), never inside it: the fingerprints
are hashes over the store's own rows, and a mirror publishes only what readers see.
A missing or unreadable manifest means a full build, never a wrong one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

VERSION = 1


def manifest_path(out: Path) -> Path:
    """``/srv/mirror`` -> ``/srv/mirror.manifest.json`` (outside what is published)."""
    out = out.resolve()
    return out.with_name(out.name + ".manifest.json")


@dataclass
class Manifest:
    # file -> [fingerprint of its inputs, sha256 of its bytes]
    files: dict[str, list[str]] = field(default_factory=dict)
    # cable pk (as text) -> [similar key, [similar pks]]
    similar: dict[str, list] = field(default_factory=dict)
    static: list[str] = field(default_factory=list)  # /static/ addresses the pages use
    search_inputs: str = ""  # fingerprint of the cable pages Pagefind last indexed

    def fingerprint(self, file: str) -> str | None:
        entry = self.files.get(file)
        return entry[0] if entry else None

    def sha(self, file: str) -> str | None:
        entry = self.files.get(file)
        return entry[1] if entry else None


def load(out: Path) -> Manifest:
    try:
        data = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Manifest()
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return Manifest()
    return Manifest(
        files=data.get("files") or {},
        similar=data.get("similar") or {},
        static=data.get("static") or [],
        search_inputs=data.get("search_inputs") or "",
    )


def save(out: Path, manifest: Manifest) -> None:
    """Written whole to a temporary file and renamed: a build cut short keeps the old one."""
    path = manifest_path(out)
    data = {
        "version": VERSION,
        "files": manifest.files,
        "similar": manifest.similar,
        "static": sorted(manifest.static),
        "search_inputs": manifest.search_inputs,
    }
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    temporary.replace(path)
