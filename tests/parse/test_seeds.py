"""The two seed cables give exactly the records that docs/record.md describes for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebase.parse import CableRecord, parse_document

SEED_000 = "seeds/000_068168b0c6d62cf7.txt"
SEED_003 = "seeds/003_7a1b52288a90354e.txt"


def _parse(samples_dir: Path, name: str) -> CableRecord:
    path = samples_dir / name
    return parse_document(path.read_bytes(), path=str(path))


@pytest.fixture(scope="module")
def state_cable(samples_dir: Path) -> CableRecord:
    return _parse(samples_dir, SEED_000)


@pytest.fixture(scope="module")
def moscow_cable(samples_dir: Path) -> CableRecord:
    return _parse(samples_dir, SEED_003)


def test_seed_000_identity(state_cable: CableRecord) -> None:
    r = state_cable
    assert r.source.format == "telegram-text"
    assert r.reference_id == "06STATE27174"
    assert r.origin == "Secretary of State"
    assert r.origin_code == "STATE"
    assert r.created == "2006-02-18T20:20:00Z"
    assert r.released is None
    assert r.classification == "CONFIDENTIAL"
    assert r.precedence == "IMMEDIATE"
    assert r.dtg == "182020Z FEB 06"
    assert r.transmission_id is None  # no DE line in this copy
    assert r.sender == "SECSTATE WASHDC"


def test_seed_000_recipients(state_cable: CableRecord) -> None:
    names = [(x.name, x.precedence) for x in state_cable.recipients]
    assert names == [
        ("ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE", "IMMEDIATE"),
        ("USLO TRIPOLI", "IMMEDIATE"),
    ]
    assert state_cable.info_recipients == []


def test_seed_000_header_fields(state_cable: CableRecord) -> None:
    r = state_cable
    assert r.eo == "12958"
    assert r.declassify_on == "2016-02-16"
    assert r.declassify_rule is None
    assert r.tags == ["PREL"]  # "[PREL](#)" link syntax is an artefact of the copy
    assert r.subject == "MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS"
    assert r.classified_by is not None
    assert r.classified_by.name == "WELCH"
    assert r.classified_by.title == "A/S"
    assert r.reasons == ["1.4(b)", "1.4(d)"]
    assert r.references == []


def test_seed_000_body(state_cable: CableRecord) -> None:
    r = state_cable
    assert [(p.number, p.marking) for p in r.paragraphs] == [("1", "C"), ("2", "U"), ("3", "U")]
    assert r.paragraphs[0].text.startswith("Department requests that all embassies deliver")
    assert r.paragraphs[2].text == "Minimize considered."
    assert "-- It is important for the international community" in r.paragraphs[1].text
    assert r.signers == ["RICE"]
    assert "¶" not in r.body
    # The displayed text keeps the signature as it stood; the last paragraph does not.
    assert r.body.endswith("3. (U) Minimize considered.\n\nRICE")
    assert r.warnings == []


def test_seed_003_identity(moscow_cable: CableRecord) -> None:
    r = moscow_cable
    assert r.source.format == "repost-text"
    assert r.reference_id == "06MOSCOW1323"
    assert r.origin == "Embassy Moscow"
    assert r.origin_code == "MOSCOW"
    assert r.created == "2006-02-10T15:26:00Z"
    assert r.released == "2011-08-30T01:44:00Z"
    assert r.classification == "CONFIDENTIAL"
    assert r.precedence == "IMMEDIATE"
    assert r.dtg == "101526Z FEB 06"
    assert r.transmission_id == "RUEHMO #1323/01 0411526"
    assert r.sections == 2


def test_seed_003_header_fields(moscow_cable: CableRecord) -> None:
    r = moscow_cable
    assert r.eo == "12958"
    assert r.declassify_on == "2016-02-10"
    assert r.tags == []
    assert r.subject is None
    assert r.classified_by is not None
    assert r.classified_by.name == "William J. Burns"
    assert r.classified_by.title == "Ambassador"
    assert r.classified_by.text == "Ambassador William J. Burns.  Reasons: 1.4(B/D)."
    assert r.reasons == ["1.4(b)", "1.4(d)"]


def test_seed_003_paragraphs(moscow_cable: CableRecord) -> None:
    paras = moscow_cable.paragraphs
    assert [p.number for p in paras] == [str(i) for i in range(1, 8)]
    assert {p.marking for p in paras} == {"C"}
    # The statement after paragraph 7, with its sub-head, belongs to paragraph 7.
    blocks = paras[6].text.split("\n\n")
    assert blocks[1] == "MFA Statement on Hamas Invitation"
    assert blocks[2].startswith("In response to a press correspondent")
    assert blocks[-1].endswith('co-existing in peace and security with Israel."')


@pytest.mark.parametrize(
    "junk",
    [
        "MOSCOW 00001323",
        "002 OF 002",
        "WikiLeaks Link",
        "Discussing cables",
        "Leave a Reply",
        "Log Out",
        "Post a comment",
        "bloggers like this",
        "Reference ID",
    ],
)
def test_seed_003_no_page_break_or_chrome(moscow_cable: CableRecord, junk: str) -> None:
    texts = [moscow_cable.body] + [p.text for p in moscow_cable.paragraphs]
    assert not any(junk in t for t in texts)
