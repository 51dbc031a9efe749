"""Render the public site into a directory: every address the site has, as the site serves it.

Pages go through Django's test client (middleware, views, templates: the mirror
equals the site), in parallel worker processes over one database. Each list's
later pages are found by following its pager. Afterwards the static files the
pages use are copied, Pagefind indexes the cable pages, and files the run did not
produce are removed.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.db import connections
from django.db.models.functions import TruncDate
from django.test import Client, override_settings

from cablebase.archive.models import Cable, Tag
from cablebase.mirror import rewrite
from cablebase.mirror.files import Tally, remove_stale, write_if_changed
from cablebase.mirror.paths import file_for
from cablebase.mirror.search_index import BUNDLE, build_index
from cablebase.reader import page_cache
from cablebase.reader.listing import level_slug

ORIGIN = "http://testserver"
CHUNK = 250
ASSETS = Path(__file__).resolve().parent / "assets"
INDEXES = (
    "/",
    "/classification/",
    "/redactions/",
    "/search",
    "/tag/",
    "/origin/",
    "/released/",
    "/date/",
    "/classified/",
)


@dataclass
class Report:
    """What ``build_mirror`` did: documents by kind, files written/unchanged/removed, time."""

    out: Path
    tally: Tally = field(default_factory=Tally)
    pages: int = 0  # documents rendered (HTML pages, feeds, JSON records)
    failed: list[tuple[str, int]] = field(default_factory=list)  # (address, status)
    render_seconds: float = 0.0
    index_seconds: float = 0.0
    raw_text_bytes: int = 0  # the cables' header and body text, for scale

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.render_seconds if self.render_seconds else 0.0


def site_addresses() -> Iterator[str]:
    """Every public address the mirror holds, first pages of lists only (pagers add the rest)."""
    yield from INDEXES
    yield "/feeds/latest/"
    days = (
        Cable.objects.filter(released__isnull=False)
        .annotate(day=TruncDate("released"))
        .values_list("day", flat=True)
        .distinct()
        .order_by("day")
    )
    yield from (f"/released/{day:%Y-%m-%d}/" for day in days)
    months = (
        Cable.objects.filter(created__isnull=False)
        .values_list("created__year", "created__month")
        .distinct()
        .order_by("created__year", "created__month")
    )
    years: set[int] = set()
    for year, month in months:
        if year not in years:
            years.add(year)
            yield f"/date/{year:04d}/"
        yield f"/date/{year:04d}/{month:02d}/"
    origins = Cable.objects.exclude(origin_code="").values_list("origin_code", flat=True)
    for code in sorted(set(origins)):
        yield f"/origin/{code}/"
        yield f"/feeds/origin/{code}/"
    levels = Cable.objects.exclude(classification="").values_list("classification", flat=True)
    yield from sorted({f"/classified/{level_slug(name)}/" for name in set(levels)})
    for code in Tag.objects.filter(cables__held=False).distinct().values_list("code", flat=True):
        yield f"/tag/{code}/"
        yield f"/feeds/tag/{code}/"
    cables = Cable.objects.order_by("pk").only("reference_id", "created")
    for cable in cables.iterator(chunk_size=2000):
        yield cable.get_absolute_url()
        yield f"/api/cables/{cable.reference_id}"


def _kind(address: str) -> str:
    path = urlsplit(address).path
    if path.startswith("/api/"):
        return "json records"
    if path.startswith("/feeds/"):
        return "feeds"
    if path.startswith("/cable/"):
        return "cable pages"
    return "list and index pages"


@dataclass
class _Chunk:
    tally: Tally = field(default_factory=Tally)
    files: set[str] = field(default_factory=set)
    static: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)
    failed: list[tuple[str, int]] = field(default_factory=list)
    rendered: int = 0


_client: Client | None = None
_job: tuple[Path, rewrite.Site] | None = None


def _render_chunk(addresses: list[str]) -> _Chunk:
    """Render and write ``addresses`` (runs in a worker process)."""
    global _client
    assert _job is not None
    root, site = _job
    if _client is None:
        _client = Client(HTTP_HOST=urlsplit(site.origin).netloc)
    out = _Chunk()
    for address in addresses:
        target = file_for(address)
        response = _client.get(address)
        out.rendered += 1
        if response.status_code != 200 or target is None:
            out.failed.append((address, response.status_code))
            continue
        kind = _kind(address)
        out.tally.kinds[kind] = out.tally.kinds.get(kind, 0) + 1
        body = response.content
        if target.endswith(".html"):
            page_url = urlsplit(address).path
            page = rewrite.page_text(body.decode(), target, page_url, site)
            if target == "search/index.html":
                page.text = rewrite.search_page(page.text, "../")
            out.static |= page.static
            out.pages |= page.pages
            body = page.text.encode()
        elif target.endswith(".xml"):
            body = rewrite.feed_text(body.decode(), site).encode()
        write_if_changed(root, target, body, out.tally)
        out.files.add(target)
    return out


def _chunks(items: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _render_all(
    addresses: Iterable[str],
    workers: int,
    report: Report,
    produced: set[str],
    static: set[str],
    progress: Callable[[int], None],
) -> set[str]:
    """Render every address (and each list's later pages), returning nothing left to do."""
    seen: set[str] = set()
    todo: Iterable[str] = addresses
    while True:
        fresh = _unseen(todo, seen)
        later: set[str] = set()
        if workers > 1:
            connections.close_all()  # each forked worker opens its own connection
            context = multiprocessing.get_context("fork")
            with context.Pool(workers) as pool:
                results = pool.imap_unordered(_render_chunk, _chunks(fresh))
                later |= _merge(results, report, produced, static, progress)
        else:
            later |= _merge(map(_render_chunk, _chunks(fresh)), report, produced, static, progress)
        todo = sorted(a for a in later if (file_for(a) or a) not in seen)
        if not todo:
            return seen


def _unseen(addresses: Iterable[str], seen: set[str]) -> Iterator[str]:
    """Addresses whose file no earlier address produced (``?page=1`` is the list itself)."""
    for address in addresses:
        target = file_for(address) or address
        if target not in seen:
            seen.add(target)
            yield address


def _merge(
    results: Iterable[_Chunk],
    report: Report,
    produced: set[str],
    static: set[str],
    progress: Callable[[int], None],
) -> set[str]:
    later: set[str] = set()
    for chunk in results:
        report.tally.add(chunk.tally)
        report.pages += chunk.rendered - len(chunk.failed)
        report.failed += chunk.failed
        produced |= chunk.files
        static |= chunk.static
        later |= chunk.pages
        progress(chunk.rendered)
    return later


def _copy_static(root: Path, used: set[str], tally: Tally, produced: set[str]) -> None:
    """The static files the pages link to, and the mirror's own search script."""
    for address in sorted(used):
        name = address.removeprefix("/static/")
        found = finders.find(name)
        if found:
            target = f"static/{name}"
            write_if_changed(root, target, Path(found).read_bytes(), tally)
            produced.add(target)
    target = "static/mirror/search.js"
    write_if_changed(root, target, (ASSETS / "search.js").read_bytes(), tally)
    produced.add(target)


def raw_text_size() -> int:
    """The cables' own text (header and body), the yardstick for the mirror's size."""
    total = 0
    for header, body in Cable.objects.values_list("header", "body").iterator(chunk_size=2000):
        total += len(header.encode()) + len(body.encode())
    return total


def build_mirror(
    out: Path,
    *,
    base_url: str = "",
    workers: int = 1,
    search: bool = True,
    progress: Callable[[int], None] = lambda n: None,
) -> Report:
    """Write the site into ``out``; a second run writes only the files whose bytes changed."""
    global _job
    out.mkdir(parents=True, exist_ok=True)
    report = Report(out=out)
    site = rewrite.Site(origin=ORIGIN, base_url=base_url.rstrip("/"))
    _job = (out, site)
    produced: set[str] = set()
    static: set[str] = set()
    host = urlsplit(ORIGIN).netloc
    page_cache.ENABLED = False
    started = time.perf_counter()
    try:
        with override_settings(ALLOWED_HOSTS=[host]):
            _render_all(site_addresses(), workers, report, produced, static, progress)
    finally:
        page_cache.ENABLED = True
    _copy_static(out, static, report.tally, produced)
    report.render_seconds = time.perf_counter() - started
    if search:
        started = time.perf_counter()
        build_index(out, report.tally)
        report.index_seconds = time.perf_counter() - started
        produced |= {p.relative_to(out).as_posix() for p in (out / BUNDLE).rglob("*")}
    remove_stale(out, produced, report.tally)
    report.raw_text_bytes = raw_text_size()
    return report
