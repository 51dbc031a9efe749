"""Each rule run alone on a hand-built state, as markdown-it's rule tests do.

A rule reads what earlier rules left in the state and fills its own fields;
nothing else runs, so a failure here names the rule at fault.
"""

from __future__ import annotations

from cablebase.parse.record import Reference
from cablebase.parse.rules import RULES
from cablebase.parse.rules.classified_by import classified_by
from cablebase.parse.rules.eo_line import eo_line
from cablebase.parse.rules.references import references
from cablebase.parse.rules.segments import HEADER_FIELDS, segments
from cablebase.parse.rules.signers import signers
from cablebase.parse.rules.subject import subject
from cablebase.parse.rules.tags import tags
from cablebase.parse.rules.trailer import trailer
from cablebase.parse.state import Meta, ParseState, Trailer


def _state(**segments: str) -> ParseState:
    state = ParseState(text="")
    state.segments = dict(segments)
    return state


def test_every_header_field_is_declared_by_the_rule_that_reads_it() -> None:
    names = [field.name for field in HEADER_FIELDS]
    assert names == ["eo", "decl", "tags", "subject", "ref", "classified_by"]
    rule_names = [name for name, _ in RULES]
    assert rule_names.index("segments") < rule_names.index("tags")
    assert rule_names.index("trailer") < rule_names.index("subject")


def test_segments_alone_cuts_one_raw_segment_per_declared_field() -> None:
    state = ParseState(
        text="CONFIDENTIAL\nE.O. 12958: DECL: 1/1/2016\nTAGS: PREL,\nPGOV\n"
        "SUBJECT: A SUBJECT\nREF: A. STATE 1\n\nB. STATE 2\n"
        "Classified By: Jane Doe, reasons 1.4 (b)\n\n1. (C) Body.\n"
    )
    segments(state)
    assert state.segments == {
        "eo": "E.O. 12958:",
        "decl": "DECL: 1/1/2016",
        "tags": "TAGS: PREL,\nPGOV",
        "subject": "SUBJECT: A SUBJECT",
        "ref": "REF: A. STATE 1\nB. STATE 2",
        "classified_by": "Classified By: Jane Doe, reasons 1.4 (b)",
    }
    assert state.preamble == "CONFIDENTIAL"
    assert state.lines[state.body_start] == "1. (C) Body."


def test_tags_alone() -> None:
    state = _state(tags="TAGS: prel, PGOV; OVIP (RICE, CONDOLEEZZA)")
    tags(state)
    assert state.record.tags == ["PREL", "PGOV", "OVIP", "RICE, CONDOLEEZZA"]


def test_subject_alone_falls_back_to_the_trailer_subject() -> None:
    state = _state()
    state.trailer = Trailer(signer="STEVENS", tags="PGOV", subject="LIBYA VISIT", text="...")
    subject(state)
    assert state.record.subject == "LIBYA VISIT"
    own = _state(subject="SUBJECT: (C) OWN SUBJECT")
    own.trailer = state.trailer
    subject(own)
    assert own.record.subject == "OWN SUBJECT"


def test_eo_line_alone() -> None:
    state = _state(eo="E.O. 12958:", decl="DECL: 02/16/2016")
    eo_line(state)
    assert (state.record.eo, state.record.declassify_on) == ("12958", "2016-02-16")


def test_references_alone_use_the_citing_year_or_the_publisher_list() -> None:
    state = _state(ref="REF: A. STATE 12345 B. 05 MOSCOW 1234")
    state.record.reference_id = "06MOSCOW1323"
    references(state)
    assert [r.reference_id for r in state.record.references] == ["06STATE12345", "05MOSCOW1234"]
    listed = Reference(label=None, kind="cable", reference_id="06STATE1", text="STATE 1")
    from_meta = _state()
    from_meta.meta = Meta(references=[listed])
    references(from_meta)
    assert from_meta.record.references == [listed]


def test_classified_by_alone() -> None:
    state = _state(classified_by="Classified By: Ambassador William J. Burns. Reasons: 1.4(B/D).")
    classified_by(state)
    assert state.record.classified_by is not None
    assert state.record.classified_by.name == "William J. Burns"
    assert state.record.reasons == ["1.4(b)", "1.4(d)"]


def test_trailer_then_signers_alone() -> None:
    state = ParseState(text="")
    state.lines = ["1. (C) Text.", "", "STEVENS 0 03/13/2008 9871 PGOV,PREL VISIT TO SIRTE Summary"]
    trailer(state)
    assert state.trailer is not None and state.trailer.signer == "STEVENS"
    assert state.trailer.subject == "VISIT TO SIRTE"
    assert state.lines[-1] == ""
    signers(state)
    assert state.record.signers == ["STEVENS"]
    assert state.lines == ["1. (C) Text."]
