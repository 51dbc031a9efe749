"""Where each of the site's addresses lives in the mirror, and how one file links to another.

A plain file server maps a path to a file and nothing more, so every address
the mirror keeps becomes a file name: ``/tag/PREL/`` -> ``tag/PREL/index.html``,
its second page ``?page=2`` -> ``tag/PREL/index-2.html``, a feed ``/feeds/latest/``
-> ``feeds/latest/index.xml``, a cable's JSON record ``/api/cables/ID`` ->
``api/cables/ID.json``. Cable pages keep the viewer's own ``.html`` names. Links
between files are relative, so the mirror works at any prefix of any host.
"""

from __future__ import annotations

import functools
import posixpath
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

API_RECORD = re.compile(r"^/api/cables/([A-Za-z0-9_-]{3,64})$")
# Addresses the mirror holds: the reader's public pages (never admin, API docs, posting).
MIRRORED = re.compile(
    r"""^/(?:
        $|cable/\d{4}/\d{2}/[A-Za-z0-9_-]+\.html$|cable/[A-Za-z0-9_-]+/?$
        |search$|classification/$|redactions/$
        |(?:tag|origin|released|date|classified)/(?:[^/?#]+/)*$
        |feeds/(?:latest|origin/[^/?#]+|tag/(?:[^/?#]+/)*[^/?#]+)/$
        |static/.+
    )""",
    re.VERBOSE,
)
SEARCH_PAGE = "search/index.html"


def _page_number(query: str) -> int | None:
    """``page=N`` when it is the query's only parameter (a list's later pages), else None."""
    params = parse_qsl(query, keep_blank_values=True)
    if len(params) == 1 and params[0][0] == "page" and params[0][1].isdigit():
        return int(params[0][1])
    return None


@functools.lru_cache(maxsize=100_000)
def file_for(url: str) -> str | None:
    """The mirror file (relative to its root) that holds the site address ``url``, or None.

    Only site-absolute paths (``/tag/PREL/``) are considered; a query string is kept
    only as ``page=N`` on a list and as the search page's own ``?q=``.
    """
    parts = urlsplit(url)
    path = parts.path
    if parts.scheme or parts.netloc or not path.startswith("/"):
        return None
    record = API_RECORD.match(path)
    if record:
        return None if parts.query else f"api/cables/{record.group(1)}.json"
    if not MIRRORED.match(path):
        return None
    if path == "/search":
        return SEARCH_PAGE
    if parts.query and not path.startswith("/static/"):
        number = _page_number(parts.query)
        if number is None or not path.endswith("/"):
            return None
        return f"{path[1:]}index.html" if number <= 1 else f"{path[1:]}index-{number}.html"
    if path.startswith("/feeds/"):
        return f"{path[1:]}index.xml"
    if path.endswith("/"):
        return f"{path[1:]}index.html"
    if path.startswith("/cable/") and not path.endswith(".html"):
        return f"{path[1:]}/index.html"
    return path[1:]


def relative_link(from_file: str, url: str) -> str | None:
    """``url`` (a site address) as a link from the mirror file ``from_file``, or None.

    The fragment is kept; the search page keeps its ``?q=`` so the browser search
    picks the words up.
    """
    return relative_link_from(posixpath.dirname(from_file) or ".", url)


def relative_link_from(directory: str, url: str) -> str | None:
    """``relative_link`` from any file in ``directory`` ("." for the mirror's root)."""
    found = link_target(url)
    if found is None:
        return None
    target, suffix = found
    return relative_path(target, directory) + suffix


@functools.lru_cache(maxsize=100_000)
def link_target(url: str) -> tuple[str, str] | None:
    """The file a link to ``url`` points at and what follows its name (``?q=``, ``#frag``).

    The half of ``relative_link`` that does not depend on where the link is: a page's
    links are mostly the same addresses as its neighbours', from other folders.
    """
    target = file_for(url)
    if target is None:
        return None
    parts = urlsplit(url)
    suffix = ""
    if target == SEARCH_PAGE and parts.query:
        q = dict(parse_qsl(parts.query)).get("q", "")
        suffix += "?" + urlencode({"q": q}) if q else ""
    if parts.fragment:
        suffix += "#" + parts.fragment
    return target, suffix


def relative_path(target: str, directory: str) -> str:
    """``posixpath.relpath`` for two clean relative paths (a file, a folder), without its
    ``abspath`` calls: a page has a hundred links."""
    if directory in ("", "."):
        return target
    into, here = target.split("/"), directory.split("/")
    common = 0
    while common < len(here) and common < len(into) - 1 and into[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + into[common:])
