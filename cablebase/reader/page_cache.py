"""Rendered pages kept in a shared cache, keyed on what they show, so most requests skip rendering.

A cable page changes when the cable gets a new version (its ``updated`` moves, or
a ``CableVersion`` row is added), when the archive changes around it (a citing
cable arrives: the archive *stamp*, the newest version row), or when a comment
or trackback on it is approved or withdrawn (the approved rows' count and id
sum). Lists change with the archive stamp and with the site's approved
discussion. Each of these is part of the key, read in one indexed query, so a
changed page is never served from the cache: nothing has to be deleted in time.
Edits made through ``save()`` (the admin's change forms) empty the cache outright.

Reading pages carry no CSRF token and nothing of the visitor (the comment form
lives at its own URL), so one copy serves everybody, signed in or not; should a
stored page ever hold a token, it is kept as a placeholder and each response gets
its own back. Pages with unexpected query parameters are rendered and never stored.

The cache is the ``pages`` alias (``CACHES`` in settings): a directory shared by
every worker process unless configured otherwise.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.base import BaseCache
from django.db import connection
from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from cablebase.archive import redaction
from cablebase.archive.models import Cable, CableVersion

ALIAS = "pages"
TIMEOUT = 7 * 24 * 3600
TOKEN_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
PLACEHOLDER = b"__cablebase_csrf_token__"
KEPT_HEADERS = ("Content-Type", "Content-Language")
LIST_PARAMS = frozenset({"page"})
# Off while ``cablebase mirror`` renders every page once: storing them would only evict.
ENABLED = True


def page_cache() -> BaseCache:
    """The ``pages`` cache, or the default one when a site configures no such alias."""
    try:
        return caches[ALIAS]
    except InvalidCacheBackendError:
        return caches["default"]


@cache
def code_stamp() -> str:
    """Changes when the templates or this package change, so an upgrade never serves old HTML."""
    from cablebase import __version__

    root = Path(__file__).resolve().parent.parent
    newest = max(
        (p.stat().st_mtime_ns for p in root.rglob("*") if p.suffix in {".html", ".py"}),
        default=0,
    )
    return f"{__version__}-{newest}"


def _discussion_models() -> list[Any]:
    """Comment and Trackback through the app registry (the reader never imports discussion)."""
    if not apps.is_installed("cablebase.discussion"):
        return []
    return [apps.get_model("discussion", name) for name in ("Comment", "Trackback")]


def _approved(model: Any, **where: Any) -> QuerySet:
    return model.objects.filter(status="approved", **where)


def _stamp_of(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def archive_stamp() -> str:
    """The newest version row (id and time): it moves with every ingest that changed anything."""
    newest = CableVersion.objects.order_by("-pk").values_list("pk", "ingested_at").first()
    latest_cable = Cable.objects.order_by("-pk").values_list("pk", "updated").first()
    return f"{_stamp_of(newest)}/{_stamp_of(latest_cable)}/g{redaction.generation()}"


def site_stamp() -> str:
    """The archive stamp and the whole site's approved discussion (count and id sum each)."""
    parts = [archive_stamp()]
    for model in _discussion_models():
        agg = _approved(model).aggregate(n=Count("pk"), s=Sum("pk"))
        parts.append(f"{agg['n']}:{agg['s']}")
    return "|".join(parts)


def with_cable_stamp(qs: QuerySet[Cable]) -> QuerySet[Cable]:
    """Annotate what a cable page's key needs, in the same query that finds the cable.

    ``approved_comments`` (the count the page's ETag always had), and ``page_stamp``'s
    parts: approved comment and trackback rows (count, id sum) and the archive stamp.
    """
    newest = CableVersion.objects.order_by("-pk")
    annotations: dict[str, Any] = {
        "archive_version": Subquery(newest.values("pk")[:1]),
        "archive_version_at": Subquery(newest.values("ingested_at")[:1]),
    }
    models = _discussion_models()
    if not models:
        annotations["approved_comments"] = Value(0)
    for model, name in zip(models, ("comments", "trackbacks")):
        rows = _approved(model, cable=OuterRef("pk")).order_by().values("cable")
        count = rows.annotate(n=Count("pk")).values("n")[:1]
        total = rows.annotate(s=Sum("pk")).values("s")[:1]
        annotations[f"approved_{name}"] = Coalesce(Subquery(count), 0)
        annotations[f"approved_{name}_sum"] = Coalesce(Subquery(total), 0)
    return qs.annotate(**annotations)


STAMP_FIELDS = ("id", "reference_id", "created", "updated", "version_count")
_MARK = "\x00reference-id\x00"


@cache
def _stamp_query(vendor: str) -> tuple[str, tuple[Any, ...]]:
    """The SQL of ``with_cable_stamp`` for one reference id, compiled once per process.

    Building the annotated query costs more than running it (about 9 ms against well
    under 1 ms); the parameters are constants but the reference id.
    """
    qs = with_cable_stamp(Cable.objects.filter(reference_id=_MARK).only(*STAMP_FIELDS))
    sql, params = qs.query.sql_with_params()
    return sql, tuple(params)


def find_with_stamp(reference_id: str) -> Cable | None:
    """The cable (only the columns a page key needs; others load when read) and its stamp.

    As ``Cable.objects.by_reference``: the id as given, then upper-cased.
    """
    sql, params = _stamp_query(connection.vendor)
    for candidate in dict.fromkeys((reference_id, reference_id.upper())):
        bound = [candidate if p == _MARK else p for p in params]
        found = list(Cable.objects.raw(sql, bound))  # held cables are filtered in the SQL
        if found:
            found[0]._public = True  # columns it loads later are redacted too
            return found[0]
    return None


def full_cable(cable: Cable) -> Cable:
    """The whole row of a cable ``find_with_stamp`` returned, keeping its stamp values."""
    whole = Cable.objects.get(pk=cable.pk)
    for name, value in vars(cable).items():
        if name.startswith(("approved_", "archive_version")):
            setattr(whole, name, value)
    return whole


def cable_stamp(cable: Cable) -> str:
    """The cable page's version: everything ``with_cable_stamp`` read, plus the cable's own."""
    parts = [
        f"g{redaction.generation()}",  # a redaction, hold or release changes every page
        cable.pk,
        _stamp_of(cable.updated),
        cable.version_count,
        getattr(cable, "archive_version", ""),
        _stamp_of(getattr(cable, "archive_version_at", "")),
    ]
    for name in ("comments", "trackbacks"):
        parts += [getattr(cable, f"approved_{name}", 0), getattr(cable, f"approved_{name}_sum", 0)]
    return ":".join(str(p) for p in parts)


def cacheable(request: HttpRequest, allowed_params: Iterable[str] = ()) -> bool:
    """False for unexpected query parameters. Reading pages are the same for every visitor
    (the comment form, its token and the poster's messages live at the form's own URL), so
    neither the session nor the messages are read: that would add ``Vary: Cookie``."""
    if not ENABLED:
        return False
    return not any(name not in allowed_params for name in request.GET)


def page_key(request: HttpRequest, stamp: str) -> str:
    """The cache key: site (scheme, host, database), code, path and query, and the stamp."""
    db = settings.DATABASES["default"].get("NAME", "")
    raw = "\n".join(
        [
            request.scheme or "",
            request.get_host(),
            f"{connection.vendor}:{db}",
            code_stamp(),
            request.get_full_path(),
            stamp,
        ]
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def etag_for(key: str) -> str:
    return f'"{key[5:29]}"'


@dataclass
class _Stored:
    status: int
    headers: dict[str, str]
    body: bytes


def _store(key: str, response: HttpResponse) -> None:
    body = response.content
    tokens = {m.group(1) for m in TOKEN_FIELD.finditer(body)}
    for token in tokens:
        body = body.replace(token, PLACEHOLDER)
    headers = {h: response[h] for h in KEPT_HEADERS if response.has_header(h)}
    page_cache().set(key, _Stored(response.status_code, headers, body), TIMEOUT)


def _replay(request: HttpRequest, stored: _Stored) -> HttpResponse:
    body = stored.body
    if PLACEHOLDER in body:
        body = body.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(body, status=stored.status)
    for name, value in stored.headers.items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def serve(request: HttpRequest, key: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The stored page for ``key``, or ``render()``'s, stored when it is a plain 200."""
    stored = page_cache().get(key)
    if isinstance(stored, _Stored):
        return _replay(request, stored)
    response = render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        _store(key, response)
    response["X-Page-Cache"] = "miss"
    return response


def cached_listing(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Serve a browse, tag, origin or home page from the cache, keyed on ``site_stamp()``.

    Adds an ETag, so ``ConditionalGetMiddleware`` answers a revalidation with a 304.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or not cacheable(request, LIST_PARAMS):
            return view(request, *args, **kwargs)
        stamp = site_stamp()
        _forget_stale_counts(stamp)
        key = page_key(request, stamp)
        response = serve(request, key, lambda: view(request, *args, **kwargs))
        if response.status_code == 200:
            response["ETag"] = etag_for(key)
        return response

    return wrapper


def _forget_stale_counts(stamp: str) -> None:
    """Drop the default cache's short-lived navigation counts once the site has changed.

    They are kept a minute (``listing.side_nav``, ``home.totals``); a page rendered from
    them after an ingest would otherwise be stored under the new stamp with old counts.
    """
    default = caches["default"]
    if default.get("reader:pages-stamp") != stamp:
        default.delete_many(["reader:side-nav", "reader:totals"])
        default.set("reader:pages-stamp", stamp, None)


def _forget_everything(sender: Any, **kwargs: Any) -> None:
    """An edit through ``save()`` (admin change forms): what it touched is not in any key."""
    instance = kwargs.get("instance")
    if kwargs.get("created") and getattr(instance, "status", "approved") != "approved":
        return  # a new comment or trackback awaiting moderation shows nowhere yet
    page_cache().clear()


def connect_signals() -> None:
    """Called from the reader's ``AppConfig.ready``; senders by label, so no import of them."""
    senders = ["archive.Cable", "archive.Tag"]
    if apps.is_installed("cablebase.discussion"):
        senders += ["discussion.Comment", "discussion.Trackback"]
    for sender in senders:
        for signal in (post_save, post_delete):
            signal.connect(_forget_everything, sender=sender, dispatch_uid=f"pages-{sender}")
