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


# A paragraph is found by its first words, separated in the body by any whitespace; a
# word that starts (ends) with a letter or digit must not continue a longer word before
# (after) it. Numbered, it must follow its number: ``1. (C)  text`` or ``¶1. text``. The
# search runs ``str.find`` (C speed) for candidates and checks each with these few
# patterns compiled once: compiling a pattern per paragraph was a quarter of a page's
# rendering time.
_SPACE = re.compile(r"\s+")
_OPTIONAL_SPACE = re.compile(r"\s*")
_MARKING = re.compile(r"\([^)\n]*\)\s*")  # "(C) ", "(S/NF) "
_WORD_CHAR = re.compile(r"\w")


def _word_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _WORD_CHAR.match(text, index) is not None


def _words_at(body: str, pos: int, words: Sequence[str]) -> int | None:
    """Where ``words`` end if they start exactly at ``pos`` (whitespace between), else None."""
    if words[0][0].isalnum() and _word_at(body, pos - 1):
        return None  # "S" must not match the end of "BURNS"
    for index, word in enumerate(words):
        if index:
            space = _SPACE.match(body, pos)
            if space is None:
                return None
            pos = space.end()
        if not body.startswith(word, pos):
            return None
        pos += len(word)
    if words[-1][-1].isalnum() and _word_at(body, pos):
        return None
    return pos


def _find_words(body: str, words: Sequence[str], start: int) -> tuple[int, int] | None:
    """The first place at or after ``start`` where ``words`` stand: (start, end)."""
    at = body.find(words[0], start)
    while at != -1:
        end = _words_at(body, at, words)
        if end is not None:
            return at, end
        at = body.find(words[0], at + 1)
    return None


def _number_start(body: str, at: int, start: int) -> int | None:
    """Where a number found at ``at`` begins its match: the pilcrow and blanks before it are
    part of it, and the character before must be neither a word character nor a dot."""
    first = at
    while first > start and body[first - 1] in " \t":
        first -= 1
    if first > start and body[first - 1] == "¶":
        first -= 1
    for begin in range(first, at + 1):
        if begin == 0 or not (body[begin - 1] == "." or _word_at(body, begin - 1)):
            return begin
    return None


def _find_numbered(
    body: str, words: Sequence[str], number: str, start: int
) -> tuple[int, int] | None:
    """As ``_find_words``, the words preceded by their number: ``1. (C)  text``."""
    token = f"{number}."
    at = body.find(token, start)
    while at != -1:
        begin = _number_start(body, at, start)
        if begin is not None:
            after = _OPTIONAL_SPACE.match(body, at + len(token)).end()
            marking = _MARKING.match(body, after)
            end = _words_at(body, marking.end(), words) if marking else None
            if end is None:
                end = _words_at(body, after, words)
            if end is not None:
                return begin, end
        at = body.find(token, at + 1)
    return None


def _find(body: str, words: Sequence[str], number: str, start: int) -> tuple[int, int] | None:
    """The paragraph by its number and words, else by its words alone."""
    found = _find_numbered(body, words, number, start) if number else None
    return found or _find_words(body, words, start)


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
        found = _find(body, words[:PROBE_WORDS], numbers[index] if numbers else "", cursor)
        if found is None:
            return None
        line_start = body.rfind("\n", 0, found[0]) + 1
        start = line_start if line_start > (starts[-1] if starts else -1) else found[0]
        starts.append(start)
        cursor = found[1]
    # The last paragraph ends where its whole text, matched word by word, ends; its number
    # pins the match, or a text such as "1" would be found in its own "1. (C)".
    whole = _find(body, texts[-1].split(), numbers[-1] if numbers else "", starts[-1])
    end = whole[1] if whole else len(body)
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
