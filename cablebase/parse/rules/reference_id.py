"""Rule ``reference_id``: the cable's own id, origin and dates.

Publisher metadata first (``Reference ID`` / ``Origin`` / ``Created`` /
``Released``); else the post and serial on the classification line
(``STATE 027174``, ``SECTION 01 OF 02 MOSCOW 001323``) with the year of the
DTG; else the caller's context.
"""

from __future__ import annotations

from cablebase.parse import ids
from cablebase.parse.lookups import origin_name, origin_names
from cablebase.parse.state import ParseState

_NAME_TO_CODE: dict[str, str] = {}
_POST_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ-")


def _code_for_name(name: str) -> str | None:
    if not _NAME_TO_CODE:
        for code, label in origin_names().items():
            _NAME_TO_CODE.setdefault(label.upper(), code)
    return _NAME_TO_CODE.get(name.upper())


def _serial(token: str) -> str | None:
    """``001323`` / ``027174,`` -> the serial without leading zeros; None if no serial."""
    digits = len(token) - len(token.lstrip("0123456789"))
    rest = token[digits:]
    if not digits or (rest and (rest[0].isalnum() or rest[0] == "_")):
        return None
    serial = token[:digits].lstrip("0") or "0"
    return serial if len(serial) <= 7 else None


def _post_word(token: str, *, first: bool) -> str | None:
    """A post-name word (``MOSCOW``, ``PORT-AU-PRINCE``); the first may follow punctuation."""
    i = len(token)
    while i > 0 and token[i - 1] in _POST_CHARS:
        i -= 1
    while i < len(token) and token[i] == "-":  # a word starts with a letter
        i += 1
    if i == len(token) or (i > 0 and not first):
        return None
    return token[i:]


def post_and_serial(line: str) -> tuple[str, str] | None:
    """The first ``POST 001323`` on a line whose post is a known origin code.

    Word by word (no backtracking regex), so a long capital-letter token costs one pass.
    """
    tokens = line.split()
    for i, token in enumerate(tokens):
        if not token[0].isdigit():
            continue
        serial = _serial(token)
        if serial is None:
            continue
        words: list[str] = []
        for j in range(i - 1, max(-1, i - 5), -1):
            word = _post_word(tokens[j], first=True)
            if word is None:
                break
            words.insert(0, word)
            if word != tokens[j]:  # "(STATE": the word began inside the token
                break
        code = ids.canonical_code(" ".join(words)) if words else None
        if code:
            return code, serial
    return None


def _from_preamble(state: ParseState) -> tuple[str, str] | None:
    for line in state.preamble.split("\n", 6)[:6]:
        found = post_and_serial(line)
        if found:
            return found
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
