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
_LINE_BACKSLASH_RE = re.compile(r"[ \t]*\\[ \t]*\n")


def _drop_repeated_section_headers(text: str) -> str:
    """Later sections repeat the ``... SECTION 02 OF 02 MOSCOW 001323`` line; keep the first.

    Only lines holding "SECTION " are tried against the pattern (found with str.find).
    """
    spans: list[tuple[int, int]] = []
    idx = text.find("SECTION ")
    while idx != -1:
        start = text.rfind("\n", 0, idx) + 1
        m = _SECTION_HEADER_RE.match(text, start)
        if m:
            spans.append((m.start(), m.end()))
            idx = text.find("SECTION ", m.end())
        else:
            idx = text.find("SECTION ", idx + 8)
    for start, end in reversed(spans[1:]):
        text = text[:start] + text[end:]
    return text


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
    if (
        "\\\n" in text and text.count("\\\n") > 3
    ):  # copies that end lines with a continuation backslash
        text = _LINE_BACKSLASH_RE.sub("\n", text + "\n")
    text, state.pages = drop_page_breaks(text)
    first = text.find("SECTION ")
    if first != -1 and text.find("SECTION ", first + 8) != -1:
        text = _drop_repeated_section_headers(text)
    state.text = text
    if state.transmission and "\r" in state.transmission:
        state.transmission = state.transmission.replace("\r\n", "\n").replace("\r", "\n")
