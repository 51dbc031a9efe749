"""Rule ``trailer``: the catalogue trailer some 2011 pages append after the signature.

``STEVENS 0 03/13/2008 9871 PGOV,PREL,... SUBJECT summary``: the line is cut
from the text; its signer is kept for ``signers`` and its upper-case subject
for ``subject`` (used only when the header has none). Found by a probe on
the last text line, then matched from the probe's position, so a long line
costs one pass.
"""

from __future__ import annotations

import re

from cablebase.parse.state import ParseState, Trailer

_PROBE_RE = re.compile(r"\s\d{1,3}\s\d\d/\d\d/\d{4}\s\d+\s[A-Z]")
_REST_RE = re.compile(
    r"\s+\d{1,3}\s+\d\d/\d\d/\d{4}\s+\d+\s+([A-Z0-9]{2,}(?:\s*,\s*[A-Z0-9]{2,})*)\s+(.*)$", re.S
)
# The signer just before the probe: one to three upper-case words.
_NAME_RE = re.compile(r"(?<=\s)([A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,2})[ \t]*$")
_NAME_WINDOW = 80
ENDING_LINES = frozenset({"BT", "NNNN", "SIPDIS", "#", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET"})


def text_end(lines: list[str], start: int) -> int:
    """Index after the last line of text: transmission endings and blank lines skipped."""
    end = len(lines)
    while end > start:
        s = lines[end - 1].strip()
        if s and s not in ENDING_LINES and not s.startswith("#") and any(c.isalnum() for c in s):
            break
        end -= 1
    return end


def _subject_prefix(text: str) -> str | None:
    words = []
    for word in text.split():
        if any(c.islower() for c in word):
            break
        words.append(word)
    # The first word of the summary sentence is capitalised: "Reports" stops the run.
    return " ".join(words) or None


def find_trailer(line: str) -> tuple[int, Trailer] | None:
    """Where the trailer starts on ``line`` and what it says; None if there is none."""
    probe = _PROBE_RE.search(line)
    if probe is None:
        return None
    lo = max(0, probe.start() - _NAME_WINDOW)
    window = " " + line[lo : probe.start()]
    name = _NAME_RE.search(window)
    rest = _REST_RE.match(line, probe.start())
    if name is None or rest is None:
        return None
    start = lo + name.start(1) - 1
    trailer = Trailer(
        signer=name.group(1),
        tags=rest.group(1),
        subject=_subject_prefix(rest.group(2)),
        text=line[start:].strip(),
    )
    return start, trailer


def trailer(state: ParseState) -> None:
    lines = state.lines
    end = text_end(lines, state.body_start)
    if end <= state.body_start:
        return
    found = find_trailer(lines[end - 1])
    if found is None:
        return
    start, state.trailer = found
    lines[end - 1] = lines[end - 1][:start].rstrip()
