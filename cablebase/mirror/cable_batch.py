"""Cable pages and JSON records for a batch of cables, from rows loaded for the whole batch.

The site renders a cable page with about fifteen queries (the cable, its related
lists, its comments, trackbacks and similar cables); rendering a quarter of a
million of them that way is what made the mirror slow. Here a batch of cables is
read in a handful of queries (the rows, then each related list for all of them),
their similar cables come from one searcher, and each page goes through the
site's own view context and template (``cable_context``, ``reader/cable.html``),
so it is the page the site serves. A cable whose fingerprint has not moved since
the last build (``stamps``, ``manifest``) is not loaded at all.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory
from ninja.responses import NinjaJSONEncoder

from cablebase.archive import redaction
from cablebase.archive.models import Cable, tags_prefetch
from cablebase.archive.record_rows import record_from_cable
from cablebase.discussion.models import Comment, Trackback
from cablebase.mirror import render
from cablebase.mirror.paths import file_for
from cablebase.mirror.similar import similar_for
from cablebase.mirror.stamps import Stamps
from cablebase.reader.views.cable import cable_context, load_related
from cablebase.xmltext import XmlTextMiddleware

_factory: RequestFactory | None = None
# What the page shows of a similar cable (the site loads whole rows; the body is not shown).
SIMILAR_COLUMNS = ("id", "reference_id", "subject", "created")


def cable_address(reference_id: str, created: Any) -> str:
    """The cable page's address, as ``Cable.get_absolute_url`` gives it."""
    return Cable(reference_id=reference_id, created=created).get_absolute_url()


def _attach_discussion(cables: list[Cable]) -> None:
    """Approved comments, trackbacks and per-paragraph counts: one query each for the batch."""
    comments: dict[int, list[Comment]] = defaultdict(list)
    trackbacks: dict[int, list[Trackback]] = defaultdict(list)
    pks = [c.pk for c in cables]
    for comment in Comment.approved.filter(cable_id__in=pks).select_related("user"):
        comments[comment.cable_id].append(comment)
    for trackback in Trackback.approved.filter(cable_id__in=pks):
        trackbacks[trackback.cable_id].append(trackback)
    for cable in cables:
        cable.approved_comment_list = comments[cable.pk]
        cable.approved_trackback_list = trackbacks[cable.pk]
        counts: dict[int, int] = {}
        for comment in cable.approved_comment_list:
            if comment.paragraph is not None:
                counts[comment.paragraph] = counts.get(comment.paragraph, 0) + 1
        cable.approved_paragraph_counts = counts


def _page(cable: Cable, address: str) -> bytes:
    """The cable page as the site serves it (view context, template, XML-safe bytes)."""
    global _factory
    assert render.job is not None
    if _factory is None:
        host = render.job.site.origin.split("://", 1)[1]
        _factory = RequestFactory(HTTP_HOST=host)
    request = _factory.get(address)
    response = HttpResponse(
        render_to_string("reader/cable.html", cable_context(request, cable), request)
    )
    return XmlTextMiddleware(lambda _: response)(request).content


def _record(cable: Cable) -> bytes:
    """The JSON record as ``/api/cables/ID`` answers it."""
    return json.dumps(record_from_cable(cable).to_dict(), cls=NinjaJSONEncoder).encode()


def render_cables(pks: list[int]) -> render.Chunk:
    """Write the pages and records of the cables ``pks`` whose inputs moved (in a worker).

    The batch reads the redaction generation once, as a web request does (every public
    query would read it again otherwise).
    """
    redaction.request_started()
    try:
        return _render_cables(pks)
    finally:
        redaction.request_finished()


def _render_cables(pks: list[int]) -> render.Chunk:
    job = render.job
    assert job is not None
    stamps: Stamps = job.stamps  # type: ignore[assignment]
    manifest, root = job.manifest, job.root
    out = render.Chunk()
    found: dict[int, list[int]] = {}
    pages: dict[int, tuple[str, str]] = {}  # pk -> (address, file) of pages to check
    render_page: set[int] = set()
    render_record: set[int] = set()
    for pk in pks:
        address = cable_address(stamps.reference_id[pk], stamps.created[pk])
        target = file_for(address)
        record_address = f"/api/cables/{stamps.reference_id[pk]}"
        record_file = file_for(record_address)
        if target is None or record_file is None:
            out.failed.append((address, 0))
            continue
        pages[pk] = (address, target)
        known = manifest.similar.get(str(pk))
        if known and known[0] == stamps.similar_key[pk]:
            found[pk] = known[1]
            out.similar[str(pk)] = known
            if render.unchanged(target, stamps.page_fingerprint(pk, found[pk]), manifest, root):
                render.keep(address, target, out)
            else:
                render_page.add(pk)
        if render.unchanged(record_file, stamps.record[pk], manifest, root):
            render.keep(record_address, record_file, out)
        else:
            render_record.add(pk)
    wanted = (set(pages) - set(found)) | render_page | render_record
    if not wanted:
        return out
    cables = {c.pk: c for c in Cable.objects.filter(pk__in=sorted(wanted))}
    prefetch_related_objects(list(cables.values()), tags_prefetch())
    searching = [cables[pk] for pk in pages if pk not in found and pk in cables]
    results = similar_for(searching, stamps.own) if job.similar_ok else None
    for cable in searching:
        found[cable.pk] = (results or {}).get(cable.pk, [])
        # a search that failed is tried again next time (an empty key never matches)
        key = stamps.similar_key[cable.pk] if results is not None else ""
        out.similar[str(cable.pk)] = [key, found[cable.pk]]
        address, target = pages[cable.pk]
        fingerprint = stamps.page_fingerprint(cable.pk, found[cable.pk])
        if render.unchanged(target, fingerprint, manifest, root):
            render.keep(address, target, out)
        else:
            render_page.add(cable.pk)
    shown = [cables[pk] for pk in sorted(render_page) if pk in cables]
    load_related([cables[pk] for pk in sorted(render_page | render_record) if pk in cables])
    _attach_discussion(shown)
    similar_rows = Cable.objects.only(*SIMILAR_COLUMNS).in_bulk(
        sorted({p for c in shown for p in found[c.pk]})
    )
    for cable in shown:
        cable.similar_cables = [similar_rows[p] for p in found[cable.pk] if p in similar_rows]
        address, target = pages[cable.pk]
        fingerprint = stamps.page_fingerprint(cable.pk, found[cable.pk])
        out.rendered += 1
        try:
            body = _page(cable, address)
        except Exception as exc:  # one broken cable must not stop the mirror: reported
            out.failed.append((f"{address} ({type(exc).__name__}: {exc})", 500))
            continue
        render.store(address, target, body, fingerprint, out)
    for pk in sorted(render_record):
        cable = cables.get(pk)
        if cable is None:
            continue
        address = f"/api/cables/{cable.reference_id}"
        out.rendered += 1
        render.store(address, file_for(address) or "", _record(cable), stamps.record[pk], out)
    return out
