"""Records built in code: storage and search tests that need no parser."""

from __future__ import annotations

import hashlib
from typing import Any

from cablebase.parse.record import (
    CableRecord,
    ClassifiedBy,
    Paragraph,
    Recipient,
    Reference,
    Source,
)


def make_record(reference_id: str = "06MOSCOW1323", **overrides: Any) -> CableRecord:
    body = overrides.pop("body", f"1. (C) Text of {reference_id} about Hamas and the Quartet.")
    paragraphs = overrides.pop(
        "paragraphs",
        [
            Paragraph(number=str(i + 1), marking="C", text=t)
            for i, t in enumerate(p.strip() for p in body.split("\n\n") if p.strip())
        ],
    )
    refs = overrides.pop("references", [])
    record = CableRecord(
        reference_id=reference_id,
        origin=overrides.pop("origin", "Embassy Moscow"),
        origin_code=overrides.pop("origin_code", "MOSCOW"),
        created=overrides.pop("created", "2006-02-10T15:26:00Z"),
        released=overrides.pop("released", "2011-08-30T01:44:00Z"),
        classification=overrides.pop("classification", "CONFIDENTIAL"),
        caveats=overrides.pop("caveats", ["SIPDIS"]),
        precedence=overrides.pop("precedence", "IMMEDIATE"),
        dtg=overrides.pop("dtg", "101526Z FEB 06"),
        sender=overrides.pop("sender", "AMEMBASSY MOSCOW"),
        recipients=overrides.pop(
            "recipients", [Recipient(name="SECSTATE WASHDC", route="RUEHC", precedence="IMMEDIATE")]
        ),
        eo="12958",
        declassify_on="2016-02-10",
        tags=overrides.pop("tags", ["PREL", "KPAL"]),
        subject=overrides.pop("subject", "MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS"),
        classified_by=ClassifiedBy(name="William J. Burns", title="Ambassador", text="Burns."),
        reasons=["1.4(b)", "1.4(d)"],
        references=[
            Reference(label=chr(65 + i), kind="cable", reference_id=r, text=r)
            for i, r in enumerate(refs)
        ],
        summary=overrides.pop("summary", None),
        paragraphs=paragraphs,
        signers=overrides.pop("signers", ["BURNS"]),
        header=overrides.pop("header", f"C O N F I D E N T I A L {reference_id}"),
        body=body,
        source=Source(
            format="repost-text",
            path=f"{reference_id}.txt",
            sha256=hashlib.sha256(body.encode()).hexdigest(),
        ),
    )
    for key, value in overrides.items():
        setattr(record, key, value)
    return record
