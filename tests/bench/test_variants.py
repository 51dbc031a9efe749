"""Header variants met in real cables appear in the generated corpus, with the truth a
careful reader would give (the header variants of docs/record.md)."""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from pathlib import Path

import pytest

from bench.generate import generate

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def cables(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict, str]]:
    """(truth, text as written) for 2,000 cables of the CSV dump."""
    out = tmp_path_factory.mktemp("variants")
    manifest = generate(2000, 11, out, formats=("cables-csv",), workers=1)
    with gzip.open(out / "truth.jsonl.gz", "rt", encoding="utf-8") as fh:
        truth = {t["reference_id"]: t for t in map(json.loads, fh)}
    old = csv.field_size_limit(sys.maxsize)
    try:
        rows = []
        for name in manifest["csv_files"]:
            with open(Path(out) / name, newline="", encoding="utf-8") as fh:
                rows += [(truth[r[2]], r[7]) for r in csv.reader(fh)]
    finally:
        csv.field_size_limit(old)
    return rows


def _head(text: str) -> str:
    """The text header: everything before paragraph 1."""
    m = re.search(r"^¶?1\. \(", text, re.M)
    return text[: m.start()] if m else text


def test_caveats_follow_the_header_top_down(cables: list[tuple[dict, str]]) -> None:
    seen = 0
    for truth, text in cables:
        head = _head(text).replace("/", " ")
        where = [re.search(rf"\b{c}\b", head) for c in truth["caveats"]]
        assert all(where), (truth["reference_id"], truth["caveats"])
        starts = [m.start() for m in where if m]
        assert starts == sorted(starts), (truth["reference_id"], truth["caveats"])
        seen += len(starts) > 1
    assert seen > 100


def _count(cables: list[tuple[dict, str]], pattern: str) -> int:
    rx = re.compile(pattern, re.M)
    return sum(1 for _, text in cables if rx.search(_head(text)))


@pytest.mark.parametrize(
    "pattern",
    [
        r"^SUBJ: ",  # SUBJ: for SUBJECT:
        r"^SUBJECT [^:]",  # keyword without its colon
        r"^Tags: ",  # any letter case
        r"^TAGS [A-Z]",
        r"^E\.o\. \d{5}: .* Tags: .* Subject: ",  # E.O., TAGS, SUBJECT on one line
        r"[A-Z]{2,}REF",  # the subject ends where the REF list begins on the same line
        r"^REF [^:]",
        r"\(A\)[A-Z0-9]",  # labels glued to posts
        r"^REF: [^A-Z(]*\d[^;\n]*; ",  # no labels, semicolons
        r"\b(?:19|20)\d\d [A-Z]+ \d+",  # four-digit years
        r"SECSTATE \d",
        r"^SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY$",
        r"^(?:State for|Note - |C O R R E C T E D)",  # notice lines inside the header
        r"[A-Z]+/[A-Z0-9-]+",  # codes with a slash in TAGS lines
    ],
)
def test_every_variant_occurs(cables: list[tuple[dict, str]], pattern: str) -> None:
    assert _count(cables, pattern) >= 1, pattern


def test_truth_of_variants(cables: list[tuple[dict, str]]) -> None:
    glued = one_line = lower_tags = backslashed = 0
    for truth, text in cables:
        head = _head(text)
        assert truth["subject"] is None or "REF" not in truth["subject"].split()[-1:]
        if re.search(r"^E\.o\. \d{5}: ", head, re.M):
            one_line += 1
            assert truth["subject"] == truth["subject"].lower()
        if re.search(r"[A-Z]{2,}REF:? ", head):
            glued += 1
            assert not truth["subject"].endswith("REF")
        if re.search(r"^Tags?:? [a-z]", head, re.M) or re.search(r"^TAGS: [a-z]", head, re.M):
            lower_tags += 1
        assert all(t == t.upper() for t in truth["tags"])  # lower case codes are upper-cased
        if text.count("\\\n") > 5:
            backslashed += 1
            # the dump's escaped newlines are not part of the text
            assert "\\" not in truth["body"]
    assert glued and one_line and lower_tags and backslashed
