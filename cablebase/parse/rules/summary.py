"""Rule ``summary``: the ``SUMMARY: ... END SUMMARY`` block, markings removed.

Also ``Summary and Comment:`` and a ``SUMMARY`` heading; the block may span
paragraphs. Without an end marker the summary is the rest of its paragraph.
"""

from __future__ import annotations

import itertools
import re

from cablebase.parse.state import ParseState

_START_RE = re.compile(r"^(?:\(\w{1,4}\)\s*)?SUMMARY(?:\s+AND\s+COMMENT)?\s*[:.\-]*\s*", re.I)
_END_RE = re.compile(r"\bEND\s+(?:OF\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\s*[.:)\-]*", re.I)


_START_BLOCKS = 12
_FOLLOW_BLOCKS = 30


def _has_end(text: str) -> bool:
    """Cheap test before the regex: an end marker needs both words."""
    up = text.upper()
    return "END" in up and "SUMMARY" in up


# Starts with a literal, so the scan is a fast substring search; \b is checked after.
_END_UPPER_RE = re.compile(r"END\s+(?:OF\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\s*[.:)\-]*")


def _find_end(text: str) -> int | None:
    """Where the end marker starts, with the ``(`` and blanks before it; None if none.

    Searched in upper case (literal prefix: fast) when lengths agree; the pattern
    starts with a literal either way, so a long run of blanks costs one pass.
    """
    up = text.upper()
    if "SUMMARY" not in up:
        return None
    if len(up) == len(text):
        m = _END_UPPER_RE.search(up)
        while m is not None and m.start() > 0 and up[m.start() - 1].isalnum():
            m = _END_UPPER_RE.search(up, m.start() + 3)
    else:
        m = _END_RE.search(text)
    if m is None:
        return None
    start = m.start()
    while start > 0 and text[start - 1] in " \t\n(":
        start -= 1
    return start


def summary(state: ParseState) -> None:
    opening = state.record.paragraphs[:6]
    if not any("UMMARY" in p.text or "ummary" in p.text for p in opening):
        return  # a cheap test before splitting blocks (any case of "summary")
    # Blocks, not paragraphs: a SUMMARY sub-head is a block of the paragraph before it.
    blocks = [b for p in state.record.paragraphs[:6] for b in p.text.split("\n\n")]
    later = (b for p in state.record.paragraphs[6:40] for b in p.text.split("\n\n"))
    for i, block in enumerate(blocks[:_START_BLOCKS]):
        if "SUMMARY" not in block[:40].upper():
            continue
        m = _START_RE.match(block)
        if not m:
            continue
        chunks = [block[m.end() :]]
        for follow in itertools.chain(blocks[i + 1 :], later):
            if _has_end(chunks[-1]) or len(chunks) > _FOLLOW_BLOCKS:
                break
            chunks.append(follow)
        text = "\n\n".join(chunks)
        end = _find_end(text)
        if end is not None:
            text = text[:end]
        elif len(chunks) > 1:
            text = chunks[0]
        text = text.strip()
        if text:
            state.record.summary = text
        return
