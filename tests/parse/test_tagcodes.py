"""TAGS codes: kinds decided by the collection's code lists, descriptions only where known."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablebase.parse.tagcodes import KINDS, describe_tag, tag_names

DATA = Path(__file__).resolve().parents[2] / "cablebase" / "parse" / "data"


def codes(kind: str) -> list[str]:
    return [line.strip() for line in (DATA / f"tags-{kind}.txt").read_text().splitlines() if line]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("PREL", ("subject", "External Political Relations")),
        ("PGOV", ("subject", "Internal Governmental Affairs")),
        ("PHUM", ("subject", "Human Rights")),
        ("ECON", ("subject", "Economic Conditions")),
        ("ETRD", ("subject", "Foreign Trade")),
        ("MARR", ("subject", "Military and Defense Arrangements")),
        ("PTER", ("subject", "Terrorists and Terrorism")),
        ("KNNP", ("program", "Nuclear Nonproliferation")),
        ("KPAL", ("program", "Palestinian Affairs")),
        ("NATO", ("organization", "North Atlantic Treaty Organization")),
        ("UNSC", ("organization", "UN Security Council")),
        ("IAEA", ("organization", "International Atomic Energy Agency")),
        ("EU", ("organization", "European Union")),
        ("IS", ("country", "Israel")),
        ("RS", ("country", "Russia")),
        ("IZ", ("country", "Iraq")),
        ("KU", ("country", "Kuwait")),
        ("GM", ("country", "Germany")),
        ("CH", ("country", "China")),
        ("KS", ("country", "Korea, South")),
        ("UK", ("country", "United Kingdom")),
        ("prel", ("subject", "External Political Relations")),
        (" rs ", ("country", "Russia")),
    ],
)
def test_known_codes(code, expected):
    assert describe_tag(code) == expected


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("OVIP (CLINTON, HILLARY)", "CLINTON, HILLARY"),
        ("KJUS (SMITH,  JOHN A.)", "SMITH, JOHN A."),
        ("CLINTON, HILLARY", "CLINTON, HILLARY"),
    ],
)
def test_person_tags(code, name):
    assert describe_tag(code) == ("person", name)


def test_unknown_codes_get_no_invented_description():
    assert describe_tag("XQZW") == ("other", "")
    assert describe_tag("") == ("other", "")
    assert describe_tag("ZZ") == ("country", "")  # two letters: a country code we do not know
    assert describe_tag("ACKM") == ("subject", "")  # listed subject, meaning not established


@pytest.mark.parametrize("kind", ["subject", "program", "organization"])
def test_every_listed_code_gets_its_kind(kind):
    for code in codes(kind):
        got, _ = describe_tag(code)
        if len(code) == 2 and code.upper() in tag_names("country"):
            assert got == "country", code  # "AL": Albania wins over the organisation list
        else:
            assert got == kind, code


def test_fips_table_is_full_and_uses_state_codes():
    assert len(tag_names("country")) > 250
    assert all(len(c) == 2 and c.isupper() for c in tag_names("country"))
    assert tag_names("country")["AS"] == "Australia" and tag_names("country")["AU"] == "Austria"
    assert tag_names("country")["SF"] == "South Africa" and tag_names("country")["SP"] == "Spain"


def test_most_subject_and_program_codes_are_described():
    described = [c for c in codes("subject") if describe_tag(c)[1]]
    assert len(described) >= 75
    assert len([c for c in codes("program") if describe_tag(c)[1]]) >= 30


@given(st.text(max_size=60))
def test_any_input_yields_a_known_kind_and_a_string(code):
    kind, description = describe_tag(code)
    assert kind in KINDS
    assert isinstance(description, str)
