"""Every reader and rule runs in time linear in its input, on the shapes that once were not.

Each hostile shape is parsed at 10 KB, 100 KB and 1 MB. The growth test allows
a 100 KB -> 1 MB step of up to 30x (linear is 10x, quadratic 100x), takes the
best of three runs so a busy machine does not fail it, and the 1 MB case must
finish within a second. The shapes were found by inserting runs of letters,
blanks and punctuation at every spot of a real cable (see ``bench/fuzz_parse.py``).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cablebase.parse import ParseError, parse_document

pytestmark = pytest.mark.timeout(120)

SIZES = (10_000, 100_000, 1_000_000)
_FLOOR = 0.02


def _seed(samples_dir: Path) -> bytes:
    return (samples_dir / "seeds" / "000_068168b0c6d62cf7.txt").read_bytes()


def _insert(seed: bytes, spot: bytes, filler: bytes) -> bytes:
    assert spot in seed
    return seed.replace(spot, spot + filler, 1)


def _nested_pre(n: int) -> bytes:
    pairs = n // 11
    return (
        b"<html><body><table class='cable'><tr><td>10STATE1</td><td>2010-01-01 10:00</td>"
        b"<td>2011-01-01 10:00</td><td>SECRET</td><td>Secretary of State</td></tr></table>"
        + b"<pre>" * pairs
        + b"S E C R E T STATE 000001\nSUBJECT: NESTED\n\n1. (S) Text.\n\nCLINTON\n"
        + b"</pre>" * pairs
    )


def _viewer_page(seed: bytes, opening: bytes, closing: bytes = b"") -> bytes:
    """A 2011 viewer page whose text is ``opening`` + the seed's telegram text + ``closing``."""
    text = seed[seed.index(b"C O N F") :]
    return (
        b"<html><body><table class='cable'><tr><td>06STATE27174</td><td>2006-02-18 20:20</td>"
        b"<td>2011-01-01 10:00</td><td>CONFIDENTIAL</td><td>Secretary of State</td></tr></table>"
        b"<pre>" + opening + text + closing + b"</pre></body></html>"
    )


# name -> (builder of a document of about n bytes from the seed, check of the record)
SHAPES: dict[str, Callable[[bytes, int], bytes]] = {
    # viewer text (formats/viewer.py): teaser ends followed by a long line, blanks after a
    # teaser end, a catalogue that never ends its header, catalogue lines with blanks,
    # a glued "Cable dated:", catalogue ids at both ends
    "teaser ends before a long line": lambda s, n: _viewer_page(
        s,
        b"C O N F I D E N T I A L STATE 027174\n" + b"...\n" * 900 + b"C O N F " + b"A" * n + b"\n",
    ),
    "a run of dots where a teaser would end": lambda s, n: _insert(s, b"027174", b"." * n),
    "blanks after a teaser end": lambda s, n: _viewer_page(
        s, b"C O N F I D E N T I A L STATE 027174 ...\n" + b" " * n + b"\nid: 1\n"
    ),
    "catalogue without its end line": lambda s, n: _viewer_page(
        s, b"...id: 1\nrefid: 06STATE1\nheader:\n" + b"RUEHC/SECSTATE WASHDC\n" * (n // 22)
    ),
    "catalogue lines and blanks": lambda s, n: _viewer_page(
        s, b"12345\n2006-01-01 10:00:00\n06STATE1\n" + b"Embassy Paris\n" * 3 + b" " * n
    ),
    "glued cable dated": lambda s, n: _viewer_page(
        s, b"Cable dated:2006-02-18T20:20:00]" + b" " * n
    ),
    "catalogue ids at both ends": lambda s, n: _viewer_page(
        s, b"2001VATICA01261\n", b"2001VATICA01261 " * (n // 16)
    ),
    # segments: a flattened header line with a long frame, a marking before long blanks
    "a long frame before a glued paragraph": lambda s, n: _insert(
        s, b"(B) AND (D)\n", b"-" * n + b" SUMMARY ---------- 1. (C) Text\n"
    ),
    "blanks after a marking": lambda s, n: _insert(s, b"(B) AND (D)\n", b"(U)" + b" " * n + b"x\n"),
    "one long flattened line": lambda s, n: (
        b"C O N F I D E N T I A L PARIS 000123 E.O. 12958: DECL: 1/1/2019 TAGS: PREL SUBJECT: X "
        + b"(U) a " * (n // 6)
    ),
    # recipients: addressees with misspelt precedences, a long XMT line
    "misspelt precedences": lambda s, n: _insert(
        s, b"USLO TRIPOLI IMMEDIATE\n", b"AMEMBASSY PARIS PRIORTIY\n" * (n // 25)
    ),
    "a long XMT line": lambda s, n: _insert(
        s, b"USLO TRIPOLI IMMEDIATE\n", b"XMT " + b"AMEMBASSY OSLO " * (n // 15) + b"\n"
    ),
    # signers: routing lines after the signature, a Visit notice on the last line
    "routing lines at the end": lambda s, n: (
        s + b"\nFM AMEMBASSY X\n" + b"RUEHC/SECSTATE WASHDC\n" * (n // 22)
    ),
    "visit notice on the last line": lambda s, n: _insert(
        s, b"\nRICE", b"\nVisit London's Classified Website: " + b"X" * n + b" TUTTLE"
    ),
    # summary and classified_by: a framed heading of dashes, an open reasons list
    "summary heading and dashes": lambda s, n: _insert(
        s, b"\xc2\xb61. (C) ", b"SUMMARY" + b"-" * n + b" "
    ),
    "an open reasons list": lambda s, n: _insert(
        s, b"(B) AND (D)", b" and," * (n // 5) + b"\nand (d)"
    ),
    # signers: the last line is one long run of a letter
    "letter run on the last line": lambda s, n: _insert(s, b"\nRICE", b"X" * n),
    "mixed-case run on the last line": lambda s, n: _insert(s, b"\nRICE", b"Xx" * (n // 2)),
    # reference_id: a long capital-letter token in the preamble (classification line)
    "capital token in the preamble": lambda s, n: _insert(s, b"STATE 027174", b"A" * n),
    "capital token after FM": lambda s, n: _insert(s, b"FM SECSTATE", b"X" * n),
    "hyphenated token in the preamble": lambda s, n: _insert(s, b"STATE 027174", b"A-" * (n // 2)),
    # drop_page_breaks: blanks before an old-layout page-break line
    "blanks before a page-break line": lambda s, n: _insert(
        s,
        b"Roadmap.",
        b" " * n + b"\nCONFIDENTIAL\nPAGE 02 STATE 027174 02 OF 03 291400Z\n",
    ),
    # cleanup: blanks before a line that does not end in the dump's backslash
    "blanks before a backslash": lambda s, n: _insert(
        s, b"Roadmap.", b" a\\\n" * 5 + b" " * n + b"\\x\n"
    ),
    # cleanup: many repeated section headers on one long line
    "section headers on one line": lambda s, n: _insert(
        s, b"Roadmap.", b" SECTION 02 OF 02" * (n // 17)
    ),
    # summary: blanks before a text that never says END SUMMARY
    "blanks in a summary": lambda s, n: _insert(
        s, b"(C) Department", b" SUMMARY: " + b"( " * (n // 2) + b" END summaryx"
    ),
    # classified_by: a title in parentheses repeated over a long line
    "long classified-by line": lambda s, n: _insert(s, b"A/S WELCH", b" -a (" * (n // 4)),
    # tags: link syntax that never closes
    "unclosed tag links": lambda s, n: _insert(s, b"TAGS: ", b"[PREL](" * (n // 7)),
    # paragraphs: numbers that restart (the cable repeated), so every later block joins one
    "a cable repeated": lambda s, n: s * max(1, n // len(s)),
    # paragraphs: numbers that skip ahead, each looking ahead for the number expected
    "numbers that skip ahead": lambda s, n: _insert(
        s, b"Roadmap.", (b"\n\n9. Skip ahead.\n" + b"text line\n" * 50 + b"3. Back.\n") * (n // 530)
    ),
    # wikileaks_html: 40,000 and more nested <pre> tags
    "nested pre tags": lambda s, n: _nested_pre(n),
}


def _best_of_three(data: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        with contextlib.suppress(ParseError):
            parse_document(data)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_shape_parses_in_linear_time(shape: str, samples_dir: Path) -> None:
    seed = _seed(samples_dir)
    times = [_best_of_three(SHAPES[shape](seed, n)) for n in SIZES]
    small, medium, large = times
    # The floor keeps timer noise on runs of a few milliseconds from looking like growth.
    assert large / max(medium, _FLOOR) < 30, f"{shape}: {times} grows faster than linear"
    assert large < 1.0, f"{shape}: the 1 MB case took {large:.2f} s"
    assert medium / max(small, _FLOOR) < 30, f"{shape}: {times} grows faster than linear"


def test_post_and_serial_found_after_a_long_capital_token(samples_dir: Path) -> None:
    seed = _seed(samples_dir)
    data = seed.replace(b"L STATE 027174", b"L " + b"A" * 50_000 + b" STATE 027174", 1)
    record = parse_document(data)
    assert record.reference_id == "06STATE27174"
    assert record.subject == "MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS"


def test_nested_pre_page_keeps_the_cable_text() -> None:
    record = parse_document(_nested_pre(200_000))
    assert record.reference_id == "10STATE1"
    assert record.subject == "NESTED"
    assert record.signers == ["CLINTON"]
