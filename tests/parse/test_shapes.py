"""Shapes of real cables (spec: telegram-format.md, "Variants met in real cables").

Each shape is tested on an example made up in its shape and, where the corpus
shows it, on the real page that does (named in the test): the 2011 viewer
pages with a teaser and a catalogue block, flattened copies, summary forms,
page breaks in addressee lists, signers before footers, bare text without a
DTG, classified-by names.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cablebase.parse import CableRecord, Context, parse_document
from cablebase.parse.rules.classified_by import split_official


@pytest.fixture(scope="module")
def pages_2011(shared_corpus: Path) -> Iterator[zipfile.ZipFile]:
    with zipfile.ZipFile(shared_corpus / "cablegate-2011-04-pages.zip") as zf:
        yield zf


def page(zf: zipfile.ZipFile, ref: str) -> CableRecord:
    """A page of the 2011 site, by its reference id (``cable/YYYY/MM/<ID>.html``)."""
    year = ref[:2]
    century = "19" if year > "20" else "20"
    names = [n for n in zf.namelist() if n.startswith(f"cable/{century}{year}/")]
    name = next(n for n in names if n.endswith(f"/{ref}.html"))
    return parse_document(zf.read(name), path=name)


def viewer_page(text: str, header: str = "", ref: str = "09QUITO999") -> bytes:
    """A cable-viewer page as the 2011 site served it, around a made-up text."""
    pre = text.replace("\n", "&#x000A;")
    head = f"<code><pre>{header.replace(chr(10), '&#x000A;')}</pre></code>" if header else ""
    return (
        "<html><body><table class='cable'><tr><th>Reference ID</th></tr><tr>"
        f"<td>{ref}</td><td>2009-11-05 21:59</td><td>2011-04-08 12:12</td>"
        "<td><a href='#'>CONFIDENTIAL</a></td><td>Embassy Quito</td></tr></table>"
        f"{head}<code><pre>{pre}</pre></code></body></html>"
    ).encode()


SENTENCE = "The Ambassador raised the matter with the minister, who promised an answer soon. "
HEADER = (
    "VZCZCXYZ0034\nOO RUEHWEB\n\nDE RUEHQT #0999/01 3092159\nZNY CCCCC ZZH\n"
    "O 052159Z NOV 09\nFM AMEMBASSY QUITO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0285"
)
FULL_TEXT = (
    "C O N F I D E N T I A L QUITO 000999\n\nSIPDIS\n\nE.O. 12958: DECL: 2019/11/05\n"
    "TAGS: PGOV PREL EC\nSUBJECT: MINISTER WARNS OF NARCO-DEMOCRACY\n\n"
    "CLASSIFIED BY: Heather M. Hodges, Ambassador; REASON: 1.4(B), (D)\n\n"
    "1. (C) Summary: The minister warned of a narco-democracy. End Summary.\n\n"
    "2. (C) He said more, at length, to the Ambassador.\n\nHODGES\n"
)
TEASER = (
    "C O N F I D E N T I A L QUITO 000999\n\nSIPDIS\n\nE.O. 12958: DECL: 2019/11/05\n"
    "TAGS: PGOV PREL EC\nSUBJECT: MINISTER WARNS OF NARCO-DEMOCRACY\n\nCLASSIFIED BY: Hodg...\n\n\n"
)
CATALOGUE = (
    "id: 233417\ndate: 11/5/2009 21:59\nrefid: 09QUITO999\norigin: Embassy Quito\n"
    "classification: CONFIDENTIAL\ndestination: 09QUITO227|09QUITO233\nheader:\n"
    + HEADER
    + "\n\n----------------- header ends ----------------\n\n"
)


# --- 2011 viewer pages: teaser, catalogue block, full text -------------------------


def test_teaser_and_catalogue_before_the_full_text_are_not_the_cable() -> None:
    r = parse_document(viewer_page(TEASER + CATALOGUE + FULL_TEXT))
    assert r.classified_by is not None
    assert (r.classified_by.name, r.classified_by.title) == ("Heather M. Hodges", "Ambassador")
    assert r.reasons == ["1.4(b)", "1.4(d)"]
    assert r.signers == ["HODGES"]
    assert r.subject == "MINISTER WARNS OF NARCO-DEMOCRACY"
    assert [p.number for p in r.paragraphs] == ["1", "2"]
    assert not any("refid" in p.text or "Hodg..." in p.text for p in r.paragraphs)
    assert "refid:" not in r.body and "Hodg..." not in r.body
    # The catalogue is metadata: its header is the transmission header, its
    # destination the references (the text has no REF line); the table's date wins.
    assert r.header.startswith("VZCZCXYZ0034") and r.dtg == "052159Z NOV 09"
    assert [x.reference_id for x in r.references] == ["09QUITO227", "09QUITO233"]
    assert r.created == "2009-11-05T21:59:00Z"


def test_catalogue_glued_to_a_bare_teaser_and_a_partial_notice_in_its_header() -> None:
    catalogue = CATALOGUE.replace(HEADER, "This record is a partial extract of the original cable.")
    r = parse_document(viewer_page("..." + catalogue + FULL_TEXT))
    assert r.partial is True
    assert r.header is None
    assert r.body.startswith("C O N F I D E N T I A L QUITO 000999")
    assert r.classified_by is not None and r.classified_by.name == "Heather M. Hodges"


def test_flattened_full_copy_takes_the_fields_it_lost_from_the_teaser() -> None:
    """The full copy lost SUBJECT and REF; the teaser has them, but its cut Classified By not."""
    teaser = (
        "C O N F I D E N T I A L BERLIN 001095\n\nSIPDIS\n\nE.O. 12958: DECL: 08/11/2018\n"
        "TAGS: NATO PARM RU GG\nSUBJECT: GERMANY CITES FRENCH-LED PROGRESS\n\n"
        "REF: A) STATE 85678 B) STATE 85...\n\nClassified By: Acting...\n\n"
    )
    flattened = (
        "C O N F I D E N T I A L BERLIN 001095 SIPDIS E.O. 12958: DECL: 08/11/2018 "
        "TAGS: NATO PARM RU GG\n\n1. (C) Acting DCM delivered reftel points August 11 to the "
        "Chancellery. "
        + SENTENCE
        * 3
        + "2. (C) Asked whether Merkel still planned to visit Sochi, Nikel said the "
        "visit is still on, and that Germany would keep talking to both sides. TIMKEN JR"
    )
    r = parse_document(viewer_page(teaser + flattened, ref="08BERLIN1095"))
    assert r.subject == "GERMANY CITES FRENCH-LED PROGRESS"
    assert [x.reference_id for x in r.references] == ["08STATE85678"]  # B) was cut
    assert r.classified_by is None  # "Acting..." is no official
    assert r.tags == ["NATO", "PARM", "RU", "GG"]
    assert r.signers == ["TIMKEN JR"]
    assert [p.number for p in r.paragraphs] == ["1", "2"]


@pytest.mark.parametrize(
    ("cut", "name"),
    [
        ("Classified By: Ambassador John Doe for reasons 1.4 (b...", "John Doe"),
        ("CLASSIFIED BY: DANA MURRAY, SENIOR WATCH OFFI...", "DANA MURRAY"),
        ("Classified By: Ambassador John ...", None),  # the name itself is cut
    ],
)
def test_teaser_cut_after_the_official_still_names_him(cut: str, name: str | None) -> None:
    teaser = "C O N F I D E N T I A L TOKYO 002216\n\nTAGS: PGOV\nSUBJECT: X\n\n" + cut + "\n\n"
    flattened = "C O N F I D E N T I A L TOKYO 002216 SIPDIS TAGS: PGOV\n\n1. (C) Text.\n\nDOE\n"
    r = parse_document(viewer_page(teaser + flattened, ref="08TOKYO2216"))
    assert (r.classified_by.name if r.classified_by else None) == name
    assert r.reasons == []  # the cut took them


def test_a_trailing_subhead_is_no_teaser() -> None:
    """ "Questions Surface...." inside the text is text: no catalogue or copy follows it."""
    text = FULL_TEXT.replace("2. (C) He said", "QUESTIONS SURFACE...\n\n2. (C) He said").replace(
        "End Summary.", "End Summary.\n"
    )
    r = parse_document(viewer_page(text))
    assert any("QUESTIONS SURFACE..." in p.text for p in r.paragraphs)
    assert r.subject == "MINISTER WARNS OF NARCO-DEMOCRACY"


def test_real_page_with_teaser_catalogue_and_full_text(pages_2011: zipfile.ZipFile) -> None:
    """09QUITO933: teaser cut at "CLASSIFIED BY: Hodge...", catalogue, full text."""
    r = page(pages_2011, "09QUITO933")
    assert r.classified_by is not None
    assert (r.classified_by.name, r.classified_by.title) == ("Heather M Hodges", "Ambassador")
    assert r.reasons == ["1.4(d)"]
    assert r.signers == ["HODGES"]
    assert [x.reference_id for x in r.references] == ["09QUITO227", "09QUITO233"]
    assert r.paragraphs[0].number == "1"
    assert not any("refid:" in p.text or "header ends" in p.text for p in r.paragraphs)


def test_real_page_with_teaser_and_flattened_copy(pages_2011: zipfile.ZipFile) -> None:
    """08BERLIN1095: the flattened copy lost SUBJECT and REF; the teaser cut Classified By."""
    r = page(pages_2011, "08BERLIN1095")
    assert (
        r.subject
        == 'TFGG01: GERMANY CITES FRENCH-LED "PROGRESS" AUGUST 11, CAUTIOUS ON NAC STATEMENT'
    )
    assert [x.reference_id for x in r.references] == ["08STATE85678"]
    assert r.classified_by is None
    assert r.signers == ["TIMKEN JR"]
    assert r.paragraphs[0].text.startswith("Acting DCM delivered reftel points")


def test_text_before_a_keyword_continues_a_field_only_if_it_could() -> None:
    """A flattened copy lost its SUBJECT and REF lines: the REF item left before
    "Classified By" is no TAGS code, and a wrapped subject still joins its field."""
    text = (
        "C O N F I D E N T I A L RIGA 000999 SIPDIS E.O. 12958: DECL: 08/12/2018 "
        "TAGS: PREL MOPS NATO LG\nSTATE 86108 Classified By: Ambassador Charles W. Larson, "
        "Jr., Reason: 1.4 (d)\n1. (C) The minister spoke.\n"
    )
    r = parse_document(text.encode(), path="flat.txt")
    assert r.tags == ["PREL", "MOPS", "NATO", "LG"]
    assert r.classified_by is not None and r.classified_by.name == "Charles W. Larson, Jr."
    wrapped = (
        "CONFIDENTIAL\n\nE.O. 12958: DECL: 08/12/2018\nTAGS: PREL LG\n"
        "SUBJECT: LATVIAN FM WANTS STRONG NATO AND EU\nSTATEMENTS BUT NOT OPTIMISTIC "
        "REF: STATE 86108\n\n1. (C) The minister spoke.\n"
    )
    r = parse_document(wrapped.encode(), path="wrapped.txt")
    assert r.subject == "LATVIAN FM WANTS STRONG NATO AND EU STATEMENTS BUT NOT OPTIMISTIC"
    assert [x.text for x in r.references] == ["STATE 86108"]  # no date: no year to add


def test_real_flattened_copies_keep_stray_lines_out_of_the_field_above(
    pages_2011: zipfile.ZipFile,
) -> None:
    """08RIGA472: "STATE 86108 Classified By:" made STATE a tag. 09BAKU20: the flattened
    repeat of the header after Classified By ran into its text and added reasons."""
    riga = page(pages_2011, "08RIGA472")
    assert riga.tags == ["PREL", "MOPS", "ENRG", "NATO", "EUN", "RS", "GG", "LG"]
    assert [x.reference_id for x in riga.references] == ["08STATE856708", "08STATE86108"]
    baku = page(pages_2011, "09BAKU20")
    assert baku.classified_by is not None
    assert baku.classified_by.text == "POL/ECON COUNSELOR ROB GARVERICK, REASONS 1.4 B AND D"
    assert baku.reasons == ["1.4(b)", "1.4(d)"]
    assert baku.caveats == ["NOFORN", "SIPDIS"]


@pytest.mark.parametrize(
    ("ref", "name"),
    [
        ("05THEHAGUE2064", "Clifford M. Sobel"),  # teaser cut "Ambassador Cl...", CSV row
        # the full copy lost Classified By; the teaser cut it after the name
        ("08TOKYO2216", "J. Thomas Schieffer"),  # "... Schieffer for reasons 1.4 (..."
        ("08STATE85614", "DANA MURRAY"),  # "DANA MURRAY, SENIOR WATCH OFFICE..."
        ("09THEHAGUE264", "Michael Gallagher"),  # teaser cut the REF list
        ("04THEHAGUE3333", "Andrew Schofer"),  # teaser cut "Political Couns..."
    ],
)
def test_real_teaser_pages_give_the_whole_official(
    pages_2011: zipfile.ZipFile, ref: str, name: str
) -> None:
    r = page(pages_2011, ref)
    assert r.classified_by is not None and r.classified_by.name == name


def test_real_catalogue_with_a_partial_extract_header(pages_2011: zipfile.ZipFile) -> None:
    """04BOGOTA4332: the catalogue's header is the partial-extract notice."""
    r = page(pages_2011, "04BOGOTA4332")
    assert r.partial is True
    assert not r.body.startswith("date:")
    assert r.reasons == ["1.4(b)", "1.4(d)"]
    assert [p.number for p in r.paragraphs][:2] == [None, "1"]
    assert r.paragraphs[0].text == "Summary"  # the framed heading, not "and (d)."


# --- flattened copies: a whole cable on one or a few long lines ------------------------


def test_whole_cable_on_one_line() -> None:
    line = (
        "C O N F I D E N T I A L PARIS 000123 SIPDIS E.O. 12958: DECL: 01/07/2019 "
        "TAGS: PREL, PGOV, FR SUBJECT: FRENCH VIEWS ON THE SUMMIT REF: A. PARIS 55 B. STATE 66 "
        "Classified By: Ambassador John Doe, reasons 1.4 (b) and (d) "
        "1. (C) Summary: Paris wants a short summit. End summary. "
        + SENTENCE * 3
        + "2. (C) "
        + SENTENCE * 3
        + "End comment. DOE"
    )
    r = parse_document(line.encode(), format="telegram-text", context=Context(year=2009))
    assert (r.eo, r.declassify_on) == ("12958", "2019-01-07")
    assert r.tags == ["PREL", "PGOV", "FR"]
    assert r.subject == "FRENCH VIEWS ON THE SUMMIT"
    assert [x.reference_id for x in r.references] == ["09PARIS55", "09STATE66"]
    assert r.classified_by is not None and r.classified_by.name == "John Doe"
    assert r.reasons == ["1.4(b)", "1.4(d)"]
    assert r.summary == "Paris wants a short summit."
    assert [p.number for p in r.paragraphs] == ["1", "2"]
    assert r.signers == ["DOE"]


@pytest.mark.parametrize(
    ("header_line", "subject", "first"),
    [
        # paragraph 1 glued to the SUBJECT line
        (
            "SUBJECT: UKRAINIAN MEDIA ON GEORGIA 1. (SBU) The press is split.",
            "UKRAINIAN MEDIA ON GEORGIA",
            "The press is split.",
        ),
        # an unnumbered paragraph glued to the REF line, opened by its marking
        (
            "SUBJECT: X\nREF: STATE 86108 (SBU) Poloff delivered the points on August 12.",
            "X",
            "(SBU) Poloff delivered the points on August 12.",
        ),
    ],
)
def test_paragraph_glued_to_a_header_line(header_line: str, subject: str, first: str) -> None:
    text = "UNCLAS HELSINKI 000374 SENSITIVE SIPDIS E.O. 12958: N/A TAGS: PGOV\n" + header_line
    r = parse_document((text + "\n\nBARRETT\n").encode(), format="telegram-text")
    assert r.subject == subject
    assert [p.text for p in r.paragraphs] == [first]
    assert r.signers == ["BARRETT"]


def test_subject_marking_and_ref_items_are_not_a_glued_paragraph() -> None:
    r = parse_document(
        (
            b"C O N F I D E N T I A L SAO PAULO 000532\n\nE.O. 12958: N/A TAGS: PGOV\n"
            b"SUBJECT: (C) Police strike ends\n\nREF: (A) Sao Paulo 526;\n(B) Sao Paulo 319;\n"
            b"(C) Sao Paulo 42\n\n(U) The strike ended on Monday, the police said.\n\nWHITE\n"
        ),
        format="telegram-text",
        context=Context(year=2006),
    )
    assert r.subject == "Police strike ends"
    assert [x.reference_id for x in r.references] == [
        "06SAOPAULO526",
        "06SAOPAULO319",
        "06SAOPAULO42",
    ]
    assert r.paragraphs[0].text.startswith("(U) The strike ended")


def test_real_flattened_copy_with_a_framed_summary(pages_2011: zipfile.ZipFile) -> None:
    """07MOSCOW5399: header, REF, Classified By and ------- SUMMARY ------- on few lines."""
    r = page(pages_2011, "07MOSCOW5399")
    assert r.subject == "MFA ON RUSSIAN-EU ENERGY RELATIONS"
    assert [x.reference_id for x in r.references] == ["07MOSCOW5266", "07MOSCOW4932"]
    assert r.classified_by is not None
    assert (r.classified_by.name, r.classified_by.title) == ("Eric Schultz", "Econ MC")
    assert r.summary.startswith("MFA Director of EU Cooperation Dmitry Polyanski told us")
    assert r.summary.endswith('the project "cannot be stopped."')
    assert r.signers == ["BURNS"]


@pytest.mark.parametrize(
    ("ref", "first", "signer"),
    [
        ("08TRIPOLI614", "Summary. On July 20-22", "STEVENS"),  # REF + Classified By + 1. glued
        ("08HELSINKI374", "(SBU) Poloff delivered GAERC points", "BARRETT"),  # REF (SBU) glued
        ("08REYKJAVIK152", "(U) DCM and POL Intern delivered", "VAN VOORST"),  # (U) after REF
    ],
)
def test_real_flattened_copies_start_their_body(
    pages_2011: zipfile.ZipFile, ref: str, first: str, signer: str
) -> None:
    r = page(pages_2011, ref)
    assert r.paragraphs[0].text.startswith(first)
    assert r.signers == [signer]


# --- summary forms -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        (
            "1. (C) Summary and Action Request. The gist. End Summary and Action Request.",
            "The gist.",
        ),
        ("1. (C) Summary/Comment: The gist. End Summary/Comment.", "The gist."),
        ("------- SUMMARY -------\n\n1. (C) The gist. End summary.", "The gist."),
        ("1. (S/NF) Summary: The gist. END SUMMARY AND COMMENT.", "The gist."),
        ("1. (S//Rel NATO, ISAF) Begin Summary. The gist. End Summary.", "The gist."),
        ("1. (C) Summary: The gist. -- End Summary --", "The gist."),
        ("1. (C) Introduction and Summary: The gist. (End Summary)", "The gist."),
        ("1. (C) Summary The gist. End summary.", "The gist."),  # no punctuation, end marker
        # a bare heading without an end marker: the paragraph under it
        (
            "SUMMARY\n-------\n\n1. (C) The gist.\nStill the gist.\n\n2. (C) Other.",
            "The gist. Still the gist.",
        ),
        ("Summary.\n\n1. (C) Summary. The gist.\n\n2. (C) Other.", "The gist."),
        # prose that mentions a summary is none
        ("1. (C) Summary of the talks was sent by fax.\n\n2. (C) Other.", None),
    ],
)
def test_summary_forms(body: str, summary: str | None) -> None:
    r = parse_document(
        (
            "C O N F I D E N T I A L PARIS 000123\n\nTAGS: PREL\nSUBJECT: X\n\n"
            + body
            + "\n\nDOE\n"
        ).encode(),
        format="telegram-text",
    )
    assert r.summary == summary


@pytest.mark.parametrize(
    ("ref", "start"),
    [
        ("06SAOPAULO428", "E. Anthony Wayne, Assistant Secretary of State"),  # framed, no end
        ("08LONDON1115", "The UK Ministry of Defense summoned PolMilOff"),  # and Action Request
        ("10KABUL693", "Senior Civilian Representative (SCR) Frank Ruggiero"),  # Begin Summary
        ("09ASUNCION189", "Rumors persist that discredited General"),  # heading, then SUMMARY:
    ],
)
def test_real_summary_forms(pages_2011: zipfile.ZipFile, ref: str, start: str) -> None:
    r = page(pages_2011, ref)
    assert r.summary is not None and r.summary.startswith(start)


# --- addressees across page breaks and other list shapes ----------------------------------

TRANSMISSION = (
    "O 182333Z FEB 09\nFM SECSTATE WASHDC\n"
    "TO RUEHXX/ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\n"
    "RUEHFR/AMEMBASSY PARIS PRIORITY 9759-9760\n"
    "UNCLAS\nPAGE 02 STATE 015113 182333Z\n"
    "RUEHRO/AMEMBASSY ROME PIORITY 5678\n"
    "ZEN/AMEMBASSY MOSCOW NIACT IMMEDIATE 4778-4781\n"
    "INFO RUEHBE/AMEMBASSY BERN PRIORITY 11\n\nRUEHUB/USINT HAVANA PRIORITY 0060\n"
    "XMT AMEMBASSY OSLO AMEMBASSY KIEV\nAMCONSUL JOHANNESBURG\n"
    "RUEUITH/DET 1 39LG ANKARA TU\nBT\n"
)


def test_addressee_list_across_a_page_break_and_its_other_shapes() -> None:
    r = parse_document(
        (
            TRANSMISSION + "UNCLAS STATE 015113\n\nTAGS: PREL\nSUBJECT: X\n\n1. Text.\n\nRICE\n"
        ).encode(),
        format="telegram-text",
    )
    assert [(x.route, x.name, x.precedence, x.mcn) for x in r.recipients] == [
        ("RUEHXX", "ALL DIPLOMATIC POSTS COLLECTIVE", "PRIORITY", None),
        ("RUEHFR", "AMEMBASSY PARIS", "PRIORITY", "9759-9760"),
        ("RUEHRO", "AMEMBASSY ROME", "PRIORITY", "5678"),  # PIORITY read as meant
        ("ZEN", "AMEMBASSY MOSCOW", "NIACT IMMEDIATE", "4778-4781"),
    ]
    info = r.info_recipients
    # a blank line inside the INFO list does not end it; XMT names several posts
    assert [x.name for x in info] == ["AMEMBASSY BERN", "USINT HAVANA", "DET 1 39LG ANKARA TU"]
    assert r.recipients[0].excluded == [
        "AMEMBASSY OSLO",
        "AMEMBASSY KIEV",
        "AMCONSUL JOHANNESBURG",
    ]
    assert r.reference_id == "09STATE15113"


def test_page_line_on_the_to_line() -> None:
    r = parse_document(
        (
            b"P 071500Z MAR 08\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   023763  071504Z\n"
            b"AMEMBASSY NEW DELHI PRIORITY\nINFO MTCR COLLECTIVE PRIORITY\nBT\n"
            b"S E C R E T STATE 023763\n\nTAGS: PARM\nSUBJECT: X\n\n1. (S) Text.\n\nRICE\n"
        ),
        format="telegram-text",
    )
    assert [x.name for x in r.recipients] == ["AMEMBASSY NEW DELHI"]
    assert [x.name for x in r.info_recipients] == ["MTCR COLLECTIVE"]


@pytest.mark.parametrize(
    ("ref", "to", "info"),
    [
        ("09STATE15113", ["ALL DIPLOMATIC POSTS COLLECTIVE", "AMEMBASSY TRIPOLI"], []),
        ("08STATE23763", ["AMEMBASSY NEW DELHI"], ["MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE"]),
    ],
)
def test_real_page_breaks_inside_the_to_list(
    pages_2011: zipfile.ZipFile, ref: str, to: list[str], info: list[str]
) -> None:
    r = page(pages_2011, ref)
    assert [x.name for x in r.recipients] == to
    assert [x.name for x in r.info_recipients] == info


def test_real_addressee_shapes(pages_2011: zipfile.ZipFile) -> None:
    # 06BOGOTA1145: a blank line inside the INFO list
    assert page(pages_2011, "06BOGOTA1145").info_recipients[-1].name == "USINT HAVANA"
    # 08STATE103511: ZEN/ routes and MCN ranges
    first = page(pages_2011, "08STATE103511").recipients[0]
    assert (first.route, first.name, first.precedence, first.mcn) == (
        "ZEN",
        "AMEMBASSY BELMOPAN",
        "NIACT IMMEDIATE",
        "2276-2279",
    )
    # 08STATE116943: XMT continued on the next line, from the collective above
    collective = page(pages_2011, "08STATE116943").recipients[0]
    assert collective.excluded == ["AMCONSUL JOHANNESBURG"]


def test_real_misspelt_precedence(pages_2011: zipfile.ZipFile) -> None:
    """08SCTION02OF02SAOPAULO335: ``AMEMBASSY LA PAZ PRORITY``."""
    r = parse_document(zf_read(pages_2011, "cable/2008/06/08SCTION02OF02SAOPAULO335.html"))
    la_paz = next(x for x in r.info_recipients if "LA PAZ" in x.name)
    assert (la_paz.name, la_paz.precedence) == ("AMEMBASSY LA PAZ", "PRIORITY")


def zf_read(zf: zipfile.ZipFile, name: str) -> bytes:
    return zf.read(name)


# --- signers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ending", "signers"),
    [
        ("1. (C) Text.\n\nBURNS\nRICE\n", ["BURNS", "RICE"]),  # two signers
        ("1. (C) Text.\n\nFRISBIE\nFRISBIE\n", ["FRISBIE"]),  # the same name twice
        ("1. (C) Text.\n\nBURNS\nBT\n#1234\nNNNN\n", ["BURNS"]),
        ("1. (C) Text.\n\nWAYNE .\n", ["WAYNE"]),
        ("1. (C) Text.\n\nLA LIME\n", ["LA LIME"]),
        ("1. (C) Text. End comment. TIMKEN JR\n", ["TIMKEN JR"]),
        ("1. (C) Text. End comment.\nSTEVENS 0 02/12/2008\n", ["STEVENS"]),
        ("1. (C) Text. End comment. BURNS\t2006-08-30\n", ["BURNS"]),
        ('1. (C) Text. End comment.\n\nMULFORD "\n', ["MULFORD"]),
        ("1. (U) A/S Carson cleared this cable. Scobey\n", ["Scobey"]),
        ("1. (C) Text. END TEXT SCOBEY\n", ["SCOBEY"]),
        ("1. (C) Text.\n\nCDA Griffiths\n", ["Griffiths"]),
        ("1. (C) Text. END COMMENT\ncurran\n", ["curran"]),
        # a signer before a footer
        (
            "1. (C) Text.\n\nJEFFREY\n\n"
            '  "Visit Ankara\'s Classified Web Site at http://www.x.s\ngov/p"\n',
            ["JEFFREY"],
        ),
        (
            "1. (C) Text.\n\nRICE\n\nNNNN\n\nEnd Cable Text\n"
            "Zenaida X 07/30/2008 04:04 PM From DB\n",
            ["RICE"],
        ),
        ("1. (C) Text.\n\nROONEY\n2004VATICA03196 - Classification: CONFIDENTIAL\n", ["ROONEY"]),
        (
            "1. (C) Text.\n\nBERRY\n\n"
            "O 161036Z DEC 04\nFM USLO TRIPOLI\nTO AMEMBASSY PARIS IMMEDIATE\n",
            ["BERRY"],
        ),
        ("1. (C) Text.\n\nROONEY\n\nRUCNMGH/MAGHREB COLLECTIVE\n", ["ROONEY"]),
        # a name after a Visit notice on the signature line
        ("1. (C) Text. Visit London's Classified Website: XXXXXXXXXXXX/TUTTLE..\n", ["TUTTLE"]),
        # not signers: a routing line, the notice's own address
        ("1. (C) Text.\n\nRUCNMGH/MAGHREB COLLECTIVE\n", []),
        ("1. (C) Text. Visit Rome's Classified Website: http://xxx\n", []),
    ],
)
def test_signer_shapes(ending: str, signers: list[str]) -> None:
    r = parse_document(
        ("C O N F I D E N T I A L ROME 000123\n\nTAGS: PREL\nSUBJECT: X\n\n" + ending).encode(),
        format="telegram-text",
    )
    assert r.signers == signers
    assert ("no signature" in r.warnings) == (not signers)


def test_visit_notice_after_the_signer_stays_in_the_text() -> None:
    r = parse_document(
        (
            b"C O N F I D E N T I A L ANKARA 000126\n\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Text.\n\n"
            b"JEFFREY\n\n\"Visit Ankara's Classified Web Site at http://www.intelink.s\n"
            b'gov.gov/wiki/Portal:Turkey"\n\nEnd Cable Text\n'
        ),
        format="telegram-text",
    )
    assert r.signers == ["JEFFREY"]
    assert r.paragraphs[-1].text == "Text."
    assert r.body.endswith(
        'JEFFREY\n\n"Visit Ankara\'s Classified Web Site at http://www.intelink.s\ngov.gov/wiki/Portal:Turkey"'
    )


@pytest.mark.parametrize(
    ("ref", "signers"),
    [
        ("10ANKARA126", ["Jeffrey"]),  # before a wrapped Visit notice
        ("08STATE23763", ["RICE"]),  # before NNNN and End Cable Text
        ("04TRIPOLI31", ["BERRY"]),  # before a repeated routing block
        ("08TRIPOLI120", ["STEVENS"]),  # "STEVENS 0 02/15/2008"
        ("09CAIRO2129", ["Scobey"]),  # "A/S Carson cleared this cable. Scobey"
        ("07LONDON4472", ["Tuttle"]),  # after the Visit notice on the same line
        ("08BERLIN1095", ["TIMKEN JR"]),
    ],
)
def test_real_signer_shapes(pages_2011: zipfile.ZipFile, ref: str, signers: list[str]) -> None:
    assert page(pages_2011, ref).signers == signers


# --- classified-by names and wrapped reasons -----------------------------------------------


@pytest.mark.parametrize(
    ("who", "name", "title"),
    [
        ("EUR PDAS Nancy McEldowney", "Nancy McEldowney", "EUR PDAS"),
        ("ECOPOL Counselor Andrew Erickson", "Andrew Erickson", "ECOPOL Counselor"),
        (
            "Politcial-Economic Counselor Andrew C. Mann",
            "Andrew C. Mann",
            "Politcial-Economic Counselor",
        ),
        ("d\u2019Affaires Peter Bodde", "Peter Bodde", "d\u2019Affaires"),
        ("DCM Geoff Pyatt", "Geoff Pyatt", "DCM"),
        ("ISN Acting A/S Vann H. Van Diepen", "Vann H. Van Diepen", "ISN Acting A/S"),
        (
            "Charge d'Affaires, a.i., Michael J. Fitzpatrick",
            "Michael J. Fitzpatrick",
            "Charge d'Affaires, a.i.",
        ),
        ("Hodges, Heather M, Ambassador, State, EXEC", "Heather M Hodges", "Ambassador"),
        (
            "Minister-Counselor for Economic and Political Affairs, William R. Stewart",
            "William R. Stewart",
            "Minister-Counselor for Economic and Political Affairs",
        ),
        ("DCM Robert Deutsch, E. O. 12958", "Robert Deutsch", "DCM"),
        ("Hugo Llorens for reaons", "Hugo Llorens", None),
        ("Do nald A. Blome", "Donald A. Blome", None),
        ("Derived from Multiple Sources", "Derived from Multiple Sources", None),
    ],
)
def test_classified_by_name_is_the_person(who: str, name: str, title: str | None) -> None:
    assert split_official(who) == (name, title)


@pytest.mark.parametrize(
    "line",
    [
        "Classified By: Ambassador William B. Wood for reasons 1.4 (b) and\n(d).",
        "Classified By: Ambassador William B. Wood for reasons 1.4 (b)\nand (d).",
    ],
)
def test_reasons_wrapped_either_side_of_and(line: str) -> None:
    r = parse_document(
        (
            "S E C R E T BOGOTA 004332\n\nTAGS: PGOV\nSUBJECT: X\n\n"
            + line
            + "\n\n1. (S) Text.\n\nWOOD\n"
        ).encode(),
        format="telegram-text",
    )
    assert r.reasons == ["1.4(b)", "1.4(d)"]
    assert r.classified_by is not None and r.classified_by.name == "William B. Wood"
    assert r.paragraphs[0].text == "Text."


# --- bare text without a DTG ---------------------------------------------------------------

BARE = (
    "C O N F I D E N T I A L VATICAN 001261\n\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Text.\n\n"
    "NICHOLSON\n"
)


@pytest.mark.parametrize(
    ("opening", "created"),
    [
        ("Cable dated:2001-03-21T10:05:00\n", "2001-03-21T10:05:00Z"),
        ("Cable dated:2001-03-21T10:05:00]", "2001-03-21T10:05:00Z"),  # glued
        ("Wednesday, 21 March 2001, 10:05\n", "2001-03-21T10:05:00Z"),  # partial extracts
        (
            "12345\n2001-03-21 10:05:00\n01VATICAN1261\nEmbassy Vatican\nCONFIDENTIAL\n\n",
            "2001-03-21T10:05:00Z",
        ),
        ("2001VATICA01261\n", None),  # a catalogue id: the id, no date
    ],
)
def test_bare_text_dates_itself_by_its_opening_lines(opening: str, created: str | None) -> None:
    r = parse_document((opening + BARE).encode(), format="telegram-text")
    assert r.reference_id == "01VATICAN1261"
    assert r.created == created
    assert r.body.startswith("C O N F I D E N T I A L VATICAN 001261")
    assert r.paragraphs[0].text == "Text."


def test_bare_text_catalogue_id_at_the_end() -> None:
    r = parse_document(
        (BARE + "2001VATICA01261 - Classification: CONFIDENTIAL\n").encode(), format="telegram-text"
    )
    assert (r.reference_id, r.signers) == ("01VATICAN1261", ["NICHOLSON"])


def test_the_decl_date_alone_gives_no_year() -> None:
    """DECL minus ten years is right for 94% of the corpus: a wrong id is another cable."""
    r = parse_document(
        BARE.replace("TAGS", "E.O. 12958: DECL: 03/21/2011\nTAGS").encode(), format="telegram-text"
    )
    assert r.reference_id is None
    assert r.origin_code == "VATICAN"


def test_real_page_text_alone_gives_its_id(pages_2011: zipfile.ZipFile) -> None:
    """01VATICAN5693's text, copied off the page, ends with its catalogue id."""
    import html
    import re

    data = pages_2011.read("cable/2001/11/01VATICAN5693.html")
    pres = re.findall(rb"<pre>(.*?)</pre>", data, re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", pres[-1].decode().replace("&#x000A;", "\n")))
    assert "2001VATICA05693" in text
    r = parse_document(text.encode(), format="telegram-text")
    assert r.reference_id == "01VATICAN5693"
    assert r.signers == ["NICHOLSON"]


@pytest.mark.parametrize("label", ["REF:", "Ref(s):", "REF(S):", "Refs:"])
def test_every_spelling_of_the_ref_label_gives_the_same_list(samples_dir: Path, label) -> None:
    """05MADRID1178's real REF list under each label: 'Ref(s):' lost its first cable
    (the keyword stopped at 'Ref' and left '(s):' in front of item A)."""
    html = (samples_dir / "cablegate-2010-pages" / "05MADRID1178.html").read_text()
    relabelled = html.replace("REF: ", f"{label} ", 1)
    refs = parse_document(relabelled.encode(), path="05MADRID1178.html").references
    assert [r.reference_id for r in refs] == ["05STATE52920", None]
    assert [r.label for r in refs] == ["A", "B"]
