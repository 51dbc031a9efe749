"""Records shaped like the spec's seed cables, for tests that store a small archive."""

from __future__ import annotations

from cablebase.parse.record import (
    CableRecord,
    ClassifiedBy,
    Paragraph,
    Recipient,
    Reference,
    Source,
)


def moscow(body_suffix: str = "") -> CableRecord:
    paragraphs = [
        Paragraph("1", "C", "On February 10 Ambassador Burns met Saltanov about Hamas."),
        Paragraph("2", "C", "Saltanov said Russia would press Hamas to recognise Israel."),
        Paragraph(None, None, "MFA Statement on Hamas Invitation" + body_suffix),
    ]
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
        paragraphs=paragraphs,
        signers=["BURNS"],
        header="raw header",
        body="\n\n".join(p.text for p in paragraphs),
        source=Source("repost-text", "003_7a1b52288a90354e.txt", "ab" * 32),
    )


def state() -> CableRecord:
    paragraphs = [
        Paragraph("1", "C", "Posts should deliver the following message on Hamas."),
        Paragraph("2", "U", "Hamas must renounce violence."),
    ]
    return CableRecord(
        reference_id="06STATE27174",
        origin="Secretary of State",
        origin_code="STATE",
        created="2006-02-18T20:20:00Z",
        classification="SECRET",
        precedence="IMMEDIATE",
        tags=["PREL"],
        subject="MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS",
        paragraphs=paragraphs,
        signers=["RICE"],
        body="\n\n".join(p.text for p in paragraphs),
        source=Source("telegram-text", "000_068168b0c6d62cf7.txt", "cd" * 32),
    )
