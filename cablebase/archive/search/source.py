"""Read what the index needs from the store (the record of truth), a chunk at a time.

Everything goes through the public managers (``Cable.objects``...), so a held
cable yields no document and a redacted word is never indexed. Rows come as
``values_list`` tuples, never model instances: a rebuild reads every cable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from cablebase.archive.models import (
    Cable,
    CableReference,
    CableTag,
    CableVersion,
    PublicationEvent,
)
from cablebase.archive.search.schema import CableDoc

CHUNK = 1000
RANGE = 2000  # cables a rebuild reads per query (an id range: no long parameter lists)
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
    "released",
    "updated",
    "signers",
    "caveats",
)


def _docs(cables: Q, tags: Q, cites: Q) -> list[CableDoc]:
    """The documents of the public cables matching ``cables`` (three queries)."""
    tag_codes: dict[int, list[str]] = defaultdict(list)
    for cable_id, code in (
        CableTag.objects.filter(tags)
        .order_by("cable_id", "position")
        .values_list("cable_id", "tag__code")
    ):
        tag_codes[cable_id].append(code)
    cited: dict[int, list[str]] = defaultdict(list)
    for cable_id, ref in (
        CableReference.objects.filter(cites)
        .exclude(cited_id="")
        .values_list("citing_id", "cited_id")
    ):
        cited[cable_id].append(ref)
    out = []
    for row in Cable.objects.filter(cables).order_by("id").values_list(*COLUMNS):
        (pk, ref, subject, body, origin, code, klass, prec, created, year, released, updated,
         signers, caveats) = row  # fmt: skip
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
                created=created,
                year=year,
                released=released,
                updated=updated,
                tags=tag_codes.get(pk, []),
                cites=cited.get(pk, []),
                signers=[str(s) for s in signers or []],
                caveats=[str(c) for c in caveats or []],
            )
        )
    return out


def load(pks: list[int]) -> list[CableDoc]:
    """The index fields of these cables: released ones only, their text redacted."""
    if not pks:
        return []
    return _docs(Q(id__in=pks), Q(cable_id__in=pks), Q(citing_id__in=pks))


def load_range(low: int, high: int) -> list[CableDoc]:
    """The index fields of the cables with ``low <= id <= high`` (a rebuild's chunk)."""
    return _docs(
        Q(id__gte=low, id__lte=high),
        Q(cable_id__gte=low, cable_id__lte=high),
        Q(citing_id__gte=low, citing_id__lte=high),
    )


def all_docs(size: int = RANGE) -> Iterator[list[CableDoc]]:
    """Every public cable's document, in id ranges of ``size`` (a rebuild)."""
    low, high = id_bounds()
    for start in range(low, high + 1, size):
        docs = load_range(start, start + size - 1)
        if docs:
            yield docs


def id_bounds() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT min(id), max(id) FROM {Cable._meta.db_table}")
        low, high = cursor.fetchone()
    return (int(low), int(high)) if low is not None else (1, 0)


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
        created=cable.created,
        year=cable.year,
        tags=cable.tag_list,
    )


def chunks(pks: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(pks), size):
        yield pks[start : start + size]


def marks() -> tuple[int, int, int]:
    """How far the store has got: the highest version, cable and publication event row ids.

    All only grow (every new cable and every new text of a cable adds a version
    row; every redaction, hold and release adds an event), so an index that has
    seen up to these has seen everything. A scheduled release whose time has come
    is carried out first (it adds an event), as any public read would.
    """
    versions, cables = CableVersion._meta.db_table, Cable._meta.db_table
    events = PublicationEvent._meta.db_table
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:  # one round trip: a search asks this once a request
        cursor.execute(
            f"SELECT (SELECT max(id) FROM {versions}), (SELECT max(id) FROM {cables}),"
            f" (SELECT max(id) FROM {events}),"
            f" EXISTS(SELECT 1 FROM {cables} WHERE held = %s AND release_at <= %s)",
            [True, now],
        )
        got, top, event, due = cursor.fetchone()
    if due:
        from cablebase.archive.redaction import release_due

        release_due()
        return marks()
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
