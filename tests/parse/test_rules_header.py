"""Unit tests per header rule, with the header variants of real cables (docs/record.md)."""

from __future__ import annotations

import pytest

from cablebase.parse import Context, parse_document
from cablebase.parse.rules.classified_by import parse_reasons, split_official
from cablebase.parse.rules.eo_line import parse_decl_date
from cablebase.parse.rules.recipients import parse_addressee
from cablebase.parse.rules.references import parse_references
from cablebase.parse.rules.subject import parse_subject
from cablebase.parse.rules.tags import parse_tags


def cable(header: str, body: str = "1. (C) Text of the cable.\n\nSMITH\n") -> bytes:
    return (header.strip("\n") + "\n\n" + body).encode()


# --- classification ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("C O N F I D E N T I A L MOSCOW 001323", "CONFIDENTIAL"),
        ("S E C R E T SECTION 01 OF 03 BERLIN 000406", "SECRET"),
        ("SECRET//NOFORN", "SECRET//NOFORN"),
        ("S E C R E T STATE 012345\n\nNOFORN", "SECRET//NOFORN"),
        ("UNCLAS SECTION 01 OF 02 LA PAZ 002974", "UNCLASSIFIED"),
        ("UNCLAS SENSITIVE SECTION 01 OF 02 LA PAZ 002974", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("LIMITED OFFICIAL USE ANKARA 000348", "LIMITED OFFICIAL USE"),
        ("C o n f i d e n t i a l section 01 of 04 ankara 000348", "CONFIDENTIAL"),
    ],
)
def test_classification_variants(line: str, expected: str) -> None:
    record = parse_document(cable(line + "\n\nE.O. 12958: DECL: 02/16/2016"))
    assert record.classification == expected


def test_caveats_doubled_sipdis_kept_once() -> None:
    record = parse_document(
        cable("S E C R E T STATE 012345\n\nSIPDIS SIPDIS\nNODIS\n\nE.O. 12958: DECL: 1/1/2016")
    )
    assert record.caveats == ["SIPDIS", "NODIS"]


def test_sections_from_section_line() -> None:
    record = parse_document(cable("C O N F I D E N T I A L SECTION 01 OF 04 ANKARA 000348"))
    assert record.sections == 4
    assert record.origin_code == "ANKARA"
    assert record.reference_id is None  # no DTG, no context: the year is unknown
    dated = parse_document(
        cable("C O N F I D E N T I A L SECTION 01 OF 04 ANKARA 000348"), context=Context(year=2004)
    )
    assert dated.reference_id == "04ANKARA348"


# --- transmission header: DE line, DTG, precedence ------------------------------

TRANSMISSION = """VZCZCXRO4024
OO RUEHTRO
DE RUEHMO #1323/01 0411526
ZNY CCCCC ZZH
O 101526Z FEB 06
FM AMEMBASSY MOSCOW
TO RUEHC/SECSTATE WASHDC IMMEDIATE 4696
RUEHTV/AMEMBASSY TEL AVIV PRIORITY 0123
INFO RUEHXK/ARAB ISRAELI COLLECTIVE PRIORITY
XMT AMCONSUL JERUSALEM
RHEHNSC/NSC WASHDC NIACT IMMEDIATE
BT
C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001323
E.O. 12958: DECL: 02/10/2016
"""


def test_transmission_header_fields() -> None:
    r = parse_document(cable(TRANSMISSION))
    assert r.transmission_id == "RUEHMO #1323/01 0411526"
    assert r.dtg == "101526Z FEB 06"
    assert r.created == "2006-02-10T15:26:00Z"
    assert r.precedence == "IMMEDIATE"
    assert r.sender == "AMEMBASSY MOSCOW"
    assert r.reference_id == "06MOSCOW1323"
    assert r.origin == "Embassy Moscow"
    assert r.header.startswith("VZCZCXRO4024")
    assert "C O N F I D E N T I A L" not in r.header


def test_recipients_routes_mcn_continuation_and_exclusions() -> None:
    r = parse_document(cable(TRANSMISSION))
    assert [(x.route, x.name, x.precedence, x.mcn) for x in r.recipients] == [
        ("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "4696"),
        ("RUEHTV", "AMEMBASSY TEL AVIV", "PRIORITY", "0123"),
    ]
    info = r.info_recipients
    assert info[0].name == "ARAB ISRAELI COLLECTIVE"
    assert info[0].excluded == ["AMCONSUL JERUSALEM"]
    assert (info[1].name, info[1].precedence) == ("NSC WASHDC", "NIACT IMMEDIATE")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Z 010101Z JAN 09", "FLASH"),
        ("O 101526Z FEB 06", "IMMEDIATE"),
        ("P R 041820Z JAN 10", "PRIORITY"),
        ("R 311200Z DEC 05", "ROUTINE"),
    ],
)
def test_precedence_letters(line: str, expected: str) -> None:
    r = parse_document(
        cable(f"{line}\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n\nSECRET PARIS 000123")
    )
    assert r.precedence == expected


def test_parse_addressee_plain_collective() -> None:
    r = parse_addressee("ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE IMMEDIATE")
    assert (r.route, r.name, r.precedence, r.mcn) == (
        None,
        "ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE",
        "IMMEDIATE",
        None,
    )


# --- E.O. line --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "eo", "date", "rule"),
    [
        ("E.O. 12958: DECL: 02/16/2016", "12958", "2016-02-16", None),
        ("EO 12958 DECL: 6/30/08", "12958", "2008-06-30", None),
        ("E.O. 13526: DECL: 2020/01/12", "13526", "2020-01-12", None),
        ("E.O. 12958: N/A", "12958", None, "N/A"),
        ("E.O. 12958: DECL: OADR", "12958", None, "OADR"),
        ("E.O. 12958: DECL: 1.6 X1", "12958", None, "1.6 X1"),
        ("E.o. 12958: decl: 01/07/2014", "12958", "2014-01-07", None),
        ("EO 12958 DECL: 11/29/10", "12958", "2010-11-29", None),
    ],
)
def test_eo_line_variants(line: str, eo: str, date: str | None, rule: str | None) -> None:
    r = parse_document(cable(f"C O N F I D E N T I A L PARIS 000123\n\n{line}\nTAGS: PREL"))
    assert (r.eo, r.declassify_on, r.declassify_rule) == (eo, date, rule)


def test_decl_date_rejects_impossible_dates() -> None:
    assert parse_decl_date("13/45/2016") is None
    assert parse_decl_date("2/29/2016") == "2016-02-29"


# --- TAGS -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TAGS: PREL, PGOV, KPAL, IS", ["PREL", "PGOV", "KPAL", "IS"]),
        ("TAGS: PREL PGOV KPAL IS", ["PREL", "PGOV", "KPAL", "IS"]),
        ("TAGS: PREL; PGOV;KPAL", ["PREL", "PGOV", "KPAL"]),
        ("TAGS: [PREL](#)", ["PREL"]),
        ("TAGS: [PREL](#) [PGOV](/tag/PGOV_0.html)", ["PREL", "PGOV"]),
        ("TAGS: PREL, PREL, pgov", ["PREL", "PGOV"]),
        ("TAGS: OVIP (CLINTON, HILLARY) PREL", ["OVIP", "CLINTON, HILLARY", "PREL"]),
        ("TAGS PGOV, PREL, ECON, PINR, ZI, SA", ["PGOV", "PREL", "ECON", "PINR", "ZI", "SA"]),
    ],
)
def test_tags_variants(text: str, expected: list[str]) -> None:
    assert parse_tags(text) == expected


def test_tags_wrapped_onto_next_line() -> None:
    r = parse_document(
        cable(
            "C O N F I D E N T I A L PARIS 000123\n\nTAGS: PREL, PGOV, KPAL,\n   IS, FR\nSUBJECT: X"
        )
    )
    assert r.tags == ["PREL", "PGOV", "KPAL", "IS", "FR"]
    assert r.subject == "X"


# --- SUBJECT ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SUBJECT: MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS",
            "MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS",
        ),
        ("SUBJ: ARGENTINA: KIRCHNER AT THREE YEARS", "ARGENTINA: KIRCHNER AT THREE YEARS"),
        ("SUBJECT: (C) GERMANY TAKING ACTION", "GERMANY TAKING ACTION"),
        ("SUBJECT: (SBU) GERMANY TAKING ACTION", "GERMANY TAKING ACTION"),
        (
            "Subject: turkish p.m. Erdogan goes to washington",
            "turkish p.m. Erdogan goes to washington",
        ),
    ],
)
def test_subject_variants(text: str, expected: str) -> None:
    assert parse_subject(text) == expected


def test_subject_over_lines_and_a_page_break() -> None:
    r = parse_document(
        cable(
            "C O N F I D E N T I A L PARIS 002358\n\nE.O. 12958: DECL: 04/09/2016\n"
            "SUBJECT: FRENCH MFA URGES CLOSE CONSULTATION ON HUMAN\n"
            "PARIS 00002358  002 OF 002\n"
            "RIGHTS COUNCIL\n\nREF: STATE 55461"
        )
    )
    assert r.subject == "FRENCH MFA URGES CLOSE CONSULTATION ON HUMAN RIGHTS COUNCIL"
    # No DTG or id gives the year: the citation is a cable, left unresolved.
    assert [(x.kind, x.reference_id, x.text) for x in r.references] == [
        ("cable", None, "STATE 55461")
    ]


# --- REF --------------------------------------------------------------------


def test_refs_lettered_with_implied_and_explicit_years() -> None:
    refs = parse_references(
        "REF: A. STATE 12345 B. 05 MOSCOW 1234 C. LEE EMAIL 05/11/07", year="06"
    )
    assert [(r.label, r.kind, r.reference_id, r.text) for r in refs] == [
        ("A", "cable", "06STATE12345", "STATE 12345"),
        ("B", "cable", "05MOSCOW1234", "05 MOSCOW 1234"),
        ("C", "other", None, "LEE EMAIL 05/11/07"),
    ]


@pytest.mark.parametrize(
    "text",
    ["REF: A) STATE 12345 B) 05 MOSCOW 1234", "REF: (A) STATE 12345 (B) 05 MOSCOW 1234"],
)
def test_refs_label_styles(text: str) -> None:
    refs = parse_references(text, year="06")
    assert [(r.label, r.reference_id) for r in refs] == [
        ("A", "06STATE12345"),
        ("B", "05MOSCOW1234"),
    ]


def test_refs_and_previous_and_multiword_posts() -> None:
    refs = parse_references("REFS: A. BUENOS AIRES 2728 AND PREVIOUS B. USUN NEW YORK 123", "66")
    assert [r.reference_id for r in refs] == ["66BUENOSAIRES2728", "66USUNNEWYORK123"]
    assert refs[0].text == "BUENOS AIRES 2728 AND PREVIOUS"


def test_single_ref_uses_context_year() -> None:
    r = parse_document(b"REF: TBILISI 1605\n", format="telegram-text", context=Context(year=2007))
    assert [(x.label, x.reference_id) for x in r.references] == [(None, "07TBILISI1605")]


def test_ref_lines_after_blank_lines_stay_in_the_list() -> None:
    r = parse_document(
        cable(
            "S E C R E T SECTION 01 OF 05 BUENOS AIRES 001594\n\nE.O. 12958: DECL: 07/19/2016\n"
            "TAGS: PGOV\nREF: A. 05 BUENOS AIRES 02728\n\nB. 05 BUENOS AIRES 03056\n"
            "C. BUENOS AIRES 00293\n\n"
            "Classified By: Ambassador Lino Gutierrez for Reasons 1.4 (B) and (D)."
        ),
        context=Context(year=2006),
    )
    assert [x.reference_id for x in r.references] == [
        "05BUENOSAIRES2728",
        "05BUENOSAIRES3056",
        "06BUENOSAIRES293",
    ]
    assert r.reference_id == "06BUENOSAIRES1594"
    assert r.classified_by.name == "Lino Gutierrez"


# --- Classified By ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.4(B/D)", ["1.4(b)", "1.4(d)"]),
        ("1.4 (B) AND (D)", ["1.4(b)", "1.4(d)"]),
        ("1.4 b and d", ["1.4(b)", "1.4(d)"]),
        ("1.4(b,d)", ["1.4(b)", "1.4(d)"]),
        ("1.5 (D)", ["1.5(d)"]),
        ("1.4 (b), (d), (e)", ["1.4(b)", "1.4(d)", "1.4(e)"]),
        ("1.4b,d", ["1.4(b)", "1.4(d)"]),
        ("1.6 X1", []),
    ],
)
def test_reason_notations(text: str, expected: list[str]) -> None:
    assert parse_reasons(text) == expected


@pytest.mark.parametrize(
    ("who", "name", "title"),
    [
        ("Ambassador William J. Burns", "William J. Burns", "Ambassador"),
        ("A/S WELCH", "WELCH", "A/S"),
        (
            "Rose E. Gottemoeller, Assistant Secretary, VCI",
            "Rose E. Gottemoeller",
            "Assistant Secretary",
        ),
        ("Chris Stevens, CDA, Embassy Tripoli", "Chris Stevens", "CDA"),
        ("Deputy Chief of Mission Kevin M. Johnson", "Kevin M. Johnson", "Deputy Chief of Mission"),
        ("AMBASSADOR TOM MCDONALD", "TOM MCDONALD", "AMBASSADOR"),
        (
            "ACTING POLITICAL MINISTER-COUNSELOR WILLIAM H. DUNCAN",
            "WILLIAM H. DUNCAN",
            "ACTING POLITICAL MINISTER-COUNSELOR",
        ),
        ("Amb. Edward W. Gnehm", "Edward W. Gnehm", "Amb."),
        ("DepPolCouns Lawrence Cohen", "Lawrence Cohen", "DepPolCouns"),
        ("Whitney Baird", "Whitney Baird", None),
        ("AMBASSADOR", None, "AMBASSADOR"),
    ],
)
def test_official_name_and_title_in_either_order(who: str, name: str, title: str) -> None:
    assert split_official(who) == (name, title)


def test_reasons_keyword_broken_by_a_wrap() -> None:
    r = parse_document(
        cable(
            "C O N F I D E N T I A L MEXICO 000858\n\n"
            "Classified By: ACTING POLITICAL MINISTER-COUNSELOR WILLIAM H. DUNCAN, R \n"
            "EASONS: 1.4(B/D)."
        )
    )
    assert r.classified_by.name == "WILLIAM H. DUNCAN"
    assert r.reasons == ["1.4(b)", "1.4(d)"]


def test_classified_by_line_with_reason_keyword() -> None:
    r = parse_document(
        cable(
            "C O N F I D E N T I A L STATE 000123\n\n"
            "CLASSIFIED BY: Rose E. Gottemoeller, Assistant Secretary, VCI; REASON: 1.4 (b) and (d)"
        )
    )
    assert (r.classified_by.name, r.classified_by.title) == (
        "Rose E. Gottemoeller",
        "Assistant Secretary",
    )
    assert r.reasons == ["1.4(b)", "1.4(d)"]


def test_office_lines_before_the_eo_line_are_preamble() -> None:
    r = parse_document(
        cable(
            "UNCLAS SECTION 01 OF 02 BRASILIA 001608\n\nSIPDIS\n\nSENSITIVE\n\n"
            "STATE PLEASE PASS TO USTR\nUSDOC FOR 6950/Dean Woddard -\n"
            "E.O. 12958: N/A TAGS: EAIR EINV\nSUBJECT: VARIG BOARD STRUGGLES TO SAVE AIRLINE\n"
            "REF: BRASILIA 1566"
        ),
        context=Context(year=2005),
    )
    assert r.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert (r.eo, r.declassify_rule) == ("12958", "N/A")
    assert r.tags == ["EAIR", "EINV"]
    assert r.subject == "VARIG BOARD STRUGGLES TO SAVE AIRLINE"
    assert [x.reference_id for x in r.references] == ["05BRASILIA1566"]


def test_keywords_glued_by_a_copy_that_lost_line_breaks() -> None:
    r = parse_document(
        cable(
            "C O N F I D E N T I A L SECTION 01 OF 02 LIMA 003571SIPDISEB FOR A/S WAYNE; "
            "INL FOR AGUILERAE.O. 12958: DECL: 08/16/2015TAGS: EMIN PGOV SNAR PE\n\n"
            "Classified By: Ambassador J. Curtis Struble. Reason: 1.4 (b,d)"
        )
    )
    assert (r.eo, r.declassify_on) == ("12958", "2015-08-16")
    assert r.tags == ["EMIN", "PGOV", "SNAR", "PE"]
    assert r.classified_by.name == "J. Curtis Struble"
    assert r.reasons == ["1.4(b)", "1.4(d)"]


def test_viewer_text_repeating_the_transmission_header_after_a_catalogue_record() -> None:
    text = (
        "53190\n2006-02-15 20:34:00\n06MEXICO858\nEmbassy Mexico\nCONFIDENTIAL\n\n"
        "VZCZCXRO8786\nDE RUEHME #0858/01 0462034\nR 152034Z FEB 06\nFM AMEMBASSY MEXICO\n"
        "TO RUEHC/SECSTATE WASHDC 9010\nTAGS: PGOV PINR MX\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 MEXICO 000858\n\n"
        "E.O. 12958: DECL: 02/15/2016\nTAGS: PGOV PINR MX\nSUBJECT: PRI DISSIDENTS SPEAK OUT"
    )
    r = parse_document(cable(text))
    assert r.reference_id == "06MEXICO858"
    assert r.tags == ["PGOV", "PINR", "MX"]
    assert r.subject == "PRI DISSIDENTS SPEAK OUT"
    assert r.body.startswith("C O N F I D E N T I A L SECTION 01 OF 02 MEXICO 000858")
    # The catalogue record is metadata: neither header nor text (spec: 2011 viewer pages).
    assert r.header.startswith("VZCZCXRO8786")
    assert "53190" not in r.header and "53190" not in r.body


def test_handling_line_between_fields_and_reason_letters_on_the_next_line() -> None:
    r = parse_document(
        cable(
            "S E C R E T SECTION 01 OF 02 BOGOTA 003281\n\nE.O. 12958: DECL: 4/4/2012\n"
            "TAGS: PREL PTER MOPS VE CO\nSUBJECT: DETAILS ON FARC CAMPS IN VENEZUELA\n\n"
            "NOFORN\n\nREF: BOGOTA 3101\n\n"
            "CLASSIFIED BY AMBASSADOR ANNE W. PATTERSON.  REASON: 1.5 \n(B) AND (D)\n"
        ),
        context=Context(year=2002),
    )
    assert r.classification == "SECRET//NOFORN"
    assert r.caveats == ["NOFORN"]
    assert [x.reference_id for x in r.references] == ["02BOGOTA3101"]
    assert (r.classified_by.name, r.classified_by.title) == ("ANNE W. PATTERSON", "AMBASSADOR")
    assert r.reasons == ["1.5(b)", "1.5(d)"]


# --- REF shapes of real cables (docs/record.md) ----------------------------------------


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        # two-digit year with a space, abbreviated post name
        ("REF: 08 RIO DE JAN 138", [(None, "08RIODEJANEIRO138")]),
        # doubled labels
        (
            "REF: A. A) BRASILIA 236 B. B) 07 BRASILIA 1868",
            [("A", "09BRASILIA236"), ("B", "07BRASILIA1868")],
        ),
        # labels glued to posts
        ("REF: (A)STATE 071143, (B)STATE 073601", [("A", "09STATE71143"), ("B", "09STATE73601")]),
        # no labels, four-digit year
        ("REF: STATE 12345; 2009 CAIRO 2394", [(None, "09STATE12345"), (None, "09CAIRO2394")]),
        # lower case labels and text
        ("REF: a) 05 state 201650 b) USUN 55", [("A", "05STATE201650"), ("B", "09USUNNEWYORK55")]),
        # several cites in one item, a second serial sharing the post
        (
            "REF: A. BRASILIA 1250; RECIFE 66; (08) SAO PAULO 581 B. BRASILIA 715 AND 660",
            [
                ("A", "09BRASILIA1250"),
                ("A", "09RECIFE66"),
                ("A", "08SAOPAULO581"),
                ("B", "09BRASILIA715"),
                ("B", "09BRASILIA660"),
            ],
        ),
        # aliases
        (
            "REF: A. BA 1234 B. KL 77 C. MEXICO CITY 12 D. SECSTATE WASHDC 9 E. RIO 5",
            [
                ("A", "09BUENOSAIRES1234"),
                ("B", "09KUALALUMPUR77"),
                ("C", "09MEXICO12"),
                ("D", "09STATE9"),
                ("E", "09RIODEJANEIRO5"),
            ],
        ),
        # non-cable items between cables stay "other" without swallowing the cables after
        (
            "REF: A) STATE 1 B) LEE-GOLDSTEIN EMAIL 05/11/07 C) OSD REPORT DTG 251847Z MAR 08 "
            "D) CAIRO 55",
            [("A", "09STATE1"), ("B", None), ("C", None), ("D", "09CAIRO55")],
        ),
        # a label written twice by the cable ((B) for C) still gives each cable
        (
            "REF: (A) STATE 1, (B)STATE 2, (B)STATE 3",
            [("A", "09STATE1"), ("B", "09STATE2"), ("B", "09STATE3")],
        ),
        # an unknown post is "other", not a made-up id
        ("REF: A. FOOBARVILLE 123 B. STATE 4", [("A", None), ("B", "09STATE4")]),
    ],
)
def test_real_ref_shapes(ref: str, expected: list[tuple[str | None, str | None]]) -> None:
    refs = parse_references(ref, "09")
    assert [(r.label, r.reference_id) for r in refs] == expected
    assert all((r.kind == "cable") == (r.reference_id is not None) for r in refs)


def test_ref_keyword_without_colon_before_a_label() -> None:
    r = parse_document(
        cable("C O N F I D E N T I A L REYKJAVIK 000200\n\nTAGS: PREL\nREF A: Reykjavik 107"),
        context=Context(year=2008),
    )
    assert [(x.label, x.reference_id) for x in r.references] == [("A", "08REYKJAVIK107")]


# --- SUBJECT, TAGS and Classified By as real cables write them ---------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("SUBJECT: FOO BAR (S)", "FOO BAR"),
        ("SUBJECT: (C) FOO SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY", "FOO"),
        ("SUBJECT: FOO (CHANGED SUBJECT LINE)", "FOO"),
        ("Subj: Sanctions under E.O. 13382 (SBU)", "Sanctions under E.O. 13382"),
    ],
)
def test_subject_keeps_only_the_subject(line: str, expected: str) -> None:
    assert parse_subject(line) == expected


def test_subject_ends_at_a_glued_ref_and_e_o_inside_a_subject_is_text() -> None:
    r = parse_document(
        cable(
            "C O N F I D E N T I A L LONDON 002000\n\nE.O. 12958: DECL: 1/1/2018\nTAGS: PREL\n"
            "SUBJECT: WHO WOULD SUCCEED THE PRIME MINISTERREF: A. LONDON 1939"
        ),
        context=Context(year=2007),
    )
    assert r.subject == "WHO WOULD SUCCEED THE PRIME MINISTER"
    assert [x.reference_id for x in r.references] == ["07LONDON1939"]
    under = parse_document(
        cable(
            "UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: ETTC\nSUBJECT: SANCTIONS UNDER E.O. 13382 ON X"
        )
    )
    assert (under.subject, under.eo) == ("SANCTIONS UNDER E.O. 13382 ON X", "12958")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "TAGS: KFRDCVISCMGTCASCPHUMSMIGEG",
            ["KFRD", "CVIS", "CMGT", "CASC", "PHUM", "SMIG", "EG"],
        ),
        ("TAGS: UNGA/C-6, EUN/CFSP, PREL", ["UNGA/C-6", "EUN/CFSP", "PREL"]),
        ("tags prel, pgov, tu", ["PREL", "PGOV", "TU"]),
        # a long word is not a string of country codes
        ("TAGS: PREL, PARTNERSHIP", ["PREL", "PARTNERSHIP"]),
    ],
)
def test_real_tags_shapes(line: str, expected: list[str]) -> None:
    assert parse_tags(line) == expected


@pytest.mark.parametrize(
    ("who", "name", "title"),
    [
        ("Head of Economic Unit Shawn Gray", "Shawn Gray", "Head of Economic Unit"),
        ("Charge d'Affaires a.i. Robert Doe", "Robert Doe", "Charge d'Affaires a.i."),
        ("Ambassador Robert O. Blake, Jr.", "Robert O. Blake, Jr.", "Ambassador"),
        ("Margaret Doe per", "Margaret Doe", None),
        ("AF/C - MARY SMITH", "MARY SMITH", "AF/C"),
        ("AMBASSADOR TO SUDAN JOHN DOE", "JOHN DOE", "AMBASSADOR TO SUDAN"),
    ],
)
def test_classified_by_name_is_the_person(who: str, name: str, title: str | None) -> None:
    assert split_official(who) == (name, title)


@pytest.mark.parametrize(
    ("first", "name", "title", "reasons"),
    [
        ("1. (U) CLASSIFIED BY POLOFF JANE DOE, 1.5 (D).", "JANE DOE", "POLOFF", ["1.5(d)"]),
        (
            "1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY DCM JOHN ROE - 1.5 B,D.",
            "JOHN ROE",
            "DCM",
            ["1.5(b)", "1.5(d)"],
        ),
    ],
)
def test_classified_by_inside_paragraph_one(
    first: str, name: str, title: str, reasons: list[str]
) -> None:
    r = parse_document(
        cable("CONFIDENTIAL\n\nE.O. 12356: DECL: OADR\nTAGS: PREL\nSUBJECT: X", first + "\n\nROE\n")
    )
    assert r.classified_by is not None
    assert (r.classified_by.name, r.classified_by.title) == (name, title)
    assert r.reasons == reasons


def test_header_scan_does_not_give_up_at_office_and_notice_lines() -> None:
    """Mixed-case distribution lines and the singular TAG keyword do not end the header."""
    r = parse_document(
        cable(
            "S E C R E T SECTION 01 OF 02 KABUL 003364\n\nSIPDIS\n\n"
            "DEPT PASS TO S/SRAP, S/CT, EEB, and SCA/A\nNote - PII information removed\n"
            "State for EUR/NB and EUR/PGI, and for the office of the coordinator\n\n"
            "EO 12958 DECL: 10/19/2019\nTAG EINV,EFIN, KTFN, PGOV, AF\n"
            "SUBJECT: AFGHANISTAN: CAPITAL FLIGHT\n\n"
            "Classified By: Ambassador Karl Eikenberry for reasons 1.4 (b) and (d)"
        ),
        context=Context(year=2009),
    )
    assert r.subject == "AFGHANISTAN: CAPITAL FLIGHT"
    assert r.tags == ["EINV", "EFIN", "KTFN", "PGOV", "AF"]
    assert r.declassify_on == "2019-10-19"
    assert r.classified_by is not None and r.classified_by.name == "Karl Eikenberry"
    assert r.paragraphs[0].text == "Text of the cable."
