"""A paragraph's number as citations use it: its ¶ anchor, its label, and old addresses.

The cable's own number is the paragraph's name everywhere: the page's anchor
``#par3`` is the cable's ``3. (C)`` (as the 2010 cable viewer's ``#par3`` was),
"Comment on ¶3" and a comment's ``paragraph`` are 3. Text before the first number
(a summary lead the cable does not number) is the *opening*, key 0, ``#par0``.

Before issue 12 a sub-head counted as a paragraph, so positions ran ahead of the
cable's numbers; ``Paragraph.legacy_span`` keeps how many of those positions each
paragraph now covers, and ``legacy_paragraph`` finds where an old ``?paragraph=N``
address pointed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

OPENING = 0


class _Numbered(Protocol):
    number: str
    legacy_span: int


P = TypeVar("P", bound=_Numbered)


def paragraph_key(number: str | None) -> int | None:
    """The cable's number as the integer comments store: 0 for the unnumbered opening,
    None for a number that is not plain digits (no parser writes one)."""
    if not number:
        return OPENING
    return int(number) if number.isascii() and number.isdigit() else None


def paragraph_anchor(number: str | int | None) -> str:
    """The HTML id of the cable's paragraph ``number``: ``par3``; ``par0`` for the opening."""
    return f"par{number or OPENING}"


def paragraph_label(number: str | int | None) -> str:
    """How a page names the paragraph: ``¶3``, or ``the opening`` (no number to cite)."""
    return f"¶{number}" if number and str(number) != str(OPENING) else "the opening"


def legacy_paragraph(paragraphs: Iterable[P], position: int) -> P | None:
    """The paragraph that now holds what position ``position`` (1-based, sub-heads counted)
    showed before the numbers were the cable's own; None past the end."""
    if position < 1:
        return None
    end = 0
    for paragraph in paragraphs:
        end += paragraph.legacy_span
        if position <= end:
            return paragraph
    return None


def legacy_address(cable: Any, value: str | None) -> Any | None:
    """The paragraph an old ``?paragraph=N`` address of ``cable`` meant, or None when
    ``value`` is not a position (anything but ASCII digits, or past the end)."""
    if not value or not (value.isascii() and value.isdigit()):
        return None
    ordered = cable.paragraphs.only("number", "legacy_span").order_by("position")
    return legacy_paragraph(ordered, int(value))
