"""``{% load discussion %}``: the comments and trackbacks blocks of the cable page."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cablebase.archive.models import Cable

from ..counts import approved_comment_counts, paragraph_counts
from ..links import cable_page_url
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
    """Approved comments (each per-paragraph one linking to its ``#par{N}``) and a link to
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
    page = cable_page_url(cable)
    request = context.get("request")
    return {
        "cable": cable,
        "trackbacks": list(Trackback.approved.filter(cable=cable)),
        "trackback_url": request.build_absolute_uri(path) if request is not None else path,
        "page_url": request.build_absolute_uri(page) if request is not None else page,
    }


@register.simple_tag
def comments_feed_link(cable: Cable) -> SafeString:
    """``<link rel="alternate">`` to the comments feed, for the cable page's ``<head>``."""
    return format_html(
        '<link rel="alternate" type="application/atom+xml" title="Comments on {}" href="{}">',
        cable.reference_id,
        reverse("discussion:comments_feed", args=[cable.reference_id]),
    )


@register.simple_tag
def paragraph_comment_counts(cable: Cable) -> dict[int, int]:
    """``{% paragraph_comment_counts cable as counts %}``: approved comments per ¶ position."""
    return paragraph_counts(cable.pk)


@register.simple_tag
def comment_count(cable: Cable) -> int:
    """Approved comments on ``cable``; uses ``cable.comment_count`` when a list annotated it."""
    annotated = getattr(cable, "comment_count", None)
    if annotated is not None:
        return int(annotated)
    return approved_comment_counts([cable.pk])[cable.pk]
