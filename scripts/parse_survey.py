"""How often the parser finds each header field on the real cable-viewer pages.

Reads the 2010 pages and the 2011 zip from ../shared/corpus, parses each page
and prints one JSON object: the share of cables with an empty subject, TAGS,
classified-by, summary and signers, the cables where all four header fields
came back empty, and how many resolved REF ids are ids the collection is known
to cite (../shared/data/cablegate-referenced-ids.txt, an independent check).

    .venv/bin/python scripts/parse_survey.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path


def pages(shared: Path) -> Iterator[tuple[str, bytes]]:
    for page in sorted((shared / "corpus" / "cablegate-2010-pages").glob("*.html")):
        yield f"2010/{page.name}", page.read_bytes()
    with zipfile.ZipFile(shared / "corpus" / "cablegate-2011-04-pages.zip") as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(".html"):
                yield f"2011/{name}", archive.read(name)


def main(argv: list[str] | None = None) -> int:
    from cablebase.parse import ParseError, parse_document

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args(argv)
    known = set((args.shared / "data" / "cablegate-referenced-ids.txt").read_text().split())
    empty = {"subject": 0, "tags": 0, "classified_by": 0, "summary": 0, "signers": 0}
    counts = {"cables": 0, "errors": 0, "header_all_empty": 0}
    refs = {"cable": 0, "resolved": 0, "resolved_known": 0, "other": 0}
    for _name, data in pages(args.shared):
        try:
            r = parse_document(data)
        except ParseError:
            counts["errors"] += 1
            continue
        counts["cables"] += 1
        for field in empty:
            if not getattr(r, field):
                empty[field] += 1
        if not (r.subject or r.tags or r.references or r.classified_by):
            counts["header_all_empty"] += 1
        for ref in r.references:
            refs[ref.kind] += 1
            if ref.reference_id:
                refs["resolved"] += 1
                refs["resolved_known"] += ref.reference_id in known
    n = max(counts["cables"], 1)
    report = {
        **counts,
        "empty_share": {k: round(v / n, 4) for k, v in empty.items()},
        "references": refs,
        "resolved_known_share": round(refs["resolved_known"] / max(refs["resolved"], 1), 4),
    }
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
