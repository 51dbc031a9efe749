"""``{% load discussion %}``: the comments and trackbacks blocks of the cable page."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cablebase.archive.models import Cable

from ..counts import approved_comment_counts, paragraph_counts
from ..forms import CommentForm
from ..links import cable_page_url
from ..models import Comment, Trackback
from ..moderation import is_trusted
from ..text import render_plain_text
from ..views import MESSAGE_TAG

register = template.Library()


@register.filter(name="comment_html")
def comment_html(text: str) -> SafeString:
    """A commenter's plain text as safe HTML (escaped, http(s) links made ``nofollow ugc``)."""
    return render_plain_text(text or "")


@register.inclusion_tag("discussion/comments_block.html", takes_context=True)
def comments_block(context: template.Context, cable: Cable) -> dict[str, Any]:
    """Approved comments (each per-paragraph one linking to its ``#par{N}``) and the form."""
    request = context.get("request")
    user = getattr(request, "user", None)
    comments = list(Comment.approved.filter(cable=cable).select_related("user"))
    form = context.get("comment_form")
    if form is None:
        # "?paragraph=3#comment-form" (the reader's per-paragraph link) preselects ¶3.
        wanted = request.GET.get("paragraph", "") if request is not None else ""
        # ASCII digits only: "²" and "①" pass str.isdigit() but not int().
        initial = {"paragraph": int(wanted)} if wanted.isascii() and wanted.isdigit() else {}
        form = CommentForm(cable=cable, user=user, initial=initial)
    discussion_messages = []
    if request is not None:
        from django.contrib.messages import get_messages

        discussion_messages = [
            m for m in get_messages(request) if MESSAGE_TAG in (m.extra_tags or "").split()
        ]
    return {
        "cable": cable,
        "comments": comments,
        "form": form,
        "user": user,
        "trusted": is_trusted(user),
        "post_url": reverse("discussion:post_comment", args=[cable.reference_id]),
        "feed_url": reverse("discussion:comments_feed", args=[cable.reference_id]),
        "discussion_messages": discussion_messages,
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
