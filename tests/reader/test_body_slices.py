"""Cutting a body at its paragraphs keeps every character of the telegram in order."""

from __future__ import annotations

import textwrap

from hypothesis import example, given
from hypothesis import strategies as st

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
