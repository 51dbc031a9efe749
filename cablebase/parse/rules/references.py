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

_KW_RE = re.compile(r"^(?:REF\(S\)|REF(?:TEL)?S?|REFERENCES?)\s*:?\s*", re.I)
# "A.", "A)", "A:", "(A)" (also glued: "(A)STATE 071143"), lower case too.
_LABEL_RE = re.compile(r"(?:^|(?<=[\s;,.]))(?:\(([A-Za-z])\)(?=\s|[A-Z0-9])|([A-Za-z])[.):](?=\s))")
_DOUBLED_RE = re.compile(r"^\(?([A-Za-z])[.):]\s+")
_PIECE_SPLIT_RE = re.compile(r"\s*;\s*|\s*,\s*|\s+AND\s+(?=\(?\d|[A-Z]{3,}\s+\d)")
# A label out of sequence, glued to its cable: "(B)STATE 146306, (B)STATE 178055".
_STRAY_LABEL_RE = re.compile(r"^\(?[A-Za-z]\)\s*(?=[A-Z0-9])")
_YEAR_PARENS_RE = re.compile(r"^\((\d{2}|\d{4})\)\s*")
_POST_SERIAL_RE = re.compile(r"^(.*\D)\s+0*\d{1,7}$")
_AND_PREVIOUS_RE = re.compile(r"\s*\bAND\s+PREVIOUS\b\.?", re.I)


_ITEM_RE = re.compile(r"^\(?[A-Z][.)]\s+\S")


def _lettered_item(line: str) -> bool:
    """Lettered references after a blank line still belong to REF."""
    return bool(_ITEM_RE.match(line))


FIELD = HeaderField(
    name="ref",
    keyword=r"(?<![A-Za-z/])(?:(?i:REF(?:TEL)?S?|REF\(S\)|REFERENCES?)[ \t]*:"
    r"|REFTELS?(?=[ \t]+[A-Z])|REF(?=[ \t]+\(?[A-Z][.):][ \t]))"
    # glued to the subject before it: "THE PRIME MINISTERREF: A. LONDON 1939"
    r"|(?<=[A-Z])REF:(?=[ \t])",
    probes=("REF", ":"),
    max_lines=15,
    resumes=_lettered_item,
    starts=("REF",),
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


def _cites(text: str, year: str | None) -> list[tuple[str, str]] | None:
    """``BRASILIA 1250; RECIFE 66; (08) SAO PAULO 581`` / ``BRASILIA 715 AND 660``.

    Each piece with the id it cites (a bare serial shares the post before it);
    None unless there are several pieces and every one is a cable.
    """
    pieces = [p for p in _PIECE_SPLIT_RE.split(text.strip(" .;,")) if p]
    if len(pieces) < 2:
        return None
    out: list[tuple[str, str]] = []
    post = ""
    for piece in pieces:
        piece = _YEAR_PARENS_RE.sub(r"\1 ", _STRAY_LABEL_RE.sub("", piece))
        probe = f"{post} {piece}" if piece.isdigit() and post else piece
        rid = cite_to_id(_AND_PREVIOUS_RE.sub("", probe), year)
        if rid is None:
            return None
        m = _POST_SERIAL_RE.match(probe)
        post = m.group(1) if m else ""
        out.append((piece, rid))
    return out


def _items(label: str | None, text: str, year: str | None) -> list[Reference]:
    """One lettered item: one reference, or one per cable when it cites several."""
    text = squash(text)
    doubled = _DOUBLED_RE.match(text)
    if label and doubled and doubled.group(1).upper() == label:
        text = text[doubled.end() :]  # "A. A) BRASILIA 236": the label written twice
    cites = _cites(text, year)
    if cites is None:
        return [_item(label, text, year)]
    return [Reference(label=label, kind="cable", reference_id=rid, text=t) for t, rid in cites]


def parse_references(text: str, year: str | None) -> list[Reference]:
    """References of a REF segment (keyword optional); ``year`` is the citing cable's."""
    text = squash(_KW_RE.sub("", text.strip()))
    if not text:
        return []
    labels = []
    expected = "A"
    for m in _LABEL_RE.finditer(text):
        letter = m.group(1) or m.group(2)
        if not labels and letter in "Aa":
            expected = letter  # the first label sets the case: "a)" runs a), b), c)
        if letter == expected:  # labels run A, B, C...: anything else is text
            labels.append((letter.upper(), m.start(), m.end()))
            expected = chr(ord(expected) + 1)
    if labels and labels[0][1] == 0:
        out = []
        for i, (letter, _start, end) in enumerate(labels):
            stop = labels[i + 1][1] if i + 1 < len(labels) else len(text)
            out.extend(_items(letter, text[end:stop], year))
        return out
    return _items(None, text, year)


def references(state: ParseState) -> None:
    seg = state.segments.get("ref")
    if seg:
        state.record.references = parse_references(seg, state.cite_year())
    elif state.meta.references:
        state.record.references = list(state.meta.references)
