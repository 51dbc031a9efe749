"""One document of the site turned into a mirror file, and the pages rendered through the site.

``store`` is shared by both ways a document is made: cable pages and JSON records
rendered from a batch's bulk-loaded rows (``cable_batch``), and every other page
(browse pages, indexes, feeds) asked of the site itself through Django's test
client, so that the mirror shows exactly what the site shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.test import Client

from cablebase.mirror import rewrite
from cablebase.mirror.files import Tally, write_if_changed
from cablebase.mirror.manifest import Manifest
from cablebase.mirror.paths import SEARCH_PAGE, file_for


@dataclass
class Job:
    """What every worker needs, set before the workers are forked (read, never sent)."""

    root: Path
    site: rewrite.Site
    manifest: Manifest  # the last build's
    stamps: object = None  # cablebase.mirror.stamps.Stamps
    similar_ok: bool = True  # the search index could be read


@dataclass
class Chunk:
    """What a worker did with its share: files (with fingerprint and hash), counts, failures."""

    tally: Tally = field(default_factory=Tally)
    files: dict[str, list[str]] = field(default_factory=dict)  # file -> [fingerprint, sha]
    static: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)  # later pages of lists the pages link to
    similar: dict[str, list] = field(default_factory=dict)  # cable pk -> [key, pks]
    failed: list[tuple[str, int]] = field(default_factory=list)  # (address, status)
    rendered: int = 0  # documents rendered (HTML pages, feeds, JSON records)
    skipped: int = 0  # documents whose inputs had not moved: not rendered


job: Job | None = None
_client: Client | None = None


def kind_of(address: str) -> str:
    path = urlsplit(address).path
    if path.startswith("/api/"):
        return "json records"
    if path.startswith("/feeds/"):
        return "feeds"
    if path.startswith("/cable/"):
        return "cable pages"
    return "list and index pages"


def unchanged(target: str, fingerprint: str, manifest: Manifest, root: Path) -> bool:
    """The last build wrote ``target`` from the same inputs, and the file is still there."""
    return manifest.fingerprint(target) == fingerprint and (root / target).is_file()


def keep(address: str, target: str, out: Chunk) -> None:
    """The file as the last build wrote it: its inputs have not moved."""
    assert job is not None
    kind = kind_of(address)
    out.tally.kinds[kind] = out.tally.kinds.get(kind, 0) + 1
    out.tally.unchanged += 1
    out.tally.bytes += (job.root / target).stat().st_size
    out.files[target] = job.manifest.files[target]
    out.skipped += 1


def store(address: str, target: str, body: bytes, fingerprint: str, out: Chunk) -> None:
    """Rewrite a document as the site served it for the mirror, and write it if it changed."""
    assert job is not None
    kind = kind_of(address)
    out.tally.kinds[kind] = out.tally.kinds.get(kind, 0) + 1
    if target.endswith(".html"):
        page_url = urlsplit(address).path
        page = rewrite.page_text(body.decode(), target, page_url, job.site)
        if target == SEARCH_PAGE:
            page.text = rewrite.search_page(page.text, "../")
        out.static |= page.static
        out.pages |= page.pages
        body = page.text.encode()
    elif target.endswith(".xml"):
        body = rewrite.feed_text(body.decode(), job.site).encode()
    sha = write_if_changed(job.root, target, body, out.tally, job.manifest.sha(target))
    out.files[target] = [fingerprint, sha]


def render_addresses(addresses: list[tuple[str, str]]) -> Chunk:
    """Render ``(address, fingerprint)`` pages through the site, skipping unmoved ones."""
    global _client
    assert job is not None
    if _client is None:
        _client = Client(HTTP_HOST=urlsplit(job.site.origin).netloc)
    out = Chunk()
    for address, fingerprint in addresses:
        target = file_for(address)
        if target is None:
            out.failed.append((address, 0))
            continue
        if fingerprint and unchanged(target, fingerprint, job.manifest, job.root):
            keep(address, target, out)
            continue
        response = _client.get(address)
        out.rendered += 1
        if response.status_code != 200:
            out.failed.append((address, response.status_code))
            continue
        store(address, target, response.content, fingerprint, out)
    return out
