"""Turn a page as the site serves it into the same page as a file of the mirror.

Links become relative file links (``paths.relative_link``); links to what the
mirror does not hold (the API docs, admin, a paragraph's comment form) point
to the canonical site when there is one, or lose their ``href``; posting forms
become a link to the canonical site, or go; cable pages mark their text for
Pagefind's index; static files the page uses are noted so they are copied.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from cablebase.mirror.paths import link_target, relative_path

ATTRIBUTE = re.compile(r'(?P<name>\s(?:href|src|action))="(?P<value>[^"]*)"')
POST_FORM = re.compile(r'<form\b[^>]*\bmethod="post"[^>]*>.*?</form>', re.DOTALL | re.IGNORECASE)
CABLE_ARTICLE = '<article class="cable"'
SEARCH_FORM = re.compile(r'<form class="search-form".*?</form>', re.DOTALL)


@dataclass(frozen=True)
class Site:
    """How the pages were rendered (``origin``) and where the live site is (``base_url``)."""

    origin: str  # "http://testserver": the scheme and host the pages were rendered for
    base_url: str = ""  # "https://cables.example.org", or "" for a mirror on its own


@dataclass
class Rewritten:
    text: str
    static: set[str] = field(default_factory=set)  # "/static/reader/reader.css"
    pages: set[str] = field(default_factory=set)  # "/tag/PREL/?page=2": later list pages


def _site_path(url: str, page_url: str, site: Site) -> str | None:
    """The site-absolute address ``url`` names, or None for another host's."""
    if url.startswith(site.origin + "/") or url == site.origin:
        url = url[len(site.origin) :] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    return urljoin(page_url, url)


@dataclass(frozen=True)
class _Link:
    """What a link's value names, wherever the page holding it is."""

    file: str | None  # the mirror file it becomes, or None when the mirror lacks it
    suffix: str  # after the file name: the search page's ``?q=``, a ``#fragment``
    elsewhere: str  # for a link the mirror lacks: the live site's address, or "" (drop it)
    static: str | None  # "/static/reader/reader.css": a static file the page uses
    pager: tuple[str, str] | None  # (list path, "path?page=N"): a later page of a list


@functools.lru_cache(maxsize=200_000)
def _resolve(value: str, page_url: str, site: Site) -> _Link | None:
    """A link's value (as written in the page) resolved; None: kept as it is.

    Pages share most of their links (navigation, tags, static files) with the pages
    beside them, so the answers are kept; ``page_url`` is "/" for a site-absolute
    link, the page itself for a relative one. Only the relative path depends on
    the folder of the file, and it is worked out per link (``paths.relative_path``).
    """
    raw = html.unescape(value)
    if raw.startswith("#") or raw.startswith("mailto:") or not raw:
        return None
    address = _site_path(raw, page_url, site)
    if address is None:
        return None  # another site's address: left as it is
    found = link_target(address)
    file, suffix = found if found is not None else (None, "")
    elsewhere = site.base_url + address if found is None and site.base_url else ""
    static = urlsplit(address).path if address.startswith("/static/") else None
    pager = None
    if "page=" in address:
        parts = urlsplit(address)
        if parts.query.startswith("page="):
            pager = (parts.path, f"{parts.path}?{parts.query}")
    return _Link(file, suffix, elsewhere, static, pager)


def rewrite_links(text: str, file: str, page_url: str, site: Site) -> Rewritten:
    """Every ``href``/``src``/``action`` of the page at ``page_url``, saved as ``file``."""
    out = Rewritten(text)
    directory = posixpath.dirname(file) or "."
    page_path = urlsplit(page_url).path
    origin = site.origin
    escape = html.escape

    def replace(match: re.Match[str]) -> str:
        value = match["value"]
        absolute = value.startswith(origin) or (
            value.startswith("/") and not value.startswith("//")
        )
        link = _resolve(value, "/" if absolute else page_url, site)
        if link is None:
            return match.group(0)
        if link.static is not None:
            out.static.add(link.static)
        if link.pager is not None and link.pager[0] == page_path:
            out.pages.add(link.pager[1])
        if link.file is not None:
            new = relative_path(link.file, directory) + link.suffix
        elif link.elsewhere:
            new = link.elsewhere
        else:
            return ""
        return f'{match["name"]}="{escape(new, quote=True)}"'

    out.text = ATTRIBUTE.sub(replace, text)
    return out


def replace_post_forms(text: str, page_url: str, site: Site) -> str:
    """Comment (and any other posting) forms: a link to the live page's form, or nothing."""
    if not site.base_url:
        return POST_FORM.sub("", text)
    target = html.escape(f"{site.base_url}{urlsplit(page_url).path}#comment-form", quote=True)
    note = (
        '<p class="mirror-note">This is a mirror: '
        f'<a href="{target}">comment on the live site</a>.</p>'
    )
    return POST_FORM.sub(note, text)


def mark_for_search(text: str) -> str:
    """Let Pagefind index a cable page's article only (never navigation or comments)."""
    return text.replace(CABLE_ARTICLE, f"{CABLE_ARTICLE} data-pagefind-body", 1)


def search_page(text: str, root: str) -> str:
    """The site's empty search page with its form swapped for Pagefind's browser search.

    ``root`` is the relative path from the search page to the mirror's root ("../").
    """
    widget = (
        f'<link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">'
        '<label for="mirror-q" class="mirror-search-label">Search the cables</label>'
        '<div id="pagefind-search" class="mirror-search"></div>'
        '<p class="desc">This mirror searches in your browser: words match the'
        " cables' text; results load from the mirror's own files.</p>"
        f'<script src="{root}pagefind/pagefind-ui.js"></script>'
        f'<script src="{root}static/mirror/search.js"></script>'
    )
    return SEARCH_FORM.sub(widget, text, count=1)


def page_text(text: str, file: str, page_url: str, site: Site) -> Rewritten:
    """One HTML page as the mirror stores it."""
    text = replace_post_forms(text, page_url, site)
    if site.base_url:  # the canonical address stays the live site's
        canonical = '<link rel="canonical" href="'
        text = text.replace(canonical + site.origin, canonical + site.base_url, 1)
    if page_url.startswith("/cable/"):
        text = mark_for_search(text)
    out = rewrite_links(text, file, page_url, site)
    out.text = out.text.replace(site.origin, site.base_url)  # permalinks, citations
    return out


def feed_text(text: str, site: Site) -> str:
    """A feed's absolute links point at the live site, or are site-absolute paths."""
    return text.replace(site.origin, site.base_url)
