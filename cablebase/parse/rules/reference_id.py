"""Rule ``reference_id``: the cable's own id, origin and dates.

Publisher metadata first (``Reference ID`` / ``Origin`` / ``Created`` /
``Released``); else the post and serial on the classification line
(``STATE 027174``, ``SECTION 01 OF 02 MOSCOW 001323``) with the year of the
DTG; else the caller's context.
"""

from __future__ import annotations

import re

from cablebase.parse import ids
from cablebase.parse.lookups import origin_name, origin_names
from cablebase.parse.state import ParseState

_POST_SERIAL_RE = re.compile(r"((?:[A-Z][A-Z\-]*[ \t]+){1,4})0*(\d{1,7})\b")
_NAME_TO_CODE: dict[str, str] = {}


def _code_for_name(name: str) -> str | None:
    if not _NAME_TO_CODE:
        for code, label in origin_names().items():
            _NAME_TO_CODE.setdefault(label.upper(), code)
    return _NAME_TO_CODE.get(name.upper())


def _from_preamble(state: ParseState) -> tuple[str, str] | None:
    for line in state.preamble.split("\n")[:6]:
        for m in _POST_SERIAL_RE.finditer(line):
            code = ids.canonical_code(m.group(1))
            if code:
                return code, m.group(2)
    return None


def reference_id(state: ParseState) -> None:
    record, meta = state.record, state.meta
    if meta.created:
        record.created = meta.created
    record.released = meta.released
    record.partial = record.partial or meta.partial
    rid = meta.reference_id
    if rid:
        rid = rid.strip().upper()
    found = _from_preamble(state)
    if not rid and found:
        yy = ids.year2(state.context.year) if state.context.year else None
        yy = yy or (record.created[2:4] if record.created else None)
        if yy is None and state.context.reference_id:
            yy = state.context.reference_id[:2]
        if yy:
            rid = ids.make_id(yy, found[0], found[1])
    if not rid and state.context.reference_id:
        rid = state.context.reference_id.strip().upper()
    record.reference_id = rid or None
    parts = ids.split_id(rid) if rid else None
    if parts:
        record.origin_code = parts[1]
    elif found:
        record.origin_code = found[0]
    if meta.origin:
        record.origin = meta.origin
        if record.origin_code is None:
            record.origin_code = _code_for_name(meta.origin)
    elif record.origin_code:
        record.origin = origin_name(record.origin_code)
