"""Static explainer pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cablebase.reader.eo_reasons import LEVELS, ORDERS, REASONS


@require_safe
@cache_control(max_age=3600)
def classification(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reader/classification.html",
        {"reasons": REASONS, "orders": ORDERS, "levels": LEVELS},
    )


@require_safe
def redactions(request: HttpRequest) -> HttpResponse:
    """Why text is withheld: each rule's number, reason and date, never what it hides."""
    from cablebase.archive.models import RedactionRule

    rules = RedactionRule.stored.order_by("pk").only("pk", "reason", "created", "cable_id")
    return render(request, "reader/redactions.html", {"rules": rules})
