"""What a full-text backend provides; one implementation per database vendor."""

from __future__ import annotations

import html
from typing import Protocol

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from cablebase.archive.query import Phrase, Term

MARK_OPEN = "\u27e6"  # sentinels around matches, turned into <mark> after escaping
MARK_CLOSE = "\u27e7"
SNIPPET_CHARS = 240


class Backend(Protocol):
    def text_condition(self, leaf: Term | Phrase) -> Q: ...

    def score(self, leaves: list[Term | Phrase]) -> RawSQL: ...

    def ranked_page(
        self, qs: QuerySet, leaves: list[Term | Phrase], offset: int, limit: int
    ) -> list[tuple[int, float]]: ...

    def snippets(self, ids: list[int], leaves: list[Term | Phrase]) -> dict[int, str]: ...


def mark_html(text: str) -> str:
    """Escape a backend's snippet and turn the sentinels into ``<mark>`` tags."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    return escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


def plain_snippet(text: str) -> str:
    """The start of a cable's text, for hits found by filters only."""
    flat = " ".join((text or "").split())
    if len(flat) > SNIPPET_CHARS:
        flat = flat[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(flat, quote=False)
