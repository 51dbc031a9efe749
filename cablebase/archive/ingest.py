"""Ingest: walk inputs, parse them in parallel, store them in batches, safely.

Main process: walks the inputs (``sources``), submits units to the executor
with a bounded number in flight, and writes each batch of results in one
transaction. A source file is marked complete in the same transaction as
its last records, so after a crash (even ``kill -9``) a rerun skips what was
stored and redoes the rest; unique constraints forbid duplicates.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cablebase.archive.ingest_report import MAX_ERRORS, IngestReport
from cablebase.archive.models import Cable, IngestRun, Quarantine, SourceFile
from cablebase.archive.pipeline import Result, default_workers, parse_unit, process_pool
from cablebase.archive.record_rows import HashedRecord
from cablebase.archive.search.follow import IndexFollower
from cablebase.archive.sources import (
    STORE_CONTENT_LIMIT,
    Container,
    ContainerDone,
    CsvChunk,
    DocUnit,
    Skipped,
    WalkError,
    walk,
)
from cablebase.archive.store import store_batch
from cablebase.parse.errors import ParseError
from cablebase.parse.record import CableRecord

__all__ = ["IngestReport", "ingest", "store_records"]


@dataclass(slots=True)
class _OpenContainer:
    """A container being ingested: how many of its units are not yet stored."""

    info: Container
    outstanding: int = 0
    walked: bool = False
    records: int = 0


class _IngestState:
    def __init__(
        self, run: IngestRun, report: IngestReport, batch_size: int, keep_bytes: bool = True
    ) -> None:
        self.content_limit = STORE_CONTENT_LIMIT if keep_bytes else -1
        self.run = run
        self.report = report
        self.batch_size = batch_size
        self.pending: list[tuple[DocUnit | CsvChunk, Result]] = []
        self.pending_records = 0
        self.pending_walk_errors: list[WalkError] = []
        self.containers: dict[str, _OpenContainer] = {}
        self.on_stored = lambda n: None
        self.on_committed = lambda: None
        self.completed: dict[str, int] = {}

    # -- skip checks -------------------------------------------------------------------
    def load_completed(self) -> None:
        """Hashes of every completely ingested source, read once (about 100 bytes per file)."""
        rows = SourceFile.objects.filter(complete=True).values_list("sha256", "records")
        self.completed = dict(rows.iterator(chunk_size=10_000))

    def is_complete(self, sha: str) -> int | None:
        return self.completed.get(sha)

    # -- results -----------------------------------------------------------------------
    def add(self, unit: DocUnit | CsvChunk, result: Result) -> None:
        self.pending.append((unit, result))
        self.pending_records += len(result)
        if self.pending_records >= self.batch_size:
            self.flush()

    def container_walked(self, sha: str) -> None:
        state = self.containers.get(sha)
        if state is None:
            return
        state.walked = True
        if state.outstanding == 0:
            with transaction.atomic():
                self._finish_container(state)

    def flush(self) -> None:
        """Write every pending result in one transaction."""
        if not self.pending and not self.pending_walk_errors:
            return
        records: list[HashedRecord] = []
        errors: list[tuple[ParseError, str]] = []
        docs: dict[str, tuple[DocUnit, int, str]] = {}
        for unit, result in self.pending:
            good = [r for r in result if isinstance(r, HashedRecord)]
            records.extend(good)
            fmt = good[0].record.source.format if good and good[0].record.source else ""
            for item in result:
                if isinstance(item, ParseError):
                    sha = unit.sha256 if isinstance(unit, DocUnit) else ""
                    errors.append((item, sha))
            if isinstance(unit, DocUnit):
                docs[unit.sha256] = (unit, len(good), fmt or "unknown")
        with transaction.atomic():
            sources = self._source_rows(docs)
            counts = store_batch(records, run=self.run, sources=sources)
            for error, sha in errors:
                self._quarantine(
                    error.path or "", sha, error.line, error.format or "", error.reason
                )
            for walk_error in self.pending_walk_errors:
                self._quarantine(walk_error.path, walk_error.sha256, None, "", walk_error.reason)
            for message in counts.errors:
                self.report.add_error(message)
            SourceFile.objects.filter(sha256__in=list(docs)).update(complete=True)
            for sha, (_, count, _) in docs.items():
                self.completed[sha] = count
            report = self.report
            report.new += counts.new
            report.unchanged += counts.unchanged
            report.new_versions += counts.new_versions
            for unit, result in self.pending:
                if unit.container and unit.container in self.containers:
                    state = self.containers[unit.container]
                    state.outstanding -= 1
                    state.records += sum(isinstance(r, HashedRecord) for r in result)
            for state in list(self.containers.values()):
                if state.walked and state.outstanding == 0:
                    self._finish_container(state)
            self._save_run()
        self.on_committed()
        self.on_stored(len(records))
        self.pending.clear()
        self.pending_walk_errors.clear()
        self.pending_records = 0

    def _source_rows(self, docs: dict[str, tuple[DocUnit, int, str]]) -> dict[str, SourceFile]:
        rows = [
            SourceFile(
                sha256=sha,
                path=unit.path,
                format=fmt,
                size=len(unit.data),
                content=unit.data if len(unit.data) <= self.content_limit else None,
                run=self.run,
                records=count,
            )
            for sha, (unit, count, fmt) in docs.items()
        ]
        SourceFile.objects.bulk_create(rows, ignore_conflicts=True)
        return {s.sha256: s for s in SourceFile.objects.filter(sha256__in=list(docs))}

    def _finish_container(self, state: _OpenContainer) -> None:
        info = state.info
        SourceFile.objects.update_or_create(
            sha256=info.sha256,
            defaults={
                "path": info.path,
                "format": info.format,
                "size": info.size,
                "content": info.content if self.content_limit >= 0 else None,
                "run": self.run,
                "complete": True,
                "records": state.records,
            },
        )
        self.containers.pop(info.sha256, None)
        self.completed[info.sha256] = state.records

    def _quarantine(self, path: str, sha: str, line: int | None, fmt: str, reason: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        self.report.add_error(f"{where}: {reason}")
        if not Quarantine.objects.filter(sha256=sha, line=line, reason=reason).exists():
            Quarantine.objects.create(
                run=self.run, path=path, sha256=sha, line=line, format=fmt, reason=reason
            )

    def _save_run(self) -> None:
        r = self.report
        IngestRun.objects.filter(pk=self.run.pk).update(
            new=r.new,
            unchanged=r.unchanged,
            new_versions=r.new_versions,
            failed=r.failed,
            files=r.files,
            errors=r.errors[:MAX_ERRORS],
        )


def _tune_connection() -> None:
    """SQLite: a 64 MB page cache for the writer."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -65536")


# Tables an ingest fills; their planner statistics go stale when many rows arrive at once.
WRITTEN_TABLES = ("cable", "cable_tag", "tag", "paragraph", "cable_reference", "cable_version")
ANALYZE_AFTER = 100  # stored cables (new or new versions) worth refreshing statistics for
ANALYZE_SHARE = 0.1  # ... or this share of the archive: a table emptied, then refilled a little


def _refresh_statistics(report: IngestReport) -> None:
    """PostgreSQL: ANALYZE what an ingest grew, so the next query is planned for its size.

    Autovacuum gets there within a minute, but a search right after a large ingest would be
    planned on statistics taken while the tables were empty: nested loops that re-match the
    full-text vector of every cable once per tag row take minutes instead of milliseconds.
    """
    from django.db import connection

    written = report.new + report.new_versions
    if connection.vendor != "postgresql" or written <= 0:
        return
    if written < ANALYZE_AFTER and written < ANALYZE_SHARE * Cable.objects.count():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(WRITTEN_TABLES)}")


def ingest(
    paths: list[str | os.PathLike],
    *,
    executor: Executor | None = None,
    batch_size: int = 500,
    on_progress: Callable[[int], None] | None = None,
    command: str = "",
    keep_bytes: bool = True,
) -> IngestReport:
    """Ingest files, directories, archives and bulk CSV into the archive (see module doc).

    ``keep_bytes``: store each source file's bytes (up to 1 MB) in ``source_file.content``
    so the archive can prove and re-parse what it was given; off saves about 60% of the
    database size on cable-viewer pages and a fifth of the ingest time.
    ``on_progress(n)`` is told of every ``n`` cables stored or skipped (the CLI's bar).
    """
    started = time.monotonic()
    _tune_connection()
    run = IngestRun.objects.create(command=command)
    report = IngestReport(run_id=run.pk)
    state = _IngestState(run, report, batch_size, keep_bytes)
    state.load_completed()
    own = executor is None
    workers = default_workers()
    if executor is None:
        executor = process_pool(workers)
    max_inflight = max(64, 8 * workers)  # enough to keep a cluster busy; each unit is small
    status = "failed"
    advance = on_progress or (lambda n: None)
    state.on_stored = advance
    inflight: dict[Future, DocUnit | CsvChunk] = {}

    def drain(block_until: int) -> None:
        while len(inflight) > block_until:
            done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
            for future in done:
                unit = inflight.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # the worker died, or the cluster lost the task
                    result = [ParseError(f"parse task failed: {exc!r}", path=unit.path)]
                state.add(unit, result)

    follower = IndexFollower()  # the search index follows each committed batch
    state.on_committed = follower.after_commit
    try:
        with follower:
            for item in walk(list(paths), state.is_complete):
                if isinstance(item, Skipped):
                    report.files += 1
                    report.unchanged += item.records
                    advance(item.records)
                elif isinstance(item, WalkError):
                    state.pending_walk_errors.append(item)
                elif isinstance(item, Container):
                    report.files += 1
                    state.containers[item.sha256] = _OpenContainer(item)
                elif isinstance(item, ContainerDone):
                    state.container_walked(item.sha256)
                else:
                    if isinstance(item, DocUnit):
                        if item.container is None:
                            report.files += 1
                        done = state.is_complete(item.sha256)
                        if done is not None:
                            report.unchanged += done
                            advance(done)
                            continue
                    if item.container and item.container in state.containers:
                        state.containers[item.container].outstanding += 1
                    inflight[executor.submit(parse_unit, item)] = item
                    drain(max_inflight)
            drain(0)
            state.flush()
        status = "completed"
        _refresh_statistics(report)
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        for future in inflight:
            future.cancel()
        if own:
            executor.shutdown(wait=True, cancel_futures=True)
        report.seconds = time.monotonic() - started
        IngestRun.objects.filter(pk=run.pk).update(
            status=status, finished=timezone.now(), seconds=report.seconds
        )
        state._save_run()
    return report


def store_records(records: Iterable[CableRecord], *, batch_size: int = 500) -> IngestReport:
    """Store records a caller already holds (tests, importers), with the ingest's guarantees."""
    started = time.monotonic()
    run = IngestRun.objects.create(command="store_records")
    report = IngestReport(run_id=run.pk)
    batch: list[CableRecord] = []

    def write() -> None:
        with transaction.atomic():
            counts = store_batch(batch, run=run)
        follower.after_commit()
        report.new += counts.new
        report.unchanged += counts.unchanged
        report.new_versions += counts.new_versions
        for message in counts.errors:
            report.add_error(message)
        batch.clear()

    with IndexFollower() as follower:
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                write()
        if batch:
            write()
    _refresh_statistics(report)
    report.seconds = time.monotonic() - started
    IngestRun.objects.filter(pk=run.pk).update(
        status="completed",
        finished=timezone.now(),
        seconds=report.seconds,
        new=report.new,
        unchanged=report.unchanged,
        new_versions=report.new_versions,
        failed=report.failed,
        errors=report.errors,
    )
    return report
