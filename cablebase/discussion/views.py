"""The comment form (its own URL, the only page with a CSRF cookie) and trackback pings.

The cable page shows the discussion but no form: it is the same bytes for every reader
and sets no cookie, so shared caches can keep it. "Leave a comment" links here (the
reader's script loads this page's form into the cable page when it can).
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cablebase.archive.models import Cable
from cablebase.archive.paragraph_numbers import legacy_address

from . import ratelimit
from .forms import CommentForm
from .models import Comment, Status
from .moderation import is_trusted
from .trackback import handle_ping

MESSAGE_TAG = "discussion"
PARAGRAPH_PARAM = "par"  # ?par=3: the cable's paragraph 3
LEGACY_PARAM = "paragraph"  # ?paragraph=5: the 5th paragraph, sub-heads counted (before #12)


def after_post_url(cable: Cable, anchor: str = "comments") -> str:
    """Where a trusted poster lands: their published comment on the cable page, under an
    address no cache has kept (``?posted=<token>`` is new each time)."""
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


def form_url(cable: Cable) -> str:
    """The comment form's own address (``?par=3`` preselects the cable's paragraph 3)."""
    return reverse("discussion:post_comment", args=[cable.reference_id])


def _form_page(request: HttpRequest, cable: Cable, form: CommentForm, status: int = 200):
    """The form with its CSRF token, the poster's messages and the way back to the cable."""
    discussion_messages = [
        m for m in messages.get_messages(request) if MESSAGE_TAG in (m.extra_tags or "").split()
    ]
    context = {
        "cable": cable,
        "cable_url": cable.get_absolute_url(),
        "form": form,
        "post_url": form_url(cable),
        "trusted": is_trusted(request.user),
        "discussion_messages": discussion_messages,
    }
    return render(request, "discussion/comment_form_page.html", context, status=status)


def _wanted_paragraph(request: HttpRequest) -> dict[str, int]:
    """``?par=3`` as the form's initial value; anything but ASCII digits is ignored."""
    wanted = request.GET.get(PARAGRAPH_PARAM, "")
    return {"paragraph": int(wanted)} if wanted.isascii() and wanted.isdigit() else {}


def _legacy_redirect(request: HttpRequest, cable: Cable) -> HttpResponse | None:
    """``?paragraph=N`` counted positions, sub-heads too, before paragraphs were named by
    the cable's numbers: it moves for good to the ``?par=`` of the same text."""
    if PARAGRAPH_PARAM in request.GET:
        return None
    paragraph = legacy_address(cable, request.GET.get(LEGACY_PARAM))
    if paragraph is None or paragraph.key is None:
        return None  # not a position: the form, nothing selected
    return HttpResponsePermanentRedirect(f"{form_url(cable)}?{PARAGRAPH_PARAM}={paragraph.key}")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def post_comment(request: HttpRequest, reference_id: str) -> HttpResponse:
    """GET: the comment form. POST: store a comment (pending unless the author is trusted)."""
    cable = cable_or_404(reference_id)
    if request.method != "POST":
        moved = _legacy_redirect(request, cable)
        if moved is not None:
            return moved
        form = CommentForm(cable=cable, user=request.user, initial=_wanted_paragraph(request))
        return _form_page(request, cable, form)
    if not ratelimit.hit(request, "comment"):
        return _rate_limited(request, cable)
    form = CommentForm(request.POST, cable=cable, user=request.user)
    if not form.is_valid():
        return _form_page(request, cable, form, status=400)
    if form.is_spam:
        # Pretend all went well: a bot learns nothing from the answer.
        messages.info(request, "Thank you: your comment awaits moderation.", MESSAGE_TAG)
        return HttpResponseRedirect(f"{form_url(cable)}#comment-status")
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
    if trusted:  # the published comment on the cable page is the confirmation
        return HttpResponseRedirect(after_post_url(cable, comment.anchor))
    # The thanks are shown on the form's page: the cable page reads no cookie.
    messages.info(request, "Thank you: your comment awaits moderation.", MESSAGE_TAG)
    return HttpResponseRedirect(f"{form_url(cable)}#comment-status")


@csrf_exempt  # other sites' blogs ping us; nothing here acts on a visitor's session
def trackback(request: HttpRequest, reference_id: str) -> HttpResponse:
    """The Trackback protocol endpoint: a form-encoded POST answered in XML."""
    return handle_ping(request, reference_id)
