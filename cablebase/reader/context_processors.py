"""What every reader template may ask: whether the discussion app is there to load its tags."""

from __future__ import annotations

from django.apps import apps
from django.http import HttpRequest


def installed_apps(request: HttpRequest) -> dict[str, bool]:
    """``discussion_installed``: the reader reaches comments only through discussion's tags."""
    return {"discussion_installed": apps.is_installed("cablebase.discussion")}
