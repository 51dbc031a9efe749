"""Turn a visitor's plain text into safe HTML: everything escaped, http(s) URLs linked.

Django's ``Urlizer`` escapes every word it does not link (``autoescape=True`` on a
plain, non-safe string) and only ever builds ``http://``/``https://`` hrefs, so
``javascript:`` or ``data:`` text can never become a link.  We subclass it to drop
``mailto:`` links (addresses stay text) and to mark links as user-generated.
"""

from __future__ import annotations

import re

from django.utils.html import Urlizer, escape
from django.utils.safestring import SafeString, mark_safe

LINK_REL = "nofollow ugc noopener"
_ALLOWED_HREF = re.compile(r'href="https?://', re.IGNORECASE)
_SCHEME = re.compile(r"^\W*([a-z][a-z0-9+.-]*):", re.IGNORECASE)


class _CommentUrlizer(Urlizer):
    url_template = '<a href="{href}" rel="' + LINK_REL + '">{url}</a>'

    def is_email_simple(self, value: str) -> bool:  # addresses are never linked
        return False

    def handle_word(self, word: str, **kwargs) -> str:
        scheme = _SCHEME.match(word)
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            return escape(word)  # "javascript:...example.com" must not become http://javascript:
        return super().handle_word(word, **kwargs)


_urlize = _CommentUrlizer()


def render_plain_text(text: str, *, trim_url_limit: int = 80) -> SafeString:
    """Escape ``text``, link its http(s) URLs, and keep its paragraphs and line breaks."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()) if p]
    html_parts = []
    for para in paragraphs:
        # str(...) makes sure a SafeString from elsewhere is escaped all the same.
        linked = _urlize(str(para), trim_url_limit=trim_url_limit, autoescape=True)
        html_parts.append("<p>" + linked.replace("\n", "<br>") + "</p>")
    out = "\n".join(html_parts)
    if out.count('href="') != len(_ALLOWED_HREF.findall(out)):
        # Belt and braces: should a link other than http(s) ever slip through, link nothing.
        return mark_safe("<p>" + escape(text).replace("\n", "<br>") + "</p>")
    return mark_safe(out)
