"""Keep the index in step with an ingest: catch up after each batch the store commits.

The ingest holds the index's writer for its whole run, so a web process
searching meanwhile does not try to catch up itself. The index is derived
data: if it cannot be written (a read-only directory...) the ingest still
stores everything, says why once, and the next search or ingest catches up.
"""

from __future__ import annotations

import contextlib
import logging

from cablebase.archive.search.index import IndexBusy, SearchIndexError, engine

log = logging.getLogger("cablebase.search")


class IndexFollower:
    def __init__(self) -> None:
        self.problem: str | None = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> IndexFollower:
        try:
            self._stack.enter_context(engine().writing())
        except IndexBusy:
            pass  # someone else is writing; each batch tries again
        except SearchIndexError as exc:
            self._give_up(exc)
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._stack.close()
        except SearchIndexError as exc:
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        if self.problem is None:
            self.problem = str(exc)
            log.warning("search index not updated: %s (the store has everything)", exc)

    def after_commit(self) -> None:
        if self.problem is not None:
            return
        try:
            engine().catch_up()
        except IndexBusy:
            pass
        except SearchIndexError as exc:
            self._give_up(exc)
