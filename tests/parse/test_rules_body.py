"""Unit tests for the body rules: page breaks, paragraphs, markings, summary, signers."""

from __future__ import annotations

import pytest

from cablebase.parse import Context, parse_document
from cablebase.parse.rules.paragraphs import split_paragraphs
from cablebase.parse.text import drop_page_breaks

HEAD = "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001323\nE.O. 12958: DECL: 02/10/2016\n"


def parse_body(body: str):  # type: ignore[no-untyped-def]
    return parse_document((HEAD + body).encode(), format="telegram-text")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("end of page\nMOSCOW 00001323  002 OF 002\nnext page", "end of page\nnext page"),
        ("a TRIPOLI 00000220 002 OF 003 visit", "a visit"),
        ("x BUENOS AIRES 00000123 003 OF 004 y", "x y"),
        (
            "TSVANGIRAI CLAIMED. CONFIDENTIAL\nPAGE 03 HARARE 06677 02 OF 03 291401Z\n\nX",
            "TSVANGIRAI CLAIMED. \n\nX",
        ),
        ("PARTY ALIGNMENTS SAO PAULO\n\n00000428 003 OF 003\n\nX", "PARTY ALIGNMENTS \n\nX"),
    ],
)
def test_page_breaks_dropped(text: str, expected: str) -> None:
    out, pages = drop_page_breaks(text)
    assert " ".join(out.split()) == " ".join(expected.split())
    assert pages >= 2


def test_page_break_counts_sections_and_leaves_text() -> None:
    r = parse_body(
        "1. (C) First part of the text\nMOSCOW 00001323  002 OF 002\ncontinues here.\n\nBURNS\n"
    )
    assert r.sections == 2
    assert r.paragraphs[0].text == "First part of the text continues here."
    assert "002 OF 002" not in r.body


@pytest.mark.parametrize(
    ("line", "number", "marking", "text"),
    [
        ("1. (C) Text.", "1", "C", "Text."),
        ("1. (C/NF) Text.", "1", "C/NF", "Text."),
        ("1. (S//NF) Text.", "1", "S//NF", "Text."),
        ("1. (SBU) Text.", "1", "SBU", "Text."),
        ("1.(U) Text.", "1", "U", "Text."),
        ("1. Text without marking.", "1", None, "Text without marking."),
        ("1. (Note: not a marking) Text.", "1", None, "(Note: not a marking) Text."),
    ],
)
def test_paragraph_markings(line: str, number: str, marking: str | None, text: str) -> None:
    [para] = split_paragraphs([line])
    assert (para.number, para.marking, para.text) == (number, marking, text)


def test_numbers_must_run_forward() -> None:
    paras = split_paragraphs(
        ["1. (C) The budget grew by", "1.4 million dollars this year.", "2. (C) Next."]
    )
    assert [p.number for p in paras] == ["1", "2"]
    assert paras[0].text == "The budget grew by 1.4 million dollars this year."


def test_bullets_after_blank_lines_stay_in_their_paragraph() -> None:
    paras = split_paragraphs(["2. (U) Begin points:", "", "-- one point.", "", "-- another."])
    assert len(paras) == 1
    assert paras[0].text == "Begin points:\n\n-- one point.\n\n-- another."


def test_headings_become_unnumbered_paragraphs() -> None:
    paras = split_paragraphs(
        ["1. (C) Text.", "", "FAMILY VISITS", "", "2. (C) More.", "-----", "MASS ACTION", "-----"]
    )
    assert [(p.number, p.text) for p in paras] == [
        ("1", "Text."),
        (None, "FAMILY VISITS"),
        ("2", "More."),
        (None, "MASS ACTION"),
    ]


def test_paragraph_numbers_are_the_cables_own() -> None:
    """The cable's "3. (C)" is paragraph 3 even with sub-heads between its paragraphs."""
    r = parse_body(
        "Opening words before any number.\n\n1. (C) Text.\n\nFAMILY VISITS\n\n"
        "2. (C) More.\n-----\nMASS ACTION\n-----\nA line under the head.\n\n3. (C) Third.\n\nROE\n"
    )
    assert [(p.number, p.text) for p in r.paragraphs] == [
        (None, "Opening words before any number."),
        ("1", "Text.\n\nFAMILY VISITS"),
        ("2", "More.\n\nMASS ACTION\n\nA line under the head."),
        ("3", "Third."),
    ]


def test_unnumbered_cable_is_numbered_in_order() -> None:
    r = parse_body("First paragraph, no number.\n\nA HEAD\n\nSecond paragraph.\n\nROE\n")
    assert [(p.number, p.text) for p in r.paragraphs] == [
        ("1", "First paragraph, no number."),
        ("2", "A HEAD"),
        ("3", "Second paragraph."),
    ]


def test_entire_text_marking_is_not_a_paragraph() -> None:
    r = parse_body("CONFIDENTIAL - ENTIRE TEXT.\n\n1. Text of the cable.\n\nBURNS\n")
    assert [p.text for p in r.paragraphs] == ["Text of the cable."]


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        ("1. (C) Summary: The gist. End summary.\n\n2. (C) More.\n", "The gist."),
        (
            "1. (C) SUMMARY: The gist.\n\n2. (C) Second. END SUMMARY.\n\n3. (C) x.\n",
            "The gist.\n\nSecond.",
        ),
        ("1. (C) Summary and Comment: The gist. End Summary and Comment.\n", "The gist."),
        ("SUMMARY\n\n1. (C) The gist. End summary.\n", "The gist."),
    ],
)
def test_summary_block(body: str, summary: str | None) -> None:
    r = parse_body(body + "\nBURNS\n")
    assert r.summary == summary


@pytest.mark.parametrize(
    ("ending", "signers", "last"),
    [
        ("1. (C) Text.\n\nRICE\n", ["RICE"], "Text."),
        ("1. (C) Text.\nBURNS\n", ["BURNS"], "Text."),
        ("1. (C) Text. xxxxxxxxxxxx. CLINTON\n", ["CLINTON"], "Text. xxxxxxxxxxxx."),
        ("1. (C) Text.\n\nStapleton\n", ["Stapleton"], "Text."),
        ("1. (C) Text.\n\nBURNS\n\nBT\n#1323\nNNNN\n", ["BURNS"], "Text."),
        ("1. (C) Text. END COMMENT.\n", [], "Text. END COMMENT."),
    ],
)
def test_signers(ending: str, signers: list[str], last: str) -> None:
    r = parse_body(ending)
    assert r.signers == signers
    assert r.paragraphs[-1].text == last
    assert ("no signature" in r.warnings) == (not signers)


def test_appended_trailer_is_cut_and_gives_signer_and_subject() -> None:
    r = parse_body(
        "1. (C) Text. End comment. STEVENS 0 03/13/2008 9871 PGOV,PREL,LY DETAINED ACTIVIST "
        '"RELEASED" Reports by the QDF say so.\n'
    )
    assert r.signers == ["STEVENS"]
    assert r.subject == 'DETAINED ACTIVIST "RELEASED"'
    assert r.paragraphs[-1].text == "Text. End comment."
    assert "9871" not in r.body


def test_truncated_cable_gets_a_record_with_warnings() -> None:
    r = parse_body("1. (C) The first section ends in the middle of a sent")
    assert r.reference_id is None  # no date, so no year for the id
    assert "no signature" in r.warnings
    assert any(w.startswith("truncated") for w in r.warnings)


def test_first_page_marker_with_decimal_page_is_dropped() -> None:
    r = parse_body("ASHGABAT 00001182  001.2 OF 003\n\n1. (C) Text of the cable.\n\nCURRAN\n")
    assert "001.2" not in r.body
    assert r.paragraphs[0].text == "Text of the cable."


def test_line_continuation_backslashes_are_dropped() -> None:
    r = parse_body("1. (S) Text of \\\nthe cable. \\\n\\\nSecond line. \\\n \\\nCONEWAY \\")
    assert r.signers == ["CONEWAY"]
    assert "\\" not in r.body
    assert r.paragraphs[0].text.startswith("Text of the cable.")


def test_paragraphs_glued_on_one_line_are_split_with_their_headings() -> None:
    line = (
        "1. (C) Summary: Poloffs met Thyberg on November 6 to discuss the summit agenda at length "
        "and the outlook for the coming months, which the Swedes describe as difficult but not "
        "hopeless, given the positions of the member states and of Russia itself. "
        "Summit Agenda ------------- 2. (C) Thyberg told poloffs that the plenary agenda will "
        "cover climate change. 3. (S/NF) The Swedes suggested more."
    )
    r = parse_body(line + "\n\nBARZUN\n")
    assert [(p.number, p.marking, p.text[:13]) for p in r.paragraphs] == [
        ("1", "C", "Summary: Polo"),
        ("2", "C", "Thyberg told "),
        ("3", "S/NF", "The Swedes su"),
    ]
    # The sub-head belongs to the paragraph before it, as a block of its own.
    assert r.paragraphs[0].text.endswith("Russia itself.\n\nSummit Agenda")


def test_doubled_keywords_restart_their_field() -> None:
    r = parse_document(
        (
            HEAD + "REF: A. REF: A. STATE 55370 B. CAIRO 2361 Classified By: Classified By: "
            "Minister Counselor Donald A. Blome for reasons 1.4 (b) and (d)\n"
            "1. (C) Text.\n\nSCOBEY\n"
        ).encode(),
        format="telegram-text",
        context=Context(year=2009),
    )
    assert [(x.label, x.reference_id) for x in r.references] == [
        ("A", "09STATE55370"),
        ("B", "09CAIRO2361"),
    ]
    assert r.classified_by.name == "Donald A. Blome"
    assert r.reasons == ["1.4(b)", "1.4(d)"]


@pytest.mark.parametrize(
    ("ending", "signers"),
    [
        (
            "1. (C) Text.\n\nHODGES\n\n=======================CABLE ENDS=====================\n",
            ["HODGES"],
        ),
        ("1. (C) Text. Visit London's Classified Website: XXXXXXXXXXXX\nSusman\n", ["Susman"]),
        ("1. (C) Text of the\ncable, fair weather and foul.\n\nvan Voorst\n", ["van Voorst"]),
        ("1. (C) Text.\nThompson-Jones\n", ["Thompson-Jones"]),
        ("1. (C) Text. Website: XXXXXXXXXXXX********* ******** HENZEL\n", ["HENZEL"]),
        ("1. (C) Text.\n\nXXXXXXXXXXXX TUTTLE\n", ["TUTTLE"]),
        ("1. (C) Text.\n\nBOYCE BOYCE\n", ["BOYCE"]),
        ("1. (C) Text.\n\nEnd Cable Text\n", []),
    ],
)
def test_signature_variants_from_the_2011_pages(ending: str, signers: list[str]) -> None:
    r = parse_body(ending)
    assert r.signers == signers
    assert "CABLE ENDS" not in r.body


def test_title_case_signer_at_the_end_of_unwrapped_text() -> None:
    sentence = "The Ambassador should take these issues up with the minister in person. "
    r = parse_body("1. (C) " + sentence * 4 + "Herbst\n")
    assert r.signers == ["Herbst"]
    assert r.paragraphs[-1].text.endswith("in person.")
