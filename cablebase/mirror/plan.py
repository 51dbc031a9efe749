"""Every address of the mirror but the cables' own, each with the fingerprint of its inputs.

A browse page (release day, year, month, origin, classification, tag) shows one
page of its members in the view's order, the list's size, the side navigation's
counts and, on its first page, charts over all its members. Its fingerprint is
made of exactly those: the members of that page (each by its stamp and comment
count), the list's length and first member (the title), the navigation, and for
a first page every member. The members' order comes from the database itself,
one query per ordering the views use, so a page holds the rows the view shows.
Feeds count by all their members. The home page, the indexes and the explainers
are few and are always rendered (their fingerprint is empty).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from cablebase.archive.models import Cable, CableTag, Tag
from cablebase.mirror.stamps import Stamps, digest
from cablebase.reader.listing import PER_PAGE, level_slug, side_nav

INDEXES = (
    "/",
    "/classification/",
    "/redactions/",
    "/search",
    "/tag/",
    "/origin/",
    "/released/",
    "/date/",
    "/classified/",
    "/feeds/latest/",
)


def _ordered(*order: str, columns: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """``(pk, *columns)`` of every public cable in a view's order (the database sorts)."""
    return list(Cable.objects.order_by(*order).values_list("pk", *columns).iterator(10_000))


class _Lists:
    """Fingerprints for the pages of one kind of list, from members in the view's order."""

    def __init__(self, stamps: Stamps, nav: str) -> None:
        self.stamps, self.nav = stamps, nav
        self.row = {pk: digest(own, stamps.comments.get(pk, 0)) for pk, own in stamps.own.items()}

    def pages(
        self, address: str, members: list[int], charts: bool, *extra: Any
    ) -> Iterator[tuple[str, str]]:
        count = len(members)
        pages = max(1, math.ceil(count / PER_PAGE))
        first = self.row[members[0]] if members else None
        for number in range(1, pages + 1):
            shown = members[(number - 1) * PER_PAGE : number * PER_PAGE]
            everything = [self.row[pk] for pk in members] if charts and number == 1 else None
            fingerprint = digest(
                self.stamps.base,
                self.nav,
                address,
                extra,
                number,
                count,
                first,
                [self.row[pk] for pk in shown],
                everything,
            )
            yield (address if number == 1 else f"{address}?page={number}"), fingerprint

    def feed(self, address: str, members: Iterable[int], *extra: Any) -> tuple[str, str]:
        return address, digest(
            self.stamps.base, address, extra, sorted(self.row[p] for p in members)
        )


def plan_pages(stamps: Stamps) -> list[tuple[str, str]]:
    """``(address, fingerprint)`` of every page but the cables' (an empty one: render it)."""
    nav_data = side_nav()
    lists = _Lists(stamps, digest(nav_data))
    out: list[tuple[str, str]] = [(address, "") for address in INDEXES]

    days: dict[str, list[int]] = defaultdict(list)
    for pk, released in _ordered("-released", "reference_id", columns=("released",)):
        if released is not None:
            days[f"{released:%Y-%m-%d}"].append(pk)
    for day in sorted(days):
        out += lists.pages(f"/released/{day}/", days[day], False)

    years: dict[int, list[int]] = defaultdict(list)
    months: dict[tuple[int, int], list[int]] = defaultdict(list)
    for pk, created in _ordered("created", "reference_id", columns=("created",)):
        if isinstance(created, datetime):
            years[created.year].append(pk)
            months[(created.year, created.month)].append(pk)
    for year in sorted(years):
        out += lists.pages(f"/date/{year:04d}/", years[year], False)
        for (y, month), members in sorted(months.items()):
            if y == year:
                out += lists.pages(f"/date/{year:04d}/{month:02d}/", members, False)

    newest = _ordered("-created", "reference_id", columns=("origin_code", "classification"))
    origins: dict[str, list[int]] = defaultdict(list)
    levels: dict[str, list[int]] = defaultdict(list)
    for pk, code, level in newest:
        origins[code].append(pk)
        levels[level].append(pk)
    for code in sorted(c for c in origins if c):
        members = origins.get(code.upper(), [])  # the view asks for the code upper-cased
        out += lists.pages(f"/origin/{code}/", members, True)
        out.append(lists.feed(f"/feeds/origin/{code}/", members))
    slugs: dict[str, str] = {}
    for level in nav_data["levels"]:  # the view takes the navigation's first name of a slug
        slugs.setdefault(level["slug"], level["name"])
    for slug in sorted({level_slug(name) for name in levels if name}):
        name = slugs.get(slug, "")
        out += lists.pages(f"/classified/{slug}/", levels.get(name, []), True, name)

    order = {pk: n for n, (pk, *_) in enumerate(newest)}
    tagged: dict[int, list[int]] = defaultdict(list)
    for cable, tag in CableTag.objects.values_list("cable_id", "tag_id").iterator(10_000):
        if cable in order:
            tagged[tag].append(cable)
    for tag, code, kind, description in Tag.objects.order_by("code").values_list(
        "pk", "code", "kind", "description"
    ):
        members = sorted(tagged.get(tag, ()), key=order.__getitem__)
        if members:
            out += lists.pages(f"/tag/{code}/", members, True, kind, description)
            out.append(lists.feed(f"/feeds/tag/{code}/", members, kind, description))
    return out
