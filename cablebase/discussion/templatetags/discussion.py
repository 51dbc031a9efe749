"""``{% load discussion %}``: everything of the discussion that the reader's pages show.

The reader never imports this app: its templates load these tags only when
``apps.is_installed("cablebase.discussion")`` (the ``discussion_installed`` context
variable), as django-contrib-comments is used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from cablebase.archive.models import Cable, Paragraph

from ..models import Comment, Trackback
from ..text import render_plain_text
from ..views import form_url

register = template.Library()


@register.filter(name="comment_html")
def comment_html(text: str) -> SafeString:
    """A commenter's plain text as safe HTML (escaped, http(s) links made ``nofollow ugc``)."""
    return render_plain_text(text or "")


@register.inclusion_tag("discussion/comments_block.html")
def comments_block(cable: Cable) -> dict[str, Any]:
    """Approved comments (each one on a paragraph linking to its ``#par{N}``) and a link to
    the comment form, which lives at its own URL: nothing here depends on the visitor, so
    the cable page is the same for everyone and sets no cookie."""
    return {
        "cable": cable,
        "comments": list(Comment.approved.filter(cable=cable).select_related("user")),
        "form_url": form_url(cable),
        "feed_url": reverse("discussion:comments_feed", args=[cable.reference_id]),
    }


@register.inclusion_tag("discussion/trackbacks_block.html", takes_context=True)
def trackbacks_block(context: template.Context, cable: Cable) -> dict[str, Any]:
    """Approved trackbacks, and the URL other blogs ping."""
    path = reverse("discussion:trackback", args=[cable.reference_id])
    page = cable.get_absolute_url()
    request = context.get("request")
    return {
        "cable": cable,
        "trackbacks": list(Trackback.approved.filter(cable=cable)),
        "trackback_url": request.build_absolute_uri(path) if request is not None else path,
        "page_url": request.build_absolute_uri(page) if request is not None else page,
    }


@register.simple_tag
def attach_comment_counts(cables: Iterable[Cable]) -> str:
    """Set ``comment_count`` on each cable of a list that lacks it (one query); renders nothing."""
    cables = [c for c in cables if not hasattr(c, "comment_count")]
    counts = Comment.approved.per_cable(c.pk for c in cables)
    for cable in cables:
        cable.comment_count = counts[cable.pk]
    return ""


@register.simple_tag
def attach_paragraph_counts(cable: Cable, paragraphs: Iterable[Paragraph]) -> str:
    """Set ``comment_count`` on each paragraph; no query when the cable has no comment."""
    if getattr(cable, "approved_comments", None) == 0:
        counts: dict[int, int] = {}
    else:
        counts = Comment.approved.per_paragraph(cable.pk)
    for paragraph in paragraphs:
        paragraph.comment_count = counts.get(paragraph.key, 0)
    return ""


@register.inclusion_tag("discussion/most_discussed.html")
def most_discussed(limit: int = 10) -> dict[str, Any]:
    """The cables with the most approved comments, as the reader's list of cables."""
    counts = Comment.approved.most_discussed(limit)
    cables = list(Cable.objects.filter(id__in=counts).for_list())
    for cable in cables:
        cable.comment_count = counts[cable.id]
    cables.sort(key=lambda c: (-c.comment_count, c.reference_id))
    return {"cables": cables, "discussion_installed": True}
