"""Rule ``eo_line``: governing executive order and declassification date or rule.

``E.O. 12958: DECL: 02/16/2016``, ``EO 12958 DECL: 6/30/08``,
``E.O. 13526: DECL: 2020/01/12``, ``E.O. 12958: N/A``, ``DECL: OADR``,
``DECL: 1.6 X1``. Dates become ISO; a rule is kept as written.
"""

from __future__ import annotations

import re

from cablebase.parse.rules.field import HeaderField
from cablebase.parse.state import ParseState

_EO_NUM_RE = re.compile(r"(\d{5})")
_MDY_RE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_YMD_RE = re.compile(r"\b(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\b")
_DECL_KW_RE = re.compile(r"^DECL(?:ASSIFY)?(?:\s+ON)?\s*:?\s*", re.I)
_RULE_RE = re.compile(r"\b(OADR|N/A|NA|\d\.\d\s*\(?[A-Z]\d\)?(?:,\s*[A-Z]\d)*|X\d|25X\d)\b")


def _decl_follows(line: str, so_far: list[str]) -> bool:
    return line.upper().startswith("DECL")


EO_FIELD = HeaderField(
    name="eo",
    # "E.O. 12958" is distinctive enough to be found glued to a word ("AGUILERAE.O. 12958",
    # copies that lost their line breaks); the bare forms need a non-letter before them.
    # "SANCTIONS UNDER E.O. 13382" in a subject is text, not the E.O. line.
    keyword=r"(?<!UNDER )(?:(?i:E\.\s?O\.)\s?\d{5}|(?<![A-Za-z/])(?:E\.O\.|EO[ \t]+\d{5}))",
    probes=("E.O", "EO ", "E.o", "e.o"),
    max_lines=1,
    continues=_decl_follows,
    starts=("E.", "EO"),
)
DECL_FIELD = HeaderField(
    name="decl",
    keyword=r"(?<![A-Za-z/])(?:(?i:DECL(?:ASSIFY)?(?:[ \t]+ON)?)[ \t]*:"
    r"|DECL[ \t]+(?=\d|OADR|X\d|1\.))",
    probes=("DECL", ":"),
    max_lines=1,
    continues=_decl_follows,
    repeats=True,
    starts=("DECL",),
)


def parse_decl_date(text: str) -> str | None:
    """``02/16/2016`` / ``6/30/08`` / ``2020/01/12`` -> ISO date, None if no valid date."""
    m = _YMD_RE.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _MDY_RE.search(text)
        if not m:
            return None
        mo, d, yr = int(m.group(1)), int(m.group(2)), m.group(3)
        y = int(yr) if len(yr) == 4 else 2000 + int(yr) if int(yr) <= 70 else 1900 + int(yr)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 < y < 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def eo_line(state: ParseState) -> None:
    record = state.record
    eo = state.segments.get("eo", "")
    decl = state.segments.get("decl", "")
    if eo:
        m = _EO_NUM_RE.search(eo)
        record.eo = m.group(1) if m else None
    rest = _DECL_KW_RE.sub("", decl.strip()).strip(" .:;") if decl else ""
    if not rest and eo:
        rest = eo[eo.find(record.eo or "") + 5 :].strip(" .:;") if record.eo else ""
    if not rest:
        return
    date = parse_decl_date(rest)
    if date:
        record.declassify_on = date
        return
    m = _RULE_RE.search(rest.upper())
    rule = m.group(1) if m else rest.split("\n")[0][:40].strip()
    record.declassify_rule = " ".join(rule.split()) or None
