"""``CableRecord.to_dict`` is the JSON form every output writes: it must equal the
generic ``dataclasses.asdict`` it replaced (for speed), on real cables and on any record."""

from __future__ import annotations

import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebase.parse import parse_document
from cablebase.parse.record import (
    CableRecord,
    ClassifiedBy,
    Paragraph,
    Recipient,
    Reference,
    Source,
)

OPT = st.none() | st.text(max_size=20)
WORDS = st.lists(st.text(max_size=10), max_size=4)
RECIPIENTS = st.builds(Recipient, name=st.text(max_size=10), route=OPT, excluded=WORDS)
RECORDS = st.builds(
    CableRecord,
    reference_id=OPT,
    caveats=WORDS,
    recipients=st.lists(RECIPIENTS, max_size=3),
    info_recipients=st.lists(RECIPIENTS, max_size=2),
    sections=st.integers(0, 9),
    tags=WORDS,
    classified_by=st.none() | st.builds(ClassifiedBy, name=OPT, title=OPT, text=OPT),
    references=st.lists(
        st.builds(Reference, label=OPT, kind=st.just("cable"), reference_id=OPT, text=OPT),
        max_size=3,
    ),
    paragraphs=st.lists(st.builds(Paragraph, number=OPT, marking=OPT, text=OPT), max_size=4),
    source=st.none() | st.builds(Source, format=st.text(max_size=8), path=OPT, sha256=OPT),
    partial=st.booleans(),
    warnings=WORDS,
)


@settings(max_examples=200, deadline=None)
@given(RECORDS)
def test_any_record_gives_what_asdict_gives(record: CableRecord) -> None:
    assert record.to_dict() == asdict(record)


def test_real_cables_give_what_asdict_gives(shared_corpus: Path) -> None:
    with zipfile.ZipFile(shared_corpus / "cablegate-2011-04-pages.zip") as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".html"))[::20]
        records = [parse_document(zf.read(n), path=n) for n in names]
    assert len(records) > 100
    for record in records:
        assert record.to_dict() == asdict(record), record.reference_id


def test_the_dict_shares_no_list_with_the_record() -> None:
    record = CableRecord(
        tags=["PREL"], recipients=[Recipient(name="SECSTATE", excluded=["X"])], warnings=[]
    )
    data = record.to_dict()
    data["tags"].append("PGOV")
    data["recipients"][0]["excluded"].append("Y")
    assert record.tags == ["PREL"] and record.recipients[0].excluded == ["X"]


@pytest.mark.parametrize("value", [None, "text", 3, True])
def test_scalars_stand_as_they_are(value) -> None:
    assert CableRecord(sections=value).to_dict()["sections"] is value
