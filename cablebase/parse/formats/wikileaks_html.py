"""Reader for a cable-viewer page (``wikileaks-html``), parsed with selectolax.

The metadata table (``table.cable``) gives reference id, dates, classification
(the link text: its ``title`` attribute is scrambled) and origin; the first
``<pre>`` after it holds the transmission header, the last one the text.
2010 pages may open with a "partial extract" notice and repeat the table and
the ``<pre>`` blocks twice; only the first copy is read. A 2011 page's teaser
and catalogue block before the full text are read by :mod:`.viewer`. Only the slice of
the page from the table on is parsed, which skips the site's long sidebar.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from cablebase.parse.context import Context
from cablebase.parse.errors import ParseError
from cablebase.parse.formats.viewer import apply_catalogue, split_viewer_text
from cablebase.parse.state import Meta, ParseState

_TABLE_RE = re.compile(r"<table\s+class=['\"]cable['\"]", re.I)
_PARTIAL = "partial extract of the original cable"
_DATE_RE = re.compile(r"(\d{4}-\d\d-\d\d)\s+(\d\d:\d\d)")


def _iso(text: str) -> str | None:
    m = _DATE_RE.search(text)
    return f"{m.group(1)}T{m.group(2)}:00Z" if m else None


# Real pages hold under 200 tags after the table; an HTML5 tree builder walks its
# stack of open elements for many start tags, so deep nesting costs depth x tags.
_TAG_CHECK = 2000
_MAX_DEPTH = 64
_TAG_RE = re.compile(r"(<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(/?)>)")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


def cap_nesting(html: str) -> str:
    """Drop the tags nested deeper than ``_MAX_DEPTH`` (and their end tags).

    Only hostile pages nest that deep; cutting them keeps the tree builder linear.
    """
    if html.count("<") <= _TAG_CHECK:
        return html
    # [text, tag, "/", name, "/", text, tag, ...]: one C-speed split, then a loop.
    parts = _TAG_RE.split(html)
    out = [parts[0]]
    depth = dropped = 0
    for i in range(1, len(parts), 5):
        tag, closing, name, selfclose = parts[i : i + 4]
        keep = True
        if selfclose or name.lower() in _VOID:
            pass
        elif closing:
            if dropped:
                dropped -= 1
                keep = False
            elif depth:
                depth -= 1
        elif depth < _MAX_DEPTH:
            depth += 1
        else:
            dropped += 1
            keep = False
        if keep:
            out.append(tag)
        out.append(parts[i + 4])
    return "".join(out)


def _outer_pres(root: Node | None) -> list[Node]:
    """The ``<pre>`` blocks not inside another one, in page order.

    A walk that does not descend into a ``<pre>``: a page of 40,000 nested
    ``<pre>`` tags gives one block, read once, not 40,000 overlapping ones.
    """
    out: list[Node] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.tag == "pre":
            out.append(node)
            continue
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend(reversed(children))
    return out


def read(html: str, context: Context, *, path: str | None = None) -> ParseState:
    start = _TABLE_RE.search(html)
    if start is not None:
        # The copy ends where a second table starts (2010 pages repeat it).
        again = _TABLE_RE.search(html, start.end())
        html = html[start.start() : again.start() if again else len(html)]
    tree = HTMLParser(cap_nesting(html))
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
    pres = [node.text(deep=True) for node in _outer_pres(tree.root)]
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
    viewer = split_viewer_text(text)
    text = viewer.text
    if _PARTIAL in text[:300]:
        meta.partial = True
        text = text.split("\n", 1)[1] if "\n" in text else ""
    transmission = "\n".join(p for p in transmission_parts if p)
    return ParseState(
        text=text,
        transmission=transmission or viewer.header,
        meta=apply_catalogue(meta, viewer),
        context=context,
        teaser=viewer.teaser,
    )
