"""Rule ``subject``: the SUBJECT line, joined over wrapped lines and page breaks.

A leading portion marking (``(U)``, ``(C)``, ``(SBU)``) is dropped; the
subject keeps the cable's own case.
"""

from __future__ import annotations

import re

from cablebase.parse.rules.field import HeaderField
from cablebase.parse.state import ParseState
from cablebase.parse.text import squash

_KW_RE = re.compile(r"^(?:SUBJECT|SUBJ)\s*[:\-]?\s*", re.I)
_MARK_RE = re.compile(r"^\(\s*[A-Z]{1,4}(?:\s*/{1,2}\s*[A-Z]{1,10})?\s*\)\s*")
_TRAILING_MARK_RE = re.compile(r"\s*\(\s*[A-Z]{1,4}(?:\s*/{1,2}\s*[A-Z]{1,10})?\s*\)$")
# Not the subject: handling text run on after it, an editor's note.
_NOT_SUBJECT_RE = re.compile(
    r"\s*(?:-\s*)?(?:SENSITIVE BUT UNCLASSIFIED\b.*|\(CHANGED SUBJECT(?: LINE)?\)|"
    r"\(CORRECTED (?:COPY|SUBJECT(?: LINE)?)\))",
    re.I,
)


FIELD = HeaderField(
    name="subject",
    keyword=r"(?<![A-Za-z/])(?:(?i:SUBJECT|SUBJ)[ \t]*:|SUBJECT(?=[ \t]+[A-Z(]))",
    probes=("SUBJ", ":"),
    max_lines=4,
    starts=("SUBJ",),
)


def parse_subject(text: str) -> str | None:
    text = squash(_KW_RE.sub("", text.strip()))
    text = _MARK_RE.sub("", text).strip()
    text = (
        _NOT_SUBJECT_RE.sub("", text, count=1).strip()
        if "(" in text or "SENSITIVE" in text.upper()
        else text
    )
    text = _TRAILING_MARK_RE.sub("", text) if text.endswith(")") else text
    return text or None


def subject(state: ParseState) -> None:
    seg = state.segments.get("subject")
    if seg:
        state.record.subject = parse_subject(seg)
    elif state.trailer is not None:
        # No SUBJECT line: the catalogue trailer's upper-case subject stands in.
        state.record.subject = state.trailer.subject
