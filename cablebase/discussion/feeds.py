"""The Atom feed of a cable's approved comments."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest

from cablebase.archive.models import Cable
from cablebase.xmltext import CleanAtom1Feed

from .models import Comment
from .text import render_plain_text
from .views import cable_or_404

FEED_SIZE = 50


class CableCommentsFeed(Feed):
    feed_type = CleanAtom1Feed  # valid XML whatever control characters the text holds

    def get_object(self, request: HttpRequest, reference_id: str) -> Cable:
        return cable_or_404(reference_id)

    def title(self, obj: Cable) -> str:
        return f"Comments on {obj.reference_id}"

    def subtitle(self, obj: Cable) -> str:
        return obj.subject or f"Discussion of cable {obj.reference_id}"

    def link(self, obj: Cable) -> str:
        return f"{obj.get_absolute_url()}#comments"

    def items(self, obj: Cable) -> QuerySet[Comment]:
        return Comment.approved.filter(cable=obj).order_by("-created", "-pk")[:FEED_SIZE]

    def item_title(self, item: Comment) -> str:
        where = f" on {item.paragraph_label}" if item.on_paragraph else ""
        return f"{item.name}{where}"

    def item_description(self, item: Comment) -> str:
        # Atom marks the summary type="html": give it the same escaped, linked HTML as the
        # page, so a feed reader never interprets what a commenter typed as markup.
        return str(render_plain_text(item.body))

    def item_link(self, item: Comment) -> str:
        return f"{item.cable.get_absolute_url()}#{item.anchor}"

    def item_author_name(self, item: Comment) -> str:
        return item.name

    def item_pubdate(self, item: Comment):
        return item.created

    def item_updateddate(self, item: Comment):
        return item.created
