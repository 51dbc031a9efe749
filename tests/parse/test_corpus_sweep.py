"""Every real cable-viewer page parses, and agrees with its own metadata table.

All 415 pages of the first releases and all 2,179 pages of the 2011-04 zip.
The expected values are read from the page with a regex independent of the
parser's selectolax reader.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cablebase.parse import CableRecord, ParseError, parse_document

ROW_RE = re.compile(
    r"<table class='cable'>.*?<a href='/cable/[^']+'>([^<]+)</a>.*?"
    r"<a href='/date/[^']+'>([^<]+)</a>.*?<a href='/reldate/[^']+'>([^<]+)</a>.*?"
    r"<a href='/classification/[^']+'[^>]*>([^<]+)</a>.*?<a href='/origin/[^']+'>([^<]+)</a>",
    re.S,
)
PAGE_BREAK_RE = re.compile(r"\b\d{8}\s+\d{3}\s+OF\s+\d{3}\b|^\s*PAGE \d\d\s+[A-Z ]+\d{5}", re.M)
HTML_RE = re.compile(r"</?(?:a|pre|code|div|td|tr|table|br|p)\b[^>]*>|&#x[0-9A-Fa-f]+;")


def _iso(text: str) -> str:
    date, time = text.split()
    return f"{date}T{time}:00Z"


def _pages(corpus: Path) -> Iterator[tuple[str, bytes]]:
    for path in sorted((corpus / "cablegate-2010-pages").glob("*.html")):
        yield path.name, path.read_bytes()
    with zipfile.ZipFile(corpus / "cablegate-2011-04-pages.zip") as zf:
        for name in sorted(zf.namelist()):
            if name.endswith(".html"):
                yield name, zf.read(name)


def _problems(name: str, data: bytes) -> list[str]:
    expected = ROW_RE.search(data.decode("utf-8"))
    if expected is None:
        return [f"{name}: no metadata table"]
    rid, created, released, classification, origin = (g.strip() for g in expected.groups())
    try:
        r: CableRecord = parse_document(data, path=name)
    except ParseError as exc:
        return [f"{name}: {exc}"]
    out = []
    got = (r.reference_id, r.created, r.released, r.classification, r.origin)
    want = (rid, _iso(created), _iso(released), classification, origin)
    if got != want:
        out.append(f"{name}: metadata {got} != {want}")
    if r.source.format != "wikileaks-html":
        out.append(f"{name}: format {r.source.format}")
    if not (r.body or "").strip():
        out.append(f"{name}: empty body")
    for text in [r.body or ""] + [p.text for p in r.paragraphs]:
        if PAGE_BREAK_RE.search(text):
            out.append(f"{name}: page break left: {PAGE_BREAK_RE.search(text).group(0)!r}")
            break
        if "¶" in text or HTML_RE.search(text):
            out.append(f"{name}: HTML or ¶ left")
            break
    return out


@pytest.mark.slow
def test_every_corpus_page_parses_and_matches_its_metadata(shared_corpus: Path) -> None:
    problems: list[str] = []
    count = 0
    for name, data in _pages(shared_corpus):
        count += 1
        problems.extend(_problems(name, data))
    assert count == 415 + 2179
    assert problems == [], "\n".join(problems[:30])


def test_partial_extracts_are_flagged(shared_corpus: Path) -> None:
    pages = sorted((shared_corpus / "cablegate-2010-pages").glob("*.html"))
    partial = [p.name for p in pages if b"partial extract of the original cable" in p.read_bytes()]
    assert len(partial) == 30  # the corpus README's count
    for name in partial[:10]:
        data = (shared_corpus / "cablegate-2010-pages" / name).read_bytes()
        record = parse_document(data, path=name)
        assert record.partial is True
        assert "partial extract" not in (record.body or "")
        assert "partial extract" not in (record.header or "")
