"""How the terminal shows an ingest: a live progress bar and the end-of-run table (rich)."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from cablebase.archive.ingest_report import IngestReport


class IngestProgress:
    """A live counter on stderr; does nothing when disabled or stderr is no terminal."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._progress = None
        self._task = None
        self._count = 0
        self._started = time.monotonic()

    def __enter__(self) -> IngestProgress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest"),
            BarColumn(),
            TextColumn("{task.completed:,} cables"),
            TextColumn("{task.fields[rate]:,.0f} cables/s"),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr),
            transient=False,
        )
        self._progress.__enter__()
        self._task = self._progress.add_task("ingest", total=None, rate=0.0)
        self._started = time.monotonic()
        return self

    def advance(self, n: int) -> None:
        self._count += n
        if self._progress is not None and self._task is not None:
            elapsed = max(time.monotonic() - self._started, 1e-6)
            self._progress.update(self._task, advance=n, rate=self._count / elapsed)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(exc_type, exc, tb)


def render_table(report: IngestReport):  # -> rich.table.Table
    """The end-of-run table: new, unchanged, new versions, failed."""
    from rich.table import Table

    table = Table(title=f"Ingest run {report.run_id}", show_header=True)
    table.add_column("new", justify="right")
    table.add_column("unchanged", justify="right")
    table.add_column("new versions", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("files", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("cables/s", justify="right")
    table.add_row(
        str(report.new),
        str(report.unchanged),
        str(report.new_versions),
        f"[red]{report.failed}[/red]" if report.failed else "0",
        str(report.files),
        f"{report.seconds:.1f}",
        f"{report.rate:.0f}",
    )
    return table
