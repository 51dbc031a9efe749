"""The parse stage: a pure function run on any ``concurrent.futures`` executor.

Workers receive bytes or CSV rows and return records or ``ParseError``s; they
never touch the database, so the same function runs in a process pool, in a
Dask cluster (``Client.get_executor()``), or inline.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any

from cablebase.archive.record_rows import HashedRecord, hash_record
from cablebase.archive.sources import CsvChunk, DocUnit
from cablebase.parse.errors import ParseError
from cablebase.parse.record import CableRecord

Result = list[HashedRecord | ParseError]


def parse_unit(unit: DocUnit | CsvChunk, time_limit: float | None = None) -> Result:
    """Parse one unit of work; every failure comes back as a ``ParseError``, never raised.

    Each document (each CSV row) gets ``time_limit`` seconds (0: no limit), by
    default ``$CABLEBASE_PARSE_TIME_LIMIT`` or 10 s; one that runs
    over comes back as an error, so it is quarantined and the rest goes on.
    Records come back ``HashedRecord`` (content hash and JSON form computed here), which
    takes that work off the main process, the ingest's single writer.
    """
    from cablebase.parse import parse_csv_row, parse_document
    from cablebase.parse.limits import configured_limit
    from cablebase.parse.limits import time_limit as limit

    seconds = configured_limit() if time_limit is None else time_limit
    if isinstance(unit, CsvChunk):
        out: Result = []
        for row in unit.rows:
            try:
                with limit(seconds, path=unit.path, line=row.line):
                    record = parse_csv_row(row, path=unit.path)
                out.append(_checked(record, unit.path, row.line))
            except ParseError as exc:
                out.append(exc)
            except Exception as exc:  # a parser bug must not lose the rest of the chunk
                out.append(ParseError(f"parser failed: {exc!r}", path=unit.path, line=row.line))
        return out
    try:
        with limit(seconds, path=unit.path):
            record = parse_document(unit.data, path=unit.path)
        return [_checked(record, unit.path, None)]
    except ParseError as exc:
        return [exc]
    except Exception as exc:
        return [ParseError(f"parser failed: {exc!r}", path=unit.path)]


def _checked(record: CableRecord, path: str, line: int | None) -> HashedRecord | ParseError:
    """A record the archive can store (it needs a reference id), prepared; else an error."""
    if not record.reference_id:
        return ParseError("no reference id found", path=path, line=line)
    return hash_record(record)


class InlineExecutor(Executor):
    """Runs each task at submit time in this process: for tests, debugging and ``--workers 0``."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def process_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A pool sized to the cores; forkserver so workers never inherit DB connections or threads.

    Each worker ends when the ingest process ends, even by ``kill -9``: otherwise the
    workers would wait on their task queue for ever, and with them the forkserver and the
    resource tracker (both stay up while any worker holds their pipes).
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cablebase.parse", "cablebase.archive.pipeline"])
    return ProcessPoolExecutor(
        max_workers=workers or default_workers(),
        mp_context=context,
        initializer=end_with_process,
        initargs=(os.getpid(),),
    )


def end_with_process(pid: int) -> None:
    """Exit this process as soon as process ``pid`` (the ingest) has ended, by any means.

    A worker's parent is the forkserver, not the ingest, so ``PR_SET_PDEATHSIG`` would not
    fire; a daemon thread waits on a pidfd of the ingest instead (Linux 5.3+), or polls.
    """
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:  # gone already
        os._exit(1)
    except (AttributeError, OSError):  # not Linux, or an old kernel
        pidfd = None
    threading.Thread(target=_exit_after, args=(pid, pidfd), daemon=True, name="lifeline").start()


def _exit_after(pid: int, pidfd: int | None) -> None:
    if pidfd is not None:
        select.select([pidfd], [], [])  # readable once the process has exited
    else:
        while _alive(pid):
            time.sleep(1)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # the pid now belongs to another user's process
        return False
    return True


def make_executor(workers: int | None = None, scheduler: str | None = None) -> tuple[Executor, Any]:
    """The executor for ``--workers``/``--scheduler``, and what to close when done."""
    if scheduler:
        from distributed import Client

        client = Client(scheduler)
        return client.get_executor(), client
    if workers == 0:
        return InlineExecutor(), None
    pool = process_pool(workers)
    return pool, pool
