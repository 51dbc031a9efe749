"""Cables built through the ORM, shaped like the real 06MOSCOW1323 and 06STATE27174.

The reader tests need a small archive whose content they know exactly: a cable
with paragraphs, tags, reasons, references (one stored, one not), a citing
cable and two versions with different text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from cablebase.archive.models import (
    Cable,
    CableReference,
    CableTag,
    CableVersion,
    Paragraph,
    Tag,
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
    ("3", "C", "The Ambassador stressed that the Quartet principles stand."),
    ("", "", "MFA Statement on Hamas Invitation"),
]
MOSCOW_PREAMBLE = (
    "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001323\n\nSIPDIS\n\n"
    "E.O. 12958: DECL: 02/10/2016\nTAGS: PREL, KPAL, RS\n"
    "SUBJECT: RUSSIA AND THE HAMAS VISIT\n\n"
    "REF: A. STATE 27174 B. 05 MOSCOW 999\n\n"
    "Classified By: Ambassador William J. Burns.  Reasons: 1.4(B/D).\n"
)


def _body(preamble: str, paras: list[tuple[str, str, str]], signer: str) -> str:
    parts = [preamble]
    for number, marking, text in paras:
        prefix = (f"{number}. " if number else "") + (f"({marking}) " if marking else "")
        parts.append(prefix + text + "\n")
    parts.append(signer)
    return "\n".join(parts)


def _tag(code: str, kind: str, description: str) -> Tag:
    tag, _ = Tag.objects.get_or_create(
        code=code, defaults={"kind": kind, "description": description}
    )
    return tag


def make_cable(
    reference_id: str,
    *,
    created: datetime | None,
    released: datetime | None,
    origin: str,
    origin_code: str,
    classification: str = "CONFIDENTIAL",
    subject: str = "",
    paragraphs: list[tuple[str, str, str]] = (),
    preamble: str = "",
    signer: str = "",
    tags: list[tuple[str, str, str]] = (),
    reasons: list[str] = (),
    header: str = "",
) -> Cable:
    body = _body(preamble, list(paragraphs), signer)
    cable = Cable.objects.create(
        reference_id=reference_id,
        origin=origin,
        origin_code=origin_code,
        created=created,
        released=released,
        year=created.year if created else None,
        classification=classification,
        precedence="IMMEDIATE",
        subject=subject,
        eo="12958",
        reasons=list(reasons),
        classified_by_name="William J. Burns",
        classified_by_title="Ambassador",
        header=header,
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        signers=[signer] if signer else [],
    )
    for pos, (number, marking, text) in enumerate(paragraphs, 1):
        Paragraph.objects.create(
            cable=cable, position=pos, number=number, marking=marking, text=text
        )
    for pos, (code, kind, description) in enumerate(tags):
        CableTag.objects.create(cable=cable, tag=_tag(code, kind, description), position=pos)
    CableVersion.objects.create(
        cable=cable,
        number=1,
        content_hash=cable.content_hash,
        record={"reference_id": reference_id, "body": body},
        released=released,
    )
    return cable


@dataclass
class Archive:
    moscow: Cable
    state: Cable
    undated: Cable


def build_archive() -> Archive:
    """Three cables; MOSCOW cites STATE (stored) and 05MOSCOW999 (not), and has 2 versions."""
    state = make_cable(
        "06STATE27174",
        created=datetime(2006, 2, 18, 20, 20, tzinfo=UTC),
        released=datetime(2011, 8, 30, 1, 44, tzinfo=UTC),
        origin="Secretary of State",
        origin_code="STATE",
        subject="MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS",
        paragraphs=[
            ("1", "C", "Posts should deliver the following message."),
            ("2", "U", "Minimize considered."),
        ],
        preamble="C O N F I D E N T I A L STATE 027174\n\nTAGS: PREL\n",
        signer="RICE",
        tags=[("PREL", "subject", "External Political Relations")],
        reasons=["1.4(b)", "1.4(d)"],
    )
    moscow = make_cable(
        "06MOSCOW1323",
        created=datetime(2006, 2, 10, 15, 26, tzinfo=UTC),
        released=datetime(2011, 8, 30, 1, 44, tzinfo=UTC),
        origin="Embassy Moscow",
        origin_code="MOSCOW",
        subject="RUSSIA AND THE HAMAS VISIT",
        paragraphs=MOSCOW_PARAS,
        preamble=MOSCOW_PREAMBLE,
        signer="BURNS",
        header=(
            "VZCZCXRO4024\nOO RUEHTRO\nDE RUEHMO #1323/01 0411526\n"
            "O 101526Z FEB 06\nFM AMEMBASSY MOSCOW"
        ),
        tags=[
            ("PREL", "subject", "External Political Relations"),
            ("KPAL", "program", "Palestinian Affairs"),
            ("RS", "country", "Russia"),
        ],
        reasons=["1.4(b)", "1.4(d)"],
    )
    CableReference.objects.create(
        citing=moscow,
        position=0,
        label="A",
        kind="cable",
        cited_id="06STATE27174",
        text="STATE 27174",
        cited_cable=state,
    )
    CableReference.objects.create(
        citing=moscow,
        position=1,
        label="B",
        kind="cable",
        cited_id="05MOSCOW999",
        text="05 MOSCOW 999",
    )
    old_body = moscow.body.replace("press Hamas to recognise", "urge Hamas to accept")
    CableVersion.objects.filter(cable=moscow).update(
        number=1, content_hash="old", record={"body": old_body}
    )
    CableVersion.objects.create(
        cable=moscow,
        number=2,
        content_hash=moscow.content_hash,
        record={"body": moscow.body},
        released=moscow.released,
    )
    Cable.objects.filter(pk=moscow.pk).update(version_count=2)
    moscow.refresh_from_db()
    undated = make_cable(
        "66BUENOSAIRES2481",
        created=None,
        released=datetime(2010, 11, 28, 18, 0, tzinfo=UTC),
        origin="Embassy Buenos Aires",
        origin_code="BUENOSAIRES",
        classification="SECRET//NOFORN",
        subject="AN UNDATED CABLE",
        paragraphs=[("1", "S", "Text of an undated cable.")],
    )
    return Archive(moscow=moscow, state=state, undated=undated)


def clear_archive() -> None:
    """Remove what a fixture stored, so modules never see each other's cables."""
    from cablebase.archive.models import IngestRun, Quarantine, SourceFile

    Cable.objects.all().delete()
    Tag.objects.all().delete()
    SourceFile.objects.all().delete()
    Quarantine.objects.all().delete()
    IngestRun.objects.all().delete()
