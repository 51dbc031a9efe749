"""Field-by-field agreement of the parser's records with the generated ground truth.

Text fields are compared with whitespace collapsed (line wrapping is layout, not content);
identifiers, dates and lists exactly. ``source.path`` is compared by file name.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.stages import Row, StageResult

GOAL = 0.99
MAX_EXAMPLES = 3


class TruthStore:
    """Ground truth on disk, looked up by reference id: the stage streams records against
    it instead of holding every truth and record in memory (8.7 GB at 250,000 cables)."""

    def __init__(self, path: Path, truths: Iterator[dict]) -> None:
        path.unlink(missing_ok=True)
        self.con = sqlite3.connect(path)
        self.con.execute("CREATE TABLE truth (rid TEXT PRIMARY KEY, data BLOB)")
        with self.con:
            self.con.executemany(
                "INSERT OR REPLACE INTO truth VALUES (?, ?)",
                ((t["reference_id"], zlib.compress(json.dumps(t).encode(), 1)) for t in truths),
            )
        self.count = self.con.execute("SELECT count(*) FROM truth").fetchone()[0]

    def get(self, rid: str) -> dict | None:
        row = self.con.execute("SELECT data FROM truth WHERE rid = ?", (rid,)).fetchone()
        return json.loads(zlib.decompress(row[0])) if row else None

    def __len__(self) -> int:
        return self.count

    def close(self) -> None:
        self.con.close()


def _ws(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _unsigned(d: dict) -> str | None:
    """The body without a trailing signature line (the spec leaves that choice open)."""
    body = _ws(d.get("body"))
    for signer in d.get("signers") or []:
        if body and body.endswith(" " + signer):
            body = body[: -len(signer) - 1]
    return body


def _recips(value: list[dict]) -> list[tuple]:
    return [(r.get("route"), r.get("name"), r.get("precedence"), r.get("mcn")) for r in value]


def _get(*keys: str) -> Callable[[dict], Any]:
    def get(d: dict) -> Any:
        for k in keys:
            d = (d or {}).get(k)
        return d

    return get


FIELDS: dict[str, Callable[[dict], Any]] = {
    name: _get(name)
    for name in (
        "reference_id",
        "origin",
        "origin_code",
        "created",
        "released",
        "classification",
        "caveats",
        "precedence",
        "dtg",
        "transmission_id",
        "sender",
        "sections",
        "eo",
        "declassify_on",
        "declassify_rule",
        "tags",
        "reasons",
        "signers",
        "partial",
    )
}
FIELDS.update(
    {
        "recipients": lambda d: _recips(d.get("recipients") or []),
        "info_recipients": lambda d: _recips(d.get("info_recipients") or []),
        "subject": lambda d: _ws(d.get("subject")),
        "summary": lambda d: _ws(d.get("summary")),
        "classified_by.name": _get("classified_by", "name"),
        "classified_by.title": _get("classified_by", "title"),
        "classified_by.text": lambda d: _ws(_get("classified_by", "text")(d)),
        "references": lambda d: [
            (r["label"], r["kind"], r["reference_id"]) for r in d.get("references") or []
        ],
        "references.text": lambda d: [_ws(r["text"]) for r in d.get("references") or []],
        "paragraphs.count": lambda d: len(d.get("paragraphs") or []),
        "paragraphs": lambda d: [
            (p["number"], p["marking"], _ws(p["text"])) for p in d.get("paragraphs") or []
        ],
        "header": lambda d: _ws(d.get("header")),
        "body": lambda d: _ws(d.get("body")),
        "body (signature excluded)": lambda d: _unsigned(d),
        "source.format": _get("source", "format"),
        "source.path": lambda d: Path(_get("source", "path")(d) or "").name or None,
        "source.sha256": _get("source", "sha256"),
    }
)


def compare(records: Iterable[dict], truth: Any) -> dict[str, Any]:
    """Counts of agreement per field, overall and per input format, with a few examples."""
    agree: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    total: dict[str, int] = defaultdict(int)
    examples: dict[str, list[dict]] = defaultdict(list)
    unmatched = 0
    for rec in records:
        want = truth.get(rec.get("reference_id") or "")
        if want is None:
            unmatched += 1
            continue
        fmt = want["source"]["format"]
        total[fmt] += 1
        total["all"] += 1
        for name, get in FIELDS.items():
            ours, theirs = get(rec), get(want)
            if ours == theirs:
                agree[name][fmt] += 1
                agree[name]["all"] += 1
            elif len(examples[name]) < MAX_EXAMPLES:
                examples[name].append(
                    {
                        "reference_id": want["reference_id"],
                        "format": fmt,
                        "parsed": repr(ours)[:300],
                        "truth": repr(theirs)[:300],
                    }
                )
    missing = len(truth) - total["all"]
    return {
        "agree": agree,
        "total": dict(total),
        "examples": examples,
        "unmatched": unmatched,
        "missing": missing,
    }


def run(records: Iterable[Any], truth: Any, parse_errors: int | Callable[[], int]) -> StageResult:
    """Agreement per field; cables the parser failed on or mis-identified count as misses.
    ``records`` may be a generator and ``truth`` a ``TruthStore`` (nothing held in memory);
    ``parse_errors`` may be a callable read once the records are consumed."""
    result = StageResult("accuracy", goal=f"{GOAL:.0%} per field on generated cables")
    counts = compare((r.to_dict() if hasattr(r, "to_dict") else r for r in records), truth)
    n = len(truth)
    formats = sorted(k for k in counts["total"] if k != "all")
    table = {}
    for name in FIELDS:
        per = {f: counts["agree"][name][f] / counts["total"][f] for f in formats}
        share = counts["agree"][name]["all"] / n if n else 0.0
        table[name] = {"all": share, **per}
        result.rows.append(Row(name, 100 * share, 100 * GOAL, "%", "goal"))
    if callable(parse_errors):
        parse_errors = parse_errors()
    result.details = {
        "cables": n,
        "parse_errors": parse_errors,
        "unmatched_records": counts["unmatched"],
        "missing_records": counts["missing"],
        "formats": {f: counts["total"][f] for f in formats},
        "by_field": table,
        "examples": counts["examples"],
        "below_goal": sorted(k for k, v in table.items() if v["all"] < GOAL),
    }
    return result
