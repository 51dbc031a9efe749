"""Redaction marks as links to their reason: the archive hands over text, the page shows why."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from cablebase.archive.redaction import MARK

MARK_TEXT = re.compile(r"\[" + re.escape(escape(MARK)) + r" #(\d+)\]")


def public_reasons() -> dict[int, str]:
    """Rule number -> its reason (never its text, never the cable it is limited to)."""
    from cablebase.archive.models import RedactionRule

    return dict(RedactionRule.stored.values_list("pk", "reason"))


def link_marks(text: str, reasons: dict[int, str]) -> SafeString:
    """``text`` escaped, each mark a link to the explainer with its reason as the title."""
    page = reverse("reader:redactions")

    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        reason = escape(reasons.get(number, "withheld by the publisher"))
        return (
            f'<a class="redacted" href="{page}#rule-{number}" title="Redacted: {reason}">'
            f"{escape(MARK)}</a>"
        )

    return mark_safe(MARK_TEXT.sub(link, str(conditional_escape(text))))
