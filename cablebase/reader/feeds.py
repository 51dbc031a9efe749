"""Atom feeds: new releases, per origin, per tag, per search (Django's syndication framework)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest

from cablebase.archive.models import Cable, Tag
from cablebase.reader.links import search_url
from cablebase.reader.listing import cable_list
from cablebase.xmltext import CleanAtom1Feed

FEED_SIZE = 50


class CableFeed(Feed):
    """Shared item rendering: one entry per cable, dated by its release."""

    feed_type = CleanAtom1Feed  # valid XML whatever control characters the text holds

    def item_title(self, item: Cable) -> str:
        subject = f": {item.subject}" if item.subject else ""
        return f"{item.reference_id}{subject}"

    def item_description(self, item: Cable) -> str:
        created = f"{item.created:%Y-%m-%d}" if item.created else "undated"
        level = item.classification or "Unclassified (unknown)"
        return f"{level} cable from {item.origin or item.origin_code}, created {created}."

    def item_pubdate(self, item: Cable) -> datetime | None:
        return item.released or item.created

    def item_updateddate(self, item: Cable) -> datetime | None:
        return item.updated

    def item_author_name(self, item: Cable) -> str:
        return item.origin or item.origin_code

    def item_categories(self, item: Cable) -> list[str]:
        return [item.classification] if item.classification else []


class LatestReleasesFeed(CableFeed):
    title = "cablebase: new releases"
    link = "/"
    subtitle = "The latest cables released in the archive."

    def items(self) -> list[Cable]:
        return list(
            cable_list().order_by("-released", "-first_ingested", "reference_id")[:FEED_SIZE]
        )


def newest(qs: QuerySet[Cable]) -> list[Cable]:
    """The feed's entries: the most recently released cables of ``qs``."""
    return list(cable_list(qs).order_by("-released", "-created", "reference_id")[:FEED_SIZE])


class OriginFeed(CableFeed):
    def get_object(self, request: HttpRequest, code: str) -> str:
        code = code.upper()
        if not Cable.objects.filter(origin_code=code).exists():
            raise Http404(f"no cables from {code!r}")
        return code

    def title(self, obj: str) -> str:
        return f"cablebase: cables from {obj}"

    def link(self, obj: str) -> str:
        return f"/origin/{obj}/"

    def items(self, obj: str) -> list[Cable]:
        return newest(Cable.objects.filter(origin_code=obj))


class TagFeed(CableFeed):
    def get_object(self, request: HttpRequest, code: str) -> Tag:
        tag = Tag.objects.filter(code=code).first() or Tag.objects.filter(code=code.upper()).first()
        if tag is None:
            raise Http404(f"no tag {code!r}")
        return tag

    def title(self, obj: Tag) -> str:
        what = f" ({obj.description})" if obj.description else ""
        return f"cablebase: cables tagged {obj.code}{what}"

    def link(self, obj: Tag) -> str:
        return f"/tag/{obj.code}/"

    def items(self, obj: Tag) -> list[Cable]:
        return newest(Cable.objects.filter(tags=obj))


class BadSearchQuery(Exception):
    """The feed's query does not parse: a client error, answered 400 with the message."""


class SearchFeed(CableFeed):
    """The newest matches of a search; a malformed query is a 400 with the parser's message."""

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except BadSearchQuery as exc:
            return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")

    def get_object(self, request: HttpRequest) -> dict[str, Any]:
        query = " ".join(request.GET.get("q", "").split())
        if not query:
            raise Http404("a search feed needs ?q=")
        from cablebase.archive.query import QueryError
        from cablebase.archive.search import search

        try:
            result = search(query, per_page=FEED_SIZE, sort="-date", facets=False)
        except QueryError as exc:
            raise BadSearchQuery(f"Malformed query: {exc}") from exc
        return {"q": query, "cables": [hit.cable for hit in result.hits]}

    def title(self, obj: dict[str, Any]) -> str:
        return f"cablebase: search for {obj['q']}"

    def link(self, obj: dict[str, Any]) -> str:
        return search_url(obj["q"], sort="-date")

    def items(self, obj: dict[str, Any]) -> list[Cable]:
        return obj["cables"]
