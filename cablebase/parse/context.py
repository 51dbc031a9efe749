"""What the caller knows about the cable a fragment comes from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Context:
    """Reference id or year of the enclosing cable, to resolve implied-year citations."""

    reference_id: str | None = None
    year: int | None = None
