"""What the browser tests check on every page: axe-core's WCAG rules, width, CSP, hosts.

axe-core comes from the npm registry into ``tests/browser/vendor`` (``npm ci`` there, as
``scripts/test.sh`` does) and is evaluated in the page through the DevTools protocol, which
the page's Content-Security-Policy does not govern: no CDN, no inline script tag.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest

AXE_JS = Path(__file__).parent / "vendor" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (as issue 15 measured).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}


@cache
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} missing: run `npm ci --prefix tests/browser/vendor`")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now (each with id, impact, nodes)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source() + "\n;undefined")
    result = page.evaluate(
        # preload: false keeps axe from adding <style> copies of the page's sheets, which a
        # strict CSP refuses (the orientation rule it feeds is not among these tags).
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations'], preload: false})",
        AXE_TAGS,
    )
    return result["violations"]


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """One line per rule: impact, rule id, node count and the first offending elements."""
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
        lines.append(f"{v['impact']:>8} {v['id']} ×{len(v['nodes'])}: {targets}")
    return "\n".join(lines)


def by_rule(violations: list[dict]) -> Counter[str]:
    """Offending elements per ``rule (impact)``."""
    return Counter({f"{v['id']} ({v['impact']})": len(v["nodes"]) for v in violations})


def page_width(page) -> int:
    """How wide the document is, in CSS pixels: wider than the viewport means sideways scroll."""
    return page.evaluate("document.documentElement.scrollWidth")


@dataclass
class Watch:
    """What a page did that a strict, self-hosted site must not: other hosts, CSP refusals."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> Watch:
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        return self

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(request.url)

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            where = message.location
            self.csp.append(f"{text[:120]} at {where.get('url')}:{where.get('lineNumber')}")
