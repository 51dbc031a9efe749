"""Who may skip the moderation queue."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

TRUSTED_GROUP = "trusted"


def is_trusted(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Staff and members of the "trusted" group publish without waiting for approval."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return user.groups.filter(name=TRUSTED_GROUP).exists()
