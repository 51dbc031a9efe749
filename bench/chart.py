"""The scale curve's chart (SVG, matplotlib) and Markdown table, from ``bench.run`` JSON.

Each point is one run over a corpus of N cables; every figure is drawn beside its same-run
baseline (dashed, same colour).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Point:
    """The figures of one run, by name: (cablebase, baseline)."""

    cables: int
    raw_mb: float
    seconds: float
    runner_rss_mib: float | None
    figures: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


# (stage, row name in the stage's JSON) -> figure name
ROWS = {
    ("parse", "cables/s"): "parse cables/s",
    ("ingest", "SQLite cables/s"): "ingest SQLite cables/s",
    ("ingest", "PostgreSQL cables/s"): "ingest PostgreSQL cables/s",
    ("ingest", "SQLite peak RSS"): "ingest SQLite peak RSS MiB",
    ("ingest", "PostgreSQL peak RSS"): "ingest PostgreSQL peak RSS MiB",
    ("ingest", "SQLite size / raw text"): "SQLite size / raw",
    ("ingest", "PostgreSQL size / raw text"): "PostgreSQL size / raw",
    ("index", "cables/s"): "index cables/s",
    ("index", "bare index size / raw text"): "tantivy size / raw",
    ("web", "cable pages req/s"): "cable pages req/s",
    ("web", "cable pages p50"): "cable pages p50 ms",
    ("web", "search pages req/s"): "search pages req/s",
    ("web", "search pages p50"): "search pages p50 ms",
}


def load_point(path: Path) -> Point:
    data = json.loads(Path(path).read_text())
    p = Point(
        cables=data["sample_cables"],
        raw_mb=data["sample_bytes"] / 1e6,
        seconds=data["seconds"],
        runner_rss_mib=data.get("runner_peak_rss_mib"),
    )
    stages = data["stages"]
    for name, stage in stages.items():
        if stage.get("skipped"):
            p.notes[name] = stage["skipped"]
        for row in stage.get("rows", []):
            key = ROWS.get((name, row["name"]))
            if key:
                p.figures[key] = (row["value"], row["baseline"])
    search = stages.get("search", {}).get("details", {})
    ms = search.get("ms", {})
    for q in ("p50", "p95"):
        arch = ms.get("archive", {}).get(q)
        for base in ("tantivy", "fts5"):
            if base in ms:
                p.figures[f"search {q} ms vs {base}"] = (arch, ms[base][q])
    return p


def _val(p: Point, key: str, i: int) -> float | None:
    v = p.figures.get(key, (None, None))[i]
    return v if isinstance(v, int | float) else None


PANELS: list[tuple[str, list[tuple[str, str]], str, bool]] = [
    (
        "throughput (cables/s; dashed: baseline)",
        [
            ("parse cables/s", "parse (read+split)"),
            ("ingest SQLite cables/s", "ingest SQLite (FTS5 insert)"),
            ("ingest PostgreSQL cables/s", "ingest PostgreSQL (COPY)"),
            ("index cables/s", "index (bare tantivy)"),
        ],
        "cables/s",
        True,
    ),
    (
        "search latency, real-use queries (dashed: bare engine)",
        [
            ("search p50 ms vs tantivy", "p50 (tantivy)"),
            ("search p95 ms vs tantivy", "p95 (tantivy)"),
            ("search p95 ms vs fts5", "p95 (FTS5)"),
        ],
        "ms",
        True,
    ),
    (
        "pages under 32 connections (dashed: same-size static file)",
        [("cable pages req/s", "cable pages"), ("search pages req/s", "search pages")],
        "req/s",
        True,
    ),
    (
        "disk / raw text and peak memory",
        [
            ("SQLite size / raw", "SQLite archive (FTS5 table)"),
            ("PostgreSQL size / raw", "PostgreSQL archive (COPY table)"),
            ("tantivy size / raw", "bare tantivy index"),
        ],
        "x raw text",
        False,
    ),
]


def draw(points: list[Point], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = sorted(points, key=lambda p: p.cables)
    xs = [p.cables for p in points]
    fig, axes = plt.subplots(2, 2, figsize=(12, 8.5))
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for ax, (title, series, unit, log) in zip(axes.flat, PANELS, strict=True):
        for n, (key, label) in enumerate(series):
            c = colours[n % len(colours)]
            ours = [_val(p, key, 0) for p in points]
            base = [_val(p, key, 1) for p in points]
            if any(v is not None for v in ours):
                ax.plot(xs, ours, "o-", color=c, label=label.split(" (")[0])
            if any(v is not None for v in base):
                ax.plot(xs, base, "s--", color=c, alpha=0.6, label=label)
        if title.startswith("disk"):
            ax2 = ax.twinx()
            for key, label, style in (
                ("ingest SQLite peak RSS MiB", "SQLite ingest peak RSS", "^:"),
                ("ingest PostgreSQL peak RSS MiB", "PostgreSQL ingest peak RSS", "v:"),
            ):
                vals = [_val(p, key, 0) for p in points]
                if any(v is not None for v in vals):
                    ax2.plot(xs, vals, style, color="grey", label=label)
            ax2.set_ylabel("MiB")
            if ax2.get_legend_handles_labels()[0]:
                ax2.legend(loc="lower right", fontsize=7)
        ax.set_xscale("log")
        if log:
            ax.set_yscale("log")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("cables in the archive")
        ax.set_ylabel(unit)
        ax.grid(True, which="both", alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7, loc="best")
    fig.suptitle("cablebase scale curve (bench.curve; each point one bench.run)", fontsize=11)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    # a fixed hash salt and no date: the same figures give the same file
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)


def _fmt(v: Any) -> str:
    if not isinstance(v, int | float) or v != v:  # None or NaN
        return "—"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}"


def table(points: list[Point]) -> str:
    """One row per figure, one column pair (cablebase | baseline) per size."""
    points = sorted(points, key=lambda p: p.cables)
    keys = list(dict.fromkeys(k for p in points for k in p.figures))
    head = "| figure | " + " | ".join(f"{p.cables:,}: cablebase | baseline" for p in points)
    lines = [head + " |", "| --- |" + " ---: | ---: |" * len(points)]
    for k in keys:
        cells = []
        for p in points:
            ours, base = p.figures.get(k, (None, None))
            cells += [_fmt(ours), _fmt(base)]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    lines.append(
        "| raw text MB / run s / runner peak RSS MiB | "
        + " | ".join(
            f"{p.raw_mb:,.0f} / {p.seconds:,.0f} | {_fmt(p.runner_rss_mib)}" for p in points
        )
        + " |"
    )
    return "\n".join(lines)


def _hits_share(data: dict) -> tuple[float, float]:
    """Median and mean share of the archive hit by the real-use queries that hit anything."""
    import statistics

    per = data["stages"]["search"]["details"]["per_query"].values()
    shares = [
        r["archive_total"] / data["sample_cables"]
        for r in per
        if r.get("archive_total") and not r.get("pathological")
    ]
    return (statistics.median(shares), statistics.mean(shares)) if shares else (0.0, 0.0)


def search_side_by_side(runs: list[tuple[str, Path]]) -> str:
    """A Markdown table of the search stage of several runs (e.g. old and new corpus)."""
    datas = [(label, json.loads(Path(p).read_text())) for label, p in runs]
    head = "| search, real-use queries | " + " | ".join(label for label, _ in datas) + " |"
    lines = [head, "| --- |" + " ---: |" * len(datas)]

    def row(name: str, fn: Any) -> None:
        cells = []
        for _, d in datas:
            try:
                cells.append(fn(d))
            except (KeyError, TypeError):
                cells.append("—")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")

    def ms(engine: str) -> Any:
        def get(d: dict) -> str:
            m = d["stages"]["search"]["details"]["ms"][engine]
            return " / ".join(_fmt(m[p]) for p in ("p50", "p95", "p99"))

        return get

    row(
        "queries (file)",
        lambda d: "{} ({})".format(
            d["stages"]["search"]["details"]["real_use_queries"],
            Path(d["stages"]["search"]["details"].get("query_file", "queries.txt")).name,
        ),
    )
    row(
        "share of the archive hit: median / mean",
        lambda d: "{:.1%} / {:.1%}".format(*_hits_share(d)),
    )
    row("cablebase.archive.search p50 / p95 / p99 ms", ms("archive"))
    row("bare FTS5 p50 / p95 / p99 ms", ms("fts5"))
    row("bare tantivy p50 / p95 / p99 ms", ms("tantivy"))
    row(
        "grep -c -i -F p50 / p95 / p99 ms",
        lambda d: " / ".join(
            _fmt(d["stages"]["search"]["details"]["grep_ms"][p]) for p in ("p50", "p95", "p99")
        ),
    )
    row(
        "pathological queries: archive p50 / max ms",
        lambda d: " / ".join(
            _fmt(d["stages"]["search"]["details"]["pathological_ms"]["archive"][p])
            for p in ("p50", "p99")
        ),
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.chart LABEL=RUN.json [LABEL=RUN.json ...]``: search side by side."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args or any("=" not in a for a in args):
        print("usage: python -m bench.chart LABEL=RUN.json [LABEL=RUN.json ...]")
        return 2
    runs = [(a.split("=", 1)[0], Path(a.split("=", 1)[1])) for a in args]
    print(search_side_by_side(runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
