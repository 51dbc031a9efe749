"""The parser's shortcuts for speed find exactly what the plain way finds.

Each shortcut (a scan that runs a regex only where it can match, a cheap test
before a pattern) is compared with the straightforward code it replaces, on
the lines of real cables and on awkward invented ones: a shortcut that missed
a keyword would lose a cable's subject or TAGS without any error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebase.parse.context import Context
from cablebase.parse.formats.wikileaks_html import read
from cablebase.parse.rules.segments import _KEYWORD_SPAN, KEYWORD_RE, keyword_matches
from cablebase.parse.text import _new_page_breaks, _trailing_words

AWKWARD_LINES = [
    "",
    "TAGS PREL PGOV",
    "  \tTAGS PREL",
    "tags: prel",
    "E.O. 12958: DECL: 1/1/2016 TAGS: PREL SUBJECT: ONE LINE",
    "e. o. 12958 decl: 1/1/16",
    "SANCTIONS UNDER E.O. 13382",
    "AGUILERAE.O. 12958: N/A",
    "EO 12958 DECL OADR",
    "THE PRIME MINISTERREF: A. LONDON 1939",
    "REF: A. REF: A. STATE 55370",
    "REFTELS A. STATE 1",
    "REF (A) STATE 1",
    "Classified By: Classified By: Jane Doe",
    "CLASSIFIEDECL: 1/1/2016",
    "DECLASSIFY ON: 2020/01/12",
    "Subject: Subject: twice",
    "SUBJ: SHORT",
    "E.E.O.EO 12345 E.O.E.O. 12345",
    "TAGTAGS: TAGS:TAGS PREL",
    "SUBJECT\u00a0: NON-ASCII BLANK, TAGS: PREL",
    "CLASS\u0130FIED BY: DOTTED CAPITAL I",
    "\u017fUBJECT: LONG S, TAGS: PREL",
    "SUBJECT: \u201cQUOTED\u201d VISIT \u2014 E.O. 12958: DECL: 1/1/16 REF: A. STATE 1",
    "\u00e9E.O. 12958 \u00e9TAGS: \u00e9REF: A. STATE 1",
    "Subject to approval: not a keyword in prose?",
    "x" * 9000 + " TAGS: PAST THE SPAN",
    "REF: " * 2000,
]


def _page_lines(pages: Path, limit: int = 120) -> list[str]:
    lines: list[str] = []
    for page in sorted(pages.glob("*.html")):
        state = read(page.read_text(encoding="utf-8"), Context())
        lines.extend((state.transmission + "\n" + state.text).split("\n")[:limit])
    return lines


@pytest.mark.timeout(60)
def test_keyword_scan_finds_what_the_full_regex_finds(samples_dir: Path) -> None:
    lines = AWKWARD_LINES + _page_lines(samples_dir / "cablegate-2010-pages")
    found_any = 0
    for line in lines:
        want = [(m.lastgroup, m.span()) for m in KEYWORD_RE.finditer(line, 0, _KEYWORD_SPAN)]
        got = [(m.lastgroup, m.span()) for m in keyword_matches(line)]
        assert got == want, line[:200]
        found_any += bool(want)
    assert found_any > 1000  # the real headers' keyword lines were among them


HEADER = (
    "VZCZCXRO1234\nOO RUEHWEB\nDE RUEHMO #1323/01 0411526\nO 101526Z FEB 06\n"
    "FM AMEMBASSY MOSCOW\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4696\n"
)
AWKWARD_TEXTS = [
    HEADER + "\n\n\nC O N F I D E N T I A L MOSCOW 001323\n\nSUBJECT: X\n\n1. (C) Text.\n",
    HEADER + "BT\n\n\n\nUNCLAS SECTION 01 OF 02 STATE 1\n",
    HEADER + "\n\n\n",  # nothing after the header
    HEADER + "\n" + "1. (U) No classification line.\n" * 700,  # more lines than scanned
    HEADER + "SECRET STATE 1\n" + "x" * 31000 + "\n",  # longer than the split scan
    "\n\nSECRET STATE 1\nSUBJECT: NO HEADER\n\n1. (S) Text.\n",
    "SECRET\n",
]


def _telegrams(pages: Path) -> list[str]:
    out = []
    for page in sorted(pages.glob("*.html")):
        state = read(page.read_text(encoding="utf-8"), Context())
        out.append((state.transmission + "\n\n" + state.text).strip() + "\n")
    return out


@pytest.mark.timeout(60)
def test_the_lines_routing_leaves_are_the_split_of_the_text_left(samples_dir: Path) -> None:
    from cablebase.parse.rules.cleanup import cleanup
    from cablebase.parse.rules.routing import routing
    from cablebase.parse.state import ParseState

    shared = 0
    for text in AWKWARD_TEXTS + _telegrams(samples_dir / "cablegate-2010-pages"):
        state = ParseState(text=text)
        cleanup(state)
        routing(state)
        if state.split is not None:
            shared += 1
            assert state.split[0] is state.text
            assert state.split[1] == state.text.split("\n"), text[:300]
        assert state.text_lines() == state.text.split("\n")
    assert shared > 400  # the real cables' split was handed on


_POST_BEFORE_RE = re.compile(r"((?:[A-Z]+\s+){1,4})$")


def _words_by_regex(window: str) -> list[tuple[int, int]]:
    m = _POST_BEFORE_RE.search(window)
    if not m:
        return []
    return [(m.start(1) + w.start(), m.start(1) + w.end()) for w in re.finditer("[A-Z]+", m[1])]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["A", "LA", "PAZ", "x", "Ab", ".", "-", " ", "\n", "\t", "\u00a0", "\u00c9"]
        ),
        max_size=14,
    ).map("".join)
)
def test_words_before_a_page_serial_are_what_the_regex_found(window: str) -> None:
    assert _trailing_words(window) == _words_by_regex(window)


@pytest.mark.timeout(60)
def test_page_break_post_names_on_real_cables(samples_dir: Path) -> None:
    windows = [
        "ions. \n\n----- \n\nLA PAZ ",
        "commenting\nBEIJING ",
        "A B C D E F ",
        "\nABCD E F G H ",
        "ABC\n",
        "x ABC",
    ]
    for text in _telegrams(samples_dir / "cablegate-2010-pages"):
        windows.extend(text[max(0, m.start() - 60) : m.start()] for m in _new_page_breaks(text))
    assert len(windows) > 100
    for window in windows:
        assert _trailing_words(window) == _words_by_regex(window), window
