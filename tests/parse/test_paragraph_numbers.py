"""Paragraph numbers are the cable's own, on real cable-viewer pages.

The cable viewer put a ``<a id='par3'>`` anchor before each paragraph the cable
numbers ``3.``: those anchors, read with a regex apart from the parser, are the
truth here. Sub-heads, lettered sub-paragraphs and ``--`` bullets belong to the
numbered paragraph before them; a cable that numbers nothing is numbered 1..n.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pytest

from cablebase.parse import CableRecord, parse_document
from cablebase.parse.record import Paragraph
from cablebase.parse.rules.paragraphs import own_numbering

VIEWER_ANCHOR = re.compile(rb"<a id='par(\d+)' href='#par\d+'>")


def _page(samples: Path, ref: str) -> bytes:
    return (samples / "cablegate-2010-pages" / f"{ref}.html").read_bytes()


def _parse(samples: Path, ref: str) -> CableRecord:
    return parse_document(_page(samples, ref), path=f"{ref}.html")


def _numbers(record: CableRecord) -> list[str | None]:
    return [p.number for p in record.paragraphs]


def _blocks(record: CableRecord, number: str) -> list[str]:
    return next(p for p in record.paragraphs if p.number == number).text.split("\n\n")


@pytest.mark.parametrize(
    "ref",
    [
        "07TALLINN366",  # sub-heads between paragraphs, one across a page break
        "09SAOPAULO653",  # seven title-case sub-heads
        "08STATE103511",  # upper-case sub-heads, "--" talking points
        "09STATE132349",  # "A." sub-paragraphs with "1)" items inside paragraph 1
        "09BERLIN1108",  # redacted paragraphs: "3. xxxxxxxxxxxx"
    ],
)
def test_numbers_are_the_viewers_anchors(samples_dir: Path, ref: str) -> None:
    """Each paragraph the viewer anchored as ``#parN`` is our paragraph ``N``, and no other."""
    want = [n.decode() for n in VIEWER_ANCHOR.findall(_page(samples_dir, ref))]
    got = [n for n in _numbers(_parse(samples_dir, ref)) if n is not None]
    assert got == want


def test_sub_heads_belong_to_the_paragraph_before(samples_dir: Path) -> None:
    r = _parse(samples_dir, "09SAOPAULO653")
    assert _numbers(r) == [str(i) for i in range(1, 14)]
    # "3. (C) For several years" is paragraph 3, not 4 as when sub-heads counted
    assert _blocks(r, "3")[0].startswith("For several years, the Consulate")
    assert _blocks(r, "2")[-1] == "Consulate Engagement: A Work in Progress"
    assert _blocks(r, "4")[-1] == "The Lebanese Connection"
    assert _blocks(r, "11")[-1] == "Reasons to Engage"


def test_sub_head_after_a_page_break_belongs_to_the_paragraph_before(samples_dir: Path) -> None:
    r = _parse(samples_dir, "07TALLINN366")
    assert _numbers(r) == [str(i) for i in range(1, 12)]
    assert _blocks(r, "1")[-1] == "Virtual Shots Heard Round the World"
    assert _blocks(r, "7")[-1] == "No Smoking Gun"
    assert _blocks(r, "8")[0].startswith("On May 2, Foreign Minister Urmas Paet")


def test_bullets_and_upper_case_heads_stay_in_their_paragraph(samples_dir: Path) -> None:
    r = _parse(samples_dir, "08STATE103511")
    assert _numbers(r) == [str(i) for i in range(1, 14)]
    four = _blocks(r, "4")
    assert four[0].startswith("(S/Rel to Ukraine) For Embassy Kyiv")
    assert len(four) == 8 and all(b.startswith("-- ") for b in four[1:])
    assert _blocks(r, "3")[-1] == "OBJECTIVES"
    assert _blocks(r, "7")[-1] == "BACKGROUND"
    assert _blocks(r, "12")[-1] == "POINTS OF CONTACT"


def test_lettered_sub_paragraphs_stay_in_their_paragraph(samples_dir: Path) -> None:
    r = _parse(samples_dir, "09STATE132349")
    assert [n for n in _numbers(r) if n] == ["1", "2"]
    one = _blocks(r, "1")
    assert [b[:2] for b in one if b[1:2] == "."] == ["A.", "B.", "C."]
    assert [b[:2] for b in one if b[1:2] == ")"] == ["1)", "2)", "1)", "1)"]
    assert _blocks(r, "2")[0].startswith("PLEASE CITE C-AL9-02612")


def test_redacted_paragraphs_keep_their_numbers(samples_dir: Path) -> None:
    r = _parse(samples_dir, "09BERLIN1108")
    assert _numbers(r) == [str(i) for i in range(1, 11)]
    assert _blocks(r, "3") == ["xxxxxxxxxxxx", "Mod: jung's initial approach was wrong"]
    assert _blocks(r, "7") == ["xxxxxxxxxxxx", "Comment"]


@pytest.mark.parametrize("ref", ["09BUENOSAIRES1235", "09DOHA502"])
def test_a_number_that_skips_ahead_of_the_next_one_is_text(samples_dir: Path, ref: str) -> None:
    """``12. In each...`` after 2., followed by ``3. (C)``: the cable's 3 to 12 all count."""
    numbers = [n for n in _numbers(_parse(samples_dir, ref)) if n]
    assert numbers == [str(i) for i in range(1, len(numbers) + 1)]
    assert len(numbers) >= 12


def test_a_skip_the_cable_makes_is_kept() -> None:
    head = b"UNCLASSIFIED STATE 000001\nSUBJECT: A SKIP\n\n"
    body = head + b"1. One.\n\n2. Two.\n\n4. Four.\n\n5. Five.\n"
    r = parse_document(body, format="telegram-text")
    assert _numbers(r) == ["1", "2", "4", "5"]


@pytest.mark.parametrize(
    "name", ["cable/2005/03/05ANKARA1656.html", "cable/2009/12/09SANJOSE1166.html"]
)
def test_a_cable_without_numbers_is_numbered_in_order(shared_corpus: Path, name: str) -> None:
    """A press summary and a report with title-case heads: no number anywhere."""
    with zipfile.ZipFile(shared_corpus / "cablegate-2011-04-pages.zip") as zf:
        data = zf.read(name)
    # the viewer anchored nothing but a year ("2006.") at a line start
    assert all(int(n) > 1900 for n in VIEWER_ANCHOR.findall(data))
    numbers = _numbers(parse_document(data, path=name))
    assert len(numbers) >= 5
    assert numbers == [str(i) for i in range(1, len(numbers) + 1)]


def test_an_opening_before_paragraph_1_stays_unnumbered(samples_dir: Path) -> None:
    """A lead the cable does not number is no paragraph a reader could cite as ¶N."""
    r = _parse(samples_dir, "09DOHA644")
    assert _numbers(r) == [None, "1", "2", "3", "4"]
    assert r.paragraphs[0].text.startswith("(C) KEY POINTS\n\n-- At an October 28 meeting")


def test_a_summary_before_paragraph_2_is_paragraph_1(samples_dir: Path) -> None:
    """Numbers that start at 2: the unnumbered lead is the cable's paragraph 1."""
    r = _parse(samples_dir, "08OSLO522")
    assert _numbers(r) == ["1", "2", "3", "4", "5", "6"]
    assert r.paragraphs[0].text.startswith("Summary: The GON decision making process")


def test_own_numbering_keeps_a_record_that_follows_the_rule() -> None:
    """Applied again (as the archive's migration applies it to stored rows), nothing moves."""
    paras = [
        Paragraph(None, None, "Opening."),
        Paragraph("1", "C", "One.\n\nA HEAD"),
        Paragraph("2", "C", "Two."),
    ]
    assert own_numbering(paras) == paras
    numbered = own_numbering([Paragraph(None, None, "a"), Paragraph(None, None, "b")])
    assert numbered == [Paragraph("1", None, "a"), Paragraph("2", None, "b")]
    assert own_numbering(numbered) == numbered


def test_the_viewers_anchors_agree_on_nearly_every_page(samples_dir: Path) -> None:
    """All 415 pages: where the viewer's anchors run upward, our numbers are the same.

    The rest are cables that skip a number the viewer missed, or a lead before ``2.``.
    """
    agree = total = 0
    for page in sorted((samples_dir / "cablegate-2010-pages").glob("*.html")):
        data = page.read_bytes()
        want = [int(n) for n in VIEWER_ANCHOR.findall(data)]
        if not want or any(b <= a for a, b in itertools.pairwise(want)):
            continue  # no anchors, or the viewer anchored a year ("2006.") or a quoted list
        record = parse_document(data, path=page.name)
        total += 1
        agree += [int(p.number) for p in record.paragraphs if p.number] == want
    assert total > 350
    assert agree / total >= 0.95, f"{agree} of {total}"
