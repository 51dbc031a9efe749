"""The two cable-viewer pages in the corpus give their full records, field by field.

True values read off the pages by hand (shared/corpus/wikileaks-html/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebase.parse import CableRecord, parse_document


def _parse(corpus: Path, name: str) -> CableRecord:
    path = corpus / "wikileaks-html" / name
    return parse_document(path.read_bytes(), path=str(path))


@pytest.fixture(scope="module")
def tripoli(shared_corpus: Path) -> CableRecord:
    return _parse(shared_corpus, "08TRIPOLI220.html")


@pytest.fixture(scope="module")
def state284(shared_corpus: Path) -> CableRecord:
    return _parse(shared_corpus, "10STATE284.html")


def test_tripoli_metadata(tripoli: CableRecord) -> None:
    r = tripoli
    assert r.source.format == "wikileaks-html"
    assert r.reference_id == "08TRIPOLI220"
    assert r.created == "2008-03-13T15:03:00Z"
    assert r.released == "2011-01-31T21:09:00Z"
    # The link's title attribute says "unclassified": the link text is the truth.
    assert r.classification == "CONFIDENTIAL"
    assert r.origin == "Embassy Tripoli"
    assert r.origin_code == "TRIPOLI"
    assert r.partial is False


def test_tripoli_transmission_header(tripoli: CableRecord) -> None:
    r = tripoli
    assert r.header.startswith("VZCZCXRO4024\nOO RUEHTRO\nDE RUEHTRO #0220/01 0731503")
    assert r.transmission_id == "RUEHTRO #0220/01 0731503"
    assert r.dtg == "131503Z MAR 08"
    assert r.precedence == "IMMEDIATE"
    assert r.sender == "AMEMBASSY TRIPOLI"
    assert [(x.route, x.name, x.precedence, x.mcn) for x in r.recipients] == [
        ("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "3217")
    ]
    info = [(x.route, x.name, x.precedence, x.mcn) for x in r.info_recipients]
    assert info[0] == ("RHEHAAA", "NSC WASHINGTON DC", None, None)
    assert info[1] == ("RUEHTU", "AMEMBASSY TUNIS", "IMMEDIATE", "0452")
    assert info[-1] == ("RUEHTRO", "AMEMBASSY TRIPOLI", None, "3706")
    assert len(info) == 8


def test_tripoli_text_header(tripoli: CableRecord) -> None:
    r = tripoli
    assert r.sections == 3
    assert r.caveats == ["SIPDIS"]
    assert r.eo == "12958"
    assert r.declassify_on == "2018-03-13"
    assert r.tags == ["PGOV", "PREL", "PHUM", "PINR", "LY"]
    # No SUBJECT line: the subject comes from the trailer the page appends.
    assert r.subject == 'DETAINED HUMAN RIGHTS ACTIVIST FATHI EL-JAHMI "RELEASED"'
    assert r.classified_by is not None
    assert r.classified_by.name == "Chris Stevens"
    assert r.classified_by.title == "CDA"
    assert r.classified_by.text == (
        "Chris Stevens, CDA, Embassy Tripoli, Dept of State. REASON: 1.4 (b), (d)"
    )
    assert r.reasons == ["1.4(b)", "1.4(d)"]
    assert r.references == []  # "ref A"/"ref B" are cited in the text, there is no REF line


def test_tripoli_paragraphs(tripoli: CableRecord) -> None:
    r = tripoli
    # The cable's own numbers, 1 to 11; each sub-head is a block of the paragraph before it.
    assert [p.number for p in r.paragraphs] == [str(i) for i in range(1, 12)]
    assert {p.marking for p in r.paragraphs} == {"C"}
    heads = {p.number: p.text.split("\n\n")[-1] for p in r.paragraphs if "\n\n" in p.text}
    assert heads == {
        "1": 'FATHI EL-JAHMI "RELEASED"',
        "2": "BUT REMAINS AT TRIPOLI MEDICAL CENTER",
        "4": "FAMILY VISITS",
        "6": "MINDERS STILL PRESENT",
        "7": "TREATING PHYSICIAN SAYS IMPROVEMENT IN MEDICAL CONDITION CONTINUES",
        "8": "EL-JAHMI IN GOOD SPIRITS",
    }
    para6 = next(p for p in r.paragraphs if p.number == "6")
    assert para6.text.endswith(
        "The family had no objection to a visit by Emboffs if the QDF agreed.\n\n"
        "MINDERS STILL PRESENT"
    )
    last = r.paragraphs[-1]
    assert last.number == "11"
    assert last.text.startswith("Comment: While we lack the expertise")
    assert last.text.endswith("continued medical treatment. End comment.")
    assert r.summary.startswith("Reports by the Qadhafi Development Foundation (QDF)")
    assert r.summary.endswith("his status and medical condition.")


def test_tripoli_signer_and_trailer(tripoli: CableRecord) -> None:
    r = tripoli
    assert r.signers == ["STEVENS"]
    assert "03/13/2008" not in r.body
    assert "9871" not in r.body
    assert "00000220" not in r.body
    # The viewer's trailer goes; the signature it began with stays in the text.
    assert r.body.endswith("End comment. STEVENS")
    assert r.paragraphs[-1].text.endswith("End comment.")
    assert r.warnings == []


def test_state284_metadata(state284: CableRecord) -> None:
    r = state284
    assert r.reference_id == "10STATE284"
    assert r.created == "2010-01-04T18:06:00Z"
    assert r.released == "2011-01-31T21:09:00Z"
    assert r.classification == "CONFIDENTIAL"
    assert r.origin == "Secretary of State"
    assert r.origin_code == "STATE"


def test_state284_transmission_header(state284: CableRecord) -> None:
    r = state284
    assert r.transmission_id == "RUEHC #0284/01 0041825"
    assert r.dtg == "041820Z JAN 10"
    assert r.precedence == "PRIORITY"
    assert r.sender == "SECSTATE WASHDC"
    assert [(x.route, x.name, x.precedence, x.mcn) for x in r.recipients] == [
        ("RUEHTRO", "AMEMBASSY TRIPOLI", "PRIORITY", "1742")
    ]
    assert [x.name for x in r.info_recipients] == [
        "JOINT STAFF WASHINGTON DC",
        "SECDEF WASHINGTON DC",
        "HQ USAFRICOM STUTTGART GE",
    ]


def test_state284_text_header(state284: CableRecord) -> None:
    r = state284
    assert r.sections == 2
    assert r.caveats == ["SIPDIS"]
    assert r.eo == "12958"
    assert r.declassify_on == "2020-01-04"
    assert r.tags == ["MASS", "MARR", "MCAP", "MOPS", "PARM", "PGOV"]
    assert r.subject is None
    assert r.classified_by is None
    assert r.reasons == []
    assert r.references == []


def test_state284_paragraphs_and_signer(state284: CableRecord) -> None:
    r = state284
    assert [(p.number, p.marking) for p in r.paragraphs] == [
        ("1", "U"),
        ("2", "C"),
        ("3", "C"),
        ("4", "C"),
        ("5", "C/REL LIBYA"),
        ("6", None),
    ]
    assert r.paragraphs[0].text == "This is an action request; see para 5."
    assert "Counterterrorism and associated issues (AQIM, LIFG, foreign fighters)" in (
        r.paragraphs[4].text
    )
    assert r.paragraphs[5].text.endswith("Tom Mancinelli, xxxxxxxxxxxx or xxxxxxxxxxxx.")
    assert r.signers == ["CLINTON"]
    assert "00000284" not in r.body
