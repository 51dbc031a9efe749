"""The reader's address scheme; cable pages keep the old cable viewer's paths."""

from __future__ import annotations

from django.urls import path, re_path
from django.views.generic import RedirectView

from cablebase.reader import feeds
from cablebase.reader.views import browse, cable, home, pages, search

app_name = "reader"

REF = r"(?P<reference_id>[A-Za-z0-9_-]{3,64})"

urlpatterns = [
    path("", home.home, name="home"),
    re_path(
        rf"^cable/(?P<year>\d{{4}})/(?P<month>\d{{2}})/{REF}\.html$", cable.cable_page, name="cable"
    ),
    re_path(rf"^cable/{REF}/?$", cable.cable_short, name="cable_short"),
    path("search", search.search_page, name="search"),
    # A typed or guessed "/search/" keeps its query: ?q=... goes along.
    path("search/", RedirectView.as_view(url="/search", query_string=True, permanent=True)),
    path("classification/", pages.classification, name="classification"),
    path("redactions/", pages.redactions, name="redactions"),
    path("tag/", browse.tag_index, name="tags"),
    re_path(r"^tag/(?P<code>.+)/$", browse.tag_page, name="tag"),
    path("origin/", browse.origin_index, name="origins"),
    re_path(r"^origin/(?P<code>[^/]+)/$", browse.origin_page, name="origin"),
    path("released/", browse.release_index, name="releases"),
    re_path(r"^released/(?P<day>\d{4}-\d{2}-\d{2})/$", browse.release_day, name="release_day"),
    path("date/", browse.date_index, name="dates"),
    re_path(r"^date/(?P<year>\d{4})/$", browse.year_page, name="year"),
    re_path(r"^date/(?P<year>\d{4})/(?P<month>\d{2})/$", browse.month_page, name="month"),
    path("classified/", browse.level_index, name="levels"),
    re_path(r"^classified/(?P<slug>[a-z0-9-]+)/$", browse.level_page, name="level"),
    path("feeds/latest/", feeds.LatestReleasesFeed(), name="feed_latest"),
    re_path(r"^feeds/origin/(?P<code>[^/]+)/$", feeds.OriginFeed(), name="feed_origin"),
    re_path(r"^feeds/tag/(?P<code>.+)/$", feeds.TagFeed(), name="feed_tag"),
    path("feeds/search/", feeds.SearchFeed(), name="feed_search"),
]
