"""Field filters (``origin:``, ``tag:``, ``from:`` ...) as ORM conditions on indexed columns.

These are the same on every database vendor; only full-text terms differ
(see the backends).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from django.db.models import Q

from cablebase.archive.models import CableReference, CableTag
from cablebase.archive.query import Field, parse_date_bound, year_range


def _class_condition(value: str) -> Q:
    level = " ".join(value.upper().replace("_", " ").split())
    aliases = {"FOUO": "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "LOU": "LIMITED OFFICIAL USE"}
    level = aliases.get(level, level)
    if "//" in level:
        return Q(classification__iexact=level)
    if level == "NOFORN":
        return Q(classification__iendswith="//NOFORN")
    return Q(classification__iexact=level) | Q(classification__istartswith=f"{level}//")


def _json_element(column: str, value: str) -> Q:
    """A JSON list column holding ``value`` (case-insensitive), alike on SQLite and PostgreSQL."""
    return Q(**{f"{column}__icontains": f'"{value}"'})


def field_condition(node: Field) -> Q:
    name, value = node.name, node.value
    if name == "origin":
        if node.prefix:
            return Q(origin_code__istartswith=value) | Q(origin__istartswith=value)
        return Q(origin_code__iexact=value) | Q(origin__icontains=value)
    if name == "tag":
        lookup = "tag__code__startswith" if node.prefix else "tag__code"
        return Q(id__in=CableTag.objects.filter(**{lookup: value}).values("cable_id"))
    if name == "class":
        return _class_condition(value)
    if name == "from":
        day = parse_date_bound(value)
        return Q(created__gte=datetime.combine(day, time.min, tzinfo=UTC))
    if name == "to":
        day = parse_date_bound(value, end=True) + timedelta(days=1)
        return Q(created__lt=datetime.combine(day, time.min, tzinfo=UTC))
    if name == "year":
        low, high = year_range(value)
        return Q(year__gte=low, year__lte=high)
    if name == "id":
        return Q(reference_id__startswith=value) if node.prefix else Q(reference_id=value)
    if name == "ref":
        lookup = "cited_id__startswith" if node.prefix else "cited_id"
        return Q(id__in=CableReference.objects.filter(**{lookup: value}).values("citing_id"))
    if name == "signer":
        return _json_element("signers", value)
    if name == "caveat":
        return _json_element("caveats", value)
    if name == "subject":
        return Q(subject__icontains=value)
    if name == "precedence":
        return Q(precedence=value)
    raise AssertionError(f"unhandled field {name}")  # the parser admits only FIELDS
