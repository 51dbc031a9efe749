"""Posting comments and receiving trackback pings."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cablebase.archive.models import Cable

from . import ratelimit
from .forms import CommentForm
from .models import Comment, Status
from .moderation import is_trusted
from .trackback import handle_ping

MESSAGE_TAG = "discussion"


def after_post_url(cable: Cable, anchor: str = "comments") -> str:
    """Where a poster lands: the cable page under an address their browser has not cached.

    The cable page is cacheable (an ETag that changes only with approved comments), so
    the plain address could come back from the browser's cache without the "awaits
    moderation" message; ``?posted=<token>`` is new each time, so the page is fetched
    anew and shows the message.
    """
    return f"{cable.get_absolute_url()}?posted={secrets.token_hex(4)}#{anchor}"


def cable_or_404(reference_id: str) -> Cable:
    """The cable a discussion URL names, found as the reader finds it."""
    cable = Cable.objects.by_reference(reference_id)
    if cable is None:
        raise Http404(f"no cable {reference_id!r}")
    return cable


def _rate_limited(request: HttpRequest, cable: Cable) -> HttpResponse:
    return render(
        request,
        "discussion/rate_limited.html",
        {
            "cable": cable,
            "cable_url": cable.get_absolute_url(),
            "limit": ratelimit.limit_count(),
            "minutes": ratelimit.window_minutes(),
        },
        status=429,
    )


def _author_name(user, data: dict) -> str:
    """An account's comments carry the account's name: a posted name cannot impersonate."""
    if user is None:
        return data["name"]
    return (user.get_full_name() or user.get_username())[:80]


@require_POST
def post_comment(request: HttpRequest, reference_id: str) -> HttpResponse:
    """Store a comment (pending unless the author is trusted) and go back to the cable."""
    cable = cable_or_404(reference_id)
    if not ratelimit.hit(request, "comment"):
        return _rate_limited(request, cable)
    form = CommentForm(request.POST, cable=cable, user=request.user)
    if not form.is_valid():
        context = {"cable": cable, "cable_url": cable.get_absolute_url(), "form": form}
        return render(request, "discussion/comment_form_page.html", context, status=400)
    if form.is_spam:
        # Pretend all went well: a bot learns nothing from the answer.
        messages.info(request, "Thank you: your comment awaits moderation.", MESSAGE_TAG)
        return HttpResponseRedirect(after_post_url(cable))
    data = form.cleaned_data
    user = request.user if request.user.is_authenticated else None
    trusted = is_trusted(user)
    comment = Comment(
        cable=cable,
        paragraph=data.get("paragraph"),
        user=user,
        name=_author_name(user, data),
        email=user.email if user else data["email"],
        body=data["body"],
        status=Status.APPROVED if trusted else Status.PENDING,
        ip_address=request.META.get("REMOTE_ADDR") or None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
    )
    comment.save()
    if trusted:
        messages.success(request, "Your comment is published.", MESSAGE_TAG)
        return HttpResponseRedirect(after_post_url(cable, comment.anchor))
    messages.info(request, "Thank you: your comment awaits moderation.", MESSAGE_TAG)
    return HttpResponseRedirect(after_post_url(cable))


@csrf_exempt  # other sites' blogs ping us; nothing here acts on a visitor's session
def trackback(request: HttpRequest, reference_id: str) -> HttpResponse:
    """The Trackback protocol endpoint: a form-encoded POST answered in XML."""
    return handle_ping(request, reference_id)
