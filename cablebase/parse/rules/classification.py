"""Rules ``classification`` and ``caveats``: the header's marking and handling terms.

The publisher's metadata wins when there is any; otherwise the classification
line (``C O N F I D E N T I A L``, ``SECRET//NOFORN``, ``UNCLAS``) decides,
with ``//NOFORN`` added when the header says NOFORN and
``//FOR OFFICIAL USE ONLY`` for ``UNCLAS ... SENSITIVE``/``FOUO``.
"""

from __future__ import annotations

import re

from cablebase.parse.state import ParseState
from cablebase.parse.text import CLASSIFICATION_RE, NOFORN_RE, normalize_classification

CAVEATS = ("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ROGER", "ORCON", "CHEROKEE")
CAVEAT_RE = re.compile(r"\b(" + "|".join(CAVEATS) + r")\b")
_FOUO_RE = re.compile(r"\b(?:SENSITIVE|FOUO|FOR OFFICIAL USE ONLY|SBU)\b")
_SECTION_RE = re.compile(r"\bSECTION\s+0*(\d+)\s+OF\s+0*(\d+)", re.I)
# The marking and handling terms open the header; a copy that lost its line breaks
# has the whole cable in its preamble, where a later "NOFORN" is text.
_HEAD_CHARS = 3000


def classification(state: ParseState) -> None:
    record = state.record
    head = state.preamble[:_HEAD_CHARS]
    m = _SECTION_RE.search(head)
    if m:
        record.sections = max(record.sections, int(m.group(2)))
    if state.pages > record.sections and state.pages < 100:
        record.sections = state.pages
    if state.meta.classification:
        record.classification = state.meta.classification
        return
    m = CLASSIFICATION_RE.search(head)
    if m:
        record.classification = normalize_classification(
            m.group(1),
            noforn=bool(NOFORN_RE.search(head)),
            fouo=bool(_FOUO_RE.search(head)),
        )


# CAVEAT_RE without its leading \b, so the scan runs from the words' first letters; a
# match inside a longer word is dropped after (no other match starts inside one).
_CAVEAT_WORD_RE = re.compile(r"(" + "|".join(CAVEATS) + r")\b")


def caveats(state: ParseState) -> None:
    head = state.preamble[:_HEAD_CHARS]
    seen: list[str] = []
    for m in _CAVEAT_WORD_RE.finditer(head):
        at = m.start()
        if at and (head[at - 1].isalnum() or head[at - 1] == "_"):
            continue  # not at a word start: CAVEAT_RE's \b would not match here
        word = m.group(1)
        if word not in seen:
            seen.append(word)
    state.record.caveats = seen
