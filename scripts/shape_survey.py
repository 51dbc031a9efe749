"""How many real pages give each field, overall and per shape of page.

Parses the 2010 pages and the 2011 zip from ../shared/corpus (as
``parse_survey.py`` does) and counts, for each field, the pages where it is
found; the same counts are given for the pages of each shape in
``docs/record.md`` that a page can be told by from its text: the 2011 pages
with a catalogue block (``refid:`` ... ``header ends``), pages with a teaser
(cut by ``...``, then a catalogue record or a second copy of the opening),
flattened copies (paragraphs glued on one long line; E.O. and TAGS on one
line), and pages with a page break inside the TO or INFO list.
``classified_by_whole`` counts names the page writes whole (a teaser cut
``Politica...`` is not one). ``--dump FILE`` writes each page's fields as JSON lines,
so two runs (before and after a change) can be compared page by page.

    .venv/bin/python scripts/shape_survey.py [--shared ../shared] [--dump out.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_survey import pages

FIELDS = (
    "reference_id",
    "created",
    "dtg",
    "sender",
    "recipients",
    "info_recipients",
    "eo",
    "tags",
    "subject",
    "references",
    "classified_by",
    "reasons",
    "summary",
    "signers",
    "paragraphs",
)
_PRE_RE = re.compile(rb"<pre>(.*?)</pre>", re.S)
_CATALOGUE_RE = re.compile(rb"(?m)^refid: \d\d[A-Z]")
_PAGE_IN_LIST_RE = re.compile(
    rb"(?m)^(?:TO |INFO )?PAGE \d\d [A-Z ]+\d{4,6}(?: \d\d OF \d\d)? \d{6}Z"
)
_GLUED_PARAS_RE = re.compile(rb"(?:^|[.\"] )\d{1,2}\. \(")
_EO_TAGS_RE = re.compile(rb"E\.O\. \d{5}[^\n]*TAGS")


_TAG_RE = re.compile(rb"<[^>]+>")
_TEASER_END_RE = re.compile(rb"\.\.\.[ \t]*(?:\n|(?=id: ))")
_RECORD_START_RE = re.compile(rb"\s*(?:id: \d|ID: ?\d|<<\d|Cable dated|\d{3,7}[,\t\n])")


def _squashed(line: bytes) -> bytes:
    return b"".join(line.split())[:16]


def _has_teaser(text: bytes) -> bool:
    """A teaser cut with "..." then a catalogue record or a second copy of the opening."""
    text = _TAG_RE.sub(b"", text)
    opening = _squashed(text.lstrip().split(b"\n", 1)[0])
    for m in _TEASER_END_RE.finditer(text, 0, 4000):
        rest = text[m.end() :]
        if _RECORD_START_RE.match(rest):
            return True
        if len(opening) >= 8 and _squashed(rest.lstrip().split(b"\n", 1)[0]) == opening:
            return True
    return False


def shapes(data: bytes) -> list[str]:
    """The shapes a page shows in its ``<pre>`` text (a page may show several)."""
    pres = [p.replace(b"&#x000A;", b"\n") for p in _PRE_RE.findall(data)]
    if not pres:
        return []
    text, header = pres[-1], b"\n".join(pres[:-1])
    out = []
    if _CATALOGUE_RE.search(text):
        out.append("catalogue")
    if _has_teaser(text):
        out.append("teaser")
    lines = text.split(b"\n")
    if any(len(ln) >= 1000 and len(_GLUED_PARAS_RE.findall(ln)) >= 2 for ln in lines):
        out.append("flattened text")
    if _EO_TAGS_RE.search(text):
        out.append("flattened header")
    if _PAGE_IN_LIST_RE.search(header) or _PAGE_IN_LIST_RE.search(text[:3000]):
        out.append("page break in addressees")
    return out


def _whole(name: str, data: bytes) -> bool:
    """The classifying official's name as the page writes it, not cut off by a teaser."""
    probe = name.encode("utf-8", "replace")
    at = data.find(probe)
    while at != -1:
        after = data[at + len(probe) : at + len(probe) + 3]
        if not (after[:1].isalpha() or after == b"..."):
            return True
        at = data.find(probe, at + 1)
    return False


def fields(record: object) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in FIELDS:
        value = getattr(record, name)
        if name == "classified_by" and value is not None:
            value = [value.name, value.title]
        elif name in ("recipients", "info_recipients"):
            value = [x.name for x in value]
        elif name == "references":
            value = [x.reference_id or x.text for x in value]
        elif name == "paragraphs":
            value = len(value)
        out[name] = value
    return out


def main(argv: list[str] | None = None) -> int:
    from cablebase.parse import ParseError, parse_document

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--dump", type=Path, help="write each page's fields as JSON lines")
    args = ap.parse_args(argv)
    groups: dict[str, dict[str, int]] = {}
    dump = args.dump.open("w") if args.dump else None
    for name, data in pages(args.shared):
        try:
            found = fields(parse_document(data))
        except ParseError as exc:
            found = {"error": str(exc)}
        if dump:
            dump.write(json.dumps({"page": name, **found}) + "\n")
        official = found.get("classified_by")
        whole = bool(official and official[0] and _whole(official[0], data))
        for group in ("all", name[:4], *shapes(data)):
            counts = groups.setdefault(
                group, {"pages": 0, **dict.fromkeys(FIELDS, 0), "classified_by_whole": 0}
            )
            counts["pages"] += 1
            counts["classified_by_whole"] += whole
            for field in FIELDS:
                counts[field] += bool(found.get(field))
    if dump:
        dump.close()
    json.dump(groups, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
