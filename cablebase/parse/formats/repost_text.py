"""Reader for a web repost of a cable-viewer page (``repost-text``).

The publisher's metadata sits on the line after ``Reference ID Created
Released Classification Origin``; the cable follows; site chrome (WordPress
comment forms, share buttons) before the metadata and after the cable is
dropped.
"""

from __future__ import annotations

import re

from cablebase.parse.context import Context
from cablebase.parse.errors import ParseError
from cablebase.parse.state import Meta, ParseState

CLASSIFICATIONS = (
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL//NOFORN",
    "SECRET//NOFORN",
    "LIMITED OFFICIAL USE",
    "TOP SECRET",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
)
META_HEAD_RE = re.compile(r"Reference ID\s+Created\s+Released\s+Classification\s+Origin\s*\n")
META_ROW_RE = re.compile(
    r"^[ \t]*(\d\d[A-Z]+\d+)\s+(\d{4}-\d\d-\d\d)\s+(\d\d:\d\d)\s+"
    r"(\d{4}-\d\d-\d\d)\s+(\d\d:\d\d)\s+("
    + "|".join(re.escape(c) for c in CLASSIFICATIONS)
    + r")[ \t]+(\S[^\n]*)",
    re.M,
)
CHROME_END_RE = re.compile(
    r"(?m)^[ \t]*(?:Post a comment or leave a trackback|Leave a Reply|Leave a comment|"
    r"Share this:|Like this:|Related posts?|Fill in your details below|About these ads|"
    r"%d bloggers like this|Posted in |Comments \(\d+\)|Trackback URL)"
)


def iso(date: str, time: str) -> str:
    return f"{date}T{time}:00Z"


def read(text: str, context: Context, *, path: str | None = None) -> ParseState:
    head = META_HEAD_RE.search(text)
    row = META_ROW_RE.search(text, head.end() if head else 0)
    if row is None:
        raise ParseError("no publisher metadata row found", path=path, format="repost-text")
    meta = Meta(
        reference_id=row.group(1),
        created=iso(row.group(2), row.group(3)),
        released=iso(row.group(4), row.group(5)),
        classification=row.group(6),
        origin=row.group(7).rstrip(),
    )
    body = text[row.end() :]
    end = CHROME_END_RE.search(body)
    if end:
        body = body[: end.start()]
    meta.partial = "partial extract of the original cable" in body[:400]
    if meta.partial:
        body = body.split("\n", 1)[1] if "\n" in body else ""
    return ParseState(text=body.strip("\n"), meta=meta, context=context)
