"""Render the public site into a directory: every address the site has, as the site serves it.

The work is planned first, in a few queries over the whole archive: each cable
page, JSON record and browse page gets the fingerprint of what it is made of
(``stamps``, ``plan``). A file whose fingerprint is the one the last build wrote
it with (``manifest``, beside the directory) is left alone without rendering;
the rest are rendered in parallel worker processes: cable pages and records in
batches from bulk-loaded rows (``cable_batch``), other pages through the site
itself (Django's test client). A file is written only when its bytes changed.
Then the static files the pages use are copied, Pagefind indexes the cable pages
when any of them changed, and files no page produced any more are removed (a
cable held since the last build leaves the mirror).
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.db import connections
from django.test import override_settings

from cablebase.archive.models import Cable
from cablebase.mirror import cable_batch, manifest, render, rewrite
from cablebase.mirror.files import Tally, remove_stale, write_if_changed
from cablebase.mirror.paths import file_for
from cablebase.mirror.plan import INDEXES, plan_pages
from cablebase.mirror.search_index import BUNDLE, build_index
from cablebase.mirror.stamps import digest, read_stamps
from cablebase.mirror.urls_memo import remembered_reverse
from cablebase.reader import page_cache

ORIGIN = "http://testserver"
CABLE_BATCH = 200  # cables a worker loads and renders at once
PAGE_BATCH = 100  # other pages a worker renders at once
ASSETS = Path(__file__).resolve().parent / "assets"
__all__ = ["INDEXES", "Report", "build_mirror", "raw_text_size"]


@dataclass
class Report:
    """What ``build_mirror`` did: documents by kind, files written/unchanged/removed, time."""

    out: Path
    tally: Tally = field(default_factory=Tally)
    pages: int = 0  # documents rendered (HTML pages, feeds, JSON records)
    skipped: int = 0  # documents whose inputs had not moved since the last build
    failed: list[tuple[str, int]] = field(default_factory=list)  # (address, status)
    plan_seconds: float = 0.0  # reading the stamps, planning
    render_seconds: float = 0.0  # planning, rendering and writing the documents
    render_cpu_seconds: float = 0.0  # the same in processor time, every worker's added up
    index_seconds: float = 0.0
    index_cpu_seconds: float = 0.0
    index_skipped: bool = False  # no cable page changed: Pagefind's files kept as they were
    raw_text_bytes: int = 0  # the cables' header and body text, for scale

    @property
    def documents(self) -> int:
        """Every document the mirror holds, rendered or found unchanged."""
        return self.pages + self.skipped

    @property
    def pages_per_second(self) -> float:
        """Documents built (rendered, or found unchanged) per second of rendering."""
        return self.documents / self.render_seconds if self.render_seconds else 0.0


def cpu_seconds() -> float:
    """Processor time of this process and of its children that have ended (the workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _work(task: tuple[str, list[Any]]) -> render.Chunk:
    """One task in a worker: a batch of cables, or a batch of other pages."""
    kind, items = task
    return cable_batch.render_cables(items) if kind == "cables" else render.render_addresses(items)


def _forked_worker() -> None:
    """A worker opens its own search index handles (the parent's are not fork-safe)."""
    from cablebase.archive.search.index import forget_engines

    forget_engines()


def _run(
    tasks: list[tuple[str, list[Any]]], workers: int, progress: Callable[[int], None]
) -> Iterator[render.Chunk]:
    if workers > 1 and len(tasks) > 1:
        connections.close_all()  # each forked worker opens its own connection
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_forked_worker) as pool:
            for chunk in pool.imap_unordered(_work, tasks):
                progress(chunk.rendered + chunk.skipped)
                yield chunk
        return
    for task in tasks:
        chunk = _work(task)
        progress(chunk.rendered + chunk.skipped)
        yield chunk


def _merge(chunk: render.Chunk, report: Report, files: dict[str, list[str]], state: Any) -> None:
    report.tally.add(chunk.tally)
    report.pages += chunk.rendered - len(chunk.failed)
    report.skipped += chunk.skipped
    report.failed += chunk.failed
    files.update(chunk.files)
    state.static |= chunk.static
    state.pages |= chunk.pages
    state.similar.update(chunk.similar)


@dataclass
class _State:
    static: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)  # list pages the rendered pages link to
    similar: dict[str, list] = field(default_factory=dict)


def _index_state() -> tuple[str, bool]:
    """What the search index holds (caught up with the store first, as the site does)."""
    from cablebase.archive.search import SearchIndexError
    from cablebase.archive.search.index import engine, engine_errors

    try:
        with engine_errors():
            eng = engine()
            eng.ensure_current()
            state = eng.state()
            eng.close()  # workers are forked: they open the index themselves
    except SearchIndexError:
        return "", False
    return digest(state.schema, state.store, state.versions, state.cables, state.events), True


def _copy_static(root: Path, used: set[str], tally: Tally, files: dict[str, list[str]]) -> None:
    """The static files the pages use, and the mirror's own search script."""
    for address in sorted(used):
        name = address.removeprefix("/static/")
        found = finders.find(name)
        if found:
            target = f"static/{name}"
            write_if_changed(root, target, Path(found).read_bytes(), tally)
            files[target] = ["", ""]
    target = "static/mirror/search.js"
    write_if_changed(root, target, (ASSETS / "search.js").read_bytes(), tally)
    files[target] = ["", ""]


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
    full: bool = False,
    progress: Callable[[int], None] = lambda n: None,
) -> Report:
    """Write the site into ``out``; a second run renders and writes only what changed.

    ``full`` renders every document again (after a change the fingerprints cannot see,
    such as a setting); files whose bytes did not change are still left alone.
    """
    out.mkdir(parents=True, exist_ok=True)
    report = Report(out=out)
    last = manifest.Manifest() if full else manifest.load(out)
    site = rewrite.Site(origin=ORIGIN, base_url=base_url.rstrip("/"))
    host = urlsplit(ORIGIN).netloc
    started, cpu = time.perf_counter(), cpu_seconds()
    index_state, similar_ok = _index_state()
    stamps = read_stamps(base_url=site.base_url, index_state=index_state)
    files: dict[str, list[str]] = {}
    state = _State()
    page_cache.ENABLED = False
    try:
        with override_settings(ALLOWED_HOSTS=[host]), remembered_reverse():
            pages = plan_pages(stamps)
            report.plan_seconds = time.perf_counter() - started
            render.job = render.Job(out, site, last, stamps, similar_ok)
            tasks = [("cables", b) for b in _batches(sorted(stamps.own), CABLE_BATCH)]
            tasks += [("pages", b) for b in _batches(pages, PAGE_BATCH)]
            for chunk in _run(tasks, workers, progress):
                _merge(chunk, report, files, state)
            _render_unplanned(files, state, report, workers, progress)
    finally:
        page_cache.ENABLED = True
        render.job = None
    skipped_pages = report.skipped > 0
    static = state.static | (set(last.static) if skipped_pages else set())
    _copy_static(out, static, report.tally, files)
    report.render_seconds = time.perf_counter() - started
    report.render_cpu_seconds = cpu_seconds() - cpu
    new = manifest.Manifest(files=files, similar=state.similar, static=sorted(static))
    if search:
        _search_index(out, last, new, report)
    remove_stale(out, set(files), report.tally)
    manifest.save(out, new)
    report.raw_text_bytes = raw_text_size()
    return report


def _render_unplanned(
    files: dict[str, list[str]],
    state: _State,
    report: Report,
    workers: int,
    progress: Callable[[int], None],
) -> None:
    """Pages the rendered pages link to that the plan did not name (a pager it did not foresee)."""
    while True:
        todo = sorted(a for a in state.pages if (file_for(a) or a) not in files)
        state.pages = set()
        if not todo:
            return
        tasks = [("pages", [(a, "") for a in batch]) for batch in _batches(todo, PAGE_BATCH)]
        for chunk in _run(tasks, workers, progress):
            _merge(chunk, report, files, state)


def _search_index(
    out: Path, last: manifest.Manifest, new: manifest.Manifest, report: Report
) -> None:
    """Run Pagefind when a cable page changed (its output depends on nothing else)."""
    cable_pages = sorted((f, sha) for f, (_, sha) in new.files.items() if f.startswith("cable/"))
    new.search_inputs = digest(cable_pages)
    bundle = {p.relative_to(out).as_posix() for p in (out / BUNDLE).rglob("*") if p.is_file()}
    if new.search_inputs == last.search_inputs and bundle:
        report.index_skipped = True
        report.tally.unchanged += len(bundle)
        report.tally.bytes += sum((out / name).stat().st_size for name in bundle)
    else:
        started, cpu = time.perf_counter(), cpu_seconds()
        build_index(out, report.tally)
        report.index_seconds = time.perf_counter() - started
        report.index_cpu_seconds = cpu_seconds() - cpu
        bundle = {p.relative_to(out).as_posix() for p in (out / BUNDLE).rglob("*") if p.is_file()}
    for name in bundle:
        new.files[name] = ["", ""]
