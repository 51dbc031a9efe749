"""Rule ``cleanup``: normalise line ends, drop publisher marks and page breaks.

Runs first so every later rule sees the text as the sender wrote it: no
``¶`` marks, no ``MOSCOW 00001323  002 OF 002`` lines, no repeated
``SECTION 02 OF 02`` headers.
"""

from __future__ import annotations

import re

from cablebase.parse.state import ParseState
from cablebase.parse.text import CLASSIFICATION_RE, drop_page_breaks

_SECTION_HEADER_RE = re.compile(
    r"[ \t]*(?:" + CLASSIFICATION_RE.pattern + r")[^\n]{0,40}?\bSECTION[ \t]+0*(\d+)[ \t]+OF"
    r"[ \t]+0*(\d+)[^\n]*\n?"
)


# Markers some copies add around the cable: "=====CABLE ENDS=====", "--- header ends ---".
_PUBLISHER_MARK_RE = re.compile(
    r"(?mi)^[ \t]*[=\-]{3,}[ \t]*(?:CABLE[ \t]+(?:BEGINS|ENDS)|header[ \t]+ends)"
    r"[ \t]*[=\-]{3,}[ \t]*$"
)


def _unescape_line_ends(text: str) -> str:
    """The dump's escaped newlines: a line ending in a backslash is the line it escapes."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "\\" in line:
            s = line.rstrip(" \t")
            if s.endswith("\\"):
                lines[i] = s[:-1].rstrip(" \t")
    return "\n".join(lines)


def _drop_repeated_section_headers(text: str) -> str:
    """Later sections repeat the ``... SECTION 02 OF 02 MOSCOW 001323`` line; keep the first.

    Only lines holding "SECTION " are tried against the pattern (found with str.find).
    """
    kept: list[str] = []
    pos = 0  # text before ``pos`` is decided
    seen_first = False
    line_start, tried = 0, -1
    next_nl = text.find("\n")
    idx = text.find("SECTION ")
    while idx != -1:
        # Line starts are found moving forward only, so a long line costs one pass.
        while next_nl != -1 and next_nl < idx:
            line_start = next_nl + 1
            next_nl = text.find("\n", line_start)
        m = _SECTION_HEADER_RE.match(text, line_start) if line_start != tried else None
        tried = line_start
        if m and m.end() > idx:
            if seen_first:
                kept.append(text[pos : m.start()])
                pos = m.end()
            seen_first = True
            idx = text.find("SECTION ", m.end())
        else:
            idx = text.find("SECTION ", idx + 8)
    if not kept:
        return text
    kept.append(text[pos:])
    return "".join(kept)


def cleanup(state: ParseState) -> None:
    text = state.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "¶" in text:
        text = text.replace("¶", "")
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    head, tail = text[:4000], text[-400:]
    if "ENDS" in tail or "BEGINS" in head or "header ends" in head:
        text = _PUBLISHER_MARK_RE.sub("", text)
    if "\\" in text and text.count("\\\n") > 3:
        text = _unescape_line_ends(text)
    text, state.pages = drop_page_breaks(text)
    first = text.find("SECTION ")
    if first != -1 and text.find("SECTION ", first + 8) != -1:
        text = _drop_repeated_section_headers(text)
    state.text = text
    if state.transmission and "\r" in state.transmission:
        state.transmission = state.transmission.replace("\r\n", "\n").replace("\r", "\n")
