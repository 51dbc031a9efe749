"""Rule ``finish``: the display body, the raw header and the warnings."""

from __future__ import annotations

from cablebase.parse.state import ParseState

_OPEN_ENDINGS = frozenset("abcdefghijklmnopqrstuvwxyz,")


def finish(state: ParseState) -> None:
    record = state.record
    body = "\n".join([ln.rstrip() for ln in state.lines])
    while "\n\n\n" in body:  # str.replace is far faster than a regex scan here
        body = body.replace("\n\n\n\n", "\n\n").replace("\n\n\n", "\n\n")
    body = body.strip("\n")
    if body and state.signature_tail:  # the signature is text a reader must see
        body += state.signature_tail
    record.body = body or None
    record.header = state.transmission.strip("\n") or None
    warnings = record.warnings
    if record.reference_id is None:
        warnings.append("no reference id")
    if record.classification is None:
        warnings.append("no classification")
    if not record.paragraphs:
        warnings.append("no text")
    if record.created is None:
        warnings.append("no date")
    last = record.paragraphs[-1].text.rstrip() if record.paragraphs else ""
    if record.sections > 1 and 0 < state.pages < record.sections and not record.signers:
        warnings.append(f"truncated: {state.pages} of {record.sections} sections")
    elif not (record.signers or record.partial) and last[-1:] in _OPEN_ENDINGS:
        warnings.append("truncated: text ends mid-sentence")
