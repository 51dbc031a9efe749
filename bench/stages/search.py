"""Search latency over ``bench/queries.txt`` through the archive's public entry point
(``cablebase.archive.search.search``), beside a bare FTS5 table, a bare tantivy index and a
grep scan of the same text. Pathological queries (stop words) are reported apart.

Each engine runs each query once more than ``repeats``: the first run of a query is its
cold figure (it reads the index's pages from disk, so it measures the disk and what the
page cache happened to hold as much as the engine), the others its steady state, which
the rows and the ratios compare. Both are kept in the details."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.stages import Row, Skip, StageResult, percentile, require, require_module_file

QUERIES = Path(__file__).resolve().parents[1] / "queries.txt"
GOAL_P95_MS = 50
SLOW_S = 1.0
BUDGET_S = 90.0
TOKEN = re.compile(r'-?"[^"]*"|\(|\)|[^\s()]+')


@dataclass(frozen=True, slots=True)
class Query:
    kind: str
    text: str
    page: int = 1
    sort: str = "relevance"

    @property
    def pathological(self) -> bool:
        return self.kind == "pathological"

    @property
    def key(self) -> str:
        """The query as ``queries.txt`` writes it (text, page, sort): unique in the set."""
        return " | ".join([self.text, f"page={self.page}", f"sort={self.sort}"])

    def text_terms(self) -> list[str]:
        """Words and phrases of the query, fields and negations dropped (for the baselines)."""
        out, skip = [], False
        for tok in TOKEN.findall(self.text):
            if skip:
                skip = False
                continue
            if tok == "NOT":
                skip = True
                continue
            if tok in ("(", ")", "AND") or tok.startswith("-") or ":" in tok:
                continue
            out.append(tok)
        return out

    def fts(self) -> str | None:
        """The text part as an FTS5 expression (terms quoted so punctuation is literal)."""
        parts = []
        for tok in self.text_terms():
            if tok == "OR":
                parts.append("OR")
            elif tok.endswith("*"):
                parts.append(f'"{tok[:-1]}"*')
            else:
                parts.append('"' + tok.strip('"').replace('"', "") + '"')
        while parts and parts[-1] == "OR":
            parts.pop()
        return " ".join(parts) or None

    def grep_pattern(self) -> str | None:
        terms = [t.strip('"').rstrip("*") for t in self.text_terms() if t != "OR"]
        return max(terms, key=len) if terms else None


def load_queries(path: Path = QUERIES) -> list[Query]:
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 2:
            raise SystemExit(f"{path}:{n}: expected 'KIND | QUERY [| page=N] [| sort=S]'")
        opts = dict(p.split("=", 1) for p in parts[2:])
        out.append(
            Query(parts[0], parts[1], int(opts.get("page", 1)), opts.get("sort", "relevance"))
        )
    return out


def _stats(lat: list[float]) -> dict[str, float]:
    return {f"p{p}": 1000 * percentile(lat, p) for p in (50, 95, 99)}


def archive_latencies(db: str, queries: list[Query], repeats: int) -> dict[str, Any]:
    """Per query text: seconds of each repeat and the total; errors apart."""
    from cablebase.django_setup import setup

    setup(db)
    search = require("cablebase.archive.search").search
    forget = getattr(require("cablebase.archive.search.index").engine(), "forget_memo", None)
    per: dict[str, Any] = {}
    errors: dict[str, str] = {}
    spent = 0.0
    for q in queries:
        mine: list[float] = []
        total = None
        for _ in range(repeats + 1):
            # a query slower than SLOW_S, or a stage past BUDGET_S, is not repeated: its cold
            # timing is what the percentiles see (the run must stay bounded)
            if mine and (mine[0] > SLOW_S or spent > BUDGET_S):
                break
            if forget is not None:
                forget()  # every repeat from cold: no facet counts or word forms remembered
            t0 = time.perf_counter()
            try:
                res = search(q.text, page=q.page, sort=q.sort)
            except Exception as exc:  # a failing query is a finding, not a crash
                errors[q.key] = f"{type(exc).__name__}: {exc}"[:200]
                break
            mine.append(time.perf_counter() - t0)
            spent += mine[-1]
            total = res.total
        if mine:
            per[q.key] = split_cold(mine, total)
    return {"per_query": per, "errors": errors}


def split_cold(times: list[float], total: Any) -> dict[str, Any]:
    """A query's timings as the stage keeps them: the first run apart as its cold figure;
    a query that ran once (too slow to repeat) keeps that run as its steady figure too."""
    return {"cold": times[0], "seconds": times[1:] or times[:1], "total": total}


def fts_latencies(fts: Path, queries: list[Query], repeats: int) -> dict[str, dict[str, Any]]:
    con = sqlite3.connect(fts)
    out: dict[str, dict[str, Any]] = {}
    for q in queries:
        expr = q.fts()
        if not expr:
            continue
        times, total = [], 0
        for _ in range(repeats + 1):
            t0 = time.perf_counter()
            total = con.execute(
                "SELECT count(*) FROM cable WHERE cable MATCH ?", (expr,)
            ).fetchone()[0]
            con.execute(
                "SELECT reference_id, snippet(cable, 1, '<mark>', '</mark>', '…', 12) FROM cable"
                " WHERE cable MATCH ? ORDER BY rank LIMIT 20 OFFSET ?",
                (expr, 20 * (q.page - 1)),
            ).fetchall()
            times.append(time.perf_counter() - t0)
        out[q.key] = split_cold(times, total)
    con.close()
    return out


def grep_latencies(paths: list[Path], queries: list[Query]) -> list[float]:
    lat = []
    names = b"\0".join(str(p).encode() for p in paths)
    for q in queries:
        pattern = q.grep_pattern()
        if not pattern:
            continue
        t0 = time.perf_counter()
        # through xargs: 250,000 paths are past the kernel's limit on one command line
        subprocess.run(
            ["xargs", "-0", "grep", "-c", "-i", "-F", "--", pattern],
            input=names,
            capture_output=True,
        )
        lat.append(time.perf_counter() - t0)
    return lat


def _pool(per: dict[str, dict[str, Any]], queries: list[Query], pathological: bool) -> list:
    return [
        t
        for q in queries
        if q.pathological == pathological
        for t in per.get(q.key, {}).get("seconds", [])
    ]


def _cold(per: dict[str, dict[str, Any]], queries: list[Query]) -> list[float]:
    return [per[q.key]["cold"] for q in queries if not q.pathological and q.key in per]


def run(
    db: str | None,
    fts: Path | None,
    tantivy_dir: Path | None,
    grep_paths: list[Path],
    repeats: int,
    queries_path: Path = QUERIES,
) -> StageResult:
    require_module_file("cablebase.archive.search")
    if not db or not fts:
        raise Skip("no ingested archive (the ingest stage did not run)")
    queries = load_queries(queries_path)
    real = [q for q in queries if not q.pathological]
    ours = archive_latencies(db, queries, repeats)
    if not ours["per_query"]:
        raise Skip(f"every query failed: {next(iter(ours['errors'].values()), '')}")
    engines: dict[str, dict[str, dict[str, Any]]] = {"archive": ours["per_query"]}
    engines["fts5"] = fts_latencies(fts, queries, repeats)
    tantivy_note = None
    if tantivy_dir is not None:
        from bench.stages import tantivy_base

        try:
            engines["tantivy"] = tantivy_base.latencies(tantivy_dir, queries, repeats)
        except Skip as exc:
            tantivy_note = str(exc)
    grep = grep_latencies(grep_paths, real)
    stats = {name: _stats(_pool(per, queries, False)) for name, per in engines.items()}
    g = _stats(grep)
    a = stats["archive"]
    result = StageResult("search", goal=f"p95 < {GOAL_P95_MS} ms (real-use queries)")
    labels = {"fts5": "bare FTS5", "tantivy": "bare tantivy"}
    for name in ("tantivy", "fts5"):
        if name in stats:
            for p in ("p50", "p95", "p99"):
                result.rows.append(
                    Row(f"{p} latency", a[p], stats[name][p], "ms", labels[name], False)
                )
    for p in ("p50", "p95"):
        result.rows.append(Row(f"{p} latency vs grep", a[p], g[p], "ms", "grep -c -i -F", False))
    per_query = {}
    for q in queries:
        row: dict[str, Any] = {"kind": q.kind, "pathological": q.pathological}
        for name, per in engines.items():
            if q.key in per:
                row[f"{name}_ms"] = 1000 * min(per[q.key]["seconds"])
                row[f"{name}_total"] = per[q.key]["total"]
        per_query[q.key] = row
    result.details = {
        "query_file": str(queries_path),
        "queries": len(queries),
        "real_use_queries": len(real),
        "pathological_queries": [q.text for q in queries if q.pathological],
        "repeats": repeats,
        "ms": stats,
        "cold_ms": {name: _stats(_cold(per, queries)) for name, per in engines.items()},
        "pathological_ms": {
            name: _stats(_pool(per, queries, True)) for name, per in engines.items()
        },
        "grep_ms": g,
        "grep_files": len(grep_paths),
        "tantivy": tantivy_note or "measured",
        "errors": ours["errors"],
        "per_query": per_query,
    }
    return result
