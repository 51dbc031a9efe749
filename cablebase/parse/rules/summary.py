"""Rule ``summary``: the ``SUMMARY: ... END SUMMARY`` block, markings removed.

Also ``Summary and Comment:``, ``Summary and Action Request.``,
``Summary/Comment:``, ``(S/NF) Summary:``, ``Begin Summary.``, a ``SUMMARY``
heading, plain or framed by dashes; the block may span paragraphs and ends
at ``End Summary`` in any case and form (``END SUMMARY AND COMMENT.``,
``(End Summary)``). Without an end marker the summary is the rest of its
paragraph, or after a bare heading the paragraph under it. ``Summary`` with
no punctuation after it opens a summary only when an end marker follows.
"""

from __future__ import annotations

import itertools
import re

from cablebase.parse.state import ParseState

# What may follow SUMMARY in its opening and in its end marker: "Summary and
# Comment", "Summary and Action Request", "Summary/Comment", "SUMMARY/BACKGROUND".
_KIND = (
    r"(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUESTS?|INTRODUCTION|BACKGROUND)"
    r"|\s*/\s*(?:COMMENT|BACKGROUND))?"
)
# The opening: a frame of dashes (``------- SUMMARY -------``), a portion marking
# (``(S/NF)``, ``(C/Rel Aus)``, a glued ``C)``), ``-- ``, ``1) ``, ``Begin``,
# ``Introduction and``; then SUMMARY and its punctuation.
_START_RE = re.compile(
    r"^[-=*.\s]*(?:\d{1,2}\.[ \t]*)?(?:\([^()\n]{1,30}\)\s*|[A-Z]{1,3}\)\s*|\d\)\s+)?"
    r"(?:BEGIN\s+|INTRODUCTION\s+AND\s+)?"
    r"\(?SUMMARY" + _KIND + r"\)?(?P<punct>[ \t]*[:.\-)]+|[ \t]*(?:\n|$))?[-=\s]*",
    re.I,
)
_END_RE = re.compile(r"\bEND\s+(?:OF\s+)?SUMMARY" + _KIND + r"\s*[.:)\-]*", re.I)


_START_BLOCKS = 12
_FOLLOW_BLOCKS = 30


def _has_end(text: str) -> bool:
    """Cheap test before the regex: an end marker needs both words."""
    up = text.upper()
    return "END" in up and "SUMMARY" in up


# Starts with a literal, so the scan is a fast substring search; \b is checked after.
_END_UPPER_RE = re.compile(r"END\s+(?:OF\s+)?SUMMARY" + _KIND + r"\s*[.:)\-]*")


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
    while start > 0 and text[start - 1] in " \t\n(-":
        start -= 1
    return start


def summary(state: ParseState) -> None:
    opening = state.record.paragraphs[:6]
    if not any("UMMARY" in p.text or "ummary" in p.text for p in opening):
        return  # a cheap test before splitting blocks (any case of "summary")
    # Blocks, not paragraphs: a SUMMARY sub-head is a block of the paragraph before it.
    # Each block with the index of its paragraph, for the paragraph under a heading.
    blocks = [(i, b) for i, p in enumerate(opening) for b in p.text.split("\n\n")]
    later = (
        (i, b) for i, p in enumerate(state.record.paragraphs[6:40], 6) for b in p.text.split("\n\n")
    )
    for k, (_, block) in enumerate(blocks[:_START_BLOCKS]):
        if "SUMMARY" not in block[:60].upper():
            continue
        m = _START_RE.match(block)
        if not m:
            continue
        chunks = [block[m.end() :]]
        owners: list[int] = []
        for owner, follow in itertools.chain(blocks[k + 1 :], later):
            if _has_end(chunks[-1]) or len(chunks) > _FOLLOW_BLOCKS:
                break
            chunks.append(follow)
            owners.append(owner)
        text = "\n\n".join(chunks)
        end = _find_end(text)
        if m.group("punct") is None and end is None:
            continue  # "Summary of the talks ..." is prose, unless an end marker follows
        if end is not None:
            text = text[:end]
            if not chunks[0].strip():  # a bare heading, then "1. (C) SUMMARY: ..."
                text = _without_opening(text.strip())
        elif len(chunks) > 1:
            # No end marker: the rest of its paragraph, or after a bare heading
            # (``SUMMARY``, ``------- SUMMARY -------``) the paragraph under it.
            under = [c for c, o in zip(chunks[1:], owners) if o == owners[0]]
            text = chunks[0] if chunks[0].strip() else _without_opening("\n\n".join(under))
        text = text.strip().lstrip(":").lstrip()  # "1. (C): Mexican facilitator ..."
        if text:
            state.record.summary = text
        return


def _without_opening(block: str) -> str:
    """The paragraph under a SUMMARY heading, without its own ``Summary:`` if it repeats it."""
    m = _START_RE.match(block) if "UMMARY" in block[:60].upper() else None
    return block[m.end() :] if m and m.group("punct") is not None else block
