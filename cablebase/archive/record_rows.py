"""Between the parser's ``CableRecord`` and the archive's rows, both ways.

The content hash decides what counts as a new version: it covers the text a
reader sees (header, body) and the metadata that defines the cable
(reference id, origin, created, classification, subject, tags), but not the
release date or where the bytes came from, so a republished but unchanged
cable is recognised as unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cablebase.archive.utc import iso_utc
from cablebase.parse.record import (
    CableRecord,
    ClassifiedBy,
    Paragraph,
    Reference,
    Source,
    plain,
)
from cablebase.parse.tagcodes import describe_tag

VERSION_FIELDS = (
    "reference_id",
    "origin_code",
    "created",
    "classification",
    "subject",
    "tags",
    "header",
    "body",
)


def content_hash(record: CableRecord) -> str:
    """sha256 over the fields that define a version (see module docstring)."""
    payload = {name: getattr(record, name) for name in VERSION_FIELDS}
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class HashedRecord:
    """A record with its content hash and JSON form, computed where it was parsed (a worker)."""

    record: CableRecord
    digest: str
    data: dict[str, Any]


def hash_record(record: CableRecord | HashedRecord) -> HashedRecord:
    if isinstance(record, HashedRecord):
        return record
    return HashedRecord(record, content_hash(record), record.to_dict())


def parse_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def tag_details(code: str) -> tuple[str, str]:
    """A tag's (kind, description) from the parser's tag tables, for the ``tag`` row."""
    try:
        kind, description = describe_tag(code)
    except Exception:  # an unknown code must never stop an ingest
        return ("other", "")
    return (kind or "other", description or "")


# Record fields stored in a column of the same name: text ("" for None) and lists.
TEXT_COLUMNS = (
    "origin",
    "origin_code",
    "classification",
    "precedence",
    "dtg",
    "transmission_id",
    "sender",
    "eo",
    "declassify_rule",
    "subject",
    "summary",
    "header",
    "body",
)
LIST_COLUMNS = ("caveats", "reasons", "signers", "warnings")


def cable_fields(record: CableRecord, digest: str) -> dict[str, Any]:
    """The ``Cable`` row's column values for a record (the current version)."""
    created = parse_datetime(record.created)
    classified = record.classified_by or ClassifiedBy()
    source = record.source or Source(format="")
    return {
        **{name: getattr(record, name) or "" for name in TEXT_COLUMNS},
        **{name: list(getattr(record, name)) for name in LIST_COLUMNS},
        "reference_id": record.reference_id,
        "created": created,
        "released": parse_datetime(record.released),
        "year": created.year if created else None,
        "recipients": [_plain(r) for r in record.recipients],
        "info_recipients": [_plain(r) for r in record.info_recipients],
        "sections": record.sections or 1,
        "declassify_on": parse_date(record.declassify_on),
        "classified_by_name": classified.name or "",
        "classified_by_title": classified.title or "",
        "classified_by_text": classified.text or "",
        "partial": bool(record.partial),
        "source_format": source.format or "",
        "source_path": source.path or "",
        "source_sha256": source.sha256 or "",
        "content_hash": digest,
    }


def _plain(recipient: Any) -> dict[str, Any]:
    return recipient if isinstance(recipient, dict) else plain(recipient)


def record_from_cable(cable: Any) -> CableRecord:
    """The current version of a stored cable, in the record shape (API, exports).

    Built from the ``Cable`` row and its related rows, so it reflects exactly what
    search and the reader show.
    """
    classified = None
    if cable.classified_by_name or cable.classified_by_title or cable.classified_by_text:
        classified = ClassifiedBy(
            name=cable.classified_by_name or None,
            title=cable.classified_by_title or None,
            text=cable.classified_by_text or None,
        )
    source = None
    if cable.source_format or cable.source_path:
        source = Source(
            format=cable.source_format,
            path=cable.source_path or None,
            sha256=cable.source_sha256 or None,
        )
    data = CableRecord(
        **{name: getattr(cable, name) or None for name in TEXT_COLUMNS},
        **{name: list(getattr(cable, name) or []) for name in LIST_COLUMNS},
        reference_id=cable.reference_id,
        created=iso_utc(cable.created),
        released=iso_utc(cable.released),
        sections=cable.sections,
        declassify_on=iso_utc(cable.declassify_on),
        tags=cable.tag_list,
        classified_by=classified,
        references=[
            Reference(
                label=ref.label or None,
                kind=ref.kind,
                reference_id=ref.cited_id or None,
                text=ref.text,
            )
            for ref in cable.references.all()
        ],
        paragraphs=[
            Paragraph(number=p.number or None, marking=p.marking or None, text=p.text)
            for p in cable.paragraphs.all()
        ],
        source=source,
        partial=cable.partial,
    )
    recipients = CableRecord.from_dict(
        {"recipients": cable.recipients or [], "info_recipients": cable.info_recipients or []}
    )
    data.recipients = recipients.recipients
    data.info_recipients = recipients.info_recipients
    return data
