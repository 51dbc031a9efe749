"""The sample archive every area's tests share, stored through the archive's real store.

Three cables shaped like the spec's seed records: 06MOSCOW1323 cites 06STATE27174
(stored) and 05MOSCOW999 (not), and arrived twice with different text, so it has
two versions; 66BUENOSAIRES2481 has no creation date. Nothing writes ORM rows
directly: ``store_records`` fills cables, paragraphs, tags, references and versions
exactly as an ingest does.
"""

from __future__ import annotations

from dataclasses import dataclass

from cablebase.archive.models import Cable
from cablebase.parse.record import (
    CableRecord,
    ClassifiedBy,
    Paragraph,
    Recipient,
    Reference,
    Source,
)

MOSCOW_PARAS = [
    (
        "1",
        "C",
        "On February 10 Ambassador Burns met Deputy Foreign Minister\n"
        "Saltanov to discuss the Hamas visit.",
    ),
    (
        "2",
        "C",
        "Saltanov said Russia would press Hamas to recognise Israel\nand renounce violence.",
    ),
    # A sub-head belongs to the paragraph before it (docs/record.md): paragraph 4 is the
    # cable's "4. (U)", not the sub-head.
    (
        "3",
        "C",
        "The Ambassador stressed that the Quartet principles stand.\n\n"
        "MFA Statement on Hamas Invitation",
    ),
    ("4", "U", "In answer to a correspondent, the MFA said Hamas had won the elections."),
]
MOSCOW_PREAMBLE = (
    "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001323\n\nSIPDIS\n\n"
    "E.O. 12958: DECL: 02/10/2016\nTAGS: PREL, KPAL, RS\n"
    "SUBJECT: RUSSIA AND THE HAMAS VISIT\n\n"
    "REF: A. STATE 27174 B. 05 MOSCOW 999\n\n"
    "Classified By: Ambassador William J. Burns.  Reasons: 1.4(B/D).\n"
)
MOSCOW_HEADER = (
    "VZCZCXRO4024\nOO RUEHTRO\nDE RUEHMO #1323/01 0411526\nO 101526Z FEB 06\nFM AMEMBASSY MOSCOW"
)
# What the first version said where the current one says "press Hamas to recognise".
MOSCOW_FIRST_WORDING = "urge Hamas to accept"


def _body(preamble: str, paras: list[tuple[str, str, str]], signer: str) -> str:
    parts = [preamble]
    for number, marking, text in paras:
        prefix = (f"{number}. " if number else "") + (f"({marking}) " if marking else "")
        parts.append(prefix + text + "\n")
    parts.append(signer)
    return "\n".join(parts)


def _paragraphs(paras: list[tuple[str, str, str]]) -> list[Paragraph]:
    return [Paragraph(number or None, marking or None, text) for number, marking, text in paras]


def moscow(first_version: bool = False) -> CableRecord:
    paras = list(MOSCOW_PARAS)
    if first_version:
        number, marking, text = paras[1]
        paras[1] = (number, marking, text.replace("press Hamas to recognise", MOSCOW_FIRST_WORDING))
    return CableRecord(
        reference_id="06MOSCOW1323",
        origin="Embassy Moscow",
        origin_code="MOSCOW",
        created="2006-02-10T15:26:00Z",
        released="2011-08-30T01:44:00Z",
        classification="CONFIDENTIAL",
        caveats=["SIPDIS"],
        precedence="IMMEDIATE",
        dtg="101526Z FEB 06",
        transmission_id="RUEHMO #1323/01 0411526",
        sender="AMEMBASSY MOSCOW",
        recipients=[Recipient(name="SECSTATE WASHDC", route="RUEHC", precedence="IMMEDIATE")],
        sections=2,
        eo="12958",
        declassify_on="2016-02-10",
        tags=["PREL", "KPAL", "RS"],
        subject="RUSSIA AND THE HAMAS VISIT",
        classified_by=ClassifiedBy(
            name="William J. Burns",
            title="Ambassador",
            text="Ambassador William J. Burns.  Reasons: 1.4(B/D).",
        ),
        reasons=["1.4(b)", "1.4(d)"],
        references=[
            Reference("A", "cable", "06STATE27174", "STATE 27174"),
            Reference("B", "cable", "05MOSCOW999", "05 MOSCOW 999"),
        ],
        paragraphs=_paragraphs(paras),
        signers=["BURNS"],
        header=MOSCOW_HEADER,
        body=_body(MOSCOW_PREAMBLE, paras, "BURNS"),
        source=Source("repost-text", "003_7a1b52288a90354e.txt", "ab" * 32),
    )


def state() -> CableRecord:
    paras = [
        ("1", "S", "Posts should deliver the following message on Hamas."),
        ("2", "U", "Hamas must renounce violence."),
    ]
    return CableRecord(
        reference_id="06STATE27174",
        origin="Secretary of State",
        origin_code="STATE",
        created="2006-02-18T20:20:00Z",
        released="2011-08-30T01:44:00Z",
        classification="SECRET",
        precedence="IMMEDIATE",
        eo="12958",
        tags=["PREL"],
        subject="MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS",
        classified_by=ClassifiedBy(name="William J. Burns", title="Ambassador"),
        reasons=["1.4(b)", "1.4(d)"],
        paragraphs=_paragraphs(paras),
        signers=["RICE"],
        body=_body("S E C R E T STATE 027174\n\nTAGS: PREL\n", paras, "RICE"),
        source=Source("telegram-text", "000_068168b0c6d62cf7.txt", "cd" * 32),
    )


def undated() -> CableRecord:
    paras = [("1", "S", "Text of an undated cable.")]
    return CableRecord(
        reference_id="66BUENOSAIRES2481",
        origin="Embassy Buenos Aires",
        origin_code="BUENOSAIRES",
        released="2010-11-28T18:00:00Z",
        classification="SECRET//NOFORN",
        subject="AN UNDATED CABLE",
        paragraphs=_paragraphs(paras),
        body=_body("", paras, ""),
        source=Source("repost-text", "66BUENOSAIRES2481.txt", "ef" * 32),
    )


@dataclass
class SampleArchive:
    moscow: Cable
    state: Cable
    undated: Cable


def store_sample_archive() -> SampleArchive:
    """Store the three cables (06MOSCOW1323 twice: its first text, then the current one)."""
    from cablebase.archive.ingest import store_records

    first = store_records([state(), moscow(first_version=True), undated()])
    second = store_records([moscow()])
    assert (first.new, second.new_versions) == (3, 1), (first.errors, second.errors)
    cables = {c.reference_id: c for c in Cable.objects.all()}
    return SampleArchive(
        moscow=cables["06MOSCOW1323"],
        state=cables["06STATE27174"],
        undated=cables["66BUENOSAIRES2481"],
    )


def clear_archive() -> None:
    """Remove what a module-scoped fixture stored, so modules never see each other's cables."""
    from cablebase.archive.models import IngestRun, Quarantine, SourceFile, Tag

    Cable.stored.all().delete()  # held cables too
    Tag.objects.all().delete()
    SourceFile.objects.all().delete()
    Quarantine.objects.all().delete()
    IngestRun.objects.all().delete()
