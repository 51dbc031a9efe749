"""Facet filters as ``field:value`` terms of the query string, so filters are plain links.

Adding a filter appends a term to ``q``; removing one takes it out again. The page
needs no JavaScript and every narrowed search is a URL people can share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FACET_FIELDS = ("classification", "origin", "year", "tag", "precedence")
FACET_LABELS = {
    "classification": "Classification",
    "origin": "Origin",
    "year": "Year",
    "tag": "Tag",
    "precedence": "Precedence",
}
ALIASES = {"class": "classification", "tags": "tag"}
_TERM = re.compile(r'(?<!\S)(?P<field>[a-z_]+):(?P<value>"[^"]*"|\S+)', re.IGNORECASE)


def term(field: str, value: str) -> str:
    """``classification:"SECRET//NOFORN"``: quoted unless the value is one plain word."""
    value = str(value)
    if re.fullmatch(r"[A-Za-z0-9._-]+", value):
        return f"{field}:{value}"
    return f'{field}:"{value}"'


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


def active_filters(query: str) -> list[tuple[str, str]]:
    """The ``(field, value)`` facet terms present in ``query``."""
    found = ((_field(m["field"]), _unquote(m["value"])) for m in _TERM.finditer(query))
    return [(field, value) for field, value in found if field in FACET_FIELDS]


def _field(name: str) -> str:
    return ALIASES.get(name.lower(), name.lower())


def add_filter(query: str, field: str, value: str) -> str:
    if (field, str(value)) in active_filters(query):
        return query
    return f"{query.strip()} {term(field, value)}".strip()


def remove_filter(query: str, field: str, value: str) -> str:
    def keep(m: re.Match[str]) -> str:
        same = _field(m["field"]) == field and _unquote(m["value"]) == str(value)
        return "" if same else m.group(0)

    return " ".join(_TERM.sub(keep, query).split())


@dataclass
class FacetValue:
    value: str
    count: int
    active: bool
    query: str  # the query with this value added (or removed, when active)
