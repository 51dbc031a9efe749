"""Cut the cable's body at its paragraphs, so each ¶ anchor wraps the telegram's own lines.

Paragraph rows hold the text with line breaks joined; the body keeps the lines as
the telegram had them. Showing the body's own slices keeps the page faithful (line
breaks, spacing, numbering) while every paragraph still gets its ``par{N}`` anchor.
When a paragraph cannot be found in the body, the caller falls back to the rows.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PROBE_WORDS = 8


@dataclass
class Segments:
    preamble: str
    paragraphs: list[str]  # one slice of the body per paragraph, in order
    tail: str


def _pattern(words: Sequence[str], number: str = "") -> re.Pattern[str]:
    text = r"\s+".join(re.escape(w) for w in words)
    # whole words only: "S" must not match the end of "BURNS"
    text = ("(?<!\\w)" if words[0][0].isalnum() else "") + text
    text += "(?!\\w)" if words[-1][-1].isalnum() else ""
    if number:  # "1. (C)  text" or "¶1. text": the number pins the paragraph down
        return re.compile(rf"(?<![\w.])¶?[ \t]*{re.escape(number)}\.\s*(?:\([^)\n]*\)\s*)?{text}")
    return re.compile(text)


def split_body(
    body: str, texts: Sequence[str], numbers: Sequence[str] | None = None
) -> Segments | None:
    """Slices of ``body`` around each paragraph text, or None when they cannot all be placed.

    ``numbers`` (the paragraphs' own numbers, "" when unnumbered) make the search exact
    where a paragraph's first words also occur earlier in the text.
    """
    if not texts:
        return None
    starts: list[int] = []
    cursor = 0
    for index, text in enumerate(texts):
        words = text.split()
        if not words:
            return None
        number = numbers[index] if numbers else ""
        match = None
        if number:
            match = _pattern(words[:PROBE_WORDS], number).search(body, cursor)
        if match is None:
            match = _pattern(words[:PROBE_WORDS]).search(body, cursor)
        if match is None:
            return None
        line_start = body.rfind("\n", 0, match.start()) + 1
        start = line_start if line_start > (starts[-1] if starts else -1) else match.start()
        starts.append(start)
        cursor = match.end()
    # The last paragraph ends where its whole text, matched word by word, ends; its number
    # pins the match, or a text such as "1" would be found in its own "1. (C)".
    last_words, last_number = texts[-1].split(), numbers[-1] if numbers else ""
    whole = None
    if last_number:
        whole = _pattern(last_words, last_number).search(body, starts[-1])
    if whole is None:
        whole = _pattern(last_words).search(body, starts[-1])
    end = whole.end() if whole else len(body)
    slices = [body[a:b].strip("\n") for a, b in itertools.pairwise([*starts, end])]
    return Segments(body[: starts[0]].rstrip("\n"), slices, body[end:].strip("\n"))


_TAGS_LINE = re.compile(r"^\s*TAGS?\b", re.IGNORECASE)


def link_tag_line(preamble: str, codes: Sequence[str], url: Callable[[str], str]) -> SafeString:
    """The text header, escaped, with the codes on its TAGS line linked to their tag pages.

    One regex pass with every code as an alternative (longest first), so a link is never
    placed inside another; everything else stays the telegram's text, escaped.
    """
    if not codes:
        return escape(preamble)
    alternatives = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
    code_re = re.compile(rf"(?<![\w/])({alternatives})(?![\w/])")
    lines = []
    for line in preamble.split("\n"):
        if not _TAGS_LINE.match(line):
            lines.append(str(escape(line)))
            continue
        out, pos = [], 0
        for m in code_re.finditer(line):
            out.append(str(escape(line[pos : m.start()])))
            out.append(format_html('<a href="{}">{}</a>', url(m.group(1)), m.group(1)))
            pos = m.end()
        out.append(str(escape(line[pos:])))
        lines.append("".join(out))
    return mark_safe("\n".join(lines))  # every piece above was escaped
