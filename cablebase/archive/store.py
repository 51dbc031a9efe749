"""Write a batch of records in one transaction: new cables, new versions, unchanged.

Called in the main process only (the parse stage runs elsewhere). Every write
of a batch happens inside the caller's transaction, so a crash leaves either
the whole batch or none of it; unique constraints on ``cable.reference_id``
and ``(cable, content_hash)`` make a rerun unable to duplicate anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from cablebase.archive.bulk import insert_rows
from cablebase.archive.models import (
    Cable,
    CableReference,
    CableTag,
    CableVersion,
    IngestRun,
    Paragraph,
    SourceFile,
    Tag,
)
from cablebase.archive.record_rows import (
    HashedRecord,
    cable_fields,
    hash_record,
    parse_datetime,
    tag_details,
)
from cablebase.archive.redaction import hold_new_cables
from cablebase.parse.record import CableRecord

HOLD_NEW = hold_new_cables  # a newsroom holds new cables for review; the demo releases them
CABLE_COLUMNS = (*(f.attname for f in Cable._meta.concrete_fields if f.attname != "id"),)
VERSION_COLUMNS = (
    "cable_id",
    "number",
    "content_hash",
    "record",
    "source_id",
    "released",
    "ingested_at",
    "run_id",
)


@dataclass(slots=True)
class BatchCounts:
    """``unchanged`` counts records the archive held before this run; a copy of a text
    this run stored first (the same cable in two inputs) counts as ``new``."""

    new: int = 0
    unchanged: int = 0
    new_versions: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Current:
    """What the batch needs to know of a stored cable."""

    id: int
    released: object
    hashes: set[str]
    top: int
    earlier: set[str] = field(default_factory=set)  # stored by earlier runs


def _is_newer(record: CableRecord, current: _Current) -> bool:
    """Should this version become current? The later release wins; undated arrivals win too."""
    released = parse_datetime(record.released)
    if released is None or current.released is None:
        return True
    return released >= current.released


def store_batch(
    records: Sequence[CableRecord | HashedRecord],
    *,
    run: IngestRun | None = None,
    sources: dict[str, SourceFile] | None = None,
) -> BatchCounts:
    """Store ``records`` (call inside ``transaction.atomic``); ``sources`` maps sha256 → row."""
    counts = BatchCounts()
    sources = sources or {}
    items = [hash_record(r) for r in records]
    ids = {p.record.reference_id for p in items if p.record.reference_id}
    current: dict[str, _Current] = {
        ref: _Current(pk, released, set(), 0)
        for pk, ref, released in Cable.stored.filter(reference_id__in=ids).values_list(
            "id", "reference_id", "released"
        )
    }
    by_pk = {c.id: c for c in current.values()}
    this_run = run.pk if run else None
    for cable_id, digest, number, run_id in CableVersion.stored.filter(
        cable_id__in=list(by_pk)
    ).values_list("cable_id", "content_hash", "number", "run_id"):
        by_pk[cable_id].hashes.add(digest)
        by_pk[cable_id].top = max(by_pk[cable_id].top, number)
        if this_run is None or run_id != this_run:
            by_pk[cable_id].earlier.add(digest)

    fresh: dict[str, HashedRecord] = {}  # reference id → first text seen, for cables new here
    later: list[HashedRecord] = []  # further texts of cables new in this batch
    changed: list[HashedRecord] = []
    for item in items:
        ref = item.record.reference_id
        if not ref:
            counts.errors.append("record without a reference id skipped")
            continue
        if ref not in current:
            if ref in fresh:
                later.append(item)
            else:
                fresh[ref] = item
            continue
        state = current[ref]
        if item.digest in state.hashes:
            _count_seen(counts, state, item.digest)
            continue
        state.hashes.add(item.digest)
        changed.append(item)

    now = timezone.now()
    versions: list[tuple] = []
    created = _create_cables(list(fresh.values()), now)
    for ref, pk in created.items():
        item = fresh[ref]
        current[ref] = _Current(pk, parse_datetime(item.record.released), {item.digest}, 1)
        versions.append(_version_row(pk, 1, item, run, sources, now))
    counts.new += len(created)
    for item in later:
        state = current[item.record.reference_id]
        if item.digest in state.hashes:
            _count_seen(counts, state, item.digest)
        else:
            state.hashes.add(item.digest)
            changed.append(item)

    for item in changed:
        state = current[item.record.reference_id]
        state.top += 1
        versions.append(_version_row(state.id, state.top, item, run, sources, now))
        counts.new_versions += 1
        if _is_newer(item.record, state):
            state.released = parse_datetime(item.record.released)
            _replace_current(state.id, item, state.top)
        else:
            Cable.stored.filter(pk=state.id).update(version_count=state.top)
    insert_rows(CableVersion, VERSION_COLUMNS, versions)
    if created:
        _resolve_citations_of(list(created))
    return counts


def _count_seen(counts: BatchCounts, state: _Current, digest: str) -> None:
    """A text the archive holds: unchanged if an earlier run stored it, else new in this run."""
    if digest in state.earlier:
        counts.unchanged += 1
    else:
        counts.new += 1


def _version_row(
    cable_id: int,
    number: int,
    item: HashedRecord,
    run: IngestRun | None,
    sources: dict[str, SourceFile],
    now: object,
) -> tuple:
    sha = item.record.source.sha256 if item.record.source else None
    source = sources.get(sha) if sha else None
    return (
        cable_id,
        number,
        item.digest,
        item.data,
        source.pk if source else None,
        parse_datetime(item.record.released),
        now,
        run.pk if run else None,
    )


def _cable_row(item: HashedRecord, now: object) -> tuple:
    values = cable_fields(item.record, item.digest)
    values.update(
        version_count=1, first_ingested=now, updated=now, held=HOLD_NEW(), release_at=None
    )
    return tuple(values[name] for name in CABLE_COLUMNS)


def _create_cables(items: list[HashedRecord], now: object) -> dict[str, int]:
    """Insert new cables and their related rows; returns reference id → primary key."""
    if not items:
        return {}
    insert_rows(Cable, CABLE_COLUMNS, [_cable_row(item, now) for item in items])
    refs = [item.record.reference_id for item in items]
    ids = dict(Cable.stored.filter(reference_id__in=refs).values_list("reference_id", "id"))
    _write_children([(ids[item.record.reference_id], item.record) for item in items])
    return ids


def _write_children(pairs: list[tuple[int, CableRecord]]) -> None:
    """Paragraphs, references (resolved to stored cables) and tags of freshly written cables."""
    paragraphs: list[tuple] = []
    references: list[tuple] = []
    tag_links: list[tuple[int, str, int]] = []
    cited_ids = {ref.reference_id for _, r in pairs for ref in r.references if ref.reference_id}
    known = dict(Cable.stored.filter(reference_id__in=cited_ids).values_list("reference_id", "id"))
    for cable_id, record in pairs:
        for position, par in enumerate(record.paragraphs, start=1):
            paragraphs.append((cable_id, position, par.number or "", par.marking or "", par.text))
        for position, ref in enumerate(record.references):
            references.append(
                (
                    cable_id,
                    position,
                    ref.label or "",
                    ref.kind or "other",
                    ref.reference_id or "",
                    ref.text or "",
                    known.get(ref.reference_id) if ref.reference_id else None,
                )
            )
        seen: set[str] = set()
        for position, code in enumerate(record.tags):
            if code not in seen:
                seen.add(code)
                tag_links.append((cable_id, code, position))
    insert_rows(Paragraph, ("cable_id", "position", "number", "marking", "text"), paragraphs)
    insert_rows(
        CableReference,
        ("citing_id", "position", "label", "kind", "cited_id", "text", "cited_cable_id"),
        references,
    )
    tags = _tags({code for _, code, _ in tag_links})
    insert_rows(
        CableTag,
        ("cable_id", "tag_id", "position"),
        [(cable_id, tags[code], pos) for cable_id, code, pos in tag_links],
    )


def _tags(codes: set[str]) -> dict[str, int]:
    """Tag ids by code, creating the missing tags with their kind and description."""
    if not codes:
        return {}
    have = dict(Tag.objects.filter(code__in=codes).values_list("code", "id"))
    missing = codes - have.keys()
    if missing:
        Tag.objects.bulk_create(
            [Tag(code=c, kind=k, description=d) for c in missing for k, d in [tag_details(c)]],
            ignore_conflicts=True,
        )
        have = dict(Tag.objects.filter(code__in=codes).values_list("code", "id"))
    return have


def _replace_current(cable_id: int, item: HashedRecord, number: int) -> None:
    """Make ``item`` the cable's current text: row fields and related rows replaced."""
    values = cable_fields(item.record, item.digest)
    values.update(version_count=number, updated=timezone.now())
    Cable.stored.filter(pk=cable_id).update(**values)
    Paragraph.stored.filter(cable_id=cable_id).delete()
    CableReference.stored.filter(citing_id=cable_id).delete()
    CableTag.stored.filter(cable_id=cable_id).delete()
    _write_children([(cable_id, item.record)])


def _resolve_citations_of(reference_ids: list[str]) -> None:
    """Earlier cables that cite these newly stored ones now point at them."""
    CableReference.stored.filter(cited_cable__isnull=True, cited_id__in=reference_ids).update(
        cited_cable_id=Subquery(
            Cable.stored.filter(reference_id=OuterRef("cited_id")).values("id")[:1]
        )
    )
