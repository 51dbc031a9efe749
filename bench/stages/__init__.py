"""Benchmark stages. Each returns a ``StageResult`` measured beside its baseline, or raises
``Skip`` with a reason when what it measures is not importable yet."""

from __future__ import annotations

import math
import resource
import statistics
from dataclasses import dataclass, field
from typing import Any


class Skip(Exception):
    """The stage cannot run here (a dependency is missing); the reason is reported."""


@dataclass(slots=True)
class Row:
    """One line of a stage's table: what, our figure, the baseline's figure, unit."""

    name: str
    value: float | None
    baseline: float | None = None
    unit: str = ""
    baseline_name: str = ""
    higher_is_better: bool = True

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline


@dataclass(slots=True)
class StageResult:
    name: str
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None
    goal: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "skipped": self.skipped,
            "goal": self.goal,
            "rows": [
                {
                    "name": r.name,
                    "value": r.value,
                    "unit": r.unit,
                    "baseline_name": r.baseline_name,
                    "baseline": r.baseline,
                    "ratio": r.ratio,
                }
                for r in self.rows
            ],
            "details": self.details,
        }


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """Processor seconds (user + system) of this process, every thread, or with
    ``resource.RUSAGE_CHILDREN`` of its finished children: on a shared machine the
    figure that tells the work apart from the others' load."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], p: float) -> float:
    """Percentile (p in 0..100) as wrk computes it, so every bench figure and the load
    generator agree: the value of rank ``round(p/100 * n + 0.5)`` (C rounding, halves up)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = math.floor(p / 100 * len(ordered) + 0.5 + 0.5)
    return ordered[max(0, min(len(ordered) - 1, rank - 1))]


def require(module: str) -> Any:
    """Import ``module`` or raise Skip naming it."""
    import importlib

    try:
        return importlib.import_module(module)
    except Exception as exc:  # ImportError, or a half-written module failing at import
        raise Skip(f"{module} not importable ({type(exc).__name__}: {exc})") from exc


def require_module_file(module: str) -> None:
    """Raise Skip unless ``module`` exists (without importing it: Django apps need setup first)."""
    import importlib.util

    try:
        found = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        raise Skip(f"{module} does not exist yet")
