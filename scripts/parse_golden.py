"""Dump every record the parser makes from the real cables, to compare two versions of it.

A change meant only to make the parser faster must leave this output byte for byte
the same. It parses the cable-viewer pages of ``../shared/corpus`` (2010 pages,
the 2011 zip, the early-2011 pages, the seeds), the repository's ``samples/`` (the
same kinds plus the bulk CSV), each page's text again as a bare telegram (what
the bench's ``texts-2010`` set parses), and a fixed set of mutated cables from
``bench/fuzz_parse.py`` (hostile shapes: runs, cuts, flattened and nested copies).
Each input gives one JSON line: its name and its record, or its ParseError.

    .venv/bin/python scripts/parse_golden.py --out /tmp/before.jsonl
    .venv/bin/python scripts/parse_golden.py --out /tmp/after.jsonl --compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: bench/ sits beside scripts/
    sys.path.insert(0, str(ROOT))


def _pages(shared: Path) -> Iterator[tuple[str, bytes]]:
    corpus = shared / "corpus"
    for folder in ("seeds", "wikileaks-html", "cablegate-2010-pages"):
        for p in sorted((corpus / folder).glob("*.*")):
            yield f"corpus/{folder}/{p.name}", p.read_bytes()
    with zipfile.ZipFile(corpus / "cablegate-2011-04-pages.zip") as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(".html"):
                yield f"corpus/2011/{name}", archive.read(name)


def _samples() -> Iterator[tuple[str, bytes]]:
    for folder in ("seeds", "wikileaks-html", "cablegate-2010-pages"):
        for p in sorted((ROOT / "samples" / folder).glob("*.*")):
            yield f"samples/{folder}/{p.name}", p.read_bytes()


def _as_telegram(data: bytes) -> bytes | None:
    """The page's transmission header and text as a bare telegram (the bench's texts)."""
    from cablebase.parse import ParseError
    from cablebase.parse.context import Context
    from cablebase.parse.formats.wikileaks_html import read

    try:
        state = read(data.decode("utf-8", errors="replace"), Context())
    except ParseError:
        return None
    return ((state.transmission + "\n\n" + state.text).strip() + "\n").encode("utf-8")


def inputs(shared: Path, mutated: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """Every (name, bytes) the golden file covers, in a fixed order."""
    from bench.fuzz_parse import load_cables, mutate

    pages = list(_pages(shared)) + list(_samples())
    yield from pages
    for name, data in pages:
        if name.endswith(".html"):
            text = _as_telegram(data)
            if text is not None:
                yield name + ".txt", text
    rng = random.Random(seed)
    cables = load_cables()
    for case in range(mutated):
        index = rng.randrange(len(cables))
        data, how = mutate(cables[index], rng)
        yield f"fuzz/{case} cable {index}: {how}", data


def _csv_records() -> Iterator[tuple[str, str]]:
    from cablebase.parse import ParseError, parse_path

    path = ROOT / "samples" / "bulk-csv" / "cables.csv"
    for i, item in enumerate(parse_path(path)):
        name = f"samples/bulk-csv/cables.csv#{i}"
        if isinstance(item, ParseError):
            yield name, json.dumps({"error": str(item)})
        else:
            yield name, json.dumps(_stable(item.to_dict()), sort_keys=True)


def _stable(record: dict) -> dict:
    source = record.get("source")
    if source:
        source["path"] = None  # the bulk CSV's path is absolute: leave it out
    return record


def dump(shared: Path, mutated: int, seed: int) -> Iterator[tuple[str, str]]:
    """(name, JSON line) for every input: the record, or the ParseError's message."""
    from cablebase.parse import ParseError, parse_document

    for name, data in inputs(shared, mutated, seed):
        try:
            out = _stable(parse_document(data, path=name).to_dict())
        except ParseError as exc:
            out = {"error": str(exc)}
        yield name, json.dumps(out, sort_keys=True)
    yield from _csv_records()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, required=True, help="JSON lines to write")
    ap.add_argument("--compare", type=Path, help="an earlier --out file to compare with")
    ap.add_argument("--mutated", type=int, default=3000, help="mutated cables (default 3000)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    count = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for name, line in dump(args.shared, args.mutated, args.seed):
            fh.write(json.dumps(name) + "\t" + line + "\n")
            count += 1
    report: dict[str, object] = {"inputs": count, "out": str(args.out)}
    if args.compare:
        old = args.compare.read_text(encoding="utf-8").splitlines()
        new = args.out.read_text(encoding="utf-8").splitlines()
        differ = [json.loads(b.split("\t", 1)[0]) for a, b in zip(old, new, strict=False) if a != b]
        report.update(
            compared=str(args.compare),
            same_count=len(old) == len(new),
            differ=len(differ),
            first_differences=differ[:20],
        )
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")
    return 1 if report.get("differ") or report.get("same_count") is False else 0


if __name__ == "__main__":
    raise SystemExit(main())
