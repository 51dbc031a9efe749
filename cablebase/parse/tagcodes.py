"""What a TAGS code means: ``describe_tag("PREL") -> ("subject", "External Political Relations")``.

Kinds follow the State Department's TAGS scheme: subject codes (``PREL``),
program codes (``KPAL``), organisation codes (``NATO``), two-letter FIPS 10-4
country codes (``IS`` Israel), person tags (``OVIP (CLINTON, HILLARY)``) and
anything else (``other``).  The code lists in ``data/tags-*.txt`` come from the
published collection and decide the kind; descriptions (``data/tag-names-*.txt``)
are given only where the meaning is established, otherwise the description is empty.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"
KINDS = ("subject", "program", "organization", "country", "person", "other")

# "OVIP (CLINTON, HILLARY)", "KJUS (SMITH, JOHN)", and bare "CLINTON, HILLARY".
_PERSON_IN_PARENS = re.compile(r"^\s*(?:[A-Z]{4}\s*)?\(\s*([^()]*,[^()]*)\)\s*$", re.IGNORECASE)
_BARE_PERSON = re.compile(r"^\s*[A-Z][A-Z'.-]+(?:\s+[A-Z'.-]+)*\s*,\s*[A-Z][A-Z'. -]*$", re.I)


@cache
def _code_list(kind: str) -> frozenset[str]:
    text = (_DATA / f"tags-{kind}.txt").read_text("utf-8")
    return frozenset(line.strip().upper() for line in text.splitlines() if line.strip())


@cache
def tag_names(kind: str) -> dict[str, str]:
    """Code -> description for a kind: ``subject``, ``program``, ``organization``, ``country``."""
    table: dict[str, str] = {}
    for line in (_DATA / f"tag-names-{kind}.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, description = line.partition("\t")
            table[code.strip().upper()] = description.strip()
    return table


def _person(code: str) -> str | None:
    """The person's name a person tag carries, as written (``CLINTON, HILLARY``)."""
    match = _PERSON_IN_PARENS.match(code)
    if match:
        return " ".join(match.group(1).split())
    if _BARE_PERSON.match(code):
        return " ".join(code.split())
    return None


def describe_tag(code: str) -> tuple[str, str]:
    """``(kind, description)`` for a TAGS code; the description is "" when unknown."""
    raw = " ".join((code or "").split())
    key = raw.upper()
    if not key:
        return ("other", "")
    name = _person(raw)
    if name is not None:
        return ("person", name)
    if len(key) == 2 and key.isalpha():
        if key in tag_names("country"):
            return ("country", tag_names("country")[key])
        if _known("organization", key):
            return ("organization", tag_names("organization").get(key, ""))
        return ("country", "")
    for kind in ("subject", "program", "organization"):
        if _known(kind, key):
            return (kind, tag_names(kind).get(key, ""))
    return ("other", "")


def _known(kind: str, key: str) -> bool:
    return key in tag_names(kind) or key in _code_list(kind)


@cache
def _all_codes() -> frozenset[str]:
    kinds = ("subject", "program", "organization")
    codes = {c for kind in kinds for c in _code_list(kind) | set(tag_names(kind))}
    return frozenset(codes | set(tag_names("country")))


def split_glued(run: str) -> list[str] | None:
    """``KFRDCVISCMGTCASCPHUMSMIGEG`` -> the known codes it is made of.

    Subject, program and organisation codes (three letters or more) first, then
    any two-letter country codes at the end, as TAGS lines order them. None when
    the run is a known code itself or no such cover exists: a run is never cut
    into fixed-width pieces, and a word is not read as a string of countries.
    """
    known = _all_codes()
    if run in known or not run.isalpha():
        return None
    size = len(run)
    # best[i]: fewest long codes covering run[:i]
    best: list[list[str] | None] = [None] * (size + 1)
    best[0] = []
    for end in range(3, size + 1):
        for length in range(3, min(end, 12) + 1):
            before = best[end - length]
            piece = run[end - length : end]
            current = best[end]
            if (
                before is not None
                and piece in known
                and (current is None or len(before) + 1 < len(current))
            ):
                best[end] = [*before, piece]
    countries = tag_names("country")
    for cut in range(size, 0, -2):
        head = best[cut]
        if not head:
            continue
        tail = [run[i : i + 2] for i in range(cut, size, 2)]
        if all(t in countries for t in tail):
            return [*head, *tail] if len(head) + len(tail) > 1 else None
    return None
