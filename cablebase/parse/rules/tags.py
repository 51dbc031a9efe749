"""Rule ``tags``: TAGS codes, upper case, de-duplicated, in order.

Copes with any separators (commas, spaces, semicolons), wrapped lines,
link syntax left by copies (``[PREL](#)``), and person tags in parentheses
after ``OVIP``/``KPAO`` (``OVIP (CLINTON, HILLARY)`` gives ``OVIP`` and
``CLINTON, HILLARY``).
"""

from __future__ import annotations

import re

from cablebase.parse.rules.field import HeaderField
from cablebase.parse.state import ParseState
from cablebase.parse.tagcodes import split_glued
from cablebase.parse.text import CLASSIFICATION_RE

_LINK_RE = re.compile(r"\[([^\]\n]{1,40})\]\([^)\n]{0,200}+\)")
# A code may hold slashes (UNGA/C-6, EUN/CFSP): one tag.
_CODE = r"[A-Z][A-Z0-9_\-]{1,39}(?:/[A-Z0-9][A-Z0-9_\-]{0,11}){0,3}"
_TOKEN_RE = re.compile(rf"\(([^()]{{1,60}})\)|({_CODE})")
_GLUED_MIN = 9
_KW_RE = re.compile(r"^TAGS?\s*:?", re.I)
_MAX_CHARS = 4000
_NOT_TAGS = {"AND", "TAGS", "TAG", "THE", "FOR", "SUBJECT"}


_TAG = rf"(?:{_CODE}|\([^()\n]{{1,60}}\))"
_TAG_LINE_RE = re.compile(rf"^{_TAG}(?:[\s,;]+{_TAG})*[\s,;]*$")


def _tag_line(line: str, so_far: list[str]) -> bool:
    """A wrapped TAGS line holds only codes (a classification line is not one)."""
    return bool(_TAG_LINE_RE.match(line)) and not CLASSIFICATION_RE.match(line)


FIELD = HeaderField(
    name="tags",
    keyword=r"(?<![A-Za-z/])(?:(?i:TAGS?)[ \t]*:|^[ \t]*TAGS?(?=[ \t]+[A-Z]))",
    probes=("TAG", ":"),
    max_lines=3,
    continues=_tag_line,
    starts=("TAG",),
)


def parse_tags(text: str) -> list[str]:
    """Tag codes of a TAGS segment (keyword optional)."""
    # Thirty person tags fit in 2,000 characters; beyond that a copy ran into its text.
    text = _KW_RE.sub("", text.strip()[:_MAX_CHARS])
    if "](" in text:
        text = _LINK_RE.sub(r"\1", text)
    out: list[str] = []
    seen = set(_NOT_TAGS)
    for person, code in _TOKEN_RE.findall(text.upper()):
        code = " ".join(person.split()).strip(" ,") if person else code.strip("-_")
        pieces = split_glued(code) if len(code) >= _GLUED_MIN and not person else None
        for piece in pieces or [code]:
            if piece and piece not in seen:
                seen.add(piece)
                out.append(piece)
    return out


def tags(state: ParseState) -> None:
    seg = state.segments.get("tags")
    if seg:
        state.record.tags = parse_tags(seg)
