"""The corpus as the stages see it: its files by format, a bounded sample, its truth."""

from __future__ import annotations

import contextlib
import csv
import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@contextlib.contextmanager
def big_fields() -> Iterator[None]:
    """Let the bench's own CSV reading take cables of several hundred KB, then restore the
    limit, so the parser under test is measured with the interpreter's default."""
    old = csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(old)


SINGLE_DIRS = {"telegrams": "telegram-text", "reposts": "repost-text", "html": "wikileaks-html"}


@dataclass(slots=True)
class Sample:
    """Files to parse: bulk CSV files and single-cable files, with their total bytes."""

    csv_files: list[Path] = field(default_factory=list)
    singles: list[tuple[Path, str]] = field(default_factory=list)  # (path, format)
    cables: int = 0
    nbytes: int = 0

    def all_paths(self) -> list[Path]:
        return [*self.csv_files, *(p for p, _ in self.singles)]


def manifest(corpus: Path) -> dict:
    path = corpus / "manifest.json"
    if not path.is_file():
        raise SystemExit(f"{corpus}: not a generated corpus (no manifest.json); run bench.generate")
    return json.loads(path.read_text())


def single_files(corpus: Path) -> list[tuple[Path, str]]:
    out = []
    for sub, fmt in sorted(SINGLE_DIRS.items()):
        if (corpus / sub).is_dir():
            suffix = ".html" if fmt == "wikileaks-html" else ".txt"
            out += [(p, fmt) for p in sorted((corpus / sub).rglob(f"*{suffix}"))]
    return out


def csv_count(path: Path) -> int:
    with big_fields(), open(path, newline="", encoding="utf-8") as fh:
        return sum(1 for _ in csv.reader(fh))


def head_csv(src: Path, dst: Path, rows: int) -> int:
    """Copy the first ``rows`` rows of a bulk CSV (byte-identical for the generator's files)."""
    n = 0
    with (
        big_fields(),
        open(src, newline="", encoding="utf-8") as fin,
        open(dst, "w", newline="", encoding="utf-8") as fout,
    ):
        writer = csv.writer(fout, lineterminator="\n")
        for row in csv.reader(fin):
            if n >= rows:
                break
            writer.writerow(row)
            n += 1
    return n


def sample(corpus: Path, limit: int, work: Path) -> Sample:
    """Up to ``limit`` cables in the corpus's format mix: CSV rows first, then single files."""
    m = manifest(corpus)
    total = max(1, m["cables"])
    share_single = 1 - m["counts"].get("cables-csv", 0) / total
    singles = single_files(corpus)
    want_single = min(len(singles), round(limit * share_single))
    s = Sample()
    step = max(1, len(singles) // max(1, want_single)) if want_single else 1
    s.singles = singles[::step][:want_single]
    rows_left = limit - len(s.singles)
    for name in m.get("csv_files", []):
        if rows_left <= 0:
            break
        path = corpus / name
        rows = csv_count(path)
        if rows > rows_left:
            (work / "csv").mkdir(parents=True, exist_ok=True)
            cut = work / "csv" / path.name  # same file name: source.path compares by name
            rows = head_csv(path, cut, rows_left)
            path = cut
        s.csv_files.append(path)
        s.cables += rows
        rows_left -= rows
    s.cables += len(s.singles)
    s.nbytes = sum(p.stat().st_size for p in s.all_paths())
    return s


def truth(corpus: Path, wanted: set[str] | None = None) -> Iterator[dict]:
    """Ground-truth records (all, or those whose reference id is in ``wanted``)."""
    with gzip.open(corpus / "truth.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if wanted is not None:
                start = line.find('"reference_id":"') + 16
                rid = line[start : line.find('"', start)]
                if rid not in wanted:
                    continue
            yield json.loads(line)


def texts(corpus_files: Sample) -> Iterator[tuple[str, str]]:
    """(reference id or file name, raw text) per cable: CSV header + body, or the whole file."""
    for path in corpus_files.csv_files:
        with big_fields(), open(path, newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                yield row[2], row[6] + "\n" + row[7]
    for path, _fmt in corpus_files.singles:
        yield path.stem, path.read_text(encoding="utf-8", errors="replace")


def texts_ids(s: Sample) -> list[str]:
    """Reference ids of the sample's cables (CSV column 3; single files are named by id)."""
    ids = []
    for path in s.csv_files:
        with big_fields(), open(path, newline="", encoding="utf-8") as fh:
            ids += [row[2] for row in csv.reader(fh)]
    for path, _fmt in s.singles:
        stem = path.stem
        ids.append(stem.split("_", 1)[1].upper() if "_" in stem else stem)
    return ids
