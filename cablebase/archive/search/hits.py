"""A hit as a list of results shows it, read from the index's stored listing.

``Listed`` has the attributes of a ``Cable`` that lists read (templates, feeds,
the API's summaries, the command line) and nothing else, so an output that
wanted more fails loudly instead of quietly reading a column outside the public
store. Its text is what the public store held when the cable was indexed, and
searches serve it only while the index is current (``Engine.ensure_current``);
otherwise the hits are read from the store (``source.load``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from cablebase.archive.models import Cable
from cablebase.archive.search.schema import CableDoc


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(slots=True, eq=False)
class Listed:
    """One cable in a list of hits: reference id, subject, origin, level, dates, tags."""

    pk: int
    reference_id: str
    subject: str
    origin: str
    origin_code: str
    classification: str
    precedence: str
    year: int | None
    created: datetime | None
    released: datetime | None
    updated: datetime | None
    tag_list: list[str]
    comment_count: int = field(init=False)  # set by the discussion's template tag

    @property
    def id(self) -> int:
        return self.pk

    get_absolute_url = Cable.get_absolute_url  # reads created and reference_id only

    def __str__(self) -> str:
        return self.reference_id

    def __repr__(self) -> str:
        return f"<Listed {self.reference_id}>"

    @classmethod
    def from_listing(cls, pk: int, data: bytes) -> Listed:
        """From the index's stored JSON (``schema.listing_bytes``)."""
        ref, subject, origin, code, level, prec, year, created, released, updated, tags = (
            json.loads(data)
        )
        return cls(
            pk,
            ref,
            subject,
            origin,
            code,
            level,
            prec,
            year,
            _when(created),
            _when(released),
            _when(updated),
            tags,
        )

    @classmethod
    def from_doc(cls, doc: CableDoc) -> Listed:
        """From a document read out of the public store."""
        return cls(
            doc.pk,
            doc.reference_id,
            doc.subject,
            doc.origin,
            doc.origin_code,
            doc.classification,
            doc.precedence,
            doc.year,
            doc.created,
            doc.released,
            doc.updated,
            list(doc.tags),
        )
