"""Posting comments and receiving trackback pings."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cablebase.archive.models import Cable

from . import ratelimit
from .forms import CommentForm
from .links import after_post_url, cable_page_url
from .models import Comment, Status
from .moderation import is_trusted
from .trackback import handle_ping

MESSAGE_TAG = "discussion"


def _rate_limited(request: HttpRequest, cable: Cable) -> HttpResponse:
    return render(
        request,
        "discussion/rate_limited.html",
        {
            "cable": cable,
            "cable_url": cable_page_url(cable),
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
    cable = get_object_or_404(Cable, reference_id=reference_id)
    if not ratelimit.hit(request, "comment"):
        return _rate_limited(request, cable)
    form = CommentForm(request.POST, cable=cable, user=request.user)
    if not form.is_valid():
        context = {"cable": cable, "cable_url": cable_page_url(cable), "form": form}
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
