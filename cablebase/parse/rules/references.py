"""Rule ``references``: the REF list.

Items lettered ``A.``, ``A)``, ``(A)`` (or a single unlettered item); each is a
cable (``STATE 12345``, ``05 MOSCOW 1234``, ``06STATE12345``, possibly
followed by ``AND PREVIOUS``) resolved to a canonical id with the citing
cable's year when none is given, or ``other`` (e-mails, memos, reports)
kept as written.
"""

from __future__ import annotations

import re

from cablebase.parse.ids import cite_to_id
from cablebase.parse.record import Reference
from cablebase.parse.rules.field import HeaderField
from cablebase.parse.state import ParseState
from cablebase.parse.text import squash

_KW_RE = re.compile(r"^(?:REF(?:TEL)?S?|REF\(S\)|REFERENCES?)\s*:?\s*", re.I)
_LABEL_RE = re.compile(r"(?:^|(?<=[\s;,.]))(?:\(([A-Z])\)|([A-Z])[.)])(?=\s)")
_AND_PREVIOUS_RE = re.compile(r"\s*\bAND\s+PREVIOUS\b\.?", re.I)


_ITEM_RE = re.compile(r"^\(?[A-Z][.)]\s+\S")


def _lettered_item(line: str) -> bool:
    """Lettered references after a blank line still belong to REF."""
    return bool(_ITEM_RE.match(line))


FIELD = HeaderField(
    name="ref",
    keyword=r"(?<![A-Za-z/])(?:(?i:REF(?:TEL)?S?|REF\(S\)|REFERENCES?)[ \t]*:"
    r"|REFTELS?(?=[ \t]+[A-Z]))",
    probes=("REF", ":"),
    max_lines=15,
    resumes=_lettered_item,
)


def _item(label: str | None, text: str, year: str | None) -> Reference:
    text = squash(text).strip(" ;,")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1].rstrip()
    probe = _AND_PREVIOUS_RE.sub("", text)
    rid = cite_to_id(probe, year)
    # A cable cited without a year we can infer is still a cable, just unresolved.
    kind = "cable" if rid or cite_to_id(probe, "00") else "other"
    return Reference(label=label, kind=kind, reference_id=rid, text=text)


def parse_references(text: str, year: str | None) -> list[Reference]:
    """References of a REF segment (keyword optional); ``year`` is the citing cable's."""
    text = squash(_KW_RE.sub("", text.strip()))
    if not text:
        return []
    labels = []
    expected = ord("A")
    for m in _LABEL_RE.finditer(text):
        letter = m.group(1) or m.group(2)
        if ord(letter) == expected:  # labels run A, B, C...: anything else is text
            labels.append((letter, m.start(), m.end()))
            expected += 1
    if labels and labels[0][1] == 0:
        out = []
        for i, (letter, _start, end) in enumerate(labels):
            stop = labels[i + 1][1] if i + 1 < len(labels) else len(text)
            out.append(_item(letter, text[end:stop], year))
        return out
    pieces = [p for p in re.split(r"\s*[;,]\s*|\s+AND\s+(?!PREVIOUS)", text) if p.strip()]
    if len(pieces) > 1 and all(cite_to_id(p, year) for p in pieces):
        return [_item(None, p, year) for p in pieces]
    return [_item(None, text, year)]


def references(state: ParseState) -> None:
    seg = state.segments.get("ref")
    if seg:
        state.record.references = parse_references(seg, state.cite_year())
    elif state.meta.references:
        state.record.references = list(state.meta.references)
