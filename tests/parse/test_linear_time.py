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


# name -> (builder of a document of about n bytes from the seed, check of the record)
SHAPES: dict[str, Callable[[bytes, int], bytes]] = {
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
