"""Rendered pages kept in a shared cache, keyed on what they show, so most requests skip rendering.

A cable page changes when the cable gets a new version (its ``updated`` moves, or
a ``CableVersion`` row is added), when the archive changes around it (a citing
cable arrives: the archive *stamp*, the newest version row), when a comment or
trackback on it is approved or withdrawn (the approved rows' count and id sum), when
a redaction, hold or release happens (the redaction *generation*) and when the search
index is rebuilt (its "similar cables" list: the index's state file). Lists change
with the archive stamp and with the site's approved discussion. Each of these is part
of the key, read in one indexed query, so a changed page is never served from the
cache: nothing has to be deleted in time, and a change made by any process (an
ingest, ``cablebase redact``, the admin's bulk approval) shows on the next request.
Edits made through ``save()`` (the admin's change forms) empty the cache outright.

``cablebase.reader.middleware.PageCacheMiddleware``, first in the stack, answers from
here before sessions, authentication or URL-dispatched views run: a stored page costs
the stamp query, a hash and a lookup (``page_store``: the worker's memory, else the
shared files). A page is stored with every header the full stack gave it (the CSP,
the framing and referrer policies, Cache-Control), and its ETag is the key's, so a
revalidation is answered 304 from the key alone.

Reading pages carry no CSRF token and nothing of the visitor (the comment form
lives at its own URL), so one copy serves everybody, signed in or not. A response
that sets a cookie, varies on it or holds a form token is never stored. Pages with
unexpected query parameters are rendered and never stored.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.base import BaseCache
from django.db import connection
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, get_resolver
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from cablebase.archive import redaction
from cablebase.archive.models import Cable, CableVersion

ALIAS = "pages"
TIMEOUT = 7 * 24 * 3600
TOKEN_FIELD = b'name="csrfmiddlewaretoken"'
# Headers the server or the replay sets itself; every other header is kept with the page.
NOT_KEPT = frozenset({"content-length", "date", "set-cookie", "x-page-cache"})
LIST_PARAMS = frozenset({"page"})
CONDITIONAL = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)
# Never looked up: files, the API, the admin and the discussion's forms.
SKIPPED_PREFIXES = ("/static/", "/api/", "/admin/", "/favicon.ico", "/feeds/")
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


# -- stamps ---------------------------------------------------------------------------------
_MARK = "\x00reference-id\x00"


def _sql(qs: QuerySet) -> tuple[str, tuple[Any, ...]]:
    sql, params = qs.query.sql_with_params()
    return sql, tuple(params)


def _run(sql: str, params: tuple[Any, ...] | list[Any]) -> tuple[Any, ...] | None:
    """One row through a plain cursor: no model instances, no queryset to build.

    On SQLite the statement goes to the driver directly, in the driver's ``?`` style
    converted once: Django converts ``%s`` on every execution with a regular expression,
    which took longer than the query itself on these 2 KB statements.
    """
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection.execute(_qmark(sql), params).fetchone()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


@lru_cache(maxsize=16)
def _qmark(sql: str) -> str:
    from django.db.backends.sqlite3.base import FORMAT_QMARK_REGEX

    return FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%")


@cache
def _site_stamp_query(vendor: str) -> tuple[str, tuple[Any, ...]]:
    """One statement for ``site_stamp``: scalar subqueries, compiled once per process."""
    newest = CableVersion.objects.order_by("-pk")
    latest = Cable.objects.order_by("-pk")
    parts = [
        newest.values("pk")[:1],
        newest.values("ingested_at")[:1],
        latest.values("pk")[:1],
        latest.values("updated")[:1],
    ]
    for model in _discussion_models():
        grouped = _approved(model).order_by().values("status")
        parts += [
            grouped.annotate(n=Count("pk")).values("n"),
            grouped.annotate(s=Sum("pk")).values("s"),
            grouped.annotate(c=Max("changed")).values("c"),
        ]
    compiled = [_sql(qs) for qs in parts]
    sql = "SELECT " + ", ".join(f"({s})" for s, _ in compiled)
    return sql, tuple(p for _, params in compiled for p in params)


def site_stamp() -> str:
    """The archive (newest version and cable, redaction generation) and the whole site's
    approved discussion (count, id sum and newest change each): what every list page shows."""
    row = _run(*_site_stamp_query(connection.vendor)) or ()
    return f"g{redaction.generation()}|" + "|".join(_stamp_of(v) for v in row)


def with_cable_stamp(qs: QuerySet[Cable]) -> QuerySet[Cable]:
    """Annotate what a cable page's key needs, in the same query that finds the cable.

    ``approved_comments`` (the count the page's ETag always had), and ``page_stamp``'s
    parts: approved comment and trackback rows (count, id sum, newest ``changed``: a
    count and a sum two different sets can share) and the archive stamp.
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
        last_change = rows.annotate(c=Max("changed")).values("c")[:1]
        annotations[f"approved_{name}"] = Coalesce(Subquery(count), 0)
        annotations[f"approved_{name}_sum"] = Coalesce(Subquery(total), 0)
        annotations[f"approved_{name}_changed"] = Subquery(last_change)
    return qs.annotate(**annotations)


STAMP_FIELDS = ("id", "reference_id", "created", "updated", "version_count")


@cache
def _stamp_query(vendor: str) -> tuple[str, tuple[Any, ...]]:
    """The SQL of ``with_cable_stamp`` for one reference id, compiled once per process.

    Building the annotated query costs more than running it (about 9 ms against well
    under 1 ms); the parameters are constants but the reference id.
    """
    return _sql(with_cable_stamp(Cable.objects.filter(reference_id=_MARK).only(*STAMP_FIELDS)))


@cache
def _row_stamp_query(vendor: str) -> tuple[str, tuple[Any, ...]]:
    """As ``_stamp_query``, as one plain row: the middleware needs the values, not a Cable."""
    qs = with_cable_stamp(Cable.objects.filter(reference_id=_MARK))
    names = ["pk", "updated", "version_count", *qs.query.annotations]
    return _sql(qs.values_list(*names))


def _bind(params: tuple[Any, ...], reference_id: str) -> list[Any]:
    return [reference_id if p == _MARK else p for p in params]


def find_with_stamp(reference_id: str) -> Cable | None:
    """The cable (only the columns a page key needs; others load when read) and its stamp.

    As ``Cable.objects.by_reference``: the id as given, then upper-cased.
    """
    sql, params = _stamp_query(connection.vendor)
    for candidate in dict.fromkeys((reference_id, reference_id.upper())):
        found = list(Cable.objects.raw(sql, _bind(params, candidate)))  # held ones filtered
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
        parts += [
            getattr(cable, f"approved_{name}", 0),
            getattr(cable, f"approved_{name}_sum", 0),
            _stamp_of(getattr(cable, f"approved_{name}_changed", "")),
        ]
    return ":".join(str(p) for p in parts)


def index_stamp() -> str:
    """The search index's last commit (its state file, replaced at each commit): a rebuild
    (``cablebase reindex``) changes every cable's "similar cables" list."""
    from cablebase.archive.search import index as search_index

    where = (
        search_index._override,
        os.environ.get("CABLEBASE_INDEX"),
        connection.settings_dict.get("NAME"),
    )
    try:
        st = os.stat(_state_file(where))
    except OSError:
        return "-"
    return f"{st.st_mtime_ns}.{st.st_ino}"


@lru_cache(maxsize=64)
def _state_file(where: tuple[Any, ...]) -> str:
    """The index's state file for one (``--index``, ``CABLEBASE_INDEX``, database) setting."""
    from cablebase.archive.search.index import STATE_FILE, index_dir

    return str(index_dir() / STATE_FILE)


INDEX_MARK = "#index:"


def cable_page_stamp(reference_id: str, **_: Any) -> str | None:
    """The key's stamp for a cable page: one indexed row, the generation, the index; None
    when no public cable has this id (the 404 is rendered, never stored)."""
    sql, params = _row_stamp_query(connection.vendor)
    for candidate in dict.fromkeys((reference_id, reference_id.upper())):
        row = _run(sql, _bind(params, candidate))
        if row is not None:
            parts = [redaction.generation(), *(_stamp_of(v) for v in row)]
            return "c:" + ":".join(str(p) for p in parts) + INDEX_MARK + index_stamp()
    return None


def list_page_stamp(**_: Any) -> str:
    return "l:" + site_stamp()


@dataclass(frozen=True)
class Kind:
    """A kind of cacheable page: how its stamp is read and which query parameters it takes."""

    stamp: Callable[..., str | None]
    params: frozenset[str] = field(default_factory=frozenset)
    on_miss: Callable[[str], None] | None = None


def _forget_stale_counts(stamp: str) -> None:
    """Drop the default cache's short-lived navigation counts once the site has changed.

    They are kept a minute (``listing.side_nav``, ``home.totals``); a page rendered from
    them after an ingest would otherwise be stored under the new stamp with old counts.
    """
    default = caches["default"]
    if default.get("reader:pages-stamp") != stamp:
        default.delete_many(["reader:side-nav", "reader:totals"])
        default.set("reader:pages-stamp", stamp, None)


KINDS = {
    "cable": Kind(cable_page_stamp),
    "list": Kind(list_page_stamp, LIST_PARAMS, _forget_stale_counts),
}


def cached_page(kind: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Mark a view as a page the middleware may store (``kind``: a key of ``KINDS``)."""

    def mark(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        view.page_cache_kind = kind  # type: ignore[attr-defined]
        return view

    return mark


cached_listing = cached_page("list")


# -- keys -----------------------------------------------------------------------------------
def cacheable(request: HttpRequest, allowed_params: frozenset[str] = frozenset()) -> bool:
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


@lru_cache(maxsize=8192)
def _route(urlconf: str, path: str) -> tuple[str, tuple[tuple[str, Any], ...]] | None:
    """The cache kind of the view at ``path`` and its URL arguments (None: not cached)."""
    try:
        match = get_resolver(urlconf).resolve(path)
    except Resolver404:
        return None
    kind = getattr(match.func, "page_cache_kind", None)
    return (kind, tuple(match.kwargs.items())) if kind in KINDS else None


@dataclass(frozen=True)
class Plan:
    """What a request's page is stored under, and how to tell a change while rendering."""

    kind: Kind
    arguments: dict[str, Any]
    stamp: str
    key: str

    @property
    def etag(self) -> str:
        return etag_for(self.key)

    def key_after(self, request: HttpRequest) -> str | None:
        """The key for the page just rendered: None when the archive changed meanwhile
        (the content could be newer than the key says, and a count and id sum can come
        back to the old values). The search index may have moved on (the render itself
        catches it up): the page shows the new index, so it goes under the new key."""
        after = self.kind.stamp(**self.arguments)
        if after is None or after.split(INDEX_MARK)[0] != self.stamp.split(INDEX_MARK)[0]:
            return None
        return self.key if after == self.stamp else page_key(request, after)


def plan(request: HttpRequest) -> Plan | None:
    """The key of the page ``request`` asks for, or None when it is not to be cached."""
    if not ENABLED or request.method not in ("GET", "HEAD"):
        return None
    path = request.path_info
    if path.startswith(SKIPPED_PREFIXES):
        return None
    route = _route(getattr(request, "urlconf", None) or settings.ROOT_URLCONF, path)
    if route is None:
        return None
    kind = KINDS[route[0]]
    if not cacheable(request, kind.params):
        return None
    arguments = dict(route[1])
    stamp = kind.stamp(**arguments)
    if stamp is None:
        return None
    return Plan(kind, arguments, stamp, page_key(request, stamp))


# -- storing and replaying ------------------------------------------------------------------
@dataclass
class Stored:
    """A page as the whole middleware stack answered it: status, headers, body."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def nbytes(self) -> int:
        return len(self.body) + 64 * len(self.headers)


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or "cookie" in response.get("Vary", "").lower():
        return False
    if any(w in response.get("Cache-Control", "") for w in ("private", "no-store")):
        return False
    return TOKEN_FIELD not in response.content


def keep(request: HttpRequest, plan: Plan, response: HttpResponse) -> HttpResponse:
    """Store a freshly rendered page under ``plan.key``, with the key's ETag.

    The stamp is read again first (``Plan.key_after``): a page whose archive state
    changed while it was rendered is not stored.
    """
    response["X-Page-Cache"] = "miss"
    if not _storable(request, response):
        return response
    key = plan.key_after(request)
    response["ETag"] = etag_for(key or plan.key)
    if key is not None:
        headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_KEPT]
        page_cache().set(key, Stored(response.status_code, headers, response.content), TIMEOUT)
    return response


def lookup(plan: Plan) -> Stored | None:
    stored = page_cache().get(plan.key)
    return stored if isinstance(stored, Stored) else None


def replay(request: HttpRequest, plan: Plan, stored: Stored | None) -> HttpResponse | None:
    """The stored page (a 304 when the browser holds it), or a 304 from the key alone when
    the page is gone from the cache but the browser's copy is current; else None."""
    if stored is None:
        if plan.etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
            response["ETag"] = plan.etag
            response["X-Page-Cache"] = "hit"
            return response
        return None
    response = HttpResponse(stored.body, status=stored.status, headers=dict(stored.headers))
    response["X-Page-Cache"] = "hit"
    if not any(h in request.META for h in CONDITIONAL):
        return response
    modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(modified) if modified else None,
        response=response,
    )


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
