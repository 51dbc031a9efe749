"""Rule ``tags``: TAGS codes, upper case, de-duplicated, in order.

Copes with any separators (commas, spaces, semicolons), wrapped lines,
link syntax left by copies (``[PREL](#)``), and person tags in parentheses
after ``OVIP``/``KPAO`` (``OVIP (CLINTON, HILLARY)`` gives ``OVIP`` and
``CLINTON, HILLARY``).
"""

from __future__ import annotations

import re

from cablebase.parse.state import ParseState

_LINK_RE = re.compile(r"\[([^\]\n]{1,40})\]\([^)\n]*\)")
_TOKEN_RE = re.compile(r"\(([^()]{1,60})\)|([A-Z][A-Z0-9_\-]{1,11})")
_KW_RE = re.compile(r"^TAGS?\s*:?", re.I)
_NOT_TAGS = {"AND", "TAGS", "TAG", "THE", "FOR", "SUBJECT"}


def parse_tags(text: str) -> list[str]:
    """Tag codes of a TAGS segment (keyword optional)."""
    text = _KW_RE.sub("", text.strip())
    if "](" in text:
        text = _LINK_RE.sub(r"\1", text)
    out: list[str] = []
    for m in _TOKEN_RE.finditer(text.upper()):
        if m.group(1) is not None:
            code = " ".join(m.group(1).split()).strip(" ,")
        else:
            code = m.group(2).strip("-_")
        if code and code not in _NOT_TAGS and code not in out:
            out.append(code)
    return out


def tags(state: ParseState) -> None:
    seg = state.segments.get("tags")
    if seg:
        state.record.tags = parse_tags(seg)
