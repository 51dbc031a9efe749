"""How often a cable's text alone, without the viewer page around it, gives its id and date.

Takes the ``<pre>`` text of every real viewer page in ../shared/corpus (the
transmission header block and the text, as a reader would copy them), parses
it as a bare telegram and compares the reference id and creation date with
the page's metadata table. Prints one JSON object of counts.

    .venv/bin/python scripts/bare_text_survey.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_survey import pages

_TABLE_RE = re.compile(rb"<table\s+class=['\"]cable['\"]", re.I)
_PRE_RE = re.compile(rb"<pre>(.*?)</pre>", re.S)
_TAG_RE = re.compile(r"<[^>]+>")


def bare_text(data: bytes) -> str:
    """The page's ``<pre>`` blocks as plain text, as someone copying the cable gets it."""
    at = _TABLE_RE.search(data)
    pres = _PRE_RE.findall(data[at.start() if at else 0 :])
    text = "\n".join(p.decode("utf-8", "replace") for p in pres)
    return html.unescape(_TAG_RE.sub("", text.replace("&#x000A;", "\n")))


def main(argv: list[str] | None = None) -> int:
    from cablebase.parse import ParseError, parse_document

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--dump", type=Path, help="write each page's id and date as JSON lines")
    args = ap.parse_args(argv)
    dump = args.dump.open("w") if args.dump else None
    counts = dict.fromkeys(
        ("pages", "errors", "id_right", "id_wrong", "id_none", "date_right", "date_none"), 0
    )
    for name, data in pages(args.shared):
        try:
            page = parse_document(data)
        except ParseError:
            continue
        counts["pages"] += 1
        try:
            bare = parse_document(bare_text(data).encode(), format="telegram-text")
        except ParseError:
            counts["errors"] += 1
            continue
        if dump:
            row = {"page": name, "id": bare.reference_id, "created": bare.created}
            dump.write(json.dumps(row) + "\n")
        if bare.reference_id is None:
            counts["id_none"] += 1
        elif bare.reference_id == page.reference_id:
            counts["id_right"] += 1
        else:
            counts["id_wrong"] += 1
        if bare.created is None:
            counts["date_none"] += 1
        elif page.created and bare.created[:10] == page.created[:10]:
            counts["date_right"] += 1
    if dump:
        dump.close()
    json.dump(counts, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
