"""Snippet marks: every word the index would match is marked, and nothing else, whatever
the case of the text (letters whose lower case is longer, such as the dotted capital I,
included), on invented text and on real cables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebase.archive.query import parse_query
from cablebase.archive.search.schema import stem_of, words
from cablebase.archive.search.snippets import Matcher, make_snippet

WORD = re.compile(r"[^\W_]+")
VOCABULARY = [
    "negotiation",
    "Negotiations",
    "NEGOTIATED",
    "renegotiate",
    "negotiator",
    "İstanbul",
    "talks",
    "the",
    "nation",
    "negotiable",
    "negotia",
]


def expected(text: str, word: str) -> list[tuple[int, int]]:
    """Where the words with ``word``'s English stem are, found without the matcher."""
    stem = stem_of(words(word)[0])
    return [
        (m.start(), m.end())
        for m in WORD.finditer(text)
        if words(m.group()) and stem_of(words(m.group())[0]) == stem
    ]


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.tuples(st.sampled_from(VOCABULARY), st.sampled_from([" ", ", ", "\n", "-", ". "])),
        max_size=30,
    )
)
def test_the_marks_are_the_words_with_the_stem(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    matcher = Matcher(parse_query("negotiation").text_leaves())
    found = expected(text, "negotiation")
    assert matcher.spans(text) == found
    assert matcher.first(text) == (found[0][0] if found else None)


def test_a_longer_lower_case_keeps_the_offsets() -> None:
    text = "İİİ İstanbul: the Negotiations went on; negotiated at last."
    assert len(text.lower()) != len(text)
    matcher = Matcher(parse_query("negotiation").text_leaves())
    assert [text[a:b] for a, b in matcher.spans(text)] == ["Negotiations", "negotiated"]
    snippet = make_snippet(text, matcher)
    assert [snippet.text[a:b] for a, b in snippet.spans] == ["Negotiations", "negotiated"]


@pytest.mark.parametrize("query", ["Hamas", "negotiation", "minister", "sanctions"])
def test_real_cables_are_marked_where_the_words_are(samples_dir: Path, query: str) -> None:
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(samples_dir.rglob("*.html"))[:30]
    ]
    matcher = Matcher(parse_query(query).text_leaves())
    marked = 0
    for text in texts:
        assert matcher.spans(text) == expected(text, query)
        snippet = make_snippet(text, matcher)
        for a, b in snippet.spans:
            assert stem_of(words(snippet.text[a:b])[0]) == stem_of(words(query)[0])
        marked += len(snippet.spans)
    assert marked > 0
