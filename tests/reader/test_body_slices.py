"""Cutting a body at its paragraphs keeps every character of the telegram in order."""

from __future__ import annotations

import itertools
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cablebase.reader import body_slices
from cablebase.reader.body_slices import split_body

words = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh().,'-0123456789", min_size=1, max_size=9
)
paragraph = st.lists(words, min_size=1, max_size=40).map(" ".join)


@example(preamble="", paragraphs=["1"], signer="", width=20)  # text equal to its number
@given(
    preamble=st.lists(words, max_size=12).map(" ".join),
    paragraphs=st.lists(paragraph, min_size=1, max_size=8),
    signer=st.sampled_from(["", "BURNS", "RICE"]),
    width=st.integers(min_value=20, max_value=70),
)
def test_paragraphs_are_found_in_order_with_the_body_lines(
    preamble: str, paragraphs: list[str], signer: str, width: int
) -> None:
    wrapped = [
        textwrap.fill(
            f"{n}. (C)  {text}", width=width, break_on_hyphens=False, break_long_words=False
        )
        for n, text in enumerate(paragraphs, 1)
    ]
    body = "\n".join(filter(None, [preamble, *wrapped, signer]))
    numbers = [str(n) for n in range(1, len(paragraphs) + 1)]
    segments = split_body(body, paragraphs, numbers)
    assert segments is not None
    assert len(segments.paragraphs) == len(paragraphs)
    for number, (segment, text) in enumerate(zip(segments.paragraphs, paragraphs), 1):
        assert segment.startswith(f"{number}. (C)")
        assert " ".join(segment.split()).endswith(" ".join(text.split()))
    rebuilt = "\n".join(filter(None, [segments.preamble, *segments.paragraphs, segments.tail]))
    assert " ".join(rebuilt.split()) == " ".join(body.split())
    assert segments.tail == signer


def test_a_paragraph_missing_from_the_body_gives_none() -> None:
    assert split_body("1. (C) Something else entirely.", ["Not in the body"]) is None
    assert split_body("text", []) is None


def test_tag_line_links_are_escaped_and_never_nested() -> None:
    from cablebase.reader.body_slices import link_tag_line

    html = link_tag_line(
        "SUBJECT: <b>PREL</b>\nTAGS: PREL, OVIP (CLINTON, HILLARY) <x>",
        ["PREL", "CLINTON, HILLARY", "OVIP"],
        lambda code: f"/tag/{code}/",
    )
    assert "SUBJECT: &lt;b&gt;PREL&lt;/b&gt;" in html  # only the TAGS line is linked
    assert '<a href="/tag/PREL/">PREL</a>' in html
    assert '<a href="/tag/CLINTON, HILLARY/">CLINTON, HILLARY</a>' in html
    assert html.endswith("&lt;x&gt;")


# The rule ``split_body`` follows, stated as the regular expression it once compiled for
# every paragraph (a quarter of a page's rendering time): the search must find exactly
# what this finds.
def _rule(words: list[str], number: str = "") -> re.Pattern[str]:
    text = r"\s+".join(re.escape(w) for w in words)
    text = ("(?<!\\w)" if words[0][0].isalnum() else "") + text
    text += "(?!\\w)" if words[-1][-1].isalnum() else ""
    if number:
        return re.compile(rf"(?<![\w.])¶?[ \t]*{re.escape(number)}\.\s*(?:\([^)\n]*\)\s*)?{text}")
    return re.compile(text)


def _by_rule(body: str, words: list[str], number: str, start: int) -> tuple[int, int] | None:
    found = _rule(words, number).search(body, start) if number else None
    found = found or _rule(words).search(body, start)
    return found.span() if found else None


tricky = st.text(alphabet="AB1.2 ¶\t\n()_-é\u00a0x", max_size=60)


@settings(max_examples=400)
@given(
    body=tricky,
    words=st.lists(st.text(alphabet="AB1.2()_-éx", min_size=1, max_size=3), min_size=1, max_size=3),
    number=st.sampled_from(["", "1", "2", "12"]),
    start=st.integers(0, 8),
)
def test_the_search_finds_what_the_rule_finds(
    body: str, words: list[str], number: str, start: int
) -> None:
    assert body_slices._find(body, words, number, start) == _by_rule(body, words, number, start)


def _cables(*paths: Path) -> list:
    from cablebase.parse import parse_path

    return [r for p in paths for r in parse_path(p) if not isinstance(r, Exception)]


def _split_by_rule(body: str, texts: list[str], numbers: list[str]) -> tuple | None:
    """``split_body`` as it was, one compiled pattern per paragraph."""
    starts: list[int] = []
    cursor = 0
    for text, number in zip(texts, numbers):
        found = _by_rule(body, text.split()[: body_slices.PROBE_WORDS], number, cursor)
        if found is None:
            return None
        line_start = body.rfind("\n", 0, found[0]) + 1
        starts.append(line_start if line_start > (starts[-1] if starts else -1) else found[0])
        cursor = found[1]
    whole = _by_rule(body, texts[-1].split(), numbers[-1], starts[-1])
    end = whole[1] if whole else len(body)
    slices = [body[a:b].strip("\n") for a, b in itertools.pairwise([*starts, end])]
    return body[: starts[0]].rstrip("\n"), slices, body[end:].strip("\n")


@pytest.mark.timeout(120)
def test_real_cables_are_cut_where_the_rule_cuts_them(samples_dir, shared_corpus) -> None:
    files = sorted((shared_corpus / "cablegate-2010-pages").glob("*.html"))[:150]
    files += sorted((samples_dir / "cablegate-2010-pages").glob("*"))[:50]
    records = [r for r in _cables(*files) if r.paragraphs and r.body]
    assert len(records) > 100
    placed = 0
    for record in records:
        texts = [p.text for p in record.paragraphs]
        numbers = [p.number or "" for p in record.paragraphs]
        segments = split_body(record.body, texts, numbers)
        got = segments and (segments.preamble, segments.paragraphs, segments.tail)
        assert got == _split_by_rule(record.body, texts, numbers), record.reference_id
        placed += segments is not None
    assert placed > 0.9 * len(records)  # the page shows the telegram's own lines
