"""Rule ``routing``: the transmission header's DE line, DTG line and precedence.

``DE RUEHMO #1323/01 0411526`` gives the transmission id; ``O 101526Z FEB 06``
the precedence (Z/O/P/R) and the date-time group; ``OO RUEHTRO`` the
precedence when the DTG line has none.
"""

from __future__ import annotations

import re

from cablebase.parse.state import ParseState
from cablebase.parse.text import CLASS_FIRST, CLASSIFICATION_RE, DTG_RE, dtg_to_iso

PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

DE_RE = re.compile(r"(?m)^[ \t]*DE[ \t]+(R[A-Z]{3,6}[ \t]+#[ \t]?\S+(?:[ \t]+\d{5,7})?)")
DTG_LINE_RE = re.compile(
    r"(?m)^[ \t]*([ZOPR])(?:[ \t]+[ZOPR])?[ \t]+(\d{6}Z[ \t]+[A-Z]{3}[ \t]+\d{2,4})[ \t]*$"
)
_FM_LINE_RE = re.compile(r"(?m)^FM [A-Z]")
PREC_ROUTE_RE = re.compile(r"(?m)^[ \t]*([ZOPR])\1?[ \t]+R[A-Z]{3,6}\b")
_TRANSMISSION_LINE_RE = re.compile(
    r"^(?:VZCZC|DE\s|ZNY|ZNR|ZZH|FM\s|TO\s|INFO\s|XMT|BT\b|NNNN|#|[ZOPR]{1,2}\s+R[A-Z]{3}"
    r"|[ZOPR](?:\s[ZOPR])?\s+\d{6}Z)"
)


_HEAD_CHARS = 30000
_HEAD_LINES = 600


def split_transmission(state: ParseState) -> None:
    """Move transmission lines above the classification line into the header.

    Bare telegrams carry them in the text; some viewer pages repeat them there too.
    """
    text = state.text
    if (
        state.transmission
        and "VZCZC" not in text[:600]
        and not DE_RE.search(text[:2000])
        and not _FM_LINE_RE.search(text[:3000])
    ):
        return
    # The first 600 lines of the first 30,000 characters; a text within that size is
    # split whole, and the split is left for ``segments`` (state.text_lines).
    whole = text.split("\n") if len(text) <= _HEAD_CHARS else None
    lines = text[:_HEAD_CHARS].split("\n", _HEAD_LINES) if whole is None else whole
    if len(lines) > _HEAD_LINES:
        lines = lines[:_HEAD_LINES]
    limit = len(lines)
    cut = None
    # Catalogue lines (number, date, id, "CONFIDENTIAL") may precede the header:
    # look for the classification line after the FM line when there is one.
    fm = next((i for i in range(min(limit, 300)) if lines[i].startswith(("FM ", "VZCZC"))), 0)
    for i in range(fm, min(limit, fm + 150)):
        s = lines[i].strip()
        if s and s[0] in CLASS_FIRST and CLASSIFICATION_RE.match(s):
            if i + 1 < limit and lines[i + 1].lstrip().startswith("PAGE "):
                continue  # a page break inside the TO/INFO list, not the text's first line
            cut = i
            break
    if cut is None:
        # No classification line: the header runs to the first blank line after FM/TO.
        first = next((i for i in range(limit) if lines[i].strip()), None)
        if first is None or not _TRANSMISSION_LINE_RE.match(lines[first].strip()):
            if whole is not None:
                state.split = (text, whole)
            return
        cut = next((i for i in range(first, limit) if not lines[i].strip()), limit)
    before = lines[:cut]
    if any(_TRANSMISSION_LINE_RE.match(ln.strip()) for ln in before if ln.strip()):
        # A viewer page that repeats the header (after a catalogue record) in its
        # text keeps the header block it already has.
        if not state.transmission:
            state.transmission = "\n".join(before).strip("\n")
        # len("\n".join(before)), without joining
        state.text = text[sum(map(len, before)) + cut - 1 if cut else 0 :].lstrip("\n")
        if whole is not None:
            # The lines of the text that is left: lstrip("\n") dropped the empty ones first.
            while cut < len(whole) and not whole[cut]:
                cut += 1
            state.split = (state.text, whole[cut:] or [""])
    elif whole is not None:
        state.split = (text, whole)


def routing(state: ParseState) -> None:
    split_transmission(state)
    record = state.record
    header = state.transmission
    if header:
        m = DE_RE.search(header)
        if m:
            record.transmission_id = " ".join(m.group(1).split())
        m = DTG_LINE_RE.search(header)
        if m:
            record.precedence = PRECEDENCE[m.group(1)]
            record.dtg = " ".join(m.group(2).split()).upper()
        else:
            m = DTG_RE.search(header)
            if m:
                record.dtg = " ".join(m.group(0).split()).upper()
        if record.precedence is None:
            m = PREC_ROUTE_RE.search(header)
            if m:
                record.precedence = PRECEDENCE[m.group(1)]
    if record.dtg is None:
        m = DTG_RE.search(state.text[:400])
        if m:
            record.dtg = " ".join(m.group(0).split()).upper()
    if record.dtg and record.created is None:
        record.created = dtg_to_iso(record.dtg)
