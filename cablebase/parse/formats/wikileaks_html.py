"""Reader for a cable-viewer page (``wikileaks-html``), parsed with selectolax.

The metadata table (``table.cable``) gives reference id, dates, classification
(the link text: its ``title`` attribute is scrambled) and origin; the first
``<pre>`` after it holds the transmission header, the last one the text.
2010 pages may open with a "partial extract" notice and repeat the table and
the ``<pre>`` blocks twice; only the first copy is read. Only the slice of
the page from the table on is parsed, which skips the site's long sidebar.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from cablebase.parse.context import Context
from cablebase.parse.errors import ParseError
from cablebase.parse.state import Meta, ParseState

_TABLE_RE = re.compile(r"<table\s+class=['\"]cable['\"]", re.I)
_PARTIAL = "partial extract of the original cable"
_DATE_RE = re.compile(r"(\d{4}-\d\d-\d\d)\s+(\d\d:\d\d)")


def _iso(text: str) -> str | None:
    m = _DATE_RE.search(text)
    return f"{m.group(1)}T{m.group(2)}:00Z" if m else None


def read(html: str, context: Context, *, path: str | None = None) -> ParseState:
    start = _TABLE_RE.search(html)
    if start is not None:
        # The copy ends where a second table starts (2010 pages repeat it).
        again = _TABLE_RE.search(html, start.end())
        html = html[start.start() : again.start() if again else len(html)]
    tree = HTMLParser(html)
    meta = Meta()
    table = tree.css_first("table.cable")
    if table is not None:
        cells = [td.text(deep=True, separator=" ").strip() for td in table.css("td")]
        if len(cells) >= 5:
            meta.reference_id = cells[0] or None
            meta.created = _iso(cells[1])
            meta.released = _iso(cells[2])
            meta.classification = " ".join(cells[3].split()) or None
            meta.origin = " ".join(cells[4].split()) or None
    pres = [node.text(deep=True) for node in tree.css("pre")]
    seen: list[str] = []
    for block in pres:
        if block not in seen:
            seen.append(block)
    if not seen:
        raise ParseError(
            "no cable text (<pre> block) in the page", path=path, format="wikileaks-html"
        )
    text = seen[-1]
    header_blocks = seen[:-1]
    transmission_parts = []
    for block in header_blocks:
        if _PARTIAL in block[:300]:
            meta.partial = True
            block = block.split("\n", 1)[1] if "\n" in block else ""
        transmission_parts.append(block.strip("\n"))
    if _PARTIAL in text[:300]:
        meta.partial = True
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return ParseState(
        text=text,
        transmission="\n".join(p for p in transmission_parts if p),
        meta=meta,
        context=context,
    )
