"""Rule ``recipients``: FM, TO and INFO addressees of the transmission header.

Each addressee: optional routing indicator before ``/``, the name, a
precedence, an optional message control number (MCN). Lines without a
keyword continue the current list; ``XMT`` lines name posts excluded from
the collective just above.
"""

from __future__ import annotations

import re

from cablebase.parse.record import Recipient
from cablebase.parse.state import ParseState

_KEYWORD_RE = re.compile(r"^(FM|TO|INFO|XMT|BT|NNNN|ZEN|ZNY|ZNR|DE|VZCZC)\b/?\s*(.*)$")
_ROUTE_RE = re.compile(r"R[A-Z0-9]{3,7}")
_PRECEDENCES = frozenset({"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"})


def parse_addressee(text: str) -> Recipient | None:
    """``RUEHC/SECSTATE WASHDC IMMEDIATE 4696`` -> Recipient(route, name, precedence, mcn).

    Plain string work, no backtracking regex: header lines come by the dozen.
    """
    words = text.split()
    if not words:
        return None
    route = None
    head, sep, rest = words[0].partition("/")
    if sep and _ROUTE_RE.fullmatch(head):
        route = head
        words = ([rest] if rest else []) + words[1:]
    mcn = precedence = None
    if len(words) > 1 and words[-1].isdigit() and len(words[-1]) <= 5:
        mcn = words.pop()
    if len(words) > 1 and words[-1] in _PRECEDENCES:
        precedence = words.pop()
        if precedence == "IMMEDIATE" and len(words) > 1 and words[-1] == "NIACT":
            words.pop()
            precedence = "NIACT IMMEDIATE"
    if not words:
        return None
    return Recipient(name=" ".join(words), route=route, precedence=precedence, mcn=mcn)


def recipients(state: ParseState) -> None:
    header = state.transmission
    if "FM" not in header and "TO" not in header:
        return
    record = state.record
    current: list[Recipient] | None = None
    lines = header.split("\n")
    # Old headers carry an internal "INFO LOG-00 ..." distribution list before FM.
    fm = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("FM ")), 0)
    for raw in lines[fm:]:
        line = raw.strip()
        if not line:
            current = None
            continue
        m = _KEYWORD_RE.match(line)
        if m:
            key, rest = m.group(1), m.group(2).strip()
            if key == "FM":
                record.sender = " ".join(rest.split()) or None
                current = None
            elif key in ("TO", "INFO"):
                current = record.recipients if key == "TO" else record.info_recipients
                if rest and (r := parse_addressee(rest)):
                    current.append(r)
            elif key == "XMT":
                if current and rest:
                    current[-1].excluded.append(" ".join(rest.split()))
            else:
                current = None
            continue
        if current is not None and line.upper() == line and (r := parse_addressee(line)):
            current.append(r)
