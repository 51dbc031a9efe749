"""Hypothesis: arbitrary text and bytes give a record or a ParseError, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablebase.parse import FORMATS, CableRecord, ParseError, parse_document
from cablebase.parse.rules.references import parse_references
from cablebase.parse.rules.tags import parse_tags

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEED = (
    Path(__file__).resolve().parents[2] / "samples" / "seeds" / "000_068168b0c6d62cf7.txt"
).read_bytes()
KEYWORDS = st.sampled_from(
    [
        "TAGS: ",
        "SUBJECT: ",
        "REF: ",
        "E.O. 12958: DECL: ",
        "Classified By: ",
        "1. (C) ",
        "C O N F I D E N T I A L ",
        "STATE 027174",
        "O 182020Z FEB 06\n",
        "FM ",
        "TO ",
        "\n\n",
        "MOSCOW 00001323  002 OF 002\n",
        "PAGE 02 HARARE 06677 01 OF 03 291400Z",
        "A. ",
        "(",
        ")",
        "<pre>",
        "</pre>",
        "<table class='cable'>",
        "Reference ID Created Released Classification Origin\n",
    ]
)


def _outcome(data: bytes, fmt: str = "auto") -> CableRecord | ParseError:
    try:
        record = parse_document(data, path="fuzz", format=fmt)
    except ParseError as exc:
        assert exc.reason
        return exc
    assert isinstance(record, CableRecord)
    assert record.source is not None and len(record.source.sha256) == 64
    assert CableRecord.from_dict(record.to_dict()) == record
    return record


@SETTINGS
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    _outcome(data)


@SETTINGS
@given(st.text(max_size=4096))
def test_arbitrary_text(text: str) -> None:
    _outcome(text.encode("utf-8"))


@SETTINGS
@given(
    st.lists(st.one_of(KEYWORDS, st.text(max_size=40)), max_size=60), st.sampled_from(FORMATS[:3])
)
def test_cable_shaped_noise_in_every_format(parts: list[str], fmt: str) -> None:
    _outcome("".join(parts).encode("utf-8"), fmt)


@SETTINGS
@given(st.integers(min_value=0, max_value=len(SEED)), st.binary(max_size=200))
def test_seed_cut_and_spliced(cut: int, junk: bytes) -> None:
    result = _outcome(SEED[:cut] + junk)
    if isinstance(result, CableRecord) and cut > SEED.index(b"TAGS"):
        assert result.dtg == "182020Z FEB 06"


@SETTINGS
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=300))
def test_header_helpers_never_raise(text: str) -> None:
    assert all(tag == tag.upper() for tag in parse_tags(text))
    for ref in parse_references(text, "06"):
        assert ref.kind in ("cable", "other")
        assert (ref.reference_id is None) or ref.kind == "cable"


@pytest.mark.parametrize(
    ("fmt", "outcome"),
    [
        ("telegram-text", "06STATE27174"),
        ("repost-text", "no publisher metadata row found"),
        ("wikileaks-html", "no cable text (<pre> block) in the page"),
    ],
)
def test_seed_under_each_explicit_format(fmt: str, outcome: str) -> None:
    """A bare telegram read as itself is the cable; read as a page it says what is missing."""
    assert fmt in FORMATS
    result = _outcome(SEED, fmt)
    if isinstance(result, ParseError):
        assert result.reason == outcome
    else:
        assert result.reference_id == outcome
