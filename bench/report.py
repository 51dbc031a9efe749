"""Print stage results as rich tables (figure, baseline, ratio; skipped stages say why)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from bench.stages import StageResult


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:.2f} %"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:,.2f} {unit}"


def print_results(results: dict[str, StageResult], seconds: float) -> None:
    console = Console(stderr=False)
    for name, res in results.items():
        if res.skipped:
            console.print(f"[bold]{name}[/bold]: [yellow]skipped: {res.skipped}[/yellow]")
            continue
        table = Table(title=f"{name}  (goal: {res.goal})", title_justify="left")
        for col in ("measure", "cablebase", "baseline", "", "ratio"):
            table.add_column(
                col, justify="right" if col in ("cablebase", "baseline", "ratio") else "left"
            )
        for row in res.rows:
            ratio = row.ratio
            table.add_row(
                row.name,
                _fmt(row.value, row.unit),
                _fmt(row.baseline, row.unit),
                row.baseline_name,
                f"{ratio:.2f}x" if ratio is not None else "—",
            )
        console.print(table)
        if name == "accuracy":
            d = res.details
            console.print(
                f"  {d['cables']:,} cables, {d['parse_errors']} parse errors, "
                f"{d['missing_records']} without a record; below goal: "
                + (", ".join(d["below_goal"]) or "none")
            )
    console.print(f"total {seconds:.1f} s")
