"""The cable page: metadata, faithful text with paragraph anchors, references, versions."""

from __future__ import annotations

import difflib
import hashlib
import itertools
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, TextField, prefetch_related_objects
from django.db.models.functions import Cast, Length
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from cablebase.archive.models import Cable, CableReference, CableTag, CableVersion, Paragraph
from cablebase.archive.paragraph_numbers import legacy_address
from cablebase.reader import page_cache
from cablebase.reader.body_slices import link_tag_line, split_body
from cablebase.reader.citation import bibtex, plain_citation
from cablebase.reader.eo_reasons import reason_letters
from cablebase.reader.links import search_url
from cablebase.reader.page_cache import cable_stamp, find_with_stamp, full_cable
from cablebase.reader.redaction_marks import link_marks, public_reasons

if TYPE_CHECKING:
    from cablebase.archive.search.hits import Listed

# Revalidate every time: a 304 costs one indexed query, and a fresh comment must show at once.
CABLE_MAX_AGE = 0
LEGACY_PARAM = "paragraph"  # ?paragraph=5: the 5th paragraph, sub-heads counted (before #12)


def _lookup(request: HttpRequest, reference_id: str) -> Cable | None:
    """The cable's key columns and page stamp (one indexed query), memoised on the request.

    The validators (ETag, Last-Modified) and the page cache use this row; only a page
    that must be rendered reads the whole cable and its related lists.
    """
    key = f"_cable_{reference_id}"
    if not hasattr(request, key):
        setattr(request, key, find_with_stamp(reference_id))
    return getattr(request, key)


def _etag(request: HttpRequest, reference_id: str, **_: Any) -> str | None:
    """The page cache's stamp of the cable: the page is the same for everyone (no form, no
    token, no account on it), so one ETag serves every reader."""
    cable = _lookup(request, reference_id)
    if cable is None or LEGACY_PARAM in request.GET:  # an old address: its redirect, not a 304
        return None
    stamp = hashlib.sha256(cable_stamp(cable).encode()).hexdigest()[:20]
    return f'"{stamp}"'


def _last_modified(request: HttpRequest, reference_id: str, **_: Any) -> datetime | None:
    """The cable's ``updated``; clients sending both validators are judged by the ETag."""
    cable = _lookup(request, reference_id)
    if cable is None or LEGACY_PARAM in request.GET:
        return None
    return cable.updated


def not_found(request: HttpRequest, reference_id: str) -> HttpResponse:
    """A 404 that offers the search for the id the visitor asked for."""
    return render(
        request,
        "reader/cable_404.html",
        {"reference_id": reference_id, "search_link": search_url(reference_id)},
        status=404,
    )


def _load(cable: Cable) -> Cable:
    """Fetch the related lists of ``cable`` (one query each, never one per row)."""
    load_related([cable])
    return cable


def load_related(cables: list[Cable]) -> None:
    """The related lists a cable page shows, for many cables at once (the mirror's batches)."""
    cited_only = ("id", "reference_id", "created", "subject", "origin", "held")
    prefetch_related_objects(
        cables,
        Prefetch("paragraphs", queryset=Paragraph.objects.order_by("position")),
        Prefetch(
            "cabletag_set",
            queryset=CableTag.objects.select_related("tag").order_by("position"),
            to_attr="ordered_tags",
        ),
        Prefetch(
            "references",
            queryset=CableReference.objects.select_related("cited_cable")
            .only(
                *(f"cited_cable__{f}" for f in cited_only),
                "citing_id",
                "position",
                "label",
                "kind",
                "cited_id",
                "text",
            )
            .order_by("position"),
        ),
        Prefetch(
            "cited_by",
            queryset=CableReference.objects.select_related("citing")
            .only(*(f"citing__{f}" for f in cited_only), "cited_cable_id")
            .order_by("-citing__created"),
        ),
    )


@page_cache.cached_page("cable")  # stored and answered by page_cache's middleware
@require_safe
@cache_control(max_age=CABLE_MAX_AGE, must_revalidate=True)
@condition(etag_func=_etag, last_modified_func=_last_modified)
def cable_page(request: HttpRequest, year: str, month: str, reference_id: str) -> HttpResponse:
    cable = _lookup(request, reference_id)
    if cable is None:
        return not_found(request, reference_id)
    canonical = cable.get_absolute_url()
    moved = legacy_redirect(request, cable)
    if moved is not None:
        return moved
    if request.path != canonical:
        return HttpResponsePermanentRedirect(canonical)

    whole = _load(full_cable(cable))
    return render(request, "reader/cable.html", cable_context(request, whole))


@require_safe
def cable_short(request: HttpRequest, reference_id: str) -> HttpResponse:
    """``/cable/<ID>`` redirects to the dated address; undated cables are shown here."""
    cable = _lookup(request, reference_id)
    if cable is None:
        return not_found(request, reference_id)
    moved = legacy_redirect(request, cable)
    if moved is not None:
        return moved
    if cable.created is not None:
        return HttpResponsePermanentRedirect(cable.get_absolute_url())
    whole = _load(full_cable(cable))
    response = render(request, "reader/cable.html", cable_context(request, whole))
    response["Last-Modified"] = http_date(cable.updated.timestamp())
    return response


def legacy_redirect(request: HttpRequest, cable: Cable) -> HttpResponse | None:
    """``?paragraph=N`` (the page's comment link before paragraphs were named by the cable's
    numbers) counted positions, sub-heads too: it moves for good to the same text's
    ``#parN``. A value that is no position is ignored, as any unknown parameter is."""
    paragraph = legacy_address(cable, request.GET.get(LEGACY_PARAM))
    if paragraph is None:
        return None
    return HttpResponsePermanentRedirect(f"{cable.get_absolute_url()}#{paragraph.anchor}")


SIMILAR_SHOWN = 5


def _similar(cable: Cable) -> list[Cable | Listed]:
    """A few cables like this one; the page still renders if the index cannot be read.

    ``cable.similar_cables``, when set, was found beforehand (the mirror, for a batch:
    stored cables rather than the index's listings; the template reads the same names).
    """
    known = getattr(cable, "similar_cables", None)
    if known is not None:
        return known
    from cablebase.archive.search import SearchIndexError, similar

    try:
        return [s.cable for s in similar(cable, limit=SIMILAR_SHOWN)]
    except SearchIndexError:
        return []


def mark_legacy_positions(paragraphs: list[Paragraph]) -> None:
    """Set ``legacy`` ("14-15": the old positions a paragraph holds) on the paragraphs of a
    cable renumbered by issue 12, for reader.js to follow an old ``#par14`` that names no
    paragraph now. Nothing is set where the positions were the numbers already."""
    if all(p.legacy_span == 1 for p in paragraphs):
        return
    end = 0
    for paragraph in paragraphs:
        paragraph.legacy = f"{end + 1}-{end + paragraph.legacy_span}"
        end += paragraph.legacy_span


def cable_context(request: HttpRequest, cable: Cable) -> dict[str, Any]:
    paragraphs = list(cable.paragraphs.all())
    mark_legacy_positions(paragraphs)
    segments = split_body(cable.body, [p.text for p in paragraphs], [p.number for p in paragraphs])
    if segments is not None:
        for paragraph, text in zip(paragraphs, segments.paragraphs):
            paragraph.display = text
        preamble, tail = segments.preamble, segments.tail
    else:  # the rows as stored, with their number and marking
        for paragraph in paragraphs:
            prefix = (f"{paragraph.number}. " if paragraph.number else "") + (
                f"({paragraph.marking}) " if paragraph.marking else ""
            )
            paragraph.display = prefix + paragraph.text
        preamble, tail = ("" if paragraphs else cable.body), ""
    references = list(cable.references.all())
    seen: set[int] = set()
    cited_by = []
    for ref in cable.cited_by.all():
        if ref.citing_id not in seen:
            seen.add(ref.citing_id)
            cited_by.append(ref.citing)
    tags = [ct.tag for ct in cable.ordered_tags]
    preamble = link_tag_line(
        preamble, [t.code for t in tags], lambda code: reverse("reader:tag", args=[code])
    )
    reasons = public_reasons()
    if reasons:  # marks become links to the reason (the text is redacted already)
        preamble, tail = link_marks(preamble, reasons), link_marks(tail, reasons)
        for paragraph in paragraphs:
            paragraph.display = link_marks(paragraph.display, reasons)
    url = request.build_absolute_uri(cable.get_absolute_url())
    return {
        "cable": cable,
        "paragraphs": paragraphs,
        "preamble": preamble,
        "tail": tail,
        "tags": tags,
        "reasons": reason_letters(cable.reasons or []),
        "references": references,
        "cited_by": cited_by,
        "similar": _similar(cable),
        "versions": version_diffs(cable) if cable.version_count > 1 else [],
        "permalink": url,
        "hashtags": f"#cablegate #{cable.reference_id}",
        "citation": plain_citation(cable, url),
        "bibtex": bibtex(cable, url),
        "json_url": f"/api/cables/{cable.reference_id}",
    }


# A version whose stored record (JSON text) is larger is not compared on the page: difflib
# holds both texts as lines and compares them pairwise, and a 30 MB cable with two
# versions took a worker to 4.8 GB. Such versions are never even loaded here.
DIFF_MAX_RECORD = 1_000_000
DIFF_MAX_LINES = 2_000  # diff lines shown for one pair of versions


def version_diffs(cable: Cable) -> list[dict[str, Any]]:
    """Each older version against the next one, as unified-diff lines classed for display.

    Memory stays bounded whatever the cable's size: versions over ``DIFF_MAX_RECORD``
    are reported as too large to compare (with their sizes), and the diff of the others
    stops after ``DIFF_MAX_LINES`` lines (``truncated``).
    """
    versions = list(
        CableVersion.objects.filter(cable=cable)
        .order_by("number")
        .only("number", "released", "ingested_at")
        .annotate(record_size=Length(Cast("record", TextField())))
    )
    comparable = [v.pk for v in versions if (v.record_size or 0) <= DIFF_MAX_RECORD]
    records = {
        v.pk: v.record  # instances: redacted with their cable's own rules too
        for v in CableVersion.objects.filter(pk__in=comparable).only("cable", "record")
    }
    out = []
    for older, newer in itertools.pairwise(versions):
        pair: dict[str, Any] = {"older": older, "newer": newer, "lines": [], "truncated": False}
        if older.pk not in records or newer.pk not in records:
            pair["too_large"] = True
            out.append(pair)
            continue
        a = _version_text(records[older.pk]).splitlines()
        b = _version_text(records[newer.pk]).splitlines()
        diff = difflib.unified_diff(
            a, b, f"version {older.number}", f"version {newer.number}", n=2, lineterm=""
        )
        for line in diff:
            if len(pair["lines"]) == DIFF_MAX_LINES:
                pair["truncated"] = True
                break
            kind = "ctx"
            if line.startswith(("---", "+++")):
                kind = "file"
            elif line.startswith("@@"):
                kind = "hunk"
            elif line.startswith("+"):
                kind = "add"
            elif line.startswith("-"):
                kind = "del"
            pair["lines"].append((kind, line))
        out.append(pair)
    return out


def _version_text(record: dict[str, Any]) -> str:
    body = record.get("body") or ""
    if body:
        return body
    return "\n\n".join(p.get("text", "") for p in record.get("paragraphs") or [])
