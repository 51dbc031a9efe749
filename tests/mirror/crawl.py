"""Walk a mirror's HTML and list every link that names no file (or no anchor) in it."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')
ID = re.compile(r'\sid="([^"]+)"')


def broken_links(root: Path) -> list[str]:
    """``"from-file -> link"`` for each relative link whose file (or ``#anchor``) is missing."""
    ids: dict[str, set[str]] = {}

    def anchors(relative: str) -> set[str]:
        if relative not in ids:
            ids[relative] = set(ID.findall((root / relative).read_text(encoding="utf-8")))
        return ids[relative]

    broken = []
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root).as_posix()
        for raw in LINK.findall(page.read_text(encoding="utf-8")):
            link = html.unescape(raw)
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(relative), parts.path))
                if parts.path
                else relative
            )
            if target.startswith("..") or not (root / target).is_file():
                broken.append(f"{relative} -> {link}")
            elif (
                parts.fragment
                and target.endswith(".html")
                and parts.fragment not in anchors(target)
            ):
                broken.append(f"{relative} -> {link} (no such anchor)")
    return broken
