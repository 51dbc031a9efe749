"""What an ingest tells its caller, and how the terminal shows it."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ERRORS = 200  # kept on the report and the run row; the quarantine holds them all


@dataclass
class IngestReport:
    run_id: int | None = None
    new: int = 0
    unchanged: int = 0
    new_versions: int = 0
    failed: int = 0
    files: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def cables(self) -> int:
        return self.new + self.unchanged + self.new_versions

    @property
    def rate(self) -> float:
        return self.cables / self.seconds if self.seconds > 0 else 0.0

    def add_error(self, message: str) -> None:
        self.failed += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)


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
