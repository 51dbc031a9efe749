"""Rendering the discussion blocks the way the reader's cable page does."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.template import RequestContext, Template
from django.test import RequestFactory

from cablebase.archive.models import Cable


def render_blocks(cable: Cable, user=None, query: dict | None = None) -> str:
    request = RequestFactory().get("/cable/x.html", query or {})
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    template = Template(
        "{% load discussion %}{% comments_block cable %}{% trackbacks_block cable %}"
        "{% attach_comment_counts cables %}<span id='count'>{{ counted.comment_count }}</span>"
    )
    counted = Cable.objects.get(pk=cable.pk)  # a fresh row, as a list page has
    context = {"cable": cable, "cables": [counted], "counted": counted}
    return template.render(RequestContext(request, context))
