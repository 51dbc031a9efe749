"""Read what the index needs from the store (the record of truth), a chunk at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db import connection

from cablebase.archive.models import (
    Cable,
    CableReference,
    CableTag,
    CableVersion,
    PublicationEvent,
)
from cablebase.archive.search.schema import CableDoc

CHUNK = 1000
COLUMNS = (
    "id",
    "reference_id",
    "subject",
    "body",
    "origin",
    "origin_code",
    "classification",
    "precedence",
    "created",
    "year",
    "signers",
    "caveats",
)


def _seconds(value: datetime | None) -> int | None:
    return int(value.timestamp()) if value is not None else None


def load(pks: list[int]) -> list[CableDoc]:
    """The index fields of these cables: released ones only, their text redacted.

    ``Cable.objects`` is the public store (``cablebase.archive.public``), so a held
    cable yields no document and a redacted word is never indexed.
    """
    if not pks:
        return []
    tags: dict[int, list[str]] = defaultdict(list)
    for cable_id, code in (
        CableTag.objects.filter(cable_id__in=pks)
        .order_by("cable_id", "position")
        .values_list("cable_id", "tag__code")
    ):
        tags[cable_id].append(code)
    cites: dict[int, list[str]] = defaultdict(list)
    for cable_id, cited in (
        CableReference.objects.filter(citing_id__in=pks)
        .exclude(cited_id="")
        .values_list("citing_id", "cited_id")
    ):
        cites[cable_id].append(cited)
    out = []
    for row in Cable.objects.filter(id__in=pks).order_by().values_list(*COLUMNS):
        pk, ref, subject, body, origin, code, klass, prec, created, year, signers, caveats = row
        out.append(
            CableDoc(
                pk=pk,
                reference_id=ref,
                subject=subject or "",
                body=body or "",
                origin=origin or "",
                origin_code=code or "",
                classification=klass or "",
                precedence=prec or "",
                created=_seconds(created),
                year=year,
                tags=tags.get(pk, []),
                cites=cites.get(pk, []),
                signers=[str(s) for s in signers or []],
                caveats=[str(c) for c in caveats or []],
            )
        )
    return out


def similar_doc(cable: Cable) -> CableDoc:
    """What more-like-this reads of a cable already loaded (no further query)."""
    return CableDoc(
        pk=cable.pk,
        reference_id=cable.reference_id,
        subject=cable.subject or "",
        body=cable.body or "",
        origin=cable.origin or "",
        origin_code=cable.origin_code or "",
        classification=cable.classification or "",
        precedence=cable.precedence or "",
        created=_seconds(cable.created),
        year=cable.year,
        tags=cable.tag_list,
    )


def chunks(pks: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    batch: list[int] = []
    for pk in pks:
        batch.append(pk)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def all_pks() -> Iterator[int]:
    return Cable.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=10_000)


def marks() -> tuple[int, int, int]:
    """How far the store has got: the highest version, cable and publication event row ids.

    All only grow (every new cable and every new text of a cable adds a version
    row; every redaction, hold and release adds an event), so an index that has
    seen up to these has seen everything.
    """
    versions, cables = CableVersion._meta.db_table, Cable._meta.db_table
    events = PublicationEvent._meta.db_table
    with connection.cursor() as cursor:  # one round trip: this runs before every search
        cursor.execute(
            f"SELECT (SELECT max(id) FROM {versions}), (SELECT max(id) FROM {cables}),"
            f" (SELECT max(id) FROM {events})"
        )
        got, top, event = cursor.fetchone()
    return int(got or 0), int(top or 0), int(event or 0)


def changed_since(version_mark: int, cable_mark: int, event_mark: int = 0) -> set[int]:
    """Cables with a version or a row newer than the marks, or a redaction, hold or release."""
    pks: set[int] = set()
    for cable_pks in PublicationEvent.stored.filter(id__gt=event_mark).values_list(
        "cable_pks", flat=True
    ):
        pks.update(int(pk) for pk in cable_pks or [])
    pks.update(
        CableVersion.stored.filter(id__gt=version_mark)
        .values_list("cable_id", flat=True)
        .iterator(chunk_size=10_000)
    )
    pks.update(Cable.stored.filter(id__gt=cable_mark).values_list("id", flat=True).iterator(10_000))
    return pks


def count() -> int:
    return Cable.objects.count()
