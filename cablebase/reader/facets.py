"""Facet filters as ``field:value`` terms of the query string, so filters are plain links.

Adding a filter appends a term to ``q``; removing one cuts that term out of the
text again. Which filters are active is read from the query language's own
syntax tree (``cablebase.archive.query``): only a filter every hit must meet
(one at the top level, not under OR or NOT) is shown as active. The page needs
no JavaScript and every narrowed search is a URL people can share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablebase.archive.query import And, Field, Or, QueryError, parse_query

FACET_FIELDS = ("classification", "origin", "year", "tag", "precedence")
FACET_LABELS = {
    "classification": "Classification",
    "origin": "Origin",
    "year": "Year",
    "tag": "Tag",
    "precedence": "Precedence",
}
# query language field -> facet name
_FACET_OF = {"class": "classification", "origin": "origin", "year": "year", "tag": "tag"}
_FACET_OF["precedence"] = "precedence"


def term(field: str, value: str) -> str:
    """``classification:"SECRET//NOFORN"``: quoted unless the value is one plain word."""
    value = str(value)
    if re.fullmatch(r"[A-Za-z0-9._-]+", value):
        return f"{field}:{value}"
    return f'{field}:"{value}"'


class Filters:
    """The facet filters of one query, parsed once (a page links some 75 facet values)."""

    def __init__(self, query: str) -> None:
        self.query = query
        try:
            root = parse_query(query).root
        except QueryError:
            root = None
        self._or = isinstance(root, Or)
        nodes = root.children if isinstance(root, And) else (root,)
        self.nodes = [
            n for n in nodes if isinstance(n, Field) and n.name in _FACET_OF and not n.prefix
        ]

    def active(self) -> list[tuple[str, str]]:
        """The ``(facet, value)`` filters that every hit meets, values as the facets show them."""
        return [(_FACET_OF[n.name], n.value) for n in self.nodes]

    def is_active(self, field: str, value: str) -> bool:
        return any(_same(n, field, value) for n in self.nodes)

    def add(self, field: str, value: str) -> str:
        """Narrowed to ``value``: "a OR b" becomes "(a OR b) tag:X", not "a OR b tag:X"."""
        if self.is_active(field, value):
            return self.query
        query = self.query.strip()
        if self._or:
            query = f"({query})"
        return f"{query} {term(field, value)}".strip()

    def remove(self, field: str, value: str) -> str:
        """Without that filter's text (the rest is left as the user wrote it)."""
        query = self.query
        cuts = sorted((n.span for n in self.nodes if _same(n, field, value)), reverse=True)
        for start, end in cuts:
            query = query[:start] + " " + query[end:]
        return " ".join(query.split())


def _same(node: Field, field: str, value: str) -> bool:
    if _FACET_OF[node.name] != field:
        return False
    if field == "origin":
        return node.value.lower() == str(value).lower()
    return node.value == str(value).upper()


def active_filters(query: str) -> list[tuple[str, str]]:
    """The ``(facet, value)`` filters of ``query``, values as the facets show them."""
    return Filters(query).active()


def is_active(query: str, field: str, value: str) -> bool:
    return Filters(query).is_active(field, value)


def add_filter(query: str, field: str, value: str) -> str:
    """``query`` narrowed to ``value``: "a OR b" becomes "(a OR b) tag:X", not "a OR b tag:X"."""
    return Filters(query).add(field, value)


def remove_filter(query: str, field: str, value: str) -> str:
    """``query`` without that filter's text (the rest is left as the user wrote it)."""
    return Filters(query).remove(field, value)


@dataclass
class FacetValue:
    value: str
    count: int
    active: bool
    query: str  # the query with this value added (or removed, when active)
